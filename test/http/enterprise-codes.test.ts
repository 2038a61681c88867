/**
 * Enterprise codes: CreateEnterpriseCode, ListEnterpriseCode,
 * UpdateEnterpriseCode, DeleteEnterpriseCode and
 * UpdateSmartAGEnterpriseCode, over the default fixtures (the default
 * account holds EC001, used by sag-entcode0001).
 */
import t, { type Test } from 'tap';
import type { FastifyInstance } from 'fastify';
import { call, testApp } from '../helpers/app';
import { ERRORS, expectError, expectSuccess, expectXmlSuccess, invalidParameterError, type ExpectedError } from '../helpers/api-expect';

const ACCOUNT = '1000000000000001';
const OTHER_ACCOUNT = '1000000000000002';
const AS_OTHER_ACCOUNT = { AccessKeyId: 'otherid' };
const SHANGHAI_APP = 'sag-m9uhqekwnqcnyy****';
const HANGZHOU_APP = 'sag-ghwa10ko6ndwug****';

type Case = [name: string, change: Record<string, string>, expected: ExpectedError];

async function appFor(t: Test): Promise<FastifyInstance> {
  const app = await testApp();
  t.teardown(() => app.close());
  return app;
}

async function createCode(t: Test, app: FastifyInstance, code: string, params: Record<string, string> = {}): Promise<void> {
  expectSuccess(t, 'CreateEnterpriseCode', await call(app, 'CreateEnterpriseCode', { RegionId: 'cn-hangzhou', EnterpriseCode: code, ...params }), `create ${code}`);
}

function codesOf(app: FastifyInstance, accountId = ACCOUNT) {
  return app.emulator.store.enterpriseCodes.listOfAccount(accountId).map(({ code, isDefault }) => ({ code, isDefault }));
}

function enterpriseCodeOf(app: FastifyInstance, regionId: string, instanceId: string): string | null | undefined {
  return app.emulator.store.instances.findInRegion(ACCOUNT, regionId, instanceId)?.enterpriseCode;
}

t.test('CreateEnterpriseCode', async (t) => {
  t.test('reserves a code for the account', async (t) => {
    const app = await appFor(t);
    const body = expectSuccess(t, 'CreateEnterpriseCode', await call(app, 'CreateEnterpriseCode', { RegionId: 'cn-shanghai', EnterpriseCode: 'ab12C' }));
    t.same(Object.keys(body), ['RequestId']);
    t.same(codesOf(app), [{ code: 'EC001', isDefault: false }, { code: 'ab12C', isDefault: false }]);
    expectXmlSuccess(t, 'CreateEnterpriseCode', await call(app, 'CreateEnterpriseCode', { RegionId: 'cn-hangzhou', EnterpriseCode: '9ZZZZ' }, { format: 'XML' }));
    t.ok(codesOf(app).some(({ code }) => code === '9ZZZZ'), 'codes belong to the account, not to the region named');
    await createCode(t, app, '12P**');
    t.ok(codesOf(app).some(({ code }) => code === '12P**'), 'the documented sample works as printed');
  });

  t.test('a retry with the same ClientToken succeeds without a second code', async (t) => {
    const app = await appFor(t);
    await createCode(t, app, 'RT001', { ClientToken: 'token-1' });
    await createCode(t, app, 'RT001', { ClientToken: 'token-1' });
    t.equal(codesOf(app).filter(({ code }) => code === 'RT001').length, 1);
    expectError(t, await call(app, 'CreateEnterpriseCode', { RegionId: 'cn-hangzhou', EnterpriseCode: 'RT001', ClientToken: 'token-2' }), ERRORS.codeOccupied, 'another token');
    expectError(t, await call(app, 'CreateEnterpriseCode', { RegionId: 'cn-hangzhou', EnterpriseCode: 'RT001' }), ERRORS.codeOccupied, 'no token');
    expectError(t, await call(app, 'CreateEnterpriseCode', { RegionId: 'cn-hangzhou', EnterpriseCode: 'RT001', ClientToken: 'token-1', ...AS_OTHER_ACCOUNT }), ERRORS.codeOccupied, "another account with the creator's token");
  });

  t.test('errors', async (t) => {
    const app = await appFor(t);
    const cases: Case[] = [
      ['4 characters', { EnterpriseCode: 'AB12' }, invalidParameterError('EnterpriseCode')],
      ['6 characters', { EnterpriseCode: 'AB1234' }, invalidParameterError('EnterpriseCode')],
      ['letters only', { EnterpriseCode: 'ABCDE' }, invalidParameterError('EnterpriseCode')],
      ['digits only', { EnterpriseCode: '12345' }, invalidParameterError('EnterpriseCode')],
      ['a hyphen', { EnterpriseCode: 'AB-12' }, invalidParameterError('EnterpriseCode')],
      ['held by the account already', { EnterpriseCode: 'EC001' }, ERRORS.codeOccupied],
      ['held by another account', { EnterpriseCode: 'EC001', ...AS_OTHER_ACCOUNT }, ERRORS.codeOccupied],
      ['unknown region', { EnterpriseCode: 'AB123', RegionId: 'cn-nowhere' }, ERRORS.invalidRegion],
      ['no code', { EnterpriseCode: '' }, [400, 'MissingEnterpriseCode', 'EnterpriseCode is mandatory for this action.']],
    ];
    for (const [name, change, expected] of cases) {
      expectError(t, await call(app, 'CreateEnterpriseCode', { RegionId: 'cn-hangzhou', ...change }), expected, name);
    }
    expectError(t, await call(app, 'CreateEnterpriseCode', { RegionId: 'cn-hangzhou', EnterpriseCode: 'EC001' }, { format: 'XML' }), ERRORS.codeOccupied, 'XML');
    t.same(codesOf(app), [{ code: 'EC001', isDefault: false }], 'no error created a code');
    t.same(codesOf(app, OTHER_ACCOUNT), []);
  });
});

