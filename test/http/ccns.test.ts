/**
 * Cloud connect networks: CreateCloudConnectNetwork,
 * DescribeCloudConnectNetworks, ModifyCloudConnectNetwork,
 * DeleteCloudConnectNetwork, BindSmartAccessGateway and
 * UnbindSmartAccessGateway, over the default fixtures.
 */
import t, { type Test } from 'tap';
import type { FastifyInstance } from 'fastify';
import { call, testApp } from '../helpers/app';
import { ERRORS, expectError, expectSuccess, expectXmlSuccess, type ExpectedError } from '../helpers/api-expect';

const ACCOUNT = '1000000000000001';
const OTHER_ACCOUNT = '1000000000000002';
const AS_OTHER_ACCOUNT = { AccessKeyId: 'otherid' };
const SAMPLE_CCN = 'ccn-sample00000000001';
const HANGZHOU_APP = 'sag-ghwa10ko6ndwug****';
const SHANGHAI_APP = 'sag-m9uhqekwnqcnyy****';
const OTHER_ACCOUNTS_APP = 'sag-otheraccount01';

type Case = [name: string, change: Record<string, string>, expected: ExpectedError];

async function appFor(t: Test): Promise<FastifyInstance> {
  const app = await testApp();
  t.teardown(() => app.close());
  return app;
}

async function createCcn(t: Test, app: FastifyInstance, params: Record<string, string> = {}): Promise<string> {
  const body = expectSuccess(t, 'CreateCloudConnectNetwork', await call(app, 'CreateCloudConnectNetwork', { RegionId: 'cn-hangzhou', ...params }));
  return body.CcnId;
}

function ccn(app: FastifyInstance, regionId: string, id: string, accountId = ACCOUNT) {
  return app.emulator.store.ccns.findInRegion(accountId, regionId, id);
}

function boundCcnOf(app: FastifyInstance, regionId: string, instanceId: string): string | null | undefined {
  return app.emulator.store.instances.findInRegion(ACCOUNT, regionId, instanceId)?.ccnId;
}

function bind(app: FastifyInstance, params: Record<string, string>, format?: 'XML') {
  return call(app, 'BindSmartAccessGateway', { RegionId: 'cn-hangzhou', CcnId: SAMPLE_CCN, SmartAGId: HANGZHOU_APP, ...params }, { format });
}

