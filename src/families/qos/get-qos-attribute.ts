/**
 * GetQosAttribute: a QoS policy with all its rules. Rules are bounded by
 * their quotas (50 each), so the answer is not paged, as documented.
 * ErrorConfigSmartAGCount counts instances whose configuration failed to
 * apply: the emulator applies every configuration, so it is 0.
 */
import { regionOf } from '../../model/regions';
import { defineOperation } from '../operation';
import { qosIn } from './lookups';
import { carAttribute, policyAttribute } from './views';

interface GetQosAttributeParams {
  RegionId: string;
  QosId: string;
}

export default defineOperation<GetQosAttributeParams>({
  action: 'GetQosAttribute',
  handle(params, context) {
    const qos = qosIn(context, regionOf(params.RegionId), params.QosId);
    const where = { accountId: qos.accountId, qosId: qos.id };
    return {
      QosPolicies: context.store.qosPolicies.list(where).map(policyAttribute),
      QosCars: context.store.qosCars.list(where).map(carAttribute),
      ErrorConfigSmartAGCount: 0,
      QosName: qos.name,
      QosDescription: qos.description,
    };
  },
});
