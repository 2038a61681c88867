/** DescribeSmartAccessGatewayAttribute: one instance of the caller's, in full. */
import { ccnOfInstance } from '../ccns/lookups';
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
    const ccn = ccnOfInstance(context, instance);
    return instanceAttribute(instance, ccn, policiesOfInstances(context.store, context.accountId, [instance.id]).get(instance.id)!);
  },
});