t.test('CreateCloudConnectNetwork', async (t) => {
  t.test('creates a CCN with its blocks and answers them', async (t) => {
    const app = await appFor(t);
    const body = expectSuccess(t, 'CreateCloudConnectNetwork', await call(app, 'CreateCloudConnectNetwork', {
      RegionId: 'cn-hangzhou', Name: 'branch.net_1', Description: 'Branches of the east', CidrBlock: '10.0.0.0/8,192.168.0.0/16', SnatCidrBlock: '172.16.0.0/24',
    }));
    t.match(body.CcnId, /^ccn-[a-z0-9]{18}$/);
    t.match(body, {
      Name: 'branch.net_1', Description: 'Branches of the east', CidrBlock: '10.0.0.0/8,192.168.0.0/16', SnatCidrBlock: '172.16.0.0/24',
      Status: 'Active', ResourceGroupId: /^rg-acfm[a-z0-9]{11}$/,
    });
    t.match(ccn(app, 'cn-hangzhou', body.CcnId), {
      regionId: 'cn-hangzhou', name: 'branch.net_1', cidrBlocks: ['10.0.0.0/8', '192.168.0.0/16'], snatCidrBlock: '172.16.0.0/24', interworkingStatus: 'enable',
    });
  });

  t.test('everything optional: without RegionId it is created in cn-shanghai', async (t) => {
    const app = await appFor(t);
    const body = expectSuccess(t, 'CreateCloudConnectNetwork', await call(app, 'CreateCloudConnectNetwork', {}));
    t.match(body, { Name: '', Description: '', CidrBlock: '', SnatCidrBlock: '' });
    t.ok(ccn(app, 'cn-shanghai', body.CcnId));
    const xml = await call(app, 'CreateCloudConnectNetwork', { RegionId: 'cn-hangzhou', Name: 'xmlnet' }, { format: 'XML' });
    expectXmlSuccess(t, 'CreateCloudConnectNetwork', xml, '<CcnId>ccn-', '<Name>xmlnet</Name>', '<Status>Active</Status>');
  });

  t.test('IsDefault is stored and read back', async (t) => {
    const app = await appFor(t);
    const id = await createCcn(t, app, { IsDefault: 'true' });
    t.equal(ccn(app, 'cn-hangzhou', id)?.isDefault, true);
    const listed = expectSuccess(t, 'DescribeCloudConnectNetworks', await call(app, 'DescribeCloudConnectNetworks', { RegionId: 'cn-hangzhou', CcnId: id }));
    t.equal(listed.CloudConnectNetworks.CloudConnectNetwork[0].IsDefault, true);
    const strict = await testApp({ strictParams: true });
    t.teardown(() => strict.close());
    expectSuccess(t, 'CreateCloudConnectNetwork', await call(strict, 'CreateCloudConnectNetwork', { RegionId: 'cn-hangzhou', IsDefault: 'false' }), 'accepted with strict parameter checking');
    expectError(t, await call(app, 'CreateCloudConnectNetwork', { RegionId: 'cn-hangzhou', IsDefault: 'yes' }), [400, 'InvalidParameter', 'Specified parameter IsDefault is not valid.']);
  });

  t.test('another account creates in its own account', async (t) => {
    const app = await appFor(t);
    const id = await createCcn(t, app, AS_OTHER_ACCOUNT);
    t.equal(ccn(app, 'cn-hangzhou', id), undefined);
    t.ok(ccn(app, 'cn-hangzhou', id, OTHER_ACCOUNT));
  });

  t.test('errors', async (t) => {
    const app = await appFor(t);
    const cases: Case[] = [
      ['Name starting with a digit', { Name: '9net' }, ERRORS.ccnInvalidName],
      ['Name over 100 characters', { Name: 'n'.repeat(101) }, ERRORS.ccnInvalidName],
      ['Description starting with https://', { Description: 'https://example.com' }, ERRORS.ccnInvalidDescription],
      ['CidrBlock not a.b.c.d/n', { CidrBlock: '10.0.0.0' }, ERRORS.ccnInvalidCidr],
      ['CidrBlock with host bits', { CidrBlock: '10.0.0.1/8' }, ERRORS.ccnInvalidCidr],
      ['CidrBlock public', { CidrBlock: '1.2.3.0/24' }, ERRORS.ccnInvalidCidr],
      ['CidrBlock overlapping itself', { CidrBlock: '10.0.0.0/8,10.1.0.0/16' }, ERRORS.ccnInvalidCidr],
      ['six CidrBlocks', { CidrBlock: ['10.1.0.0/16', '10.2.0.0/16', '10.3.0.0/16', '10.4.0.0/16', '10.5.0.0/16', '10.6.0.0/16'].join(',') }, ERRORS.ccnCidrAmountLimit],
      ['SnatCidrBlock without CidrBlock', { SnatCidrBlock: '172.16.0.0/24' }, ERRORS.ccnCidrEmpty],
      ['SnatCidrBlock malformed', { CidrBlock: '10.0.0.0/8', SnatCidrBlock: '172.16.0.0' }, ERRORS.ccnInvalidSnatCidr],
      ['two SnatCidrBlocks', { CidrBlock: '10.0.0.0/8', SnatCidrBlock: '172.16.0.0/24,172.17.0.0/24' }, ERRORS.ccnInvalidSnatCidr],
      ['SnatCidrBlock inside CidrBlock', { CidrBlock: '10.0.0.0/8', SnatCidrBlock: '10.9.0.0/24' }, ERRORS.ccnSnatCidrConflict],
      ['unknown region', { RegionId: 'cn-nowhere' }, ERRORS.invalidRegion],
    ];
    for (const [name, change, expected] of cases) {
      expectError(t, await call(app, 'CreateCloudConnectNetwork', { RegionId: 'cn-hangzhou', ...change }), expected, name);
    }
    expectError(t, await call(app, 'CreateCloudConnectNetwork', { RegionId: 'cn-hangzhou', Name: '9net' }, { format: 'XML' }), ERRORS.ccnInvalidName, 'XML');
    t.equal(app.emulator.store.ccns.countInRegion(ACCOUNT, 'cn-hangzhou'), 1, 'no error created a CCN');
  });

  t.test('at most 10 CCNs per region and account', async (t) => {
    const app = await appFor(t);
    const { store } = app.emulator;
    while (store.ccns.countInRegion(ACCOUNT, 'cn-hangzhou') < 10) await createCcn(t, app);
    expectError(t, await call(app, 'CreateCloudConnectNetwork', { RegionId: 'cn-hangzhou' }), ERRORS.ccnAmountLimit);
    await createCcn(t, app, { RegionId: 'cn-shanghai' });
    await createCcn(t, app, AS_OTHER_ACCOUNT);
  });
});

