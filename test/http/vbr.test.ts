/**
 * VBR bindings and grants: BindVbr, UnbindVbr, GrantSagInstanceToVbr,
 * RevokeInstanceFromVbr, DescribeGrantSagVbrRules and DescribeSagVbrRelations,
 * on the default fixtures' hardware instance sag-hardware0001 (cn-hangzhou)
 * and, across accounts, a device of the other tenant (1000000000000002) that
 * it grants to the default account's VBR. Every reachable documented error,
 * in JSON and in XML.
 */
import t, { type Test } from 'tap';
import type { FastifyInstance } from 'fastify';
import { call, testApp } from '../helpers/app';
import { expectError, expectSuccess, expectXmlSuccess, ERRORS, invalidParameterError } from '../helpers/api-expect';
import { documentedError, documentedElsewhere } from '../helpers/documented';

const ACCOUNT = '1000000000000001';
const OTHER = '1000000000000002';
const HZ = 'cn-hangzhou';
const DEVICE = 'sag-hardware0001';
const OTHER_DEVICE = 'sag-otherdevice01';
const APP = 'sag-ghwa10ko6ndwug****';
const VBR = 'vbr-gc7ccdvtp3l4fec0j';
const AS_OTHER = { AccessKeyId: 'otherid' };

type Params = Record<string, string>;

/** The default fixtures, with sag-hardware0001 bound to a CCN and a device of the other tenant, bound too. */
async function appFor(t: Test): Promise<FastifyInstance> {
  const app = await testApp();
  t.teardown(() => app.close());
  const { store } = app.emulator;
  const device = store.instances.findInRegion(ACCOUNT, HZ, DEVICE)!;
  store.instances.insert({ ...device, accountId: OTHER, id: OTHER_DEVICE, ccnId: null });
  for (const [as, id] of [[{}, DEVICE], [AS_OTHER, OTHER_DEVICE]] as const) {
    const ccn = (await call(app, 'CreateCloudConnectNetwork', { RegionId: HZ, Name: 'vbr-ccn', ...as })).json().CcnId;
    expectSuccess(t, 'BindSmartAccessGateway', await call(app, 'BindSmartAccessGateway', { RegionId: HZ, CcnId: ccn, SmartAGId: id, ...as }));
  }
  return app;
}

function vbr(app: FastifyInstance, action: string, params: Params, format?: 'XML') {
  return call(app, action, { RegionId: HZ, ...params }, { format });
}

const BIND = { SmartAGId: DEVICE, VbrId: VBR, VbrRegionId: HZ };

function bindingsOf(app: FastifyInstance, accountId: string) {
  return app.emulator.store.vbrBindings.list({ accountId });
}

t.test('BindVbr and UnbindVbr, own instance', async (t) => {
  const app = await appFor(t);
  expectSuccess(t, 'BindVbr', await vbr(app, 'BindVbr', BIND));
  t.match(bindingsOf(app, ACCOUNT), [{ instanceId: DEVICE, vbrId: VBR, vbrRegionId: HZ, vbrUid: ACCOUNT, regionId: HZ }]);
  expectError(t, await vbr(app, 'BindVbr', BIND), documentedError('BindVbr', 'SAG.VbrBound'), 'bound twice');
  expectError(t, await vbr(app, 'BindVbr', { ...BIND, VbrId: 'vbr-another' }), documentedError('BindVbr', 'SAG.VbrBound'), 'instance bound to another VBR');
  const relations = expectSuccess(t, 'DescribeSagVbrRelations', await vbr(app, 'DescribeSagVbrRelations', { VbrRegionId: HZ, 'VbrInstanceIds.1': VBR }));
  t.same(relations.SagVbrRelations, [{ VbrInstanceId: VBR, SagUid: ACCOUNT, SagInstanceId: DEVICE }]);
  expectSuccess(t, 'UnbindVbr', await vbr(app, 'UnbindVbr', BIND));
  t.same(bindingsOf(app, ACCOUNT), []);
  expectError(t, await vbr(app, 'UnbindVbr', BIND), documentedElsewhere('InvalidId.VBR'), 'unbound twice');
  expectXmlSuccess(t, 'BindVbr', await vbr(app, 'BindVbr', BIND, 'XML'));
  expectXmlSuccess(t, 'UnbindVbr', await vbr(app, 'UnbindVbr', BIND, 'XML'));
});

