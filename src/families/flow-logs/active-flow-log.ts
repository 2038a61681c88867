/**
 * ActiveFlowLog: the flow log starts capturing (Status Active). A flow log already
 * Active stays so and the call succeeds: the Terraform provider calls it on a
 * new flow log whose configuration names the status it already has.
 */
import { regionOf } from '../../model/regions';
import { defineOperation } from '../operation';
import { flowLogIn } from './lookups';

interface ActiveFlowLogParams {
  RegionId: string;
  FlowLogId: string;
}

export default defineOperation<ActiveFlowLogParams>({
  action: 'ActiveFlowLog',
  handle(params, context) {
    const flowLog = flowLogIn(context, regionOf(params.RegionId), params.FlowLogId);
    context.store.flowLogs.update({ accountId: flowLog.accountId, id: flowLog.id }, { status: 'Active' });
    return {};
  },
});
