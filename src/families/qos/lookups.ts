/** Finding the QoS policy and the rules a call names, in the caller's account and region. */
import type { OperationContext } from '../operation';
import { found } from '../shared/found';
import type { Qos, QosCar, QosPolicy } from './qos-table';

/** Another region's or another account's QoS policy answers as absent. */
export function qosIn(context: OperationContext, regionId: string, id: string): Qos {
  return found(context.store.qoses.find({ accountId: context.accountId, regionId, id }), 'InvalidId.Qos');
}

export function policyOf(context: OperationContext, qos: Qos, id: string): QosPolicy {
  return found(context.store.qosPolicies.find({ accountId: context.accountId, qosId: qos.id, id }), 'InvalidId.QOSPY');
}

export function carOf(context: OperationContext, qos: Qos, id: string): QosCar {
  return found(context.store.qosCars.find({ accountId: context.accountId, qosId: qos.id, id }), 'InvalidId.QOSCAR');
}