t.test('DescribeCloudConnectNetworks', async (t) => {
  const describe = (app: FastifyInstance, params: Record<string, string>, format?: 'XML') =>
    call(app, 'DescribeCloudConnectNetworks', { RegionId: 'cn-hangzhou', ...params }, { format });
  const idsOf = (body: Record<string, any>) => body.CloudConnectNetworks.CloudConnectNetwork.map((item: { CcnId: string }) => item.CcnId);

  t.test("lists the region's CCNs with their bound instances", async (t) => {
    const app = await appFor(t);
    expectSuccess(t, 'BindSmartAccessGateway', await bind(app, {}));
    expectSuccess(t, 'BindSmartAccessGateway', await bind(app, { SmartAGId: 'sag-entcode0001' }));
    app.emulator.store.db.prepare("UPDATE instances SET status = 'Offline' WHERE id = 'sag-entcode0001'").run();
    const body = expectSuccess(t, 'DescribeCloudConnectNetworks', await describe(app, {}));
    t.match(body, { TotalCount: 1, PageNumber: 1, PageSize: 10 });
    t.same(body.CloudConnectNetworks.CloudConnectNetwork, [{
      CcnId: SAMPLE_CCN,
      Name: 'SampleCcn',
      Description: 'A cloud connect network to bind the cn-hangzhou instances to',
      CidrBlock: '172.16.0.0/12',
      SnatCidrBlock: '',
      InterworkingStatus: 'enable',
      CreateTime: body.CloudConnectNetworks.CloudConnectNetwork[0].CreateTime,
      ResourceGroupId: body.CloudConnectNetworks.CloudConnectNetwork[0].ResourceGroupId,
      AssociatedCloudBoxCount: '2',
      AvailableCloudBoxCount: '1',
      AssociatedCenId: '',
      AssociatedCenOwnerId: '',
      Tags: { Tag: [] },
      IsDefault: false,
    }]);
    const xml = await describe(app, {}, 'XML');
    expectXmlSuccess(t, 'DescribeCloudConnectNetworks', xml, `<CloudConnectNetworks><CloudConnectNetwork><CcnId>${SAMPLE_CCN}</CcnId>`, '<TotalCount>1</TotalCount>');
  });

  t.test('scoped by region and account', async (t) => {
    const app = await appFor(t);
    const shanghai = await createCcn(t, app, { RegionId: 'cn-shanghai' });
    t.same(idsOf(expectSuccess(t, 'DescribeCloudConnectNetworks', await describe(app, { RegionId: 'cn-shanghai' }))), [shanghai]);
    t.same(idsOf(expectSuccess(t, 'DescribeCloudConnectNetworks', await describe(app, AS_OTHER_ACCOUNT))), []);
    t.same(idsOf(expectSuccess(t, 'DescribeCloudConnectNetworks', await describe(app, { CcnId: shanghai }))), [], 'by id, from another region');
    expectError(t, await describe(app, { RegionId: 'cn-nowhere' }), ERRORS.invalidRegion);
    expectError(t, await call(app, 'DescribeCloudConnectNetworks', {}), [400, 'MissingRegionId', 'RegionId is mandatory for this action.']);
  });

  t.test('filters and pages', async (t) => {
    const app = await appFor(t);
    const created = [SAMPLE_CCN];
    for (const name of ['alpha', 'beta', 'gamma', 'delta']) created.push(await createCcn(t, app, { Name: name }));
    const filtered = async (params: Record<string, string>) => expectSuccess(t, 'DescribeCloudConnectNetworks', await describe(app, params));
    t.same(idsOf(await filtered({ CcnId: created[2] })), [created[2]]);
    t.same(idsOf(await filtered({ Name: 'gamma' })), [created[3]]);
    t.same(idsOf(await filtered({ Name: 'gam' })), [], 'names match exactly');
    t.same(idsOf(await filtered({ 'Tag.1.Key': 'team', 'Tag.1.Value': 'net' })), [], 'no CCN has tags');
    const pages = [];
    for (const page of [1, 2, 3, 4]) {
      const body = await filtered({ PageSize: '2', PageNumber: String(page) });
      t.match(body, { TotalCount: 5, PageSize: 2, PageNumber: page });
      pages.push(idsOf(body));
    }
    t.same(pages, [created.slice(0, 2), created.slice(2, 4), created.slice(4), []], 'oldest first');
    expectError(t, await describe(app, { PageSize: '51' }), [400, 'InvalidParameter', 'Specified parameter PageSize is not valid.']);
  });

  t.test('tag filter errors', async (t) => {
    const app = await appFor(t);
    const cases: Case[] = [
      ['Value without Key', { 'Tag.1.Value': 'v' }, ERRORS.invalidTagKey],
      ['Key over 128 characters', { 'Tag.1.Key': 'k'.repeat(129) }, ERRORS.invalidTagKey],
      ['Key with the aliyun prefix', { 'Tag.1.Key': 'aliyun:owner' }, ERRORS.invalidTagKey],
      ['Value over 128 characters', { 'Tag.1.Key': 'k', 'Tag.1.Value': 'v'.repeat(129) }, ERRORS.invalidTagValue],
      ['the same Key twice', { 'Tag.1.Key': 'k', 'Tag.2.Key': 'k' }, ERRORS.tagKeyDuplicated],
    ];
    for (const [name, change, expected] of cases) expectError(t, await describe(app, change), expected, name);
    expectError(t, await describe(app, { 'Tag.1.Key': 'k', 'Tag.2.Key': 'k' }, 'XML'), ERRORS.tagKeyDuplicated, 'XML');
  });
});

