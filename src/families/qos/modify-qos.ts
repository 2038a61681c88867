/** ModifyQos: a QoS policy's name and description; what is not named stays. */
import { apiError } from '../../protocol/errors';
import { regionOf } from '../../model/regions';
import { defineOperation } from '../operation';
import { qosIn } from './lookups';
import { checkedDescription, isQosName } from './rules';

interface ModifyQosParams {
  RegionId: string;
  QosId: string;
  QosName?: string;
  QosDescription?: string;
}

export default defineOperation<ModifyQosParams>({
  action: 'ModifyQos',
  handle(params, context) {
    const qos = qosIn(context, regionOf(params.RegionId), params.QosId);
    if (params.QosName !== undefined && !isQosName(params.QosName)) throw apiError('InvalidParameter.Name');
    const description = checkedDescription(params.QosDescription);
    context.store.qoses.update({ accountId: qos.accountId, id: qos.id }, { name: params.QosName, description });
    return {};
  },
});
