/** GetCloudConnectNetworkUseLimit: the caller's CCN quota in a region and how many CCNs it holds there. */
import { regionOf } from '../../model/regions';
import { CCN_LIMIT_PER_REGION } from '../ccns/rules';
import { defineOperation } from '../operation';

interface GetCloudConnectNetworkUseLimitParams {
  RegionId: string;
}

export default defineOperation<GetCloudConnectNetworkUseLimitParams>({
  action: 'GetCloudConnectNetworkUseLimit',
  handle(params, context) {
    const regionId = regionOf(params.RegionId);
    return {
      TotalAmount: CCN_LIMIT_PER_REGION,
      UsedAmount: context.store.ccns.countInRegion(context.accountId, regionId),
    };
  },
});
