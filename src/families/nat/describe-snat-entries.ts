/** DescribeSnatEntries: an instance's SNAT entries, oldest first, paged. */
import { pageWindow } from '../../model/paging';
import { regionOf } from '../../model/regions';
import { defineOperation } from '../operation';
import { deviceIn } from './lookups';
import { snatEntryView } from './views';

interface DescribeSnatEntriesParams {
  RegionId: string;
  SmartAGId: string;
  PageNumber?: number;
  PageSize?: number;
}

export default defineOperation<DescribeSnatEntriesParams>({
  action: 'DescribeSnatEntries',
  handle(params, context) {
    const window = pageWindow(params.PageNumber, params.PageSize);
    const instance = deviceIn(context, regionOf(params.RegionId), params.SmartAGId, 'SAG.InstanceNoFound');
    const page = context.store.snatEntries.page({ accountId: instance.accountId, instanceId: instance.id }, window);
    return {
      TotalCount: page.totalCount,
      PageSize: window.pageSize,
      SnatEntries: { SnatEntry: page.rows.map(snatEntryView) },
      PageNumber: window.pageNumber,
    };
  },
});
