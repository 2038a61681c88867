/**
 * DisassociateFlowLog: the flow log no longer captures the instance. An
 * instance it does not capture answers IncorrectStatus.FlowLog (the table
 * names no closer code).
 */
import { apiError } from '../../protocol/errors';
import { regionOf } from '../../model/regions';
import { defineOperation } from '../operation';
import { flowLogIn, flowLogInstanceIn } from './lookups';

interface DisassociateFlowLogParams {
  RegionId: string;
  FlowLogId: string;
  SmartAGId: string;
}

export default defineOperation<DisassociateFlowLogParams>({
  action: 'DisassociateFlowLog',
  handle(params, context) {
    const regionId = regionOf(params.RegionId);
    const flowLog = flowLogIn(context, regionId, params.FlowLogId);
    const instance = flowLogInstanceIn(context, regionId, params.SmartAGId);
    if (!context.store.associations.remove(flowLog.accountId, 'flow_log', flowLog.id, instance.id)) throw apiError('IncorrectStatus.FlowLog');
    return {};
  },
});