t.test('ModifyCloudConnectNetwork', async (t) => {
  const modify = (app: FastifyInstance, params: Record<string, string>, format?: 'XML') =>
    call(app, 'ModifyCloudConnectNetwork', { RegionId: 'cn-hangzhou', CcnId: SAMPLE_CCN, ...params }, { format });

  t.test('changes name, description, blocks and interworking', async (t) => {
    const app = await appFor(t);
    expectSuccess(t, 'ModifyCloudConnectNetwork', await modify(app, {
      Name: 'Renamed', Description: 'Now described', CidrBlock: '172.16.0.0/16,10.0.0.0/8', InterworkingStatus: 'disable',
    }));
    t.match(ccn(app, 'cn-hangzhou', SAMPLE_CCN), {
      name: 'Renamed', description: 'Now described', cidrBlocks: ['172.16.0.0/16', '10.0.0.0/8'], interworkingStatus: 'disable',
    });
    expectXmlSuccess(t, 'ModifyCloudConnectNetwork', await modify(app, { InterworkingStatus: 'enable' }, 'XML'));
    t.match(ccn(app, 'cn-hangzhou', SAMPLE_CCN), { name: 'Renamed', interworkingStatus: 'enable' }, 'what was not given stays');
  });

  t.test('errors', async (t) => {
    const app = await appFor(t);
    expectSuccess(t, 'BindSmartAccessGateway', await bind(app, {}));
    const snat = await createCcn(t, app, { CidrBlock: '10.0.0.0/16', SnatCidrBlock: '10.1.0.0/24' });
    const cases: Case[] = [
      ['unknown CCN', { CcnId: 'ccn-doesnotexist' }, ERRORS.invalidCcnId],
      ['another region', { RegionId: 'cn-shanghai' }, ERRORS.invalidCcnId],
      ['another account', AS_OTHER_ACCOUNT, ERRORS.invalidCcnId],
      ['Name with a space', { Name: 'my net' }, ERRORS.ccnInvalidName],
      ['Description of one character', { Description: 'x' }, ERRORS.ccnInvalidDescription],
      ['InterworkingStatus on', { InterworkingStatus: 'on' }, ERRORS.ccnInvalidInterworkingStatus],
      ['CidrBlock malformed', { CidrBlock: '172.16.0.0/40' }, ERRORS.ccnInvalidCidr],
      ['six CidrBlocks', { CidrBlock: ['10.1.0.0/16', '10.2.0.0/16', '10.3.0.0/16', '10.4.0.0/16', '10.5.0.0/16', '10.6.0.0/16'].join(',') }, ERRORS.ccnCidrAmountLimit],
      ["dropping a bound instance's block", { CidrBlock: '172.17.0.0/16' }, ERRORS.ccnCidrInUse],
      ['a block over the SNAT block', { CcnId: snat, CidrBlock: '10.0.0.0/8' }, ERRORS.ccnSnatCidrConflict],
      ['unknown region', { RegionId: 'cn-nowhere' }, ERRORS.invalidRegion],
    ];
    for (const [name, change, expected] of cases) expectError(t, await modify(app, change), expected, name);
    expectError(t, await modify(app, { InterworkingStatus: 'on' }, 'XML'), ERRORS.ccnInvalidInterworkingStatus, 'XML');
    t.match(ccn(app, 'cn-hangzhou', SAMPLE_CCN), { name: 'SampleCcn', cidrBlocks: ['172.16.0.0/12'], interworkingStatus: 'enable' }, 'unchanged');
    expectSuccess(t, 'ModifyCloudConnectNetwork', await modify(app, { CidrBlock: '172.16.0.0/24' }), "a block that still holds the instance's");
  });
});

