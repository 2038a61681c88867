/**
 * DescribeQosPolicies: one QoS policy's traffic classification rules,
 * oldest first, paged; QosPolicyId, Description and Priority filter by
 * equality.
 */
import { pageWindow } from '../../model/paging';
import { regionOf } from '../../model/regions';
import { defineOperation } from '../operation';
import { qosIn } from './lookups';
import { policyView } from './views';

interface DescribeQosPoliciesParams {
  RegionId: string;
  QosId: string;
  QosPolicyId?: string;
  Description?: string;
  Priority?: number;
  PageSize?: number;
  PageNumber?: number;
}

export default defineOperation<DescribeQosPoliciesParams>({
  action: 'DescribeQosPolicies',
  handle(params, context) {
    const window = pageWindow(params.PageNumber, params.PageSize);
    const qos = qosIn(context, regionOf(params.RegionId), params.QosId);
    const page = context.store.qosPolicies.page({
      accountId: qos.accountId,
      qosId: qos.id,
      id: params.QosPolicyId,
      description: params.Description,
      priority: params.Priority,
    }, window);
    return {
      QosPolicies: { QosPolicy: page.rows.map(policyView) },
      TotalCount: page.totalCount,
      PageSize: window.pageSize,
      PageNumber: window.pageNumber,
    };
  },
});
