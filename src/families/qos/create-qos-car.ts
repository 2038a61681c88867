/** CreateQosCar: a new rate-limit rule in a QoS policy, answered as stored. */
import { apiError } from '../../protocol/errors';
import { newResourceId } from '../../model/ids';
import { regionOf } from '../../model/regions';
import { defineOperation } from '../operation';
import { qosIn } from './lookups';
import { CARS_PER_QOS, checkedDescription, checkedLimits, isCarName, isPriority, type CarValues } from './rules';
import { createdCarView } from './views';

interface CreateQosCarParams extends CarValues {
  RegionId: string;
  QosId: string;
  Priority: number;
  LimitType: string;
  Name?: string;
  Description?: string;
}

export default defineOperation<CreateQosCarParams>({
  action: 'CreateQosCar',
  handle(params, context) {
    const qos = qosIn(context, regionOf(params.RegionId), params.QosId);
    if (!isPriority(params.Priority)) throw apiError('InvalidParameter.Priority');
    const limits = checkedLimits(params);
    if (params.Name !== undefined && !isCarName(params.Name)) throw apiError('InvalidParameter.Name');
    checkedDescription(params.Description);
    const { qosCars } = context.store;
    if (qosCars.count({ accountId: qos.accountId, qosId: qos.id }) >= CARS_PER_QOS) throw apiError('QosCarPerQosAmountLimit');
    const car = {
      accountId: qos.accountId,
      qosId: qos.id,
      id: newResourceId('qoscar'),
      name: params.Name ?? '',
      description: params.Description ?? '',
      priority: params.Priority,
      limitType: limits.limitType,
      minBandwidthAbs: limits.minBandwidthAbs,
      maxBandwidthAbs: limits.maxBandwidthAbs,
      minBandwidthPercent: limits.minBandwidthPercent,
      maxBandwidthPercent: limits.maxBandwidthPercent,
      percentSourceType: limits.percentSourceType,
      createdAt: context.now(),
    };
    qosCars.insert(car);
    return createdCarView(car);
  },
});
