/** Finding the enterprise code a call names. */
import { apiError } from '../../protocol/errors';
import type { EnterpriseCode } from './enterprise-codes-table';
import type { OperationContext } from '../operation';

/** Enterprise codes belong to the account, whatever RegionId the call names. */
export function enterpriseCodeIn(context: OperationContext, code: string): EnterpriseCode {
  const found = context.store.enterpriseCodes.find(context.accountId, code);
  if (!found) throw apiError('EnterpriseCode.NotExist');
  return found;
}
