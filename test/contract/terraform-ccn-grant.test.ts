/**
 * Replays what the Terraform provider does for
 * alicloud_cloud_connect_network_grant
 * (resource_alicloud_cloud_connect_network_grant.go, service_alicloud_sag.go):
 * GrantInstanceToCbn (RegionId, CcnInstanceId, CenInstanceId, CenUid), the id
 * ccnId:cenId, a read through DescribeGrantRules by AssociatedCcnId (first
 * page, no paging parameters) matching CcnInstanceId and CenInstanceId,
 * RevokeInstanceFromCbn, then the delete wait until the read finds nothing;
 * a second delete answers InvalidInstanceId.NotFound, which the provider
 * takes for done.
 */
import t from 'tap';
import { compositeId, expectGoneAtFirstPoll, ProviderError, readAs, splitId, startProvider, type Provider } from '../helpers/terraform';

const CEN_UID = '1250123456123456';

/** DescribeCloudConnectNetworkGrant: the first page of the CCN's grant rules, the one naming both ids. */
function readGrant(provider: Provider, id: string) {
  const [ccnId, cenId] = splitId(id);
  return readAs(async () => {
    const rules = (await provider.call('DescribeGrantRules', { AssociatedCcnId: ccnId })).GrantRules.GrantRule as { CcnInstanceId: string; CenInstanceId: string }[];
    return rules.find((rule) => rule.CcnInstanceId === ccnId && rule.CenInstanceId === cenId);
  });
}

t.test('alicloud_cloud_connect_network_grant: create, read, delete, gone; a second delete is tolerated', async (t) => {
  const provider = await startProvider(t, { fixtures: null });
  const { CcnId: ccnId } = await provider.call('CreateCloudConnectNetwork', { IsDefault: false, Name: 'tf-testAccCcnGrant', CidrBlock: '192.168.0.0/24' });
  const grants = ['cen-tfgrant0001', 'cen-tfgrant0002'];
  for (const cenId of grants) await provider.call('GrantInstanceToCbn', { CcnInstanceId: ccnId, CenInstanceId: cenId, CenUid: CEN_UID });
  const id = compositeId(ccnId, grants[1]);
  t.match(await readGrant(provider, id), { CcnInstanceId: ccnId, CenInstanceId: grants[1], CenUid: Number(CEN_UID) }, 'read after create: cen_uid reads back');

  await provider.call('RevokeInstanceFromCbn', { CcnInstanceId: ccnId, CenInstanceId: grants[1] });
  await expectGoneAtFirstPoll(t, 'WaitForCloudConnectNetworkGrant', () => readGrant(provider, id));
  t.ok(await readGrant(provider, compositeId(ccnId, grants[0])), 'the other grant stays');

  const again = await provider.send('RevokeInstanceFromCbn', { CcnInstanceId: ccnId, CenInstanceId: grants[1] });
  t.equal(again.body.Code, 'InvalidInstanceId.NotFound', 'a second delete: the code the provider ignores');

  const duplicate = await provider.call('GrantInstanceToCbn', { CcnInstanceId: ccnId, CenInstanceId: grants[0], CenUid: CEN_UID }).catch((error: unknown) => error);
  t.ok(duplicate instanceof ProviderError && duplicate.code === 'DuplicatedGrantRule', 'creating an existing grant fails (not retried)');
});

t.test('alicloud_cloud_connect_network_grant: the CCN destroyed first takes the grant with it', async (t) => {
  const provider = await startProvider(t, { fixtures: null });
  const { CcnId: ccnId } = await provider.call('CreateCloudConnectNetwork', { IsDefault: true, Name: 'tf-testAccCcnGrant' });
  await provider.call('GrantInstanceToCbn', { CcnInstanceId: ccnId, CenInstanceId: 'cen-tfgrant0003', CenUid: CEN_UID });
  await provider.call('DeleteCloudConnectNetwork', { CcnId: ccnId });
  t.equal(await readGrant(provider, compositeId(ccnId, 'cen-tfgrant0003')), undefined, 'refresh: present, but now absent');
});
