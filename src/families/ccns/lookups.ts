/** Finding the CCN a call names, in the caller's account and region, and whose instances it may bind. */
import { apiError } from '../../protocol/errors';
import type { Ccn } from './ccns-table';
import type { OperationContext } from '../operation';

export function ccnIn(context: OperationContext, regionId: string, id: string): Ccn {
  const ccn = context.store.ccns.findInRegion(context.accountId, regionId, id);
  if (!ccn) throw apiError('InvalidId.CCN');
  return ccn;
}

/**
 * SmartAGUid names the instance's owner, for binding another account's
 * instance to one's CCN. Granting instances across accounts is not
 * modelled, so only the caller's own uid finds anything.
 */
export function checkOwnUid(context: OperationContext, smartAgUid: number | undefined): void {
  if (smartAgUid !== undefined && String(smartAgUid) !== context.accountId) throw apiError('InvalidId.SMARTAG');
}