t.test('DeleteCloudConnectNetwork', async (t) => {
  t.test('removes an unbound CCN', async (t) => {
    const app = await appFor(t);
    expectSuccess(t, 'DeleteCloudConnectNetwork', await call(app, 'DeleteCloudConnectNetwork', { RegionId: 'cn-hangzhou', CcnId: SAMPLE_CCN }));
    t.equal(ccn(app, 'cn-hangzhou', SAMPLE_CCN), undefined);
    expectError(t, await call(app, 'DeleteCloudConnectNetwork', { RegionId: 'cn-hangzhou', CcnId: SAMPLE_CCN }), ERRORS.invalidCcnId, 'twice');
    const shanghai = await createCcn(t, app, { RegionId: 'cn-shanghai' });
    expectXmlSuccess(t, 'DeleteCloudConnectNetwork', await call(app, 'DeleteCloudConnectNetwork', { CcnId: shanghai }, { format: 'XML' }));
    t.equal(ccn(app, 'cn-shanghai', shanghai), undefined, 'without RegionId: cn-shanghai');
  });

  t.test('errors', async (t) => {
    const app = await appFor(t);
    expectSuccess(t, 'BindSmartAccessGateway', await bind(app, {}));
    const remove = (params: Record<string, string>, format?: 'XML') =>
      call(app, 'DeleteCloudConnectNetwork', { RegionId: 'cn-hangzhou', CcnId: SAMPLE_CCN, ...params }, { format });
    expectError(t, await remove({}), ERRORS.alreadyBoundSmartag, 'an instance is bound');
    expectError(t, await remove({}, 'XML'), ERRORS.alreadyBoundSmartag, 'XML');
    expectError(t, await remove({ RegionId: 'cn-shanghai' }), ERRORS.invalidCcnId, 'another region');
    expectError(t, await remove({ CcnId: 'ccn-x' }), ERRORS.invalidCcnId, 'unknown');
    expectError(t, await remove(AS_OTHER_ACCOUNT), ERRORS.invalidCcnId, 'another account');
    expectError(t, await remove({ RegionId: 'cn-nowhere' }), ERRORS.invalidRegion);
    t.ok(ccn(app, 'cn-hangzhou', SAMPLE_CCN));
    expectSuccess(t, 'UnbindSmartAccessGateway', await call(app, 'UnbindSmartAccessGateway', { RegionId: 'cn-hangzhou', CcnId: SAMPLE_CCN, SmartAGId: HANGZHOU_APP }));
    expectSuccess(t, 'DeleteCloudConnectNetwork', await remove({}), 'once unbound');
  });
});

