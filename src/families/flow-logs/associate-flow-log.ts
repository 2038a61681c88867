/**
 * AssociateFlowLog: the flow log captures an instance of its region. Only
 * SAG-1000 devices take flow logs (OperationUnsupported.AssociateFlowLog), one
 * each (OperationFailed.AssociateFlowLog); associating the pair again changes nothing.
 */
import { apiError } from '../../protocol/errors';
import { regionOf } from '../../model/regions';
import { defineOperation } from '../operation';
import { FLOW_LOG_MODEL } from './flow-logs-table';
import { flowLogIn, flowLogInstanceIn } from './lookups';
import { FLOW_LOGS_PER_INSTANCE } from './rules';

interface AssociateFlowLogParams {
  RegionId: string;
  FlowLogId: string;
  SmartAGId: string;
}

export default defineOperation<AssociateFlowLogParams>({
  action: 'AssociateFlowLog',
  handle(params, context) {
    const regionId = regionOf(params.RegionId);
    const flowLog = flowLogIn(context, regionId, params.FlowLogId);
    const instance = flowLogInstanceIn(context, regionId, params.SmartAGId);
    if (instance.instanceType !== FLOW_LOG_MODEL) throw apiError('OperationUnsupported.AssociateFlowLog');
    const { associations } = context.store;
    if (associations.has(flowLog.accountId, 'flow_log', flowLog.id, instance.id)) return {};
    if (associations.policiesOf(flowLog.accountId, 'flow_log', instance.id).length >= FLOW_LOGS_PER_INSTANCE) {
      throw apiError('OperationFailed.AssociateFlowLog');
    }
    associations.add(flowLog.accountId, 'flow_log', flowLog.id, instance.id, context.now());
    return {};
  },
});
