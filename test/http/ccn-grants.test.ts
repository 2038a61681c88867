/**
 * CCN grants: GrantInstanceToCbn, RevokeInstanceFromCbn, DescribeGrantRules
 * (CCNs granted to other accounts' CEN instances), GrantSagInstanceToCcn,
 * RevokeSagInstanceFromCcn, DescribeGrantSagRules and
 * DescribeBindableSmartAccessGateways (instances granted to other accounts'
 * CCNs, and BindSmartAccessGateway / UnbindSmartAccessGateway through them),
 * GetCloudConnectNetworkUseLimit. The default fixtures: the default account
 * (1000000000000001) and the other tenant (1000000000000002) with its
 * instance sag-otheraccount01 in cn-hangzhou. Every reachable documented
 * error, in JSON and in XML.
 */
import t, { type Test } from 'tap';
import type { FastifyInstance } from 'fastify';
import { call, testApp } from '../helpers/app';
import { expectError, expectSuccess, expectXmlSuccess, ERRORS, invalidParameterError } from '../helpers/api-expect';
import { documentedError, documentedElsewhere } from '../helpers/documented';

const ACCOUNT = '1000000000000001';
const OTHER = '1000000000000002';
const HZ = 'cn-hangzhou';
const OTHER_SAG = 'sag-otheraccount01';
const CEN = 'cen-7qthudw0ll6jm00001';
const CEN_UID = '1250123456123456';
const AS_OTHER = { AccessKeyId: 'otherid' };
const NOT_FOUND: readonly [number, string, string] = [404, 'InvalidInstanceId.NotFound', 'The specified grant rule does not exist.'];

type Params = Record<string, string>;

async function appFor(t: Test): Promise<FastifyInstance> {
  const app = await testApp();
  t.teardown(() => app.close());
  return app;
}

function api(app: FastifyInstance, action: string, params: Params, format?: 'XML') {
  return call(app, action, { RegionId: HZ, ...params }, { format });
}

/** A new CCN of the caller in cn-hangzhou, with no CIDR blocks (any instance fits). */
async function newCcn(t: Test, app: FastifyInstance, as: Params = {}): Promise<string> {
  return expectSuccess(t, 'CreateCloudConnectNetwork', await api(app, 'CreateCloudConnectNetwork', { Name: 'grant-ccn', ...as })).CcnId;
}