t.test('ListEnterpriseCode', async (t) => {
  const list = (app: FastifyInstance, params: Record<string, string> = {}, format?: 'XML') =>
    call(app, 'ListEnterpriseCode', { RegionId: 'cn-hangzhou', ...params }, { format });

  t.test("lists the account's codes", async (t) => {
    const app = await appFor(t);
    const body = expectSuccess(t, 'ListEnterpriseCode', await list(app));
    t.same(body, { RequestId: body.RequestId, TotalCount: 1, MaxResults: 10, NextToken: '', EnterpriseCodes: [{ EnterpriseCode: 'EC001', IsDefault: false }] });
    const other = expectSuccess(t, 'ListEnterpriseCode', await list(app, AS_OTHER_ACCOUNT));
    t.same(other.EnterpriseCodes, [], 'another account has none');
    t.equal(other.TotalCount, 0);
    const xml = await list(app, {}, 'XML');
    expectXmlSuccess(t, 'ListEnterpriseCode', xml, '<EnterpriseCodes><EnterpriseCode>EC001</EnterpriseCode><IsDefault>false</IsDefault></EnterpriseCodes>');
  });

  t.test('NextToken batches, filters', async (t) => {
    const app = await appFor(t);
    for (const code of ['AA001', 'BB002', 'CC003', 'DD004']) await createCode(t, app, code);
    expectSuccess(t, 'UpdateEnterpriseCode', await call(app, 'UpdateEnterpriseCode', { RegionId: 'cn-hangzhou', EnterpriseCode: 'CC003', IsDefault: 'true' }));
    const seen: string[] = [];
    let token: string | undefined;
    let calls = 0;
    do {
      const body = expectSuccess(t, 'ListEnterpriseCode', await list(app, { MaxResults: '2', ...(token ? { NextToken: token } : {}) }));
      t.equal(body.TotalCount, 5);
      t.equal(body.MaxResults, 2);
      seen.push(...body.EnterpriseCodes.map((item: { EnterpriseCode: string }) => item.EnterpriseCode));
      token = body.NextToken || undefined;
      calls++;
    } while (token);
    t.same(seen, ['AA001', 'BB002', 'CC003', 'DD004', 'EC001'], 'every code once, in code order');
    t.equal(calls, 3);
    const only = async (params: Record<string, string>) => expectSuccess(t, 'ListEnterpriseCode', await list(app, params));
    t.same((await only({ IsDefault: 'true' })).EnterpriseCodes, [{ EnterpriseCode: 'CC003', IsDefault: true }]);
    t.equal((await only({ IsDefault: 'false' })).TotalCount, 5, 'false: every code');
    t.same((await only({ EnterpriseCode: 'BB002' })).EnterpriseCodes, [{ EnterpriseCode: 'BB002', IsDefault: false }]);
    t.same((await only({ EnterpriseCode: 'ZZ999' })).EnterpriseCodes, []);
    const firstBatch = await only({ MaxResults: '2' });
    expectSuccess(t, 'CreateEnterpriseCode', await call(app, 'CreateEnterpriseCode', { RegionId: 'cn-hangzhou', EnterpriseCode: 'AB000' }));
    const afterInsert = await only({ MaxResults: '2', NextToken: firstBatch.NextToken });
    t.same(afterInsert.EnterpriseCodes.map((item: { EnterpriseCode: string }) => item.EnterpriseCode), ['CC003', 'DD004'], 'a token resumes after its last code, whatever was added before it');
  });

  t.test('errors', async (t) => {
    const app = await appFor(t);
    expectError(t, await list(app, { NextToken: 'not-a-token' }), invalidParameterError('NextToken'), 'a token it never gave');
    expectError(t, await list(app, { MaxResults: '0' }), invalidParameterError('MaxResults'), 'MaxResults 0');
    expectError(t, await list(app, { MaxResults: '101' }), invalidParameterError('MaxResults'), 'MaxResults 101');
    expectError(t, await list(app, { RegionId: 'cn-nowhere' }), ERRORS.invalidRegion);
    expectError(t, await list(app, { NextToken: 'zz' }, 'XML'), invalidParameterError('NextToken'), 'XML');
  });
});

