/**
 * Instances: 1,000 SAG APP instances in a region of their own. The list
 * pages at 50; the one-instance reads cycle through 20 of them.
 */
import { BENCH_REGIONS, pages, push, ROWS, seq, type FamilyBench } from './types';

const REGION = BENCH_REGIONS.instances;
const id = (n: number) => `sag-benchinst${seq(n)}`;
const SOME = Array.from({ length: 20 }, (_, k) => id(k * 50 + 1));

export const instancesBench: FamilyBench = {
  family: 'instances',
  fill(account) {
    push(account, 'instances', Array.from({ length: ROWS }, (_, i) => ({
      id: id(i + 1), regionId: REGION, name: `bench instance ${i + 1}`, cidrBlocks: [`10.${i >> 8}.${i & 255}.0/24`], userQuota: 10,
    })));
  },
  reads: [
    {
      action: 'DescribeSmartAccessGateways',
      onDefault: { RegionId: 'cn-hangzhou' },
      expectDefault: '"SmartAGId":"sag-ghwa10ko6ndwug****"',
      onLarge: pages({ RegionId: REGION }),
      expectLarge: `"TotalCount":${ROWS}`,
    },
    {
      action: 'DescribeSmartAccessGatewayAttribute',
      onDefault: { RegionId: 'cn-hangzhou', SmartAGId: 'sag-ghwa10ko6ndwug****' },
      expectDefault: '"SmartAGId":"sag-ghwa10ko6ndwug****"',
      onLarge: SOME.map((smartAGId) => ({ RegionId: REGION, SmartAGId: smartAGId })),
      expectLarge: '"SmartAGId":"sag-benchinst',
    },
    {
      action: 'DescribeRegions',
      onDefault: {},
      expectDefault: '"RegionId":"cn-hangzhou"',
      onLarge: [{}],
      expectLarge: '"RegionId":"cn-hangzhou"',
    },
    {
      action: 'GetSmartAccessGatewayUseLimit',
      onDefault: { RegionId: 'cn-hangzhou' },
      expectDefault: '"UsedAmount":',
      onLarge: [{ RegionId: REGION }],
      expectLarge: `"UsedAmount":${ROWS}`,
    },
  ],
};
