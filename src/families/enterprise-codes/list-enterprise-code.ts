/** ListEnterpriseCode: the account's enterprise codes in code order, in NextToken batches. */
import { batchAfter } from '../../model/paging';
import { regionOf } from '../../model/regions';
import { defineOperation } from '../operation';

interface ListEnterpriseCodeParams {
  RegionId: string;
  EnterpriseCode?: string;
  /** true: only the default code; false or absent: every code. */
  IsDefault?: boolean;
  NextToken?: string;
  MaxResults?: number;
}

const DEFAULT_MAX_RESULTS = 10;

export default defineOperation<ListEnterpriseCodeParams>({
  action: 'ListEnterpriseCode',
  handle(params, context) {
    regionOf(params.RegionId);
    const maxResults = params.MaxResults ?? DEFAULT_MAX_RESULTS;
    const matching = context.store.enterpriseCodes.listOfAccount(context.accountId).filter((code) =>
      (params.EnterpriseCode === undefined || code.code === params.EnterpriseCode)
      && (params.IsDefault !== true || code.isDefault));
    const batch = batchAfter(matching, (code) => code.code, params.NextToken, maxResults);
    return {
      TotalCount: matching.length,
      MaxResults: maxResults,
      NextToken: batch.nextToken,
      EnterpriseCodes: batch.items.map((code) => ({ EnterpriseCode: code.code, IsDefault: code.isDefault })),
    };
  },
});