t.test('GrantInstanceToCbn, DescribeGrantRules, RevokeInstanceFromCbn', async (t) => {
  const app = await appFor(t);
  const ccn = await newCcn(t, app);
  const grant = { CcnInstanceId: ccn, CenInstanceId: CEN, CenUid: CEN_UID };
  expectSuccess(t, 'GrantInstanceToCbn', await api(app, 'GrantInstanceToCbn', { ...grant, GrantTrafficService: 'true' }));
  const rules = expectSuccess(t, 'DescribeGrantRules', await api(app, 'DescribeGrantRules', { AssociatedCcnId: ccn }));
  const [rule] = rules.GrantRules.GrantRule;
  t.match(rule.GrantRuleId, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  t.same(rules, {
    RequestId: rules.RequestId, TotalCount: 1, PageSize: 10, PageNumber: 1,
    GrantRules: { GrantRule: [{
      CenInstanceId: CEN, CenUid: Number(CEN_UID), GmtCreate: rule.GmtCreate, GrantRuleId: rule.GrantRuleId, GrantTrafficService: true,
      GmtModified: rule.GmtCreate, CcnUid: Number(ACCOUNT), RegionId: HZ, CcnInstanceId: ccn,
    }] },
  });
  expectError(t, await api(app, 'GrantInstanceToCbn', grant), documentedError('GrantInstanceToCbn', 'DuplicatedGrantRule'), 'granted twice');
  expectError(t, await api(app, 'GrantInstanceToCbn', { ...grant, CenUid: '1' }, 'XML'), documentedError('GrantInstanceToCbn', 'DuplicatedGrantRule'), 'same CEN, another uid, XML');
  t.same(expectSuccess(t, 'DescribeGrantRules', await api(app, 'DescribeGrantRules', { AssociatedCcnId: ccn, ...AS_OTHER })).GrantRules.GrantRule, [],
    'another account sees none of them');
  expectSuccess(t, 'RevokeInstanceFromCbn', await api(app, 'RevokeInstanceFromCbn', { CcnInstanceId: ccn, CenInstanceId: CEN }));
  t.equal(expectSuccess(t, 'DescribeGrantRules', await api(app, 'DescribeGrantRules', { AssociatedCcnId: ccn })).TotalCount, 0, 'gone after revoke');
  expectError(t, await api(app, 'RevokeInstanceFromCbn', { CcnInstanceId: ccn, CenInstanceId: CEN }), NOT_FOUND, 'revoked twice');
  expectError(t, await api(app, 'RevokeInstanceFromCbn', { CcnInstanceId: ccn, CenInstanceId: CEN }, 'XML'), NOT_FOUND, 'revoked twice, XML');
  expectXmlSuccess(t, 'GrantInstanceToCbn', await api(app, 'GrantInstanceToCbn', grant, 'XML'));
  expectXmlSuccess(t, 'DescribeGrantRules', await api(app, 'DescribeGrantRules', {}, 'XML'), `<CcnInstanceId>${ccn}</CcnInstanceId>`, '<GrantTrafficService>false</GrantTrafficService>');
  expectXmlSuccess(t, 'RevokeInstanceFromCbn', await api(app, 'RevokeInstanceFromCbn', { CcnInstanceId: ccn, CenInstanceId: CEN }, 'XML'));
});

t.test('GrantInstanceToCbn and RevokeInstanceFromCbn errors', async (t) => {
  const app = await appFor(t);
  const ccn = await newCcn(t, app);
  const grant = (params: Params, format?: 'XML') => api(app, 'GrantInstanceToCbn', { CcnInstanceId: ccn, CenInstanceId: CEN, CenUid: CEN_UID, ...params }, format);
  expectError(t, await grant({ CcnInstanceId: 'ccn-nosuch' }), documentedElsewhere('InvalidId.CCN'), 'unknown CCN');
  expectError(t, await grant({ ...AS_OTHER }, 'XML'), documentedElsewhere('InvalidId.CCN'), "another account's CCN");
  expectError(t, await grant({ RegionId: 'cn-shanghai' }), documentedElsewhere('InvalidId.CCN'), 'CCN of another region');
  expectError(t, await grant({ RegionId: 'cn-nowhere' }), ERRORS.invalidRegion);
  expectError(t, await grant({ CenInstanceId: 'vpc-123' }), invalidParameterError('CenInstanceId'));
  expectError(t, await grant({ CenUid: '0' }), invalidParameterError('CenUid'));
  expectError(t, await grant({ CenUid: 'me' }), invalidParameterError('CenUid'));
  expectError(t, await call(app, 'GrantInstanceToCbn', { RegionId: HZ, CcnInstanceId: ccn, CenInstanceId: CEN }), [400, 'MissingCenUid', 'CenUid is mandatory for this action.']);
  t.equal(app.emulator.store.ccnGrants.count({ accountId: ACCOUNT }), 0, 'no call granted');
  expectError(t, await api(app, 'RevokeInstanceFromCbn', { CcnInstanceId: 'ccn-nosuch', CenInstanceId: CEN }), documentedElsewhere('InvalidId.CCN'), 'revoke: unknown CCN');
  expectError(t, await api(app, 'RevokeInstanceFromCbn', { CcnInstanceId: ccn, CenInstanceId: CEN }), NOT_FOUND, 'revoke: no grant');
});

t.test('DescribeGrantRules filters and pages in creation order; deleting the CCN takes its grants', async (t) => {
  const app = await appFor(t);
  const first = await newCcn(t, app);
  const second = await newCcn(t, app);
  for (const [ccn, cen] of [[first, 'cen-a1'], [second, 'cen-b1'], [first, 'cen-a2']]) {
    expectSuccess(t, 'GrantInstanceToCbn', await api(app, 'GrantInstanceToCbn', { CcnInstanceId: ccn, CenInstanceId: cen, CenUid: CEN_UID }));
  }
  const cens = async (params: Params) => expectSuccess(t, 'DescribeGrantRules', await api(app, 'DescribeGrantRules', params)).GrantRules.GrantRule
    .map((rule: { CenInstanceId: string }) => rule.CenInstanceId);
  t.same(await cens({}), ['cen-a1', 'cen-b1', 'cen-a2'], 'oldest first');
  t.same(await cens({ AssociatedCcnId: first }), ['cen-a1', 'cen-a2']);
  t.same(await cens({ AssociatedCcnId: 'ccn-nosuch' }), [], 'an unknown CCN has none');
  t.same(await cens({ PageSize: '2', PageNumber: '2' }), ['cen-a2']);
  t.equal(expectSuccess(t, 'DescribeGrantRules', await api(app, 'DescribeGrantRules', { PageSize: '2' })).TotalCount, 3);
  t.same(await cens({ RegionId: 'cn-shanghai' }), [], 'another region');
  expectError(t, await api(app, 'DescribeGrantRules', { PageSize: '51' }), invalidParameterError('PageSize'));
  expectError(t, await api(app, 'DescribeGrantRules', { PageNumber: '0' }, 'XML'), invalidParameterError('PageNumber'));
  expectError(t, await api(app, 'DescribeGrantRules', { RegionId: 'cn-nowhere' }), ERRORS.invalidRegion);
  expectSuccess(t, 'DeleteCloudConnectNetwork', await api(app, 'DeleteCloudConnectNetwork', { CcnId: first }));
  t.same(await cens({}), ['cen-b1'], "the deleted CCN's grants are gone");
});

t.test('GetCloudConnectNetworkUseLimit counts the CCNs of the region', async (t) => {
  const app = await appFor(t);
  const limit = async (params: Params = {}) => expectSuccess(t, 'GetCloudConnectNetworkUseLimit', await api(app, 'GetCloudConnectNetworkUseLimit', params));
  t.match(await limit(), { TotalAmount: 10, UsedAmount: 1 }, 'the fixtures\' sample CCN');
  await newCcn(t, app);
  t.match(await limit(), { TotalAmount: 10, UsedAmount: 2 });
  t.match(await limit({ RegionId: 'cn-shanghai' }), { TotalAmount: 10, UsedAmount: 0 });
  t.match(await limit(AS_OTHER), { UsedAmount: 0 }, 'per account');
  expectXmlSuccess(t, 'GetCloudConnectNetworkUseLimit', await api(app, 'GetCloudConnectNetworkUseLimit', {}, 'XML'), '<UsedAmount>2</UsedAmount>', '<TotalAmount>10</TotalAmount>');
  expectError(t, await api(app, 'GetCloudConnectNetworkUseLimit', { RegionId: 'cn-nowhere' }), ERRORS.invalidRegion);
});

t.test('across accounts: grant an instance, list it bindable, bind, unbind, revoke', async (t) => {
  const app = await appFor(t);
  const ccn = await newCcn(t, app);
  const grantParams = { SmartAGId: OTHER_SAG, CcnInstanceId: ccn, CcnUid: ACCOUNT, ...AS_OTHER };
  const grant = expectSuccess(t, 'GrantSagInstanceToCcn', await api(app, 'GrantSagInstanceToCcn', { ...grantParams, GrantTrafficService: 'true' }));
  t.match(grant.InstanceId, /^sgc-[a-z0-9]{18}$/);
  t.equal(expectSuccess(t, 'GrantSagInstanceToCcn', await api(app, 'GrantSagInstanceToCcn', grantParams)).InstanceId, grant.InstanceId, 'granting again answers the same grant');
  const sagRules = expectSuccess(t, 'DescribeGrantSagRules', await api(app, 'DescribeGrantSagRules', { SmartAGId: OTHER_SAG, ...AS_OTHER }));
  t.same(sagRules.GrantRules.GrantRule, [{
    CreateTime: sagRules.GrantRules.GrantRule[0].CreateTime, SmartAGId: OTHER_SAG, GrantTrafficService: true, InstanceId: OTHER, CcnUid: Number(ACCOUNT), CcnInstanceId: ccn,
  }]);
  t.match(sagRules, { TotalCount: 1, PageSize: 10, PageNumber: 1 });
  expectXmlSuccess(t, 'DescribeGrantSagRules', await api(app, 'DescribeGrantSagRules', { SmartAGId: OTHER_SAG, ...AS_OTHER }, 'XML'),
    `<GrantRules><GrantRule><CreateTime>`, `<SmartAGId>${OTHER_SAG}</SmartAGId><GrantTrafficService>true</GrantTrafficService><InstanceId>${OTHER}</InstanceId>`);
  expectXmlSuccess(t, 'DescribeBindableSmartAccessGateways', await api(app, 'DescribeBindableSmartAccessGateways', { CcnId: ccn, CrossAccount: 'true' }, 'XML'),
    `<SmartAccessGateways><SmartAccessGateway><SmartAGId>${OTHER_SAG}</SmartAGId>`, `<SmartAGUid>${OTHER}</SmartAGUid></SmartAccessGateway></SmartAccessGateways>`);

  const bindable = async (params: Params = {}) => expectSuccess(t, 'DescribeBindableSmartAccessGateways', await api(app, 'DescribeBindableSmartAccessGateways', { CcnId: ccn, ...params }));
  const cross = await bindable({ CrossAccount: 'true' });
  t.same(cross.SmartAccessGateways.SmartAccessGateway, [{ SmartAGId: OTHER_SAG, Name: 'Belongs to another account: the default account gets SAG.InstanceNoFound', SmartAGUid: Number(OTHER) }]);
  t.match(cross, { TotalCount: 1, PageSize: 10, PageNumber: 1 });
  const all = await bindable({ PageSize: '50' });
  const unboundOwn = app.emulator.store.instances.listInRegion(ACCOUNT, HZ).filter((instance) => instance.ccnId === null).map((instance) => instance.id);
  t.equal(all.SmartAccessGateways.SmartAccessGateway.at(-1).SmartAGId, OTHER_SAG, 'granted instances come after the own ones');
  t.ok(all.SmartAccessGateways.SmartAccessGateway.slice(0, -1).every((sag: { SmartAGUid: number }) => sag.SmartAGUid === Number(ACCOUNT)), 'own instances first');
  t.same(all.SmartAccessGateways.SmartAccessGateway.map((sag: { SmartAGId: string }) => sag.SmartAGId), [...unboundOwn, OTHER_SAG], 'every unbound own instance, in creation order, then the granted one');
  t.equal(all.TotalCount, unboundOwn.length + 1);
  const otherCcn = await newCcn(t, app);
  t.same((await bindable({ CcnId: otherCcn, CrossAccount: 'true' })).SmartAccessGateways.SmartAccessGateway, [], 'granted to one CCN only');

  const bind = { CcnId: ccn, SmartAGId: OTHER_SAG, SmartAGUid: OTHER };
  expectError(t, await api(app, 'BindSmartAccessGateway', { ...bind, CcnId: otherCcn }), documentedError('BindSmartAccessGateway', 'InvalidId.SMARTAG'), 'bound to a CCN it is not granted to');
  expectError(t, await api(app, 'BindSmartAccessGateway', { CcnId: ccn, SmartAGId: OTHER_SAG }), documentedError('BindSmartAccessGateway', 'InvalidId.SMARTAG'), 'no uid: not the caller\'s');
  expectSuccess(t, 'BindSmartAccessGateway', await api(app, 'BindSmartAccessGateway', bind));
  t.equal(app.emulator.store.instances.findInRegion(OTHER, HZ, OTHER_SAG)!.ccnId, ccn, "the owner's instance is bound to the grantee's CCN");
  const owners = expectSuccess(t, 'DescribeSmartAccessGateways', await api(app, 'DescribeSmartAccessGateways', { SmartAGId: OTHER_SAG, ...AS_OTHER }));
  t.match(owners.SmartAccessGateways.SmartAccessGateway[0], { AssociatedCcnId: ccn, AssociatedCcnName: 'grant-ccn' }, 'the owner sees the binding');
  const attribute = expectSuccess(t, 'DescribeSmartAccessGatewayAttribute', await api(app, 'DescribeSmartAccessGatewayAttribute', { SmartAGId: OTHER_SAG, ...AS_OTHER }));
  t.equal(attribute.AssociatedCcnId, ccn, "and in the instance's attributes");
  const ccns = expectSuccess(t, 'DescribeCloudConnectNetworks', await api(app, 'DescribeCloudConnectNetworks', { CcnId: ccn }));
  t.equal(ccns.CloudConnectNetworks.CloudConnectNetwork[0].AssociatedCloudBoxCount, '1', 'the CCN counts the granted member');
  t.same((await bindable({ CrossAccount: 'true' })).SmartAccessGateways.SmartAccessGateway, [], 'bound: no longer bindable');
  expectError(t, await api(app, 'BindSmartAccessGateway', bind), documentedError('BindSmartAccessGateway', 'SmartAccessGatewayAlreadyBound'), 'bound twice');
  expectError(t, await api(app, 'DeleteCloudConnectNetwork', { CcnId: ccn }), documentedElsewhere('AlreadyBound.SMARTAG'), 'a CCN with a granted member is in use');
  expectError(t, await api(app, 'ModifyCloudConnectNetwork', { CcnId: ccn, CidrBlock: '192.168.0.0/16' }), documentedElsewhere('CCN.CidrInUse'), "new blocks must hold the granted member's 10.10.0.0/24");
  const device = app.emulator.store.instances.findInRegion(ACCOUNT, HZ, 'sag-hardware0001')!;
  app.emulator.store.instances.insert({ ...device, id: 'sag-overlap10', cidrBlocks: ['10.10.0.0/25'], ccnId: null });
  expectError(t, await api(app, 'BindSmartAccessGateway', { CcnId: ccn, SmartAGId: 'sag-overlap10' }), documentedError('BindSmartAccessGateway', 'CidrConflict'), "an own instance overlapping the granted member's blocks");
  expectError(t, await api(app, 'GrantSagInstanceToCcn', { ...grantParams, CcnInstanceId: otherCcn }), documentedError('GrantSagInstanceToCcn', 'SAG.GrantDuplicated'), 'granted to a second CCN');
  expectSuccess(t, 'UnbindSmartAccessGateway', await api(app, 'UnbindSmartAccessGateway', bind));
  t.equal(app.emulator.store.instances.findInRegion(OTHER, HZ, OTHER_SAG)!.ccnId, null, 'unbound');
  expectError(t, await api(app, 'UnbindSmartAccessGateway', bind), documentedError('UnbindSmartAccessGateway', 'NotBoundCCN'), 'unbound twice');

  expectSuccess(t, 'BindSmartAccessGateway', await api(app, 'BindSmartAccessGateway', bind));
  expectSuccess(t, 'RevokeSagInstanceFromCcn', await api(app, 'RevokeSagInstanceFromCcn', { SmartAGId: OTHER_SAG, CcnInstanceId: ccn, ...AS_OTHER }));
  t.equal(app.emulator.store.instances.findInRegion(OTHER, HZ, OTHER_SAG)!.ccnId, null, 'the binding made through the grant ends with it');
  t.same(expectSuccess(t, 'DescribeGrantSagRules', await api(app, 'DescribeGrantSagRules', { SmartAGId: OTHER_SAG, ...AS_OTHER })).GrantRules.GrantRule, []);
  t.same((await bindable({ CrossAccount: 'true' })).SmartAccessGateways.SmartAccessGateway, [], 'no grant, not bindable');
  expectError(t, await api(app, 'BindSmartAccessGateway', bind), documentedError('BindSmartAccessGateway', 'InvalidId.SMARTAG'), 'no grant any more');
  expectError(t, await api(app, 'UnbindSmartAccessGateway', bind), documentedError('UnbindSmartAccessGateway', 'InvalidId.SMARTAG'), 'unbind without a grant');
});

t.test('GrantSagInstanceToCcn and RevokeSagInstanceFromCcn errors', async (t) => {
  const app = await appFor(t);
  const grant = (params: Params, format?: 'XML') => api(app, 'GrantSagInstanceToCcn', { SmartAGId: OTHER_SAG, CcnInstanceId: 'ccn-abc123', CcnUid: ACCOUNT, ...AS_OTHER, ...params }, format);
  expectError(t, await grant({ CcnUid: OTHER }), documentedError('GrantSagInstanceToCcn', 'CCN.InvalidUid'), 'granted to oneself');
  expectError(t, await grant({ CcnUid: '0' }, 'XML'), documentedError('GrantSagInstanceToCcn', 'CCN.InvalidUid'), 'uid 0, XML');
  expectError(t, await grant({ CcnInstanceId: ' ' }), documentedError('GrantSagInstanceToCcn', 'CCN.InvalidId'), 'blank CCN id');
  expectError(t, await grant({ CcnInstanceId: 'vpc-1' }), documentedError('GrantSagInstanceToCcn', 'CCN.InvalidId'), 'not a CCN id');
  expectError(t, await grant({ SmartAGId: ' ' }), documentedError('GrantSagInstanceToCcn', 'SAG.InstanceIdEmpty'), 'blank instance id');
  expectError(t, await grant({ SmartAGId: 'sag-nosuch' }), documentedError('GrantSagInstanceToCcn', 'SAG.InstanceNoFound'), 'unknown instance');
  expectError(t, await grant({ SmartAGId: 'sag-hardware0001' }, 'XML'), documentedError('GrantSagInstanceToCcn', 'SAG.InstanceNoFound'), "another account's instance, XML");
  expectError(t, await grant({ RegionId: 'cn-shanghai' }), documentedError('GrantSagInstanceToCcn', 'SAG.InstanceNoFound'), 'instance of another region');
  expectError(t, await grant({ CcnUid: 'me' }), invalidParameterError('CcnUid'));
  expectError(t, await grant({ RegionId: 'cn-nowhere' }), ERRORS.invalidRegion);
  t.equal(app.emulator.store.sagGrants.count({ accountId: OTHER }), 0, 'no call granted');
  expectXmlSuccess(t, 'GrantSagInstanceToCcn', await grant({}, 'XML'), '<InstanceId>sgc-');
  expectError(t, await grant({ CcnInstanceId: 'ccn-another' }), documentedError('GrantSagInstanceToCcn', 'SAG.GrantDuplicated'));
  expectError(t, await grant({ CcnUid: '1250123456123456' }), documentedError('GrantSagInstanceToCcn', 'SAG.GrantDuplicated'), 'same CCN id, another owner');

  const revoke = (params: Params, format?: 'XML') => api(app, 'RevokeSagInstanceFromCcn', { SmartAGId: OTHER_SAG, CcnInstanceId: 'ccn-abc123', ...AS_OTHER, ...params }, format);
  expectError(t, await revoke({ SmartAGId: ' ' }), documentedError('RevokeSagInstanceFromCcn', 'SAG.InstanceIdEmpty'));
  expectError(t, await revoke({ CcnInstanceId: ' ' }, 'XML'), documentedError('RevokeSagInstanceFromCcn', 'CCN.InvalidId'), 'blank CCN id, XML');
  expectError(t, await revoke({ CcnInstanceId: 'ccn-notgranted' }), documentedError('RevokeSagInstanceFromCcn', 'CCN.InvalidId'), 'no grant to that CCN');
  expectError(t, await revoke({ SmartAGId: 'sag-nosuch' }), documentedElsewhere('SAG.InstanceNoFound'), 'unknown instance');
  expectXmlSuccess(t, 'RevokeSagInstanceFromCcn', await revoke({}, 'XML'));
  expectError(t, await revoke({}), documentedError('RevokeSagInstanceFromCcn', 'CCN.InvalidId'), 'revoked twice');
});

t.test('DescribeGrantSagRules and DescribeBindableSmartAccessGateways errors, filters and pages', async (t) => {
  const app = await appFor(t);
  const rules = (params: Params, format?: 'XML') => api(app, 'DescribeGrantSagRules', { SmartAGId: OTHER_SAG, ...AS_OTHER, ...params }, format);
  expectError(t, await rules({ SmartAGId: ' ' }), documentedElsewhere('SAG.InstanceIdEmpty'));
  expectError(t, await rules({ SmartAGId: 'sag-hardware0001' }, 'XML'), documentedElsewhere('SAG.InstanceNoFound'), "another account's instance");
  expectError(t, await rules({ PageSize: '51' }), invalidParameterError('PageSize'));
  expectXmlSuccess(t, 'DescribeGrantSagRules', await rules({}, 'XML'), '<TotalCount>0</TotalCount>');

  const ccn = await newCcn(t, app);
  const bindable = (params: Params, format?: 'XML') => api(app, 'DescribeBindableSmartAccessGateways', { CcnId: ccn, ...params }, format);
  expectError(t, await bindable({ CcnId: ' ' }), documentedError('DescribeBindableSmartAccessGateways', 'CCN.InvalidId'), 'blank CCN id');
  expectError(t, await bindable({ RegionId: 'cn-nowhere' }, 'XML'), documentedError('DescribeBindableSmartAccessGateways', 'InvalidRegionID'), 'XML');
  expectError(t, await bindable({ CcnId: 'ccn-nosuch' }), documentedElsewhere('InvalidId.CCN'), 'unknown CCN');
  expectError(t, await bindable({ ...AS_OTHER }), documentedElsewhere('InvalidId.CCN'), "another account's CCN");
  expectError(t, await bindable({ PageSize: '0' }), invalidParameterError('PageSize'));
  const ids = async (params: Params) => expectSuccess(t, 'DescribeBindableSmartAccessGateways', await bindable(params)).SmartAccessGateways.SmartAccessGateway
    .map((sag: { SmartAGId: string }) => sag.SmartAGId);
  const everything = await ids({ PageSize: '50' });
  t.ok(everything.includes('sag-hardware0001') && !everything.includes(OTHER_SAG), 'own unbound instances, no ungranted ones');
  t.same(await ids({ PageSize: '2', PageNumber: '2' }), everything.slice(2, 4), 'paged in the same order');
  t.same(await ids({ SmartAGId: 'sag-hardware0001' }), ['sag-hardware0001']);
  const name = app.emulator.store.instances.findInRegion(ACCOUNT, HZ, 'sag-hardware0001')!.name;
  t.same(await ids({ Name: name }), ['sag-hardware0001'], 'by name');
  expectSuccess(t, 'BindSmartAccessGateway', await api(app, 'BindSmartAccessGateway', { CcnId: ccn, SmartAGId: 'sag-hardware0001' }));
  t.notOk((await ids({ PageSize: '50' })).includes('sag-hardware0001'), 'bound: no longer bindable');
  expectError(t, await bindable({ RegionId: 'cn-shanghai' }), documentedElsewhere('InvalidId.CCN'), 'the CCN is of cn-hangzhou');
  expectXmlSuccess(t, 'DescribeBindableSmartAccessGateways', await bindable({ SmartAGId: 'sag-lowbw0001' }, 'XML'), '<SmartAGId>sag-lowbw0001</SmartAGId>');
});

t.test('deleting an instance takes its grants with it', async (t) => {
  const app = await appFor(t);
  expectSuccess(t, 'GrantSagInstanceToCcn', await api(app, 'GrantSagInstanceToCcn', { SmartAGId: OTHER_SAG, CcnInstanceId: 'ccn-abc123', CcnUid: ACCOUNT, ...AS_OTHER }));
  app.emulator.store.instances.remove(OTHER, OTHER_SAG);
  t.equal(app.emulator.store.sagGrants.count({ accountId: OTHER }), 0);
});

t.test('fixtures: CCN and SAG grants seed, dump in the fixture shape, round-trip, reset and snapshot', async (t) => {
  const app = await appFor(t);
  const { control } = await import('../helpers/control');
  const ccnOwner = {
    id: '1000000000000008',
    accessKeys: [{ accessKeyId: 'ccnowner', accessKeySecret: 'ccnownersecret' }],
    ccns: [{ id: 'ccn-seed0001', regionId: HZ, cidrBlocks: [], snatCidrBlock: null, interworkingStatus: 'enable', isDefault: false, name: 'seeded', description: '', createdAt: 1000 }],
    ccnGrants: [{ id: '18313265-d988-406c-965d-3e110ff00001', ccnId: 'ccn-seed0001', cenId: CEN, cenUid: CEN_UID, grantTrafficService: true, createdAt: 1000 }],
  };
  const sagOwner = {
    id: '1000000000000009',
    accessKeys: [{ accessKeyId: 'sagowner', accessKeySecret: 'sagownersecret' }],
    instances: [{ id: 'sag-seed0001', regionId: HZ, instanceType: 'sag-1000', ccnId: 'ccn-seed0001' }, { id: 'sag-seed0002', regionId: HZ, instanceType: 'sag-1000' }],
    sagGrants: [
      { id: 'sgc-seed0001', smartAGId: 'sag-seed0001', ccnId: 'ccn-seed0001', ccnUid: ccnOwner.id, grantTrafficService: false, createdAt: 1000 },
      { id: 'sgc-seed0002', smartAGId: 'sag-seed0002', ccnId: 'ccn-seed0001', ccnUid: ccnOwner.id, grantTrafficService: true, createdAt: 2000 },
    ],
  };
  t.equal((await control(app, 'POST', '/seed', { accounts: [ccnOwner, sagOwner] })).status, 200);
  const AS_CCN_OWNER = { AccessKeyId: 'ccnowner' };
  const rules = expectSuccess(t, 'DescribeGrantRules', await api(app, 'DescribeGrantRules', { ...AS_CCN_OWNER }));
  t.match(rules.GrantRules.GrantRule, [{ GrantRuleId: ccnOwner.ccnGrants[0].id, CenInstanceId: CEN, GrantTrafficService: true, GmtCreate: 1000 }]);
  const bindable = expectSuccess(t, 'DescribeBindableSmartAccessGateways', await api(app, 'DescribeBindableSmartAccessGateways', { CcnId: 'ccn-seed0001', ...AS_CCN_OWNER }));
  t.same(bindable.SmartAccessGateways.SmartAccessGateway.map((sag: { SmartAGId: string }) => sag.SmartAGId), ['sag-seed0002'], 'the seeded bound one is not bindable; the other is');
  const ccn = expectSuccess(t, 'DescribeCloudConnectNetworks', await api(app, 'DescribeCloudConnectNetworks', { ...AS_CCN_OWNER }));
  t.equal(ccn.CloudConnectNetworks.CloudConnectNetwork[0].AssociatedCloudBoxCount, '1', 'the seeded cross-account binding counts');

  const stateOf = async (id: string) => (await control(app, 'GET', '/state')).json().accounts.find((a: { id: string }) => a.id === id);
  const dumpedCcnOwner = await stateOf(ccnOwner.id);
  const dumpedSagOwner = await stateOf(sagOwner.id);
  t.same(dumpedCcnOwner.ccnGrants, ccnOwner.ccnGrants);
  t.same(dumpedSagOwner.sagGrants, sagOwner.sagGrants);
  t.equal(dumpedSagOwner.instances[0].ccnId, 'ccn-seed0001');
  t.equal((await control(app, 'POST', '/seed', { accounts: [dumpedCcnOwner, dumpedSagOwner] })).status, 200, 'the dump seeds back');
  t.same((await stateOf(sagOwner.id)).sagGrants, sagOwner.sagGrants);
  t.same((await stateOf(ccnOwner.id)).ccnGrants, ccnOwner.ccnGrants);

  t.equal((await control(app, 'POST', '/snapshots/grants')).status, 200);
  const revoke = { SmartAGId: 'sag-seed0001', CcnInstanceId: 'ccn-seed0001' };
  expectError(t, await api(app, 'RevokeSagInstanceFromCcn', { ...revoke, ...AS_CCN_OWNER }), documentedElsewhere('SAG.InstanceNoFound'), 'the grantee cannot revoke');
  expectSuccess(t, 'RevokeSagInstanceFromCcn', await api(app, 'RevokeSagInstanceFromCcn', { ...revoke, AccessKeyId: 'sagowner' }));
  t.equal(app.emulator.store.sagGrants.count({ accountId: sagOwner.id }), 1, 'revoked');
  t.equal((await control(app, 'POST', '/snapshots/grants/restore')).status, 200);
  t.same((await stateOf(sagOwner.id)).sagGrants, sagOwner.sagGrants, 'a snapshot restores the grants');

  const bad = async (account: Record<string, unknown>) => (await control(app, 'POST', '/seed', { accounts: [account] })).json();
  t.match(await bad({ ...ccnOwner, ccnGrants: [{ ...ccnOwner.ccnGrants[0], ccnId: 'ccn-nosuch' }] }), { Code: 'Emulator.InvalidFixture', Description: /ccnGrants\/0\/ccnId: ccn-nosuch is not a CCN of this account/ });
  t.match(await bad({ ...ccnOwner, ccnGrants: [{ ...ccnOwner.ccnGrants[0], cenId: 'vpc-1' }] }), { Description: /ccnGrants\/0\/cenId: "vpc-1" is not a CEN id/ });
  t.match(await bad({ ...ccnOwner, ccnGrants: [ccnOwner.ccnGrants[0], { ...ccnOwner.ccnGrants[0], id: 'another' }] }), { Description: /ccnGrants\/1\/cenId: ccn-seed0001 is granted to cen-7qthudw0ll6jm00001 twice/ });
  t.match(await bad({ ...sagOwner, sagGrants: [sagOwner.sagGrants[0], { ...sagOwner.sagGrants[1], smartAGId: 'sag-nosuch' }] }), { Description: /sagGrants\/1\/smartAGId: sag-nosuch is not an instance of this account/ });
  t.match(await bad({ ...sagOwner, sagGrants: [sagOwner.sagGrants[0], { ...sagOwner.sagGrants[0], id: 'sgc-two' }] }), { Description: /sagGrants\/1\/smartAGId: sag-seed0001 is granted to another CCN/ });
  t.match(await bad({ ...sagOwner, sagGrants: [{ ...sagOwner.sagGrants[0], ccnUid: sagOwner.id }] }), { Description: /sagGrants\/0\/ccnUid: 1000000000000009 is not another account's uid/ });
  t.match(await bad({ ...sagOwner, sagGrants: [] }), { Description: /instances\/0\/ccnId: ccn-seed0001 is not a CCN of this account in cn-hangzhou, nor one its sagGrants grant it to/ });
  t.match(await bad({ ...sagOwner, sagGrants: [{ ...sagOwner.sagGrants[0], id: 'SGC-1' }] }), { Code: 'Emulator.InvalidFixture', Description: /sagGrants\/0\/id/ });

  t.equal((await control(app, 'POST', '/reset')).status, 200);
  t.equal(app.emulator.store.sagGrants.count({ accountId: sagOwner.id }), 0, 'reset: back to the default fixtures, which hold no grants');
});