t.test('BindSmartAccessGateway', async (t) => {
  t.test('binds an instance of the same region', async (t) => {
    const app = await appFor(t);
    expectSuccess(t, 'BindSmartAccessGateway', await bind(app, {}));
    t.equal(boundCcnOf(app, 'cn-hangzhou', HANGZHOU_APP), SAMPLE_CCN);
    expectXmlSuccess(t, 'BindSmartAccessGateway', await bind(app, { SmartAGId: 'sag-entcode0001', SmartAGUid: ACCOUNT }, 'XML'));
    t.equal(boundCcnOf(app, 'cn-hangzhou', 'sag-entcode0001'), SAMPLE_CCN, "with the caller's own SmartAGUid");
    const shanghaiCcn = await createCcn(t, app, { RegionId: 'cn-shanghai' });
    expectSuccess(t, 'BindSmartAccessGateway', await call(app, 'BindSmartAccessGateway', { CcnId: shanghaiCcn, SmartAGId: SHANGHAI_APP }));
    t.equal(boundCcnOf(app, 'cn-shanghai', SHANGHAI_APP), shanghaiCcn, 'without RegionId: cn-shanghai; a CCN without blocks takes any');
  });

  t.test('errors', async (t) => {
    const app = await appFor(t);
    const { db } = app.emulator.store;
    const other = await createCcn(t, app, { CidrBlock: '192.168.0.0/16' });
    expectSuccess(t, 'BindSmartAccessGateway', await bind(app, { SmartAGId: 'sag-entcode0001' }));
    // sag-overlap0001 (192.168.10.128/25) fits the other CCN's block, but overlaps this member's.
    db.prepare("UPDATE instances SET cidr_blocks = '192.168.10.0/24' WHERE id = 'sag-full0001'").run();
    expectSuccess(t, 'BindSmartAccessGateway', await bind(app, { CcnId: other, SmartAGId: 'sag-full0001' }));
    db.prepare("UPDATE instances SET status = 'Init' WHERE id = 'sag-lowbw0001'").run();
    db.prepare("UPDATE instances SET status = 'Locked' WHERE id = 'sag-hardware0001'").run();
    const cases: Case[] = [
      ['unknown CCN', { CcnId: 'ccn-x' }, ERRORS.invalidCcnId],
      ['CCN of another account', { ...AS_OTHER_ACCOUNT, SmartAGId: OTHER_ACCOUNTS_APP }, ERRORS.invalidCcnId],
      ['unknown instance', { SmartAGId: 'sag-x' }, ERRORS.invalidSmartagId],
      ['instance of another region', { SmartAGId: SHANGHAI_APP }, ERRORS.invalidSmartagId],
      ["another account's instance", { SmartAGId: OTHER_ACCOUNTS_APP }, ERRORS.invalidSmartagId],
      ["another account's SmartAGUid", { SmartAGUid: OTHER_ACCOUNT }, ERRORS.invalidSmartagId],
      ['already bound here', { SmartAGId: 'sag-entcode0001' }, ERRORS.alreadyBound],
      ['bound to another CCN', { SmartAGId: 'sag-full0001' }, ERRORS.alreadyBoundCcn],
      ['not activated', { SmartAGId: 'sag-lowbw0001' }, ERRORS.notActivated],
      ['in arrears', { SmartAGId: 'sag-hardware0001' }, ERRORS.inArrears],
      ["blocks outside the CCN's", { CcnId: other }, ERRORS.cidrConflict],
      ['blocks overlapping a bound instance', { SmartAGId: 'sag-overlap0001', CcnId: other }, ERRORS.cidrConflict],
      ['unknown region', { RegionId: 'cn-nowhere' }, ERRORS.invalidRegion],
    ];
    for (const [name, change, expected] of cases) expectError(t, await bind(app, change), expected, name);
    expectError(t, await bind(app, { SmartAGId: 'sag-x' }, 'XML'), ERRORS.invalidSmartagId, 'XML');
    t.equal(boundCcnOf(app, 'cn-hangzhou', HANGZHOU_APP), null, 'nothing else was bound');
    t.equal(boundCcnOf(app, 'cn-hangzhou', 'sag-overlap0001'), null);
  });
});

