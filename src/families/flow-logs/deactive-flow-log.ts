/**
 * DeactiveFlowLog: the flow log stops capturing (Status Inactive). A flow log already
 * Inactive stays so and the call succeeds: the Terraform provider calls it on a
 * new flow log whose configuration names the status it already has.
 */
import { regionOf } from '../../model/regions';
import { defineOperation } from '../operation';
import { flowLogIn } from './lookups';

interface DeactiveFlowLogParams {
  RegionId: string;
  FlowLogId: string;
}

export default defineOperation<DeactiveFlowLogParams>({
  action: 'DeactiveFlowLog',
  handle(params, context) {
    const flowLog = flowLogIn(context, regionOf(params.RegionId), params.FlowLogId);
    context.store.flowLogs.update({ accountId: flowLog.accountId, id: flowLog.id }, { status: 'Inactive' });
    return {};
  },
});
