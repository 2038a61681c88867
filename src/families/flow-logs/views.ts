/**
 * How flow logs and the instances they capture read: one object literal per
 * view, in the field order of the documented response, so that V8 keeps one
 * fast shape per view.
 */
import { defaultResourceGroupId } from '../../model/ids';
import type { FlowLog, FlowLogSag } from './flow-logs-table';

/** An item of DescribeFlowLogs' `FlowLogs.FlowLogSetType[]`; the port is a string, as documented. */
export function flowLogView(flowLog: FlowLog, totalSagNum: number) {
  return {
    Status: flowLog.status,
    TotalSagNum: totalSagNum,
    NetflowServerIp: flowLog.netflowServerIp,
    ProjectName: flowLog.projectName,
    SlsRegionId: flowLog.slsRegionId,
    ActiveAging: flowLog.activeAging,
    OutputType: flowLog.outputType,
    Description: flowLog.description,
    NetflowVersion: flowLog.netflowVersion,
    InactiveAging: flowLog.inactiveAging,
    NetflowServerPort: String(flowLog.netflowServerPort),
    Name: flowLog.name,
    FlowLogId: flowLog.id,
    LogstoreName: flowLog.logstoreName,
    ResourceGroupId: defaultResourceGroupId(flowLog.accountId),
  };
}

/** An item of DescribeFlowLogSags' and DescribeUnbindFlowLogSags' `Sags.Sag[]`. */
export function sagView(sag: FlowLogSag) {
  return {
    Description: sag.description,
    SmartAGId: sag.id,
    Name: sag.name,
  };
}
