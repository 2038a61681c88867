/**
 * DeleteSmartAccessGateway: removes an instance and its client accounts.
 * An instance bound to a CCN is in use and stays.
 */
import { apiError } from '../../protocol/errors';
import { regionOf } from '../../model/regions';
import { instanceIn } from './lookups';
import { defineOperation } from '../operation';

interface DeleteSmartAccessGatewayParams {
  RegionId?: string;
  InstanceId: string;
}

export default defineOperation<DeleteSmartAccessGatewayParams>({
  action: 'DeleteSmartAccessGateway',
  handle(params, context) {
    const regionId = regionOf(params.RegionId);
    return context.store.transaction(() => {
      const instance = instanceIn(context, regionId, params.InstanceId);
      if (instance.ccnId !== null) throw apiError('SAG.BusinessStateNotSupport');
      context.store.instances.remove(context.accountId, instance.id);
      return {};
    });
  },
});
