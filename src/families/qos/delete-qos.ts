/**
 * DeleteQos: the QoS policy goes with its rules. Its errors name no
 * "still in use" answer, so a QoS still associated is deleted too and its
 * instances lose it, as ACLs (README, "How the emulator decides").
 */
import { regionOf } from '../../model/regions';
import { defineOperation } from '../operation';
import { qosIn } from './lookups';

interface DeleteQosParams {
  RegionId: string;
  QosId: string;
}

export default defineOperation<DeleteQosParams>({
  action: 'DeleteQos',
  handle(params, context) {
    const qos = qosIn(context, regionOf(params.RegionId), params.QosId);
    context.store.transaction(() => {
      context.store.associations.removeAllOf(qos.accountId, 'qos', qos.id);
      context.store.qoses.remove({ accountId: qos.accountId, id: qos.id });
    });
    return {};
  },
});
