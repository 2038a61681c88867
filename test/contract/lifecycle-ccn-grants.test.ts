/**
 * Contract: CCN grants' whole life cycle through the official client a
 * generated Smartag SDK uses (v3 signature, strict emulator): a CCN granted
 * to a CEN and revoked; another account's instance granted to the CCN,
 * listed bindable, bound, read from both sides, unbound, revoked, and read
 * after revoke.
 */
import t from 'tap';
import { officialClient } from '../helpers/official-client';

const HZ = { RegionId: 'cn-hangzhou' };
const OWNER = { id: '1000000000000031', key: 'lifecycle-owner-key', secret: 'lifecycle-owner-secret' };
const OWNER_SAG = 'sag-lifecycle0001';

t.test('CCN grants from creation to revocation', async (t) => {
  const api = await officialClient(t);
  const uid = '1000000000000001'; // the default fixtures' account, whose key the client holds
  const { CcnId } = await api.ok('CreateCloudConnectNetwork', { ...HZ, Name: 'lifecycle-grants' });
  t.match(await api.ok('GetCloudConnectNetworkUseLimit', HZ), { TotalAmount: 10, UsedAmount: 2 }, 'the fixtures\' CCN and the new one');

  await api.ok('GrantInstanceToCbn', { ...HZ, CcnInstanceId: CcnId, CenInstanceId: 'cen-lifecycle0001', CenUid: 1250123456123456 });
  const rules = async () => (await api.ok('DescribeGrantRules', { ...HZ, AssociatedCcnId: CcnId })).GrantRules.GrantRule;
  t.match(await rules(), [{ CcnInstanceId: CcnId, CenInstanceId: 'cen-lifecycle0001', CenUid: 1250123456123456, GrantTrafficService: false }], 'read after grant');
  t.match(await api.fails('GrantInstanceToCbn', { ...HZ, CcnInstanceId: CcnId, CenInstanceId: 'cen-lifecycle0001', CenUid: 1250123456123456 }), { code: 'DuplicatedGrantRule', statusCode: 400 });
  await api.ok('RevokeInstanceFromCbn', { ...HZ, CcnInstanceId: CcnId, CenInstanceId: 'cen-lifecycle0001' });
  t.same(await rules(), [], 'read after revoke');

  // Another account, which owns an instance and grants it to this CCN.
  api.emulator.seed({ accounts: [{
    id: OWNER.id, accessKeys: [{ accessKeyId: OWNER.key, accessKeySecret: OWNER.secret }],
    instances: [{ id: OWNER_SAG, regionId: 'cn-hangzhou', instanceType: 'sag-1000', name: 'granted' }],
  }] } as Parameters<typeof api.emulator.seed>[0]);
  const owner = await officialClient(t, { on: { emulator: api.emulator, accessKeyId: OWNER.key, accessKeySecret: OWNER.secret } });
  const { InstanceId } = await owner.ok('GrantSagInstanceToCcn', { ...HZ, SmartAGId: OWNER_SAG, CcnInstanceId: CcnId, CcnUid: uid });
  t.match(InstanceId, /^sgc-/);
  t.match((await owner.ok('DescribeGrantSagRules', { ...HZ, SmartAGId: OWNER_SAG })).GrantRules.GrantRule, [{ SmartAGId: OWNER_SAG, CcnInstanceId: CcnId, CcnUid: Number(uid), InstanceId: OWNER.id }]);
  const bindable = async () => (await api.ok('DescribeBindableSmartAccessGateways', { ...HZ, CcnId, CrossAccount: true })).SmartAccessGateways.SmartAccessGateway;
  t.same(await bindable(), [{ SmartAGId: OWNER_SAG, Name: 'granted', SmartAGUid: Number(OWNER.id) }], 'the grantee sees the granted instance');

  await api.ok('BindSmartAccessGateway', { ...HZ, CcnId, SmartAGId: OWNER_SAG, SmartAGUid: OWNER.id });
  t.same(await bindable(), [], 'bound: no longer bindable');
  t.match((await owner.ok('DescribeSmartAccessGatewayAttribute', { ...HZ, SmartAGId: OWNER_SAG })), { AssociatedCcnId: CcnId, AssociatedCcnName: 'lifecycle-grants' }, 'the owner sees where it is bound');
  t.match((await api.ok('DescribeCloudConnectNetworks', { ...HZ, CcnId })).CloudConnectNetworks.CloudConnectNetwork, [{ AssociatedCloudBoxCount: '1' }]);
  await api.ok('UnbindSmartAccessGateway', { ...HZ, CcnId, SmartAGId: OWNER_SAG, SmartAGUid: OWNER.id });
  t.equal((await owner.ok('DescribeSmartAccessGatewayAttribute', { ...HZ, SmartAGId: OWNER_SAG })).AssociatedCcnId, '', 'unbound');

  await owner.ok('RevokeSagInstanceFromCcn', { ...HZ, SmartAGId: OWNER_SAG, CcnInstanceId: CcnId });
  t.same((await owner.ok('DescribeGrantSagRules', { ...HZ, SmartAGId: OWNER_SAG })).GrantRules.GrantRule, [], 'read after revoke');
  t.same(await bindable(), [], 'the grantee no longer sees it');
  t.match(await api.fails('BindSmartAccessGateway', { ...HZ, CcnId, SmartAGId: OWNER_SAG, SmartAGUid: OWNER.id }), { code: 'InvalidId.SMARTAG', statusCode: 403 });
  t.match(await owner.fails('RevokeSagInstanceFromCcn', { ...HZ, SmartAGId: OWNER_SAG, CcnInstanceId: CcnId }), { code: 'CCN.InvalidId', statusCode: 400 });
});
