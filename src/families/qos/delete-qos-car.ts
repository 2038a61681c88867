/** DeleteQosCar: removes one rate-limit rule of a QoS policy. */
import { regionOf } from '../../model/regions';
import { defineOperation } from '../operation';
import { carOf, qosIn } from './lookups';

interface DeleteQosCarParams {
  RegionId: string;
  QosId: string;
  QosCarId: string;
}

export default defineOperation<DeleteQosCarParams>({
  action: 'DeleteQosCar',
  handle(params, context) {
    const qos = qosIn(context, regionOf(params.RegionId), params.QosId);
    const car = carOf(context, qos, params.QosCarId);
    context.store.qosCars.remove({ accountId: car.accountId, id: car.id });
    return {};
  },
});