t.test('BindVbr errors', async (t) => {
  const app = await appFor(t);
  const bind = (params: Params, format?: 'XML') => vbr(app, 'BindVbr', { ...BIND, ...params }, format);
  expectError(t, await bind({ VbrId: 'vpc-123' }), documentedError('BindVbr', 'InvalidId.VBR'), 'not a VBR id');
  expectError(t, await bind({ VbrRegionId: 'Hangzhou' }, 'XML'), documentedError('BindVbr', 'InvalidId.VBR'), 'not a region id, XML');
  expectError(t, await bind({ SmartAGId: 'sag-nosuch' }), documentedError('BindVbr', 'InvalidId.SMARTAG'), 'unknown instance');
  expectError(t, await bind({ SmartAGId: OTHER_DEVICE }), documentedError('BindVbr', 'InvalidId.SMARTAG'), "another account's, no uid");
  expectError(t, await bind({ SmartAGId: OTHER_DEVICE, SmartAGUid: OTHER }), documentedError('BindVbr', 'InvalidId.SMARTAG'), "another account's, not granted");
  expectError(t, await bind({ SmartAGId: APP }), documentedError('BindVbr', 'SAG.SoftwareNoSupportVbr'), 'a SAG APP instance');
  expectError(t, await bind({ SmartAGId: 'sag-lowbw0001' }), documentedError('BindVbr', 'SAG.SoftwareNoSupportVbr'), 'SAG APP, unbound');
  const unbound = app.emulator.store.instances.findInRegion(ACCOUNT, HZ, DEVICE)!;
  app.emulator.store.instances.insert({ ...unbound, id: 'sag-unbound0001', ccnId: null });
  expectError(t, await bind({ SmartAGId: 'sag-unbound0001' }), documentedError('BindVbr', 'NotBoundCCN'), 'no CCN');
  expectSuccess(t, 'BindVbr', await bind({}));
  app.emulator.store.instances.insert({ ...unbound, id: 'sag-second0001' });
  expectError(t, await bind({ SmartAGId: 'sag-second0001' }), documentedError('BindVbr', 'SAG.VbrBoundToSAG'), 'VBR bound to another instance');
  expectError(t, await bind({ RegionId: 'cn-nowhere' }), ERRORS.invalidRegion);
  expectError(t, await call(app, 'BindVbr', { RegionId: HZ, SmartAGId: DEVICE, VbrId: VBR }), [400, 'MissingVbrRegionId', 'VbrRegionId is mandatory for this action.']);
  t.equal(bindingsOf(app, ACCOUNT).length, 1, 'only the good call bound');
});

t.test('UnbindVbr errors', async (t) => {
  const app = await appFor(t);
  expectError(t, await vbr(app, 'UnbindVbr', { ...BIND, SmartAGId: 'sag-nosuch' }), documentedElsewhere('InvalidId.SMARTAG'), 'unknown instance');
  expectError(t, await vbr(app, 'UnbindVbr', { ...BIND, VbrId: 'nonsense' }, 'XML'), documentedElsewhere('InvalidId.VBR'), 'not a VBR id');
  expectError(t, await vbr(app, 'UnbindVbr', BIND), documentedElsewhere('InvalidId.VBR'), 'not bound');
});