t.test('UnbindSmartAccessGateway', async (t) => {
  const unbind = (app: FastifyInstance, params: Record<string, string>, format?: 'XML') =>
    call(app, 'UnbindSmartAccessGateway', { RegionId: 'cn-hangzhou', CcnId: SAMPLE_CCN, SmartAGId: HANGZHOU_APP, ...params }, { format });

  t.test('unbinds; the client blocks stay', async (t) => {
    const app = await appFor(t);
    expectSuccess(t, 'BindSmartAccessGateway', await bind(app, {}));
    expectSuccess(t, 'UnbindSmartAccessGateway', await unbind(app, {}));
    t.equal(boundCcnOf(app, 'cn-hangzhou', HANGZHOU_APP), null);
    t.same(app.emulator.store.instances.findInRegion(ACCOUNT, 'cn-hangzhou', HANGZHOU_APP)!.cidrBlocks, ['172.16.0.0/24']);
    expectSuccess(t, 'BindSmartAccessGateway', await bind(app, {}));
    expectXmlSuccess(t, 'UnbindSmartAccessGateway', await unbind(app, { SmartAGUid: ACCOUNT }, 'XML'));
    t.equal(boundCcnOf(app, 'cn-hangzhou', HANGZHOU_APP), null);
  });

  t.test('errors', async (t) => {
    const app = await appFor(t);
    expectSuccess(t, 'BindSmartAccessGateway', await bind(app, { SmartAGId: 'sag-entcode0001' }));
    const cases: Case[] = [
      ['not bound', {}, ERRORS.notBoundCcn],
      ['bound to another CCN', { SmartAGId: 'sag-entcode0001', CcnId: 'ccn-x' }, ERRORS.notBind],
      ['unknown instance', { SmartAGId: 'sag-x' }, ERRORS.invalidSmartagId],
      ['another region', { SmartAGId: 'sag-entcode0001', RegionId: 'cn-shanghai' }, ERRORS.invalidSmartagId],
      ['another account', { SmartAGId: 'sag-entcode0001', ...AS_OTHER_ACCOUNT }, ERRORS.invalidSmartagId],
      ["another account's SmartAGUid", { SmartAGId: 'sag-entcode0001', SmartAGUid: OTHER_ACCOUNT }, ERRORS.invalidSmartagId],
      ['unknown region', { RegionId: 'cn-nowhere' }, ERRORS.invalidRegion],
    ];
    for (const [name, change, expected] of cases) expectError(t, await unbind(app, change), expected, name);
    expectError(t, await unbind(app, {}, 'XML'), ERRORS.notBoundCcn, 'XML');
    t.equal(boundCcnOf(app, 'cn-hangzhou', 'sag-entcode0001'), SAMPLE_CCN, 'still bound');
  });
});
