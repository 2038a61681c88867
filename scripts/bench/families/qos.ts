/**
 * QoS: 1,000 QoS policies in a region of their own, the first holding 1,000
 * classification rules and 1,000 rate-limit rules (fixtures are not held to
 * the API's quota of 50). Every list pages at 50; GetQosAttribute reads the
 * large policy whole.
 */
import { BENCH_REGIONS, pages, push, ROWS, seq, type FamilyBench } from './types';

// No family lists QoS rows in the ACL family's region: sharing it changes no other answer.
const REGION = BENCH_REGIONS.acls;
const qos = (n: number) => `qos-bench${seq(n)}`;
/** fixtures/default.json's QoS policy, with one rule of each kind. */
const SAMPLE = 'qos-sample00000000001';

export const qosBench: FamilyBench = {
  family: 'qos',
  fill(account) {
    const n = Array.from({ length: ROWS }, (_, i) => i + 1);
    const policies = n.map((k) => ({
      id: `qospy-bench${seq(k)}`, name: `bench-policy-${k}`, description: 'bench', priority: 1 + (k % 3), ipProtocol: 'TCP',
      sourceCidr: '10.0.0.0/8', sourcePortRange: '-1/-1', destCidr: '192.168.0.0/16', destPortRange: '443/443',
      startTime: '', endTime: '', dpiSignatureIds: [], dpiGroupIds: [],
    }));
    const cars = n.map((k) => ({
      id: `qoscar-bench${seq(k)}`, name: `bench-car-${k}`, description: 'bench', priority: 1 + (k % 3), limitType: 'Absolute',
      minBandwidthAbs: 1, maxBandwidthAbs: 10, minBandwidthPercent: 0, maxBandwidthPercent: 0, percentSourceType: 'InternetUpBandwidth',
    }));
    push(account, 'qoses', n.map((k) => ({
      id: qos(k), regionId: REGION, name: `bench-qos-${k}`, description: 'bench', smartAGIds: [],
      policies: k === 1 ? policies : [], cars: k === 1 ? cars : [],
    })));
  },
  reads: [
    {
      action: 'DescribeQoses',
      onDefault: { RegionId: 'cn-hangzhou' },
      expectDefault: '"TotalCount":',
      onLarge: pages({ RegionId: REGION }),
      expectLarge: `"TotalCount":${ROWS}`,
    },
    {
      action: 'DescribeQosPolicies',
      onDefault: { RegionId: 'cn-hangzhou', QosId: SAMPLE },
      expectDefault: '"TotalCount":1',
      onLarge: pages({ RegionId: REGION, QosId: qos(1) }),
      expectLarge: `"TotalCount":${ROWS}`,
    },
    {
      action: 'DescribeQosCars',
      onDefault: { RegionId: 'cn-hangzhou', QosId: SAMPLE },
      expectDefault: '"TotalCount":1',
      onLarge: pages({ RegionId: REGION, QosId: qos(1) }),
      expectLarge: `"TotalCount":${ROWS}`,
    },
    {
      action: 'GetQosAttribute',
      onDefault: { RegionId: 'cn-hangzhou', QosId: SAMPLE },
      expectDefault: '"QosPolicieName":"web"',
      onLarge: [{ RegionId: REGION, QosId: qos(1) }],
      expectLarge: '"QosPolicieName":"bench-policy-1000"',
    },
  ],
};