t.test('across accounts: grant, bind, describe, revoke', async (t) => {
  const app = await appFor(t);
  const grantParams = { SmartAGId: OTHER_DEVICE, VbrInstanceId: VBR, VbrRegionId: HZ, VbrUid: ACCOUNT, ...AS_OTHER };
  const grant = expectSuccess(t, 'GrantSagInstanceToVbr', await vbr(app, 'GrantSagInstanceToVbr', grantParams));
  t.match(grant.InstanceId, /^sgv-[a-z0-9]{18}$/);
  t.equal(expectSuccess(t, 'GrantSagInstanceToVbr', await vbr(app, 'GrantSagInstanceToVbr', grantParams)).InstanceId, grant.InstanceId, 'granting again answers the same grant');
  const rules = () => vbr(app, 'DescribeGrantSagVbrRules', { ...AS_OTHER });
  const before = expectSuccess(t, 'DescribeGrantSagVbrRules', await rules());
  t.same(before.GrantRules.GrantRule, [{
    VbrInstanceId: VBR, VbrUid: Number(ACCOUNT), VbrRegionId: HZ, CreateTime: before.GrantRules.GrantRule[0].CreateTime,
    SmartAGId: OTHER_DEVICE, Bound: false, InstanceId: grant.InstanceId, SmartAGUid: Number(OTHER),
  }]);
  t.match(before, { TotalCount: 1, PageSize: 10, PageNumber: 1 });

  const bind = { SmartAGId: OTHER_DEVICE, VbrId: VBR, VbrRegionId: HZ, SmartAGUid: OTHER };
  expectError(t, await vbr(app, 'BindVbr', { ...bind, VbrId: 'vbr-notgranted' }), documentedError('BindVbr', 'InvalidId.SMARTAG'), 'granted to another VBR only');
  expectSuccess(t, 'BindVbr', await vbr(app, 'BindVbr', bind));
  t.match(bindingsOf(app, OTHER), [{ instanceId: OTHER_DEVICE, vbrUid: ACCOUNT }], "the binding is the instance owner's row");
  t.equal(expectSuccess(t, 'DescribeGrantSagVbrRules', await rules()).GrantRules.GrantRule[0].Bound, true, 'the grant shows Bound');
  const relations = expectSuccess(t, 'DescribeSagVbrRelations', await vbr(app, 'DescribeSagVbrRelations', { VbrRegionId: HZ, 'VbrInstanceIds.1': VBR }));
  t.same(relations.SagVbrRelations, [{ VbrInstanceId: VBR, SagUid: OTHER, SagInstanceId: OTHER_DEVICE }]);
  const asOwner = expectSuccess(t, 'DescribeSagVbrRelations', await vbr(app, 'DescribeSagVbrRelations', { VbrRegionId: HZ, 'VbrInstanceIds.1': VBR, ...AS_OTHER }));
  t.same(asOwner.SagVbrRelations, [], "the instance's owner does not own the VBR");

  expectSuccess(t, 'RevokeInstanceFromVbr', await vbr(app, 'RevokeInstanceFromVbr', { SmartAGId: OTHER_DEVICE, VbrInstanceId: VBR, ...AS_OTHER }));
  t.same(bindingsOf(app, OTHER), [], 'the binding made through the grant goes with it');
  t.same(expectSuccess(t, 'DescribeGrantSagVbrRules', await rules()).GrantRules.GrantRule, []);
  expectError(t, await vbr(app, 'BindVbr', bind), documentedError('BindVbr', 'InvalidId.SMARTAG'), 'no grant any more');
});

t.test('GrantSagInstanceToVbr and RevokeInstanceFromVbr errors', async (t) => {
  const app = await appFor(t);
  const grant = (params: Params, format?: 'XML') => vbr(app, 'GrantSagInstanceToVbr', { SmartAGId: DEVICE, VbrInstanceId: VBR, VbrRegionId: HZ, VbrUid: OTHER, ...params }, format);
  expectError(t, await grant({ SmartAGId: 'sag-nosuch' }), documentedElsewhere('SAG.InstanceNoFound'), 'unknown instance');
  expectError(t, await grant({ SmartAGId: DEVICE, ...AS_OTHER }), documentedElsewhere('SAG.InstanceNoFound'), "another account's");
  expectError(t, await grant({ SmartAGId: APP }, 'XML'), documentedElsewhere('SAG.SoftwareNoSupportVbr'), 'a SAG APP instance');
  expectError(t, await grant({ VbrInstanceId: 'vbr_1' }), documentedElsewhere('InvalidId.VBR'), 'not a VBR id');
  expectError(t, await grant({ VbrUid: 'me' }), invalidParameterError('VbrUid'));
  expectXmlSuccess(t, 'GrantSagInstanceToVbr', await grant({}, 'XML'), '<InstanceId>sgv-');
  const revoke = (params: Params, format?: 'XML') => vbr(app, 'RevokeInstanceFromVbr', { SmartAGId: DEVICE, VbrInstanceId: VBR, ...params }, format);
  expectError(t, await revoke({ SmartAGId: 'sag-nosuch' }), documentedElsewhere('SAG.InstanceNoFound'), 'revoke: unknown instance');
  expectError(t, await revoke({ VbrInstanceId: 'vbr-notgranted' }), documentedElsewhere('InvalidId.VBR'), 'revoke: no grant');
  expectXmlSuccess(t, 'RevokeInstanceFromVbr', await revoke({}, 'XML'));
  expectError(t, await revoke({}), documentedElsewhere('InvalidId.VBR'), 'revoked twice');
});

