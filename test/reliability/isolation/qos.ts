/**
 * Isolation of QoS policies and their rules. The test's instances are SAG
 * APP instances, which take no QoS: the association cases name the other
 * account's QoS and instances, whose lookups come first.
 */
import { A1, B1, HZ, isolationCase as c, type IsolationFamily } from './family';

const A_QOS = 'qos-isoa00000000000001';
const A_POLICY = 'qospy-isoa00000000000001';
const A_CAR = 'qoscar-isoa00000000000001';
const POLICY = { Priority: '1', IpProtocol: 'TCP', SourceCidr: '10.0.0.0/8', DestCidr: '10.1.1.0/24', SourcePortRange: '-1/-1', DestPortRange: '443/443' };
const CAR = { Priority: '1', LimitType: 'Absolute', MinBandwidthAbs: '1', MaxBandwidthAbs: '5' };

export const qosIsolation: IsolationFamily = {
  idParameters: ['QosId', 'QosIds', 'QosPolicyId', 'QosCarId'],
  aFixture: {
    qoses: [{
      id: A_QOS, regionId: HZ, name: 'IsolationAQos',
      policies: [{ id: A_POLICY, ipProtocol: 'TCP', sourceCidr: '10.0.0.0/8', destCidr: '10.1.1.0/24', destPortRange: '80/80' }],
      cars: [{ id: A_CAR, limitType: 'Absolute', minBandwidthAbs: 1, maxBandwidthAbs: 5 }],
    }],
  },
  async setUpB(asB) {
    const { QosId } = await asB('CreateQos', { RegionId: HZ, QosName: 'IsolationBQos', QosDescription: 'IsolationBQosDesc' });
    const { QosPolicyId } = await asB('CreateQosPolicy', { RegionId: HZ, QosId, ...POLICY, Name: 'IsolationBPolicy' });
    const { QosCarId } = await asB('CreateQosCar', { RegionId: HZ, QosId, ...CAR, Name: 'IsolationBCar' });
    return {
      absent: [[QosId, 'qos-isonone00000000000'], [QosPolicyId, 'qospy-isonone00000000000'], [QosCarId, 'qoscar-isonone00000000000'], ['IsolationBQos', 'IsolationNoQos']],
      leakTokens: ['IsolationBQosDesc', 'IsolationBPolicy', 'IsolationBCar'],
      ids: { qos: QosId, policy: QosPolicyId, car: QosCarId },
    };
  },
  cases: (b) => [
    c('CreateQos', "A's new QoS", { RegionId: HZ, QosName: 'IsolationANewQos' }, 'OK'),
    c('DescribeQoses', "by B's QoS id", { RegionId: HZ, QosIds: b.qos }, 'OK', { check: (t, body) => t.same([body.TotalCount, body.Qoses.Qos], [0, []]) }),
    c('DescribeQoses', "by B's QoS name", { RegionId: HZ, QosName: 'IsolationBQos' }, 'OK', { check: (t, body) => t.equal(body.TotalCount, 0) }),
    c('DescribeQoses', "A's and B's ids", { RegionId: HZ, QosIds: `${A_QOS},${b.qos}` }, 'OK', {
      check: (t, body) => t.same(body.Qoses.Qos.map((qos: { QosId: string }) => qos.QosId), [A_QOS], "A's QoS only"),
    }),
    c('ModifyQos', "B's QoS", { RegionId: HZ, QosId: b.qos, QosName: 'Renamed' }, 'InvalidId.Qos'),
    c('DeleteQos', "B's QoS", { RegionId: HZ, QosId: b.qos }, 'InvalidId.Qos'),
    c('GetQosAttribute', "B's QoS", { RegionId: HZ, QosId: b.qos }, 'InvalidId.Qos'),
    c('AssociateQos', "B's QoS to A's instance", { RegionId: HZ, QosId: b.qos, SmartAGId: A1.SmartAGId }, 'InvalidId.Qos'),
    c('AssociateQos', "A's QoS to B's instance", { RegionId: HZ, QosId: A_QOS, SmartAGId: B1.SmartAGId }, 'InvalidId.SMARTAG'),
    c('DisassociateQos', "B's QoS from B's instance", { RegionId: HZ, QosId: b.qos, SmartAGId: B1.SmartAGId }, 'InvalidId.Qos'),
    c('DisassociateQos', "A's QoS from B's instance", { RegionId: HZ, QosId: A_QOS, SmartAGId: B1.SmartAGId }, 'InvalidId.SMARTAG'),
    c('CreateQosPolicy', "in B's QoS", { RegionId: HZ, QosId: b.qos, ...POLICY }, 'InvalidId.Qos'),
    c('DescribeQosPolicies', "B's QoS", { RegionId: HZ, QosId: b.qos }, 'InvalidId.Qos'),
    c('DescribeQosPolicies', "A's QoS, by B's rule id", { RegionId: HZ, QosId: A_QOS, QosPolicyId: b.policy }, 'OK', { check: (t, body) => t.equal(body.TotalCount, 0) }),
    c('ModifyQosPolicy', "B's rule of B's QoS", { RegionId: HZ, QosId: b.qos, QosPolicyId: b.policy, Priority: '2' }, 'InvalidId.Qos'),
    c('ModifyQosPolicy', "B's rule through A's QoS", { RegionId: HZ, QosId: A_QOS, QosPolicyId: b.policy, Priority: '2' }, 'InvalidId.QOSPY'),
    c('DeleteQosPolicy', "B's rule of B's QoS", { RegionId: HZ, QosId: b.qos, QosPolicyId: b.policy }, 'InvalidId.Qos'),
    c('DeleteQosPolicy', "B's rule through A's QoS", { RegionId: HZ, QosId: A_QOS, QosPolicyId: b.policy }, 'InvalidId.QOSPY'),
    c('CreateQosCar', "in B's QoS", { RegionId: HZ, QosId: b.qos, ...CAR }, 'InvalidId.Qos'),
    c('DescribeQosCars', "B's QoS", { RegionId: HZ, QosId: b.qos }, 'InvalidId.Qos'),
    c('DescribeQosCars', "A's QoS, by B's rule id", { RegionId: HZ, QosId: A_QOS, QosCarId: b.car }, 'OK', { check: (t, body) => t.equal(body.TotalCount, 0) }),
    c('ModifyQosCar', "B's rule of B's QoS", { RegionId: HZ, QosId: b.qos, QosCarId: b.car, Priority: '2' }, 'InvalidId.Qos'),
    c('ModifyQosCar', "B's rule through A's QoS", { RegionId: HZ, QosId: A_QOS, QosCarId: b.car, Priority: '2' }, 'InvalidId.QOSCAR'),
    c('DeleteQosCar', "B's rule of B's QoS", { RegionId: HZ, QosId: b.qos, QosCarId: b.car }, 'InvalidId.Qos'),
    c('DeleteQosCar', "B's rule through A's QoS", { RegionId: HZ, QosId: A_QOS, QosCarId: b.car }, 'InvalidId.QOSCAR'),
  ],
};
