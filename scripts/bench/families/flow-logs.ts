/**
 * Flow logs: 1,000 flow logs in a region of their own, the first capturing
 * 1,000 SAG-1000 devices, and 1,000 more devices that none captures. The
 * lists page at 50; DescribeUnbindFlowLogSags is not paged and answers all
 * 1,000 unbound devices.
 */
import { BENCH_REGIONS, pages, push, ROWS, seq, type FamilyBench } from './types';

const REGION = BENCH_REGIONS.flowLogs;
const captured = (n: number) => `sag-benchflow${seq(n)}`;
const uncaptured = (n: number) => `sag-benchfree${seq(n)}`;
const flowLog = (n: number) => `fl-bench${seq(n)}`;

export const flowLogsBench: FamilyBench = {
  family: 'flow-logs',
  fill(account) {
    const n = Array.from({ length: ROWS }, (_, i) => i + 1);
    const device = (id: string, k: number) => ({ id, regionId: REGION, instanceType: 'sag-1000', name: `bench flow device ${k}` });
    push(account, 'instances', [...n.map((k) => device(captured(k), k)), ...n.map((k) => device(uncaptured(k), k))]);
    push(account, 'flowLogs', n.map((k) => ({
      id: flowLog(k), regionId: REGION, name: `bench-flow-${k}`, description: 'bench', outputType: 'sls',
      slsRegionId: REGION, projectName: 'bench-project', logstoreName: 'bench-flows',
      smartAGIds: k === 1 ? n.map(captured) : [],
    })));
  },
  reads: [
    {
      action: 'DescribeFlowLogs',
      onDefault: { RegionId: 'cn-hangzhou' },
      expectDefault: '"TotalCount":1',
      onLarge: pages({ RegionId: REGION }),
      expectLarge: `"TotalCount":${ROWS}`,
    },
    {
      action: 'DescribeFlowLogSags',
      onDefault: { RegionId: 'cn-hangzhou', FlowLogId: 'fl-sample00000000001' },
      expectDefault: '"TotalCount":0',
      onLarge: pages({ RegionId: REGION, FlowLogId: flowLog(1) }),
      expectLarge: `"TotalCount":${ROWS}`,
    },
    {
      action: 'DescribeUnbindFlowLogSags',
      onDefault: { RegionId: 'cn-hangzhou' },
      expectDefault: '"Count":',
      onLarge: [{ RegionId: REGION }],
      expectLarge: `"Count":${ROWS}`,
    },
  ],
};
