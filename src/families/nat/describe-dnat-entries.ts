/** DescribeDnatEntries: an instance's DNAT entries, oldest first, of one Type if given, paged. */
import { apiError } from '../../protocol/errors';
import { pageWindow } from '../../model/paging';
import { regionOf } from '../../model/regions';
import { defineOperation } from '../operation';
import { deviceIn } from './lookups';
import { DNAT_TYPES } from './rules';
import { dnatEntryView } from './views';

interface DescribeDnatEntriesParams {
  RegionId: string;
  SagId: string;
  Type?: string;
  PageSize?: number;
  PageNumber?: number;
}

export default defineOperation<DescribeDnatEntriesParams>({
  action: 'DescribeDnatEntries',
  handle(params, context) {
    const window = pageWindow(params.PageNumber, params.PageSize);
    if (params.Type !== undefined && !DNAT_TYPES.includes(params.Type)) {
      throw apiError('InvalidParameter (403)', { description: 'Type is Intranet or Internet' });
    }
    const instance = deviceIn(context, regionOf(params.RegionId), params.SagId, 'InvalidId.SMARTAG');
    const page = context.store.dnatEntries.page({ accountId: instance.accountId, instanceId: instance.id, type: params.Type }, window);
    return {
      TotalCount: page.totalCount,
      PageSize: window.pageSize,
      PageNumber: window.pageNumber,
      DnatEntries: { DnatEntry: page.rows.map(dnatEntryView) },
    };
  },
});
