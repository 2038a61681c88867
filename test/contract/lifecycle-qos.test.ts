/**
 * Contract: a QoS policy's whole life cycle through the official client a
 * generated Smartag SDK uses (v3 signature, strict emulator): create, read,
 * update, classification and rate-limit rules, associate, disassociate,
 * delete, read after delete.
 */
import t from 'tap';
import { officialClient } from '../helpers/official-client';

const HZ = { RegionId: 'cn-hangzhou' };
const HARDWARE = 'sag-hardware0001';

t.test('a QoS policy from creation to deletion', async (t) => {
  const api = await officialClient(t);
  const { QosId } = await api.ok('CreateQos', { ...HZ, QosName: 'lifecycle' });
  const listed = async () => (await api.ok('DescribeQoses', { ...HZ, QosIds: QosId })).Qoses.Qos;
  t.match(await listed(), [{ QosId, QosName: 'lifecycle', SagCount: '0', SmartAGIds: '' }], 'read after create');

  await api.ok('ModifyQos', { ...HZ, QosId, QosName: 'lifecycle-renamed', QosDescription: 'Changed' });
  t.match(await listed(), [{ QosName: 'lifecycle-renamed', QosDescription: 'Changed' }], 'read after update');

  const policy = await api.ok('CreateQosPolicy', {
    ...HZ, QosId, Priority: 1, IpProtocol: 'udp', SourceCidr: '10.0.0.0/8', DestCidr: '0.0.0.0/0', SourcePortRange: '-1/-1', DestPortRange: '53/53',
  });
  await api.ok('ModifyQosPolicy', { ...HZ, QosId, QosPolicyId: policy.QosPolicyId, Priority: 2 });
  t.match((await api.ok('DescribeQosPolicies', { ...HZ, QosId })).QosPolicies.QosPolicy, [{ QosPolicyId: policy.QosPolicyId, Priority: 2, IpProtocol: 'UDP' }], 'the rule, changed');

  const car = await api.ok('CreateQosCar', { ...HZ, QosId, Priority: 1, LimitType: 'Absolute', MinBandwidthAbs: 1, MaxBandwidthAbs: 10 });
  await api.ok('ModifyQosCar', { ...HZ, QosId, QosCarId: car.QosCarId, MaxBandwidthAbs: 20 });
  t.match((await api.ok('DescribeQosCars', { ...HZ, QosId })).QosCars.QosCar, [{ QosCarId: car.QosCarId, MaxBandwidthAbs: 20 }], 'the rate limit, changed');

  await api.ok('AssociateQos', { ...HZ, QosId, SmartAGId: HARDWARE });
  t.match(await listed(), [{ SagCount: '1', SmartAGIds: HARDWARE }], 'associated with one instance');
  t.match(await api.fails('AssociateQos', { ...HZ, QosId, SmartAGId: HARDWARE }), { code: 'SmartAGAlreadyAssociateQos', statusCode: 400 });
  await api.ok('DisassociateQos', { ...HZ, QosId, SmartAGId: HARDWARE });
  t.match(await listed(), [{ SagCount: '0' }], 'disassociated');

  await api.ok('DeleteQosPolicy', { ...HZ, QosId, QosPolicyId: policy.QosPolicyId });
  await api.ok('DeleteQosCar', { ...HZ, QosId, QosCarId: car.QosCarId });
  await api.ok('DeleteQos', { ...HZ, QosId });
  t.same(await listed(), [], 'read after delete: not listed');
  t.match(await api.fails('GetQosAttribute', { ...HZ, QosId }), { code: 'InvalidId.Qos', statusCode: 400, message: 'The specified QosId is invalid.' });
});
