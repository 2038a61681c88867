/** DeleteCloudConnectNetwork: removes a CCN that no instance is bound to (granted ones of other accounts included); its grants to CEN instances go with it. */
import { apiError } from '../../protocol/errors';
import { regionOf } from '../../model/regions';
import { ccnIn, membersOf } from './lookups';
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
      if (membersOf(context, ccn).length > 0) throw apiError('AlreadyBound.SMARTAG');
      context.store.ccns.remove(context.accountId, ccn.id);
      return {};
    });
  },
});