t.test('UpdateEnterpriseCode', async (t) => {
  const update = (app: FastifyInstance, params: Record<string, string>, format?: 'XML') =>
    call(app, 'UpdateEnterpriseCode', { RegionId: 'cn-hangzhou', ...params }, { format });

  t.test('one default at most', async (t) => {
    const app = await appFor(t);
    await createCode(t, app, 'AB123');
    expectSuccess(t, 'UpdateEnterpriseCode', await update(app, { EnterpriseCode: 'EC001', IsDefault: 'true' }));
    t.same(codesOf(app), [{ code: 'AB123', isDefault: false }, { code: 'EC001', isDefault: true }]);
    expectXmlSuccess(t, 'UpdateEnterpriseCode', await update(app, { EnterpriseCode: 'AB123', IsDefault: 'true' }, 'XML'));
    t.same(codesOf(app), [{ code: 'AB123', isDefault: true }, { code: 'EC001', isDefault: false }], 'the new default replaces the old');
    expectSuccess(t, 'UpdateEnterpriseCode', await update(app, { EnterpriseCode: 'AB123', IsDefault: 'false' }));
    t.same(codesOf(app), [{ code: 'AB123', isDefault: false }, { code: 'EC001', isDefault: false }], 'no default at all');
  });

  t.test('errors', async (t) => {
    const app = await appFor(t);
    const cases: Case[] = [
      ['unknown code', { EnterpriseCode: 'ZZ999', IsDefault: 'true' }, ERRORS.codeNotExist],
      ["another account's code", { EnterpriseCode: 'EC001', IsDefault: 'true', ...AS_OTHER_ACCOUNT }, ERRORS.codeNotExist],
      ['IsDefault missing', { EnterpriseCode: 'EC001' }, [400, 'MissingIsDefault', 'IsDefault is mandatory for this action.']],
      ['unknown region', { EnterpriseCode: 'EC001', IsDefault: 'true', RegionId: 'cn-nowhere' }, ERRORS.invalidRegion],
    ];
    for (const [name, change, expected] of cases) expectError(t, await update(app, change), expected, name);
    expectError(t, await update(app, { EnterpriseCode: 'ZZ999', IsDefault: 'true' }, 'XML'), ERRORS.codeNotExist, 'XML');
    t.same(codesOf(app), [{ code: 'EC001', isDefault: false }]);
  });
});

t.test('DeleteEnterpriseCode', async (t) => {
  const remove = (app: FastifyInstance, params: Record<string, string>, format?: 'XML') =>
    call(app, 'DeleteEnterpriseCode', { RegionId: 'cn-hangzhou', ...params }, { format });

  t.test('removes an unused ordinary code', async (t) => {
    const app = await appFor(t);
    await createCode(t, app, 'AB123');
    await createCode(t, app, 'CD456');
    expectSuccess(t, 'DeleteEnterpriseCode', await remove(app, { EnterpriseCode: 'AB123' }));
    expectXmlSuccess(t, 'DeleteEnterpriseCode', await remove(app, { EnterpriseCode: 'CD456', ClientToken: 't' }, 'XML'));
    t.same(codesOf(app), [{ code: 'EC001', isDefault: false }]);
    await createCode(t, app, 'AB123');
    t.ok(codesOf(app).some(({ code }) => code === 'AB123'), 'a deleted code can be created again');
  });

  t.test('errors', async (t) => {
    const app = await appFor(t);
    await createCode(t, app, 'DF001');
    expectSuccess(t, 'UpdateEnterpriseCode', await call(app, 'UpdateEnterpriseCode', { RegionId: 'cn-hangzhou', EnterpriseCode: 'DF001', IsDefault: 'true' }));
    const cases: Case[] = [
      ['the default code', { EnterpriseCode: 'DF001' }, ERRORS.codeDeleteLimit],
      ['used by sag-entcode0001', { EnterpriseCode: 'EC001' }, ERRORS.codeBeingUsed],
      ['unknown code', { EnterpriseCode: 'ZZ999' }, ERRORS.codeNotExist],
      ["another account's code", { EnterpriseCode: 'EC001', ...AS_OTHER_ACCOUNT }, ERRORS.codeNotExist],
      ['unknown region', { EnterpriseCode: 'EC001', RegionId: 'cn-nowhere' }, ERRORS.invalidRegion],
    ];
    for (const [name, change, expected] of cases) expectError(t, await remove(app, change), expected, name);
    expectError(t, await remove(app, { EnterpriseCode: 'DF001' }, 'XML'), ERRORS.codeDeleteLimit, 'XML');
    t.same(codesOf(app), [{ code: 'DF001', isDefault: true }, { code: 'EC001', isDefault: false }]);
  });
});

