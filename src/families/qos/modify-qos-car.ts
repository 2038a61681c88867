/**
 * ModifyQosCar: changes exactly the values it names. A new LimitType needs
 * its own bandwidths (the other type's are cleared); priorities run 1-7 here,
 * as this operation documents.
 */
import { apiError } from '../../protocol/errors';
import { regionOf } from '../../model/regions';
import { defineOperation } from '../operation';
import { carOf, qosIn } from './lookups';
import { checkedDescription, checkedLimits, isCarName, isPriority, MAX_MODIFIED_CAR_PRIORITY, type CarValues } from './rules';

interface ModifyQosCarParams extends CarValues {
  RegionId: string;
  QosId: string;
  QosCarId: string;
  Priority?: number;
  Name?: string;
  Description?: string;
}

export default defineOperation<ModifyQosCarParams>({
  action: 'ModifyQosCar',
  handle(params, context) {
    const qos = qosIn(context, regionOf(params.RegionId), params.QosId);
    const car = carOf(context, qos, params.QosCarId);
    if (params.Priority !== undefined && !isPriority(params.Priority, MAX_MODIFIED_CAR_PRIORITY)) throw apiError('InvalidParameter.Priority');
    const limits = checkedLimits(params, car);
    if (params.Name !== undefined && !isCarName(params.Name)) throw apiError('InvalidParameter.Name');
    checkedDescription(params.Description);
    context.store.qosCars.update({ accountId: car.accountId, id: car.id }, {
      name: params.Name,
      description: params.Description,
      priority: params.Priority,
      limitType: limits.limitType,
      minBandwidthAbs: limits.minBandwidthAbs,
      maxBandwidthAbs: limits.maxBandwidthAbs,
      minBandwidthPercent: limits.minBandwidthPercent,
      maxBandwidthPercent: limits.maxBandwidthPercent,
      percentSourceType: limits.percentSourceType,
    });
    return {};
  },
});
