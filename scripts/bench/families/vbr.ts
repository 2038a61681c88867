/**
 * VBR grants and bindings: 1,000 hardware instances (in a region of their
 * own), each granted to and bound to a VBR of its own (a binding is one
 * instance to one VBR). Grants page at 50; relations ask for 20 VBRs at a
 * time (VbrInstanceIds' maximum).
 */
import { BENCH_REGIONS, pages, push, repeated, ROWS, seq, type FamilyBench } from './types';

const REGION = BENCH_REGIONS.vbr;
const VBR_REGION = 'cn-hangzhou';
const MAX_VBR_IDS = 20;
const device = (n: number) => `sag-benchvbr${seq(n)}`;
const vbr = (n: number) => `vbr-bench${seq(n)}`;

export const vbrBench: FamilyBench = {
  family: 'vbr',
  fill(account) {
    const uid = account.id;
    const n = Array.from({ length: ROWS }, (_, i) => i + 1);
    push(account, 'instances', n.map((k) => ({ id: device(k), regionId: REGION, instanceType: 'sag-1000', name: `bench VBR device ${k}` })));
    push(account, 'vbrGrants', n.map((k) => ({ id: `sgv-bench${seq(k)}`, smartAGId: device(k), vbrId: vbr(k), vbrRegionId: VBR_REGION, vbrUid: uid })));
    push(account, 'vbrBindings', n.map((k) => ({ smartAGId: device(k), vbrId: vbr(k), vbrRegionId: VBR_REGION, vbrUid: uid })));
  },
  reads: [
    {
      action: 'DescribeGrantSagVbrRules',
      onDefault: { RegionId: 'cn-hangzhou' },
      expectDefault: '"TotalCount":0',
      onLarge: pages({ RegionId: REGION }),
      expectLarge: `"TotalCount":${ROWS}`,
    },
    {
      action: 'DescribeSagVbrRelations',
      onDefault: { VbrRegionId: VBR_REGION, ...repeated('VbrInstanceIds', ['vbr-gc7ccdvtp3l4fec0j']) },
      expectDefault: '"SagVbrRelations":[]',
      onLarge: Array.from({ length: ROWS / MAX_VBR_IDS }, (_, g) => ({
        VbrRegionId: VBR_REGION,
        ...repeated('VbrInstanceIds', Array.from({ length: MAX_VBR_IDS }, (_, k) => vbr(g * MAX_VBR_IDS + k + 1))),
      })),
      expectLarge: '"SagInstanceId":"sag-benchvbr',
    },
  ],
};
