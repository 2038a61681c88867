/** DeleteCloudConnectNetwork: removes a CCN that no instance is bound to. */
import { apiError } from '../../protocol/errors';
import { regionOf } from '../../model/regions';
import { ccnIn } from './lookups';
import { defineOperation } from '../operation';

interface DeleteCloudConnectNetworkParams {
  CcnId: string;
  RegionId?: string;
}

export default defineOperation<DeleteCloudConnectNetworkParams>({
  action: 'DeleteCloudConnectNetwork',
  handle(params, context) {
    const regionId = regionOf(params.RegionId);
    return context.store.transaction(() => {
      const ccn = ccnIn(context, regionId, params.CcnId);
      if (context.store.instances.listOfCcn(context.accountId, ccn.id).length > 0) throw apiError('AlreadyBound.SMARTAG');
      context.store.ccns.remove(context.accountId, ccn.id);
      return {};
    });
  },
});
