/**
 * DescribeGrantRules: the caller's grants of CCNs of one region to CEN
 * instances, oldest first, paged; AssociatedCcnId keeps one CCN's (an
 * unknown one has none).
 */
import { pageWindow } from '../../model/paging';
import { regionOf } from '../../model/regions';
import { defineOperation } from '../operation';
import { grantRuleView } from './views';

interface DescribeGrantRulesParams {
  RegionId: string;
  AssociatedCcnId?: string;
  PageNumber?: number;
  PageSize?: number;
}

export default defineOperation<DescribeGrantRulesParams>({
  action: 'DescribeGrantRules',
  handle(params, context) {
    const regionId = regionOf(params.RegionId);
    const window = pageWindow(params.PageNumber, params.PageSize);
    const page = context.store.ccnGrants.page({ accountId: context.accountId, regionId, ccnId: params.AssociatedCcnId }, window);
    return {
      TotalCount: page.totalCount,
      PageSize: window.pageSize,
      PageNumber: window.pageNumber,
      GrantRules: { GrantRule: page.rows.map(grantRuleView) },
    };
  },
});
