/** GetSmartAccessGatewayUseLimit: how many instances the account holds in a region, of how many it may. */
import { regionOf } from '../../model/regions';
import { defineOperation } from '../operation';

interface GetSmartAccessGatewayUseLimitParams {
  RegionId: string;
}

/**
 * The documented example's figure. The emulator reports it but does not
 * enforce it: no creating operation documents an error for reaching it.
 */
const INSTANCE_LIMIT_PER_REGION = 500;

export default defineOperation<GetSmartAccessGatewayUseLimitParams>({
  action: 'GetSmartAccessGatewayUseLimit',
  handle(params, context) {
    const regionId = regionOf(params.RegionId);
    return {
      TotalAmount: INSTANCE_LIMIT_PER_REGION,
      UsedAmount: context.store.instances.countInRegion(context.accountId, regionId),
    };
  },
});
