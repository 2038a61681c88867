/**
 * CCN grants: one CCN (in a region of its own) granted to 1,000 CEN
 * instances, and 1,000 hardware instances there, none bound, each granted to
 * another account's CCN. Grant lists and the bindable instances page at 50;
 * an instance's own grants are one row, so that read cycles over instances.
 */
import { BENCH_REGIONS, pages, push, ROWS, seq, type FamilyBench } from './types';

const REGION = BENCH_REGIONS.ccnGrants;
const CCN = 'ccn-benchgrant0001';
const CEN_UID = '1999999999990001';
const OTHER_UID = '1999999999990002';
const device = (n: number) => `sag-benchgrant${seq(n)}`;

export const ccnGrantsBench: FamilyBench = {
  family: 'ccn-grants',
  fill(account) {
    const n = Array.from({ length: ROWS }, (_, i) => i + 1);
    push(account, 'ccns', [{ id: CCN, regionId: REGION, name: 'bench granted CCN' }]);
    push(account, 'ccnGrants', n.map((k) => ({ id: `bench-ccn-grant-${seq(k)}`, ccnId: CCN, cenId: `cen-bench${seq(k)}`, cenUid: CEN_UID })));
    push(account, 'instances', n.map((k) => ({ id: device(k), regionId: REGION, instanceType: 'sag-1000', name: `bench grant device ${k}` })));
    push(account, 'sagGrants', n.map((k) => ({ id: `sgc-bench${seq(k)}`, smartAGId: device(k), ccnId: `ccn-benchother${seq(k)}`, ccnUid: OTHER_UID })));
  },
  reads: [
    {
      action: 'DescribeGrantRules',
      onDefault: { RegionId: 'cn-hangzhou' },
      expectDefault: '"TotalCount":0',
      onLarge: pages({ RegionId: REGION, AssociatedCcnId: CCN }),
      expectLarge: `"TotalCount":${ROWS}`,
    },
    {
      action: 'DescribeGrantSagRules',
      onDefault: { RegionId: 'cn-hangzhou', SmartAGId: 'sag-hardware0001' },
      expectDefault: '"TotalCount":0',
      onLarge: Array.from({ length: 20 }, (_, i) => ({ RegionId: REGION, SmartAGId: device(i * 50 + 1) })),
      expectLarge: '"TotalCount":1',
    },
    {
      action: 'DescribeBindableSmartAccessGateways',
      onDefault: { RegionId: 'cn-hangzhou', CcnId: 'ccn-sample00000000001' },
      expectDefault: '"TotalCount":',
      onLarge: pages({ RegionId: REGION, CcnId: CCN }),
      expectLarge: `"TotalCount":${ROWS}`,
    },
    {
      action: 'GetCloudConnectNetworkUseLimit',
      onDefault: { RegionId: 'cn-hangzhou' },
      expectDefault: '"UsedAmount":',
      onLarge: [{ RegionId: REGION }],
      expectLarge: '"UsedAmount":1',
    },
  ],
};
