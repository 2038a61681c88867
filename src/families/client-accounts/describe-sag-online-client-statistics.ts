/**
 * DescribeSagOnlineClientStatistics: how many clients each SAG APP instance
 * has online. SmartAGIds names the instances (each once, in request
 * order); without it, every SAG APP instance of the caller in the region,
 * oldest first. An id that is not a SAG APP instance of the caller in the
 * region answers InvalidId.SMARTAG.
 */
import { SAG_APP_TYPE, type Instance } from '../instances/instances-table';
import { appInstanceIn } from './lookups';
import { defineOperation, type OperationContext } from '../operation';

interface DescribeSagOnlineClientStatisticsParams {
  RegionId: string;
  SmartAGIds?: string[];
}

export default defineOperation<DescribeSagOnlineClientStatisticsParams>({
  action: 'DescribeSagOnlineClientStatistics',
  handle(params, context) {
    const instances = params.SmartAGIds === undefined
      ? appInstancesIn(context, params.RegionId)
      : [...new Set(params.SmartAGIds)].map((id) => appInstanceIn(context, params.RegionId, id, 'InvalidId.SMARTAG (ID does not exist)'));
    return {
      SagStatistics: {
        Statistics: instances.map((instance) => ({
          SmartAGId: instance.id,
          OnlineCount: String(context.store.onlineClients.countOfInstance(context.accountId, instance.id)),
        })),
      },
    };
  },
});

function appInstancesIn(context: OperationContext, regionId: string): Instance[] {
  return context.store.instances
    .listInRegion(context.accountId, regionId)
    .filter((instance) => instance.instanceType === SAG_APP_TYPE);
}
