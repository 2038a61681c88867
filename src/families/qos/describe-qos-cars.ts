/**
 * DescribeQosCars: one QoS policy's rate-limit rules, by priority (Order
 * asc, the default, or desc), then oldest first, paged. A QoS holds at most
 * CARS_PER_QOS rules, so they are ordered in memory.
 */
import { invalidParameter } from '../../protocol/errors';
import { pageWindow } from '../../model/paging';
import { regionOf } from '../../model/regions';
import { defineOperation } from '../operation';
import { qosIn } from './lookups';
import { carView } from './views';

interface DescribeQosCarsParams {
  RegionId: string;
  QosId: string;
  QosCarId?: string;
  Description?: string;
  Order?: string;
  PageSize?: number;
  PageNumber?: number;
}

export default defineOperation<DescribeQosCarsParams>({
  action: 'DescribeQosCars',
  handle(params, context) {
    const window = pageWindow(params.PageNumber, params.PageSize);
    const order = params.Order ?? 'asc';
    if (order !== 'asc' && order !== 'desc') throw invalidParameter('Order', 'is asc or desc');
    const qos = qosIn(context, regionOf(params.RegionId), params.QosId);
    const cars = context.store.qosCars.list({ accountId: qos.accountId, qosId: qos.id, id: params.QosCarId, description: params.Description });
    const sign = order === 'asc' ? 1 : -1;
    // Array.prototype.sort is stable: equal priorities keep creation order.
    cars.sort((a, b) => sign * (a.priority - b.priority));
    return {
      TotalCount: cars.length,
      QosCars: { QosCar: cars.slice(window.offset, window.offset + window.pageSize).map(carView) },
      PageSize: window.pageSize,
      PageNumber: window.pageNumber,
    };
  },
});
