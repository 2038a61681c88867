/**
 * DescribeUnbindFlowLogSags: the region's instances a flow log could capture
 * (SAG-1000 devices) that no flow log captures yet. Not paged, as documented.
 */
import { regionOf } from '../../model/regions';
import { defineOperation } from '../operation';
import { sagView } from './views';

interface DescribeUnbindFlowLogSagsParams {
  RegionId: string;
}

export default defineOperation<DescribeUnbindFlowLogSagsParams>({
  action: 'DescribeUnbindFlowLogSags',
  handle(params, context) {
    const sags = context.store.flowLogSags.unbound(context.accountId, regionOf(params.RegionId));
    return { Count: sags.length, Sags: { Sag: sags.map(sagView) } };
  },
});
