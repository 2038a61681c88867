/** DeleteFlowLog: refused while the flow log still captures an instance (DependencyViolation.FlowLog). */
import { apiError } from '../../protocol/errors';
import { regionOf } from '../../model/regions';
import { defineOperation } from '../operation';
import { flowLogIn } from './lookups';

interface DeleteFlowLogParams {
  RegionId: string;
  FlowLogId: string;
}

export default defineOperation<DeleteFlowLogParams>({
  action: 'DeleteFlowLog',
  handle(params, context) {
    const flowLog = flowLogIn(context, regionOf(params.RegionId), params.FlowLogId);
    if (context.store.associations.countOf(flowLog.accountId, 'flow_log', flowLog.id) > 0) throw apiError('DependencyViolation.FlowLog');
    context.store.flowLogs.remove({ accountId: flowLog.accountId, id: flowLog.id });
    return {};
  },
});
