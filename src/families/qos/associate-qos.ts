/**
 * AssociateQos: applies a QoS policy to a SAG device of its region. SAG
 * APP instances take no QoS (SAG.SoftwareNotSupport); an instance takes one.
 */
import { apiError } from '../../protocol/errors';
import { regionOf } from '../../model/regions';
import { SAG_APP_TYPE } from '../instances/instances-table';
import { instanceIn } from '../instances/lookups';
import { defineOperation } from '../operation';
import { qosIn } from './lookups';
import { QOSES_PER_INSTANCE } from './rules';

interface AssociateQosParams {
  RegionId: string;
  QosId: string;
  SmartAGId: string;
}

export default defineOperation<AssociateQosParams>({
  action: 'AssociateQos',
  handle(params, context) {
    const regionId = regionOf(params.RegionId);
    const qos = qosIn(context, regionId, params.QosId);
    const instance = instanceIn(context, regionId, params.SmartAGId, 'InvalidId.SMARTAG');
    if (instance.instanceType === SAG_APP_TYPE) throw apiError('SAG.SoftwareNotSupport (QoS)');
    const { associations } = context.store;
    if (associations.has(qos.accountId, 'qos', qos.id, instance.id)) throw apiError('SmartAGAlreadyAssociateQos');
    if (associations.policiesOf(qos.accountId, 'qos', instance.id).length >= QOSES_PER_INSTANCE) throw apiError('QosPerSmartagAmountLimit');
    associations.add(qos.accountId, 'qos', qos.id, instance.id, context.now());
    return {};
  },
});