t.test('DescribeGrantSagVbrRules filters, pages and errors', async (t) => {
  const app = await appFor(t);
  const ids = [];
  for (let i = 1; i <= 3; i++) {
    ids.push(expectSuccess(t, 'GrantSagInstanceToVbr', await vbr(app, 'GrantSagInstanceToVbr', { SmartAGId: DEVICE, VbrInstanceId: `vbr-v${i}`, VbrRegionId: HZ, VbrUid: OTHER })).InstanceId);
  }
  const idsOf = (body: Record<string, any>) => body.GrantRules.GrantRule.map((rule: { InstanceId: string }) => rule.InstanceId);
  t.same(idsOf(expectSuccess(t, 'DescribeGrantSagVbrRules', await vbr(app, 'DescribeGrantSagVbrRules', {}))), ids, 'oldest first');
  t.same(idsOf(expectSuccess(t, 'DescribeGrantSagVbrRules', await vbr(app, 'DescribeGrantSagVbrRules', { VbrInstanceId: 'vbr-v2' }))), [ids[1]]);
  t.same(idsOf(expectSuccess(t, 'DescribeGrantSagVbrRules', await vbr(app, 'DescribeGrantSagVbrRules', { SmartAGId: DEVICE, PageSize: '2', PageNumber: '2' }))), [ids[2]]);
  t.same(idsOf(expectSuccess(t, 'DescribeGrantSagVbrRules', await vbr(app, 'DescribeGrantSagVbrRules', { RegionId: 'cn-shanghai' }))), [], 'another region');
  expectXmlSuccess(t, 'DescribeGrantSagVbrRules', await vbr(app, 'DescribeGrantSagVbrRules', {}, 'XML'), '<TotalCount>3</TotalCount>');
  expectError(t, await vbr(app, 'DescribeGrantSagVbrRules', { SmartAGId: 'sag-nosuch' }), documentedError('DescribeGrantSagVbrRules', 'SAG.InstanceNoFound'));
  expectError(t, await vbr(app, 'DescribeGrantSagVbrRules', { SmartAGId: '   ' }, 'XML'), documentedError('DescribeGrantSagVbrRules', 'SAG.InstanceIdEmpty'));
  expectError(t, await vbr(app, 'DescribeGrantSagVbrRules', { PageSize: '51' }), invalidParameterError('PageSize'));
});

t.test('DescribeSagVbrRelations errors and filters', async (t) => {
  const app = await appFor(t);
  expectSuccess(t, 'BindVbr', await vbr(app, 'BindVbr', BIND));
  const relations = (params: Params, format?: 'XML') => call(app, 'DescribeSagVbrRelations', { VbrRegionId: HZ, 'VbrInstanceIds.1': VBR, ...params }, { format });
  t.equal(expectSuccess(t, 'DescribeSagVbrRelations', await relations({})).SagVbrRelations.length, 1, 'RegionId is optional');
  t.same(expectSuccess(t, 'DescribeSagVbrRelations', await relations({ RegionId: 'cn-shanghai' })).SagVbrRelations, [], 'instances of another region');
  t.same(expectSuccess(t, 'DescribeSagVbrRelations', await relations({ VbrRegionId: 'cn-beijing' })).SagVbrRelations, [], 'another VBR region');
  expectXmlSuccess(t, 'DescribeSagVbrRelations', await relations({}, 'XML'), `<SagInstanceId>${DEVICE}</SagInstanceId>`);
  expectError(t, await relations({ RegionId: 'cn-nowhere' }), documentedError('DescribeSagVbrRelations', 'InvalidRegionID'));
  const many: Params = {};
  for (let i = 1; i <= 21; i++) many[`VbrInstanceIds.${i}`] = `vbr-v${i}`;
  expectError(t, await relations(many), invalidParameterError('VbrInstanceIds'));
});

