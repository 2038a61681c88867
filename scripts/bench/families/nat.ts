/** SNAT and DNAT entries: one hardware instance (in a region of its own) with 1,000 of each, pages of 50. */
import { BENCH_REGIONS, pages, push, ROWS, seq, type FamilyBench } from './types';

const REGION = BENCH_REGIONS.nat;
const DEVICE = 'sag-benchnat';

export const natBench: FamilyBench = {
  family: 'nat',
  fill(account) {
    push(account, 'instances', [{ id: DEVICE, regionId: REGION, instanceType: 'sag-1000', name: 'bench: 1,000 SNAT and DNAT entries' }]);
    push(account, 'snatEntries', Array.from({ length: ROWS }, (_, i) => ({
      id: `snat-bench${seq(i + 1)}`, smartAGId: DEVICE, cidrBlock: `10.${i >> 8}.${i & 255}.0/24`, snatIp: '192.0.2.1',
    })));
    push(account, 'dnatEntries', Array.from({ length: ROWS }, (_, i) => ({
      id: `fwd-bench${seq(i + 1)}`, smartAGId: DEVICE, type: 'Intranet', ipProtocol: 'tcp',
      externalIp: '192.0.2.1', externalPort: String(10000 + i), internalIp: `192.168.${i >> 8}.${(i & 255) || 1}`, internalPort: '80',
    })));
  },
  reads: [
    {
      action: 'DescribeSnatEntries',
      onDefault: { RegionId: 'cn-hangzhou', SmartAGId: 'sag-hardware0001' },
      expectDefault: '"TotalCount":0',
      onLarge: pages({ RegionId: REGION, SmartAGId: DEVICE }),
      expectLarge: `"TotalCount":${ROWS}`,
    },
    {
      action: 'DescribeDnatEntries',
      onDefault: { RegionId: 'cn-hangzhou', SagId: 'sag-hardware0001' },
      expectDefault: '"TotalCount":0',
      onLarge: pages({ RegionId: REGION, SagId: DEVICE }),
      expectLarge: `"TotalCount":${ROWS}`,
    },
  ],
};
