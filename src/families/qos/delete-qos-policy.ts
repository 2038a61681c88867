/** DeleteQosPolicy: removes one traffic classification rule of a QoS policy. */
import { regionOf } from '../../model/regions';
import { defineOperation } from '../operation';
import { policyOf, qosIn } from './lookups';

interface DeleteQosPolicyParams {
  RegionId: string;
  QosId: string;
  QosPolicyId: string;
}

export default defineOperation<DeleteQosPolicyParams>({
  action: 'DeleteQosPolicy',
  handle(params, context) {
    const qos = qosIn(context, regionOf(params.RegionId), params.QosId);
    const policy = policyOf(context, qos, params.QosPolicyId);
    context.store.qosPolicies.remove({ accountId: policy.accountId, id: policy.id });
    return {};
  },
});
