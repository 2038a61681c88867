/**
 * DescribeFlowLogs: the caller's flow logs in one region, oldest first,
 * filtered (id, name, description, status, output type: exact values) and
 * paged, each with the number of instances it captures.
 */
import { apiError } from '../../protocol/errors';
import { pageWindow } from '../../model/paging';
import { regionOf } from '../../model/regions';
import { defineOperation } from '../operation';
import { OUTPUT_TYPES, STATUSES } from './rules';
import { flowLogView } from './views';

interface DescribeFlowLogsParams {
  RegionId: string;
  FlowLogId?: string;
  FlowLogName?: string;
  Description?: string;
  Status?: string;
  OutputType?: string;
  PageSize?: number;
  PageNumber?: number;
}

export default defineOperation<DescribeFlowLogsParams>({
  action: 'DescribeFlowLogs',
  handle(params, context) {
    const regionId = regionOf(params.RegionId);
    if (params.Status !== undefined && !STATUSES.includes(params.Status)) throw apiError('IllegalParam.Status');
    if (params.OutputType !== undefined && !OUTPUT_TYPES.includes(params.OutputType)) throw apiError('IllegalParam.OutputType');
    const window = pageWindow(params.PageNumber, params.PageSize);
    const { accountId } = context;
    const page = context.store.flowLogs.page({
      accountId,
      regionId,
      id: params.FlowLogId,
      name: params.FlowLogName,
      description: params.Description,
      status: params.Status,
      outputType: params.OutputType,
    }, window);
    const instances = context.store.associations.instancesOfEach(accountId, 'flow_log', page.rows.map((flowLog) => flowLog.id));
    return {
      TotalCount: page.totalCount,
      PageSize: window.pageSize,
      PageNumber: window.pageNumber,
      FlowLogs: { FlowLogSetType: page.rows.map((flowLog) => flowLogView(flowLog, instances.get(flowLog.id)?.length ?? 0)) },
    };
  },
});
