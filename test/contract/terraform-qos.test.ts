/**
 * Replays what the Terraform provider does for alicloud_sag_qos,
 * alicloud_sag_qos_policy and alicloud_sag_qos_car
 * (resource_alicloud_sag_qos*.go, service_alicloud_sag.go): create, the read
 * after it (first element of a filtered list), an update and its read, delete
 * and the wait until gone, in the Go SDK's wire shape against a strict emulator.
 */
import t from 'tap';
import { compositeId, expectGoneAtFirstPoll, readAs, splitId, startProvider, type Provider } from '../helpers/terraform';

/** DescribeSagQos: DescribeQoses by QosIds, the first element, which must be the id. */
function readQos(provider: Provider, id: string) {
  return readAs(async () => {
    const [first] = (await provider.call('DescribeQoses', { QosIds: id })).Qoses.Qos;
    return first?.QosId === id ? first : undefined;
  });
}

/** DescribeSagQosPolicy: DescribeQosPolicies by QosId and QosPolicyId, the first element. */
function readPolicy(provider: Provider, id: string) {
  const [qosId, policyId] = splitId(id);
  return readAs(async () => {
    const [first] = (await provider.call('DescribeQosPolicies', { QosId: qosId, QosPolicyId: policyId })).QosPolicies.QosPolicy;
    return first?.QosPolicyId === policyId ? first : undefined;
  });
}

/** DescribeSagQosCar: DescribeQosCars by QosId and QosCarId, the first element. */
function readCar(provider: Provider, id: string) {
  const [qosId, carId] = splitId(id);
  return readAs(async () => {
    const [first] = (await provider.call('DescribeQosCars', { QosId: qosId, QosCarId: carId })).QosCars.QosCar;
    return first?.QosCarId === carId ? first : undefined;
  });
}

t.test('alicloud_sag_qos: create, read, rename, delete, gone', async (t) => {
  const provider = await startProvider(t, { fixtures: null });
  const { QosId: id } = await provider.call('CreateQos', { QosName: 'tf-testAccSagQos' });
  t.match(id, /^qos-[a-z0-9]+$/, 'the id the provider stores');
  t.equal((await readQos(provider, id))?.QosName, 'tf-testAccSagQos', 'read after create');
  await provider.call('ModifyQos', { QosId: id, QosName: 'tf-testAccSagQosRenamed' });
  t.equal((await readQos(provider, id))?.QosName, 'tf-testAccSagQosRenamed', 'read after update');
  await provider.call('DeleteQos', { QosId: id });
  await expectGoneAtFirstPoll(t, 'WaitForSagQos', () => readQos(provider, id));
});

t.test('alicloud_sag_qos_policy: create, read, change, delete, gone', async (t) => {
  const provider = await startProvider(t, { fixtures: null });
  const { QosId } = await provider.call('CreateQos', { QosName: 'tf-testAccSagQosPolicy' });
  const created = await provider.call('CreateQosPolicy', {
    QosId, Name: 'tf-testSagQosPolicyName', Description: 'tf-testSagQosPolicyDescription', Priority: 1, IpProtocol: 'ALL',
    SourceCidr: '192.168.1.0/24', SourcePortRange: '-1/-1', DestCidr: '10.10.0.0/24', DestPortRange: '-1/-1',
    StartTime: '2019-10-25T16:41:33+0800', EndTime: '2019-10-26T16:41:33+0800',
  });
  const id = compositeId(created.QosId, created.QosPolicyId);
  t.equal(created.QosId, QosId, "the answer's QosId, half of the provider's id");
  t.match(await readPolicy(provider, id), {
    Name: 'tf-testSagQosPolicyName', Priority: 1, IpProtocol: 'ALL', SourceCidr: '192.168.1.0/24', DestCidr: '10.10.0.0/24',
    StartTime: '2019-10-25T16:41:33+0800', EndTime: '2019-10-26T16:41:33+0800',
  }, 'read after create: what was configured');
  await provider.call('ModifyQosPolicy', { QosId, QosPolicyId: created.QosPolicyId, Priority: 2, DestPortRange: '443/443', IpProtocol: 'TCP' });
  t.match(await readPolicy(provider, id), { Priority: 2, IpProtocol: 'TCP', DestPortRange: '443/443' }, 'read after update');
  await provider.call('DeleteQosPolicy', { QosId, QosPolicyId: created.QosPolicyId });
  await expectGoneAtFirstPoll(t, 'WaitForSagQosPolicy', () => readPolicy(provider, id));
});

t.test('alicloud_sag_qos_car: PercentSourceType read back though not sent, changed, deleted, gone', async (t) => {
  const provider = await startProvider(t, { fixtures: null });
  const { QosId } = await provider.call('CreateQos', { QosName: 'tf-testAccSagQosCar' });
  const created = await provider.call('CreateQosCar', {
    QosId, Name: 'tf-testSagQosCarName', Description: 'tf-testSagQosCarDescription', Priority: 1, LimitType: 'Absolute', MinBandwidthAbs: 10, MaxBandwidthAbs: 20,
  });
  const id = compositeId(created.QosId, created.QosCarId);
  t.match(await readCar(provider, id), {
    Name: 'tf-testSagQosCarName', Priority: 1, LimitType: 'Absolute', MinBandwidthAbs: 10, MaxBandwidthAbs: 20,
    PercentSourceType: 'InternetUpBandwidth', MinBandwidthPercent: 0, MaxBandwidthPercent: 0,
  }, 'read after create: the default PercentSourceType, percents 0');
  await provider.call('ModifyQosCar', { QosId, QosCarId: created.QosCarId, MaxBandwidthAbs: 30 });
  t.match(await readCar(provider, id), { MaxBandwidthAbs: 30, MinBandwidthAbs: 10 }, 'read after update');
  await provider.call('DeleteQosCar', { QosId, QosCarId: created.QosCarId });
  await expectGoneAtFirstPoll(t, 'WaitForSagQosCar', () => readCar(provider, id));
});
