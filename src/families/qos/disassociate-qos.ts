/** DisassociateQos: the instance no longer applies the QoS policy. */
import { apiError } from '../../protocol/errors';
import { regionOf } from '../../model/regions';
import { instanceIn } from '../instances/lookups';
import { defineOperation } from '../operation';
import { qosIn } from './lookups';

interface DisassociateQosParams {
  RegionId: string;
  QosId: string;
  SmartAGId: string;
}

export default defineOperation<DisassociateQosParams>({
  action: 'DisassociateQos',
  handle(params, context) {
    const regionId = regionOf(params.RegionId);
    const qos = qosIn(context, regionId, params.QosId);
    const instance = instanceIn(context, regionId, params.SmartAGId, 'InvalidId.SMARTAG');
    if (!context.store.associations.remove(qos.accountId, 'qos', qos.id, instance.id)) throw apiError('SmartAGNotAssociateQos');
    return {};
  },
});
