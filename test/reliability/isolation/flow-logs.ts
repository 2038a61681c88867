/**
 * Isolation of flow logs and the instances they capture. The test's
 * instances are SAG APP instances, which take no flow log: the cases name
 * the other account's flow logs and instances, whose lookups come first.
 */
import { A1, B1, HZ, isolationCase as c, type IsolationFamily } from './family';

const A_FLOW_LOG = 'fl-isoa00000000000001';
const SLS = { OutputType: 'sls', SlsRegionId: HZ, ProjectName: 'isolation', LogstoreName: 'flows' };

export const flowLogIsolation: IsolationFamily = {
  idParameters: ['FlowLogId'],
  aFixture: {
    flowLogs: [{ id: A_FLOW_LOG, regionId: HZ, name: 'IsolationAFlowLog', outputType: 'sls', slsRegionId: HZ, projectName: 'isolation', logstoreName: 'flows' }],
  },
  async setUpB(asB) {
    const { FlowLogId } = await asB('CreateFlowLog', { RegionId: HZ, ...SLS, Name: 'IsolationBFlowLog', Description: 'IsolationBFlowLogDesc' });
    return {
      absent: [[FlowLogId, 'fl-isonone00000000000'], ['IsolationBFlowLog', 'IsolationNoFlowLog']],
      leakTokens: ['IsolationBFlowLogDesc'],
      ids: { flowLog: FlowLogId },
    };
  },
  cases: (b) => [
    c('CreateFlowLog', "A's new flow log", { RegionId: HZ, ...SLS, Name: 'IsolationANewFlowLog' }, 'OK'),
    c('DescribeFlowLogs', "by B's flow log id", { RegionId: HZ, FlowLogId: b.flowLog }, 'OK', { check: (t, body) => t.same([body.TotalCount, body.FlowLogs.FlowLogSetType], [0, []]) }),
    c('DescribeFlowLogs', "by B's flow log name", { RegionId: HZ, FlowLogName: 'IsolationBFlowLog' }, 'OK', { check: (t, body) => t.equal(body.TotalCount, 0) }),
    c('DescribeFlowLogs', 'every flow log of the region', { RegionId: HZ }, 'OK', {
      check: (t, body) => t.notOk(body.FlowLogs.FlowLogSetType.some((item: { FlowLogId: string }) => item.FlowLogId === b.flowLog), "A's flow logs only"),
    }),
    c('ModifyFlowLogAttribute', "B's flow log", { RegionId: HZ, FlowLogId: b.flowLog, Name: 'Renamed' }, 'InvalidFlowLogId.NotFound'),
    c('DeleteFlowLog', "B's flow log", { RegionId: HZ, FlowLogId: b.flowLog }, 'InvalidFlowLogId.NotFound'),
    c('ActiveFlowLog', "B's flow log", { RegionId: HZ, FlowLogId: b.flowLog }, 'InvalidFlowLogId.NotFound'),
    c('DeactiveFlowLog', "B's flow log", { RegionId: HZ, FlowLogId: b.flowLog }, 'InvalidFlowLogId.NotFound'),
    c('DescribeFlowLogSags', "B's flow log", { RegionId: HZ, FlowLogId: b.flowLog }, 'InvalidFlowLogId.NotFound'),
    c('DescribeUnbindFlowLogSags', 'the region', { RegionId: HZ }, 'OK', { check: (t, body) => t.same([body.Count, body.Sags.Sag], [0, []], "A has no SAG-1000; B's instances are not listed") }),
    c('AssociateFlowLog', "B's flow log to A's instance", { RegionId: HZ, FlowLogId: b.flowLog, SmartAGId: A1.SmartAGId }, 'InvalidFlowLogId.NotFound'),
    c('AssociateFlowLog', "A's flow log to B's instance", { RegionId: HZ, FlowLogId: A_FLOW_LOG, SmartAGId: B1.SmartAGId }, 'InvalidSmartAGId.NotFound'),
    c('DisassociateFlowLog', "B's flow log from B's instance", { RegionId: HZ, FlowLogId: b.flowLog, SmartAGId: B1.SmartAGId }, 'InvalidFlowLogId.NotFound'),
    c('DisassociateFlowLog', "A's flow log from B's instance", { RegionId: HZ, FlowLogId: A_FLOW_LOG, SmartAGId: B1.SmartAGId }, 'InvalidSmartAGId.NotFound'),
  ],
};
