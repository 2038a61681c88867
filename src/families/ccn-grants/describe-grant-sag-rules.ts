/** DescribeGrantSagRules: the grants of one of the caller's instances to other accounts' CCNs, paged. */
import { pageWindow } from '../../model/paging';
import { regionOf } from '../../model/regions';
import { instanceIn } from '../instances/lookups';
import { defineOperation } from '../operation';
import { checkSmartAgIdGiven } from './rules';
import { grantSagRuleView } from './views';

interface DescribeGrantSagRulesParams {
  RegionId: string;
  SmartAGId: string;
  PageNumber?: number;
  PageSize?: number;
}

export default defineOperation<DescribeGrantSagRulesParams>({
  action: 'DescribeGrantSagRules',
  handle(params, context) {
    const regionId = regionOf(params.RegionId);
    const window = pageWindow(params.PageNumber, params.PageSize);
    checkSmartAgIdGiven(params.SmartAGId);
    const instance = instanceIn(context, regionId, params.SmartAGId);
    const page = context.store.sagGrants.page({ accountId: context.accountId, instanceId: instance.id }, window);
    return {
      TotalCount: page.totalCount,
      PageSize: window.pageSize,
      PageNumber: window.pageNumber,
      GrantRules: { GrantRule: page.rows.map(grantSagRuleView) },
    };
  },
});
