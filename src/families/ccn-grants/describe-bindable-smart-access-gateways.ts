/**
 * DescribeBindableSmartAccessGateways: the instances the caller may bind to
 * one of its CCNs: its own of the region not bound to any CCN, then those
 * other accounts granted to this CCN and not yet bound (CrossAccount: only
 * those). SmartAGId and Name (exact) narrow the list.
 */
import { apiError } from '../../protocol/errors';
import { pageWindow } from '../../model/paging';
import { regionOf } from '../../model/regions';
import { ccnIn } from '../ccns/lookups';
import { defineOperation } from '../operation';
import { bindableView } from './views';

interface DescribeBindableSmartAccessGatewaysParams {
  RegionId: string;
  CcnId: string;
  CrossAccount?: boolean;
  SmartAGId?: string;
  Name?: string;
  PageNumber?: number;
  PageSize?: number;
}

export default defineOperation<DescribeBindableSmartAccessGatewaysParams>({
  action: 'DescribeBindableSmartAccessGateways',
  handle(params, context) {
    const regionId = regionOf(params.RegionId);
    if (params.CcnId.trim() === '') throw apiError('CCN.InvalidId');
    const window = pageWindow(params.PageNumber, params.PageSize);
    const ccn = ccnIn(context, regionId, params.CcnId);
    const page = context.store.bindableInstances({
      callerId: context.accountId, regionId, ccnId: ccn.id, crossAccountOnly: params.CrossAccount === true,
      smartAgId: params.SmartAGId, name: params.Name,
    }, window);
    return {
      TotalCount: page.totalCount,
      PageSize: window.pageSize,
      PageNumber: window.pageNumber,
      SmartAccessGateways: { SmartAccessGateway: page.rows.map(bindableView) },
    };
  },
});
