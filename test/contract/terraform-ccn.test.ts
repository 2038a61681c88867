/**
 * Replays what the Terraform provider does for alicloud_cloud_connect_network
 * and alicloud_cloud_connect_network_attachment
 * (resource_alicloud_cloud_connect_network*.go, service_alicloud_sag.go), in
 * the Go SDK's wire shape against a strict emulator.
 */
import t from 'tap';
import { compositeId, expectGoneAtFirstPoll, readAs, splitId, startProvider, type Provider } from '../helpers/terraform';

/** DescribeCloudConnectNetwork: by CcnId, the first element, which must be the id. */
function readCcn(provider: Provider, id: string) {
  return readAs(async () => {
    const [first] = (await provider.call('DescribeCloudConnectNetworks', { CcnId: id })).CloudConnectNetworks.CloudConnectNetwork;
    return first?.CcnId === id ? first : undefined;
  });
}

/** DescribeCloudConnectNetworkAttachment: the instance by SmartAGId, attached while AssociatedCcnId is the CCN. */
function readAttachment(provider: Provider, id: string) {
  const [ccnId, sagId] = splitId(id);
  return readAs(async () => {
    const [first] = (await provider.call('DescribeSmartAccessGateways', { SmartAGId: sagId })).SmartAccessGateways.SmartAccessGateway;
    return first?.SmartAGId === sagId && first.AssociatedCcnId === ccnId ? first : undefined;
  });
}

t.test('alicloud_cloud_connect_network: IsDefault is sent on create and read back', async (t) => {
  const provider = await startProvider(t, { fixtures: null });
  for (const isDefault of [true, false]) {
    const { CcnId: id } = await provider.call('CreateCloudConnectNetwork', { IsDefault: isDefault, Name: 'tf-testAccCcn', Description: 'tf-testAccCcnDescription', CidrBlock: '192.168.0.0/24' });
    t.same(await readCcn(provider, id).then((ccn) => ccn && [ccn.Name, ccn.Description, ccn.CidrBlock, ccn.IsDefault]),
      ['tf-testAccCcn', 'tf-testAccCcnDescription', '192.168.0.0/24', isDefault], `read after create (is_default = ${isDefault})`);
    await provider.call('ModifyCloudConnectNetwork', { CcnId: id, Name: 'tf-testAccCcnRenamed', CidrBlock: '192.168.0.0/16' });
    t.match(await readCcn(provider, id), { Name: 'tf-testAccCcnRenamed', CidrBlock: '192.168.0.0/16', Description: 'tf-testAccCcnDescription', IsDefault: isDefault }, 'read after update');
    await provider.call('DeleteCloudConnectNetwork', { CcnId: id });
    await expectGoneAtFirstPoll(t, 'WaitForCloudConnectNetwork', () => readCcn(provider, id));
  }
});

t.test('alicloud_cloud_connect_network_attachment: bind, read AssociatedCcnId, unbind, gone', async (t) => {
  const provider = await startProvider(t, { fixtures: null });
  const { CcnId: ccnId } = await provider.call('CreateCloudConnectNetwork', { IsDefault: false, Name: 'tf-testAccCcnAttachment', CidrBlock: '10.0.0.0/8' });
  const { SmartAGId: sagId } = await provider.call('CreateSmartAccessGatewaySoftware', { Period: 1, AutoPay: true, ChargeType: 'PREPAY', UserCount: 5, DataPlan: 5 });
  await provider.call('BindSmartAccessGateway', { CcnId: ccnId, SmartAGId: sagId });
  const id = compositeId(ccnId, sagId);
  t.equal((await readAttachment(provider, id))?.AssociatedCcnId, ccnId, 'read after create');
  await provider.call('UnbindSmartAccessGateway', { CcnId: ccnId, SmartAGId: sagId });
  await expectGoneAtFirstPoll(t, 'wait until AssociatedCcnId differs', () => readAttachment(provider, id));
  await provider.call('DeleteCloudConnectNetwork', { CcnId: ccnId });
  await expectGoneAtFirstPoll(t, 'WaitForCloudConnectNetwork', () => readCcn(provider, ccnId));
});
