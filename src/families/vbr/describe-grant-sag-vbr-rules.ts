/** DescribeGrantSagVbrRules: the caller's grants of instances of one region to VBRs, oldest first, filtered and paged. */
import { apiError } from '../../protocol/errors';
import { pageWindow } from '../../model/paging';
import { regionOf } from '../../model/regions';
import { instanceIn } from '../instances/lookups';
import { defineOperation } from '../operation';
import { grantRuleView } from './views';

interface DescribeGrantSagVbrRulesParams {
  RegionId: string;
  SmartAGId?: string;
  VbrInstanceId?: string;
  PageNumber?: number;
  PageSize?: number;
}

export default defineOperation<DescribeGrantSagVbrRulesParams>({
  action: 'DescribeGrantSagVbrRules',
  handle(params, context) {
    const regionId = regionOf(params.RegionId);
    const window = pageWindow(params.PageNumber, params.PageSize);
    if (params.SmartAGId !== undefined) {
      if (params.SmartAGId.trim() === '') throw apiError('SAG.InstanceIdEmpty');
      instanceIn(context, regionId, params.SmartAGId);
    }
    const { accountId } = context;
    const page = context.store.vbrGrants.page({ accountId, regionId, instanceId: params.SmartAGId, vbrId: params.VbrInstanceId }, window);
    const bindings = context.store.vbrBindings;
    return {
      TotalCount: page.totalCount,
      PageSize: window.pageSize,
      PageNumber: window.pageNumber,
      GrantRules: {
        GrantRule: page.rows.map((grant) => grantRuleView(grant,
          bindings.find({ accountId, instanceId: grant.instanceId, vbrId: grant.vbrId, vbrUid: grant.vbrUid }) !== undefined)),
      },
    };
  },
});
