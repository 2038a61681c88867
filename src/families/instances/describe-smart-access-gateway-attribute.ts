/** DescribeSmartAccessGatewayAttribute: one instance of the caller's, in full. */
import { regionOf } from '../../model/regions';
import { instanceAttribute } from './views';
import { instanceIn } from './lookups';
import { policiesOfInstances } from './policies';
import { defineOperation } from '../operation';

interface DescribeSmartAccessGatewayAttributeParams {
  RegionId: string;
  SmartAGId: string;
}

export default defineOperation<DescribeSmartAccessGatewayAttributeParams>({
  action: 'DescribeSmartAccessGatewayAttribute',
  handle(params, context) {
    const regionId = regionOf(params.RegionId);
    const instance = instanceIn(context, regionId, params.SmartAGId);
    const ccn = instance.ccnId === null ? undefined : context.store.ccns.findInRegion(context.accountId, regionId, instance.ccnId);
    return instanceAttribute(instance, ccn, policiesOfInstances(context.store, context.accountId, [instance.id]).get(instance.id)!);
  },
});
