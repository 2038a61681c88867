/** DescribeFlowLogSags: the instances a flow log captures, in the order they were associated, paged. */
import { apiError } from '../../protocol/errors';
import { pageWindow } from '../../model/paging';
import { regionOf } from '../../model/regions';
import { defineOperation } from '../operation';
import { flowLogIn } from './lookups';
import { sagView } from './views';

interface DescribeFlowLogSagsParams {
  RegionId: string;
  /** Optional in the metadata's schema, required by its table: absent is MissingParam.FlowLogId. */
  FlowLogId?: string;
  PageSize?: number;
  PageNumber?: number;
}

export default defineOperation<DescribeFlowLogSagsParams>({
  action: 'DescribeFlowLogSags',
  handle(params, context) {
    const regionId = regionOf(params.RegionId);
    if (params.FlowLogId === undefined) throw apiError('MissingParam.FlowLogId');
    const window = pageWindow(params.PageNumber, params.PageSize);
    const flowLog = flowLogIn(context, regionId, params.FlowLogId);
    const { associations, flowLogSags } = context.store;
    const rows = flowLogSags.boundPage(flowLog.accountId, flowLog.id, window);
    return {
      TotalCount: associations.countOf(flowLog.accountId, 'flow_log', flowLog.id),
      PageSize: window.pageSize,
      PageNumber: window.pageNumber,
      Sags: { Sag: rows.map(sagView) },
    };
  },
});