t.test('deleting an instance takes its grants and bindings with it', async (t) => {
  const app = await appFor(t);
  expectSuccess(t, 'GrantSagInstanceToVbr', await vbr(app, 'GrantSagInstanceToVbr', { SmartAGId: OTHER_DEVICE, VbrInstanceId: VBR, VbrRegionId: HZ, VbrUid: ACCOUNT, ...AS_OTHER }));
  expectSuccess(t, 'BindVbr', await vbr(app, 'BindVbr', { SmartAGId: OTHER_DEVICE, VbrId: VBR, VbrRegionId: HZ, SmartAGUid: OTHER }));
  app.emulator.store.instances.remove(OTHER, OTHER_DEVICE);
  t.equal(app.emulator.store.vbrGrants.count({ accountId: OTHER }), 0);
  t.same(bindingsOf(app, OTHER), []);
});

t.test('fixtures: VBR grants and bindings seed, dump in the fixture shape and round-trip', async (t) => {
  const app = await appFor(t);
  const { control } = await import('../helpers/control');
  const account = {
    id: '1000000000000009',
    instances: [{ id: 'sag-dev0001', regionId: HZ, instanceType: 'sag-1000' }, { id: 'sag-app0001', regionId: HZ, instanceType: 'sag-software' }],
    vbrGrants: [{ id: 'sgv-seed0001', smartAGId: 'sag-dev0001', vbrId: VBR, vbrRegionId: HZ, vbrUid: ACCOUNT, createdAt: 1000 }],
    vbrBindings: [{ smartAGId: 'sag-dev0001', vbrId: VBR, vbrRegionId: HZ, vbrUid: ACCOUNT, createdAt: 1000 }],
  };
  t.equal((await control(app, 'POST', '/seed', { accounts: [account] })).status, 200);
  const relations = expectSuccess(t, 'DescribeSagVbrRelations', await vbr(app, 'DescribeSagVbrRelations', { VbrRegionId: HZ, 'VbrInstanceIds.1': VBR }));
  t.same(relations.SagVbrRelations, [{ VbrInstanceId: VBR, SagUid: account.id, SagInstanceId: 'sag-dev0001' }], 'the VBR owner sees the seeded binding');
  const dumped = (await control(app, 'GET', '/state')).json().accounts.find((a: { id: string }) => a.id === account.id);
  t.same(dumped.vbrGrants, account.vbrGrants);
  t.same(dumped.vbrBindings, account.vbrBindings);
  t.equal((await control(app, 'POST', '/seed', { accounts: [dumped] })).status, 200, 'the dump seeds back');
  t.same((await control(app, 'GET', '/state')).json().accounts.find((a: { id: string }) => a.id === account.id).vbrBindings, account.vbrBindings);

  const bad = async (extra: Record<string, unknown>) => (await control(app, 'POST', '/seed', { accounts: [{ ...account, vbrGrants: [], vbrBindings: [], ...extra }] })).json();
  t.match(await bad({ vbrGrants: [{ ...account.vbrGrants[0], smartAGId: 'sag-app0001' }] }), { Code: 'Emulator.InvalidFixture', Description: /vbrGrants\/0\/smartAGId: sag-app0001 is not a hardware instance/ });
  t.match(await bad({ vbrGrants: [{ ...account.vbrGrants[0], vbrId: 'vpc-1' }] }), { Description: /vbrGrants\/0\/vbrId: "vpc-1" is not a VBR id/ });
  t.match(await bad({ vbrBindings: [account.vbrBindings[0], { ...account.vbrBindings[0], vbrId: 'vbr-two' }] }), { Description: /vbrBindings\/1\/smartAGId: sag-dev0001 is bound to another VBR/ });
  t.match(await bad({ vbrBindings: [{ ...account.vbrBindings[0], vbrUid: 'me' }] }), { Description: /vbrBindings\/0\/vbrUid/ });
});
