/** Finding the flow log and the instance a call names, in the caller's account and region. */
import type { Instance } from '../instances/instances-table';
import { instanceIn } from '../instances/lookups';
import type { OperationContext } from '../operation';
import { found } from '../shared/found';
import type { FlowLog } from './flow-logs-table';

/** Another region's or another account's flow log answers as absent. */
export function flowLogIn(context: OperationContext, regionId: string, id: string): FlowLog {
  return found(context.store.flowLogs.find({ accountId: context.accountId, regionId, id }), 'InvalidFlowLogId.NotFound');
}

export function flowLogInstanceIn(context: OperationContext, regionId: string, id: string): Instance {
  return instanceIn(context, regionId, id, 'InvalidSmartAGId.NotFound');
}
