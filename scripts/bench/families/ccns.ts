/** Cloud connect networks: 1,000 CCNs in a region of their own, pages of 50. */
import { BENCH_REGIONS, pages, push, ROWS, seq, type FamilyBench } from './types';

const REGION = BENCH_REGIONS.ccns;

export const ccnsBench: FamilyBench = {
  family: 'ccns',
  fill(account) {
    push(account, 'ccns', Array.from({ length: ROWS }, (_, i) => ({
      id: `ccn-bench${seq(i + 1)}`, regionId: REGION, name: `bench-ccn-${i + 1}`, cidrBlocks: ['172.16.0.0/12'],
    })));
  },
  reads: [
    {
      action: 'DescribeCloudConnectNetworks',
      onDefault: { RegionId: 'cn-hangzhou' },
      expectDefault: '"CcnId":"ccn-sample00000000001"',
      onLarge: pages({ RegionId: REGION }),
      expectLarge: `"TotalCount":${ROWS}`,
    },
  ],
};