t.test('UpdateSmartAGEnterpriseCode', async (t) => {
  const update = (app: FastifyInstance, params: Record<string, string>, format?: 'XML') =>
    call(app, 'UpdateSmartAGEnterpriseCode', { RegionId: 'cn-hangzhou', SmartAGId: HANGZHOU_APP, EnterpriseCode: 'EC001', ...params }, { format });

  t.test('moves a SAG APP instance to a code', async (t) => {
    const app = await appFor(t);
    expectSuccess(t, 'UpdateSmartAGEnterpriseCode', await update(app, {}));
    t.equal(enterpriseCodeOf(app, 'cn-hangzhou', HANGZHOU_APP), 'EC001');
    const described = expectSuccess(t, 'DescribeSmartAccessGateways', await call(app, 'DescribeSmartAccessGateways', { RegionId: 'cn-hangzhou', SmartAGId: HANGZHOU_APP }));
    t.equal(described.SmartAccessGateways.SmartAccessGateway[0].EnterpriseCode, 'EC001');
    await createCode(t, app, 'AB123');
    expectXmlSuccess(t, 'UpdateSmartAGEnterpriseCode', await update(app, { EnterpriseCode: 'AB123' }, 'XML'));
    t.equal(enterpriseCodeOf(app, 'cn-hangzhou', HANGZHOU_APP), 'AB123');
    const deleteEc001 = () => call(app, 'DeleteEnterpriseCode', { RegionId: 'cn-hangzhou', EnterpriseCode: 'EC001' });
    expectError(t, await deleteEc001(), ERRORS.codeBeingUsed, 'sag-entcode0001 still uses EC001');
    expectSuccess(t, 'UpdateSmartAGEnterpriseCode', await update(app, { SmartAGId: 'sag-entcode0001', EnterpriseCode: 'AB123' }));
    expectSuccess(t, 'DeleteEnterpriseCode', await deleteEc001(), 'a code no instance uses any more can go');
  });

  t.test('a user name may not be held twice under one code', async (t) => {
    const app = await appFor(t);
    // Both sample instances have an account "shareduser" of their own.
    expectSuccess(t, 'UpdateSmartAGEnterpriseCode', await update(app, { RegionId: 'cn-shanghai', SmartAGId: SHANGHAI_APP }));
    expectError(t, await update(app, {}), ERRORS.userNameConflict);
    expectError(t, await update(app, {}, 'XML'), ERRORS.userNameConflict, 'XML');
    t.equal(enterpriseCodeOf(app, 'cn-hangzhou', HANGZHOU_APP), null, 'unchanged');
    app.emulator.store.db.prepare("DELETE FROM client_users WHERE instance_id = ? AND user_name = 'shareduser'").run(HANGZHOU_APP);
    expectSuccess(t, 'UpdateSmartAGEnterpriseCode', await update(app, {}), 'once the name is gone');
  });

  t.test('errors', async (t) => {
    const app = await appFor(t);
    const cases: Case[] = [
      ['unknown instance', { SmartAGId: 'sag-x' }, ERRORS.instanceNoFound],
      ['instance of another region', { SmartAGId: SHANGHAI_APP }, ERRORS.instanceNoFound],
      ["another account's instance", { SmartAGId: 'sag-otheraccount01' }, ERRORS.instanceNoFound],
      ['seen from another account', AS_OTHER_ACCOUNT, ERRORS.instanceNoFound],
      ['a hardware instance', { SmartAGId: 'sag-hardware0001' }, ERRORS.actionNotSupport],
      ['unknown code', { EnterpriseCode: 'ZZ999' }, ERRORS.codeNotExist],
      ["another account's code", { ...AS_OTHER_ACCOUNT, SmartAGId: 'sag-otheraccount01' }, ERRORS.codeNotExist],
      ['unknown region', { RegionId: 'cn-nowhere' }, ERRORS.invalidRegion],
    ];
    for (const [name, change, expected] of cases) expectError(t, await update(app, change), expected, name);
    expectError(t, await update(app, { SmartAGId: 'sag-x' }, 'XML'), ERRORS.instanceNoFound, 'XML');
    t.equal(enterpriseCodeOf(app, 'cn-hangzhou', HANGZHOU_APP), null);
  });
});
