/** Finding the resource a call names, in the caller's account and region, or the operation's not-found error. */
import { apiError, type CatalogueCode } from '../protocol/errors';
import { SAG_APP_TYPE, type Instance } from '../storage/instances';
import type { Ccn } from '../storage/ccns';
import type { EnterpriseCode } from '../storage/enterprise-codes';
import type { OperationContext } from './operation';

export function instanceIn(
  context: OperationContext,
  regionId: string,
  id: string,
  notFound: CatalogueCode = 'SAG.InstanceNoFound',
): Instance {
  const instance = context.store.instances.findInRegion(context.accountId, regionId, id);
  if (!instance) throw apiError(notFound);
  return instance;
}

/** A SAG APP instance: the operations on quotas and enterprise codes apply to no other kind. */
export function sagAppInstanceIn(context: OperationContext, regionId: string, id: string): Instance {
  const instance = instanceIn(context, regionId, id);
  if (instance.instanceType !== SAG_APP_TYPE) throw apiError('ActionNotSupport');
  return instance;
}

export function ccnIn(context: OperationContext, regionId: string, id: string): Ccn {
  const ccn = context.store.ccns.findInRegion(context.accountId, regionId, id);
  if (!ccn) throw apiError('InvalidId.CCN');
  return ccn;
}

/** Enterprise codes belong to the account, whatever RegionId the call names. */
export function enterpriseCodeIn(context: OperationContext, code: string): EnterpriseCode {
  const found = context.store.enterpriseCodes.find(context.accountId, code);
  if (!found) throw apiError('EnterpriseCode.NotExist');
  return found;
}

/**
 * SmartAGUid names the instance's owner, for binding another account's
 * instance to one's CCN. Granting instances across accounts is not
 * modelled, so only the caller's own uid finds anything.
 */
export function checkOwnUid(context: OperationContext, smartAgUid: number | undefined): void {
  if (smartAgUid !== undefined && String(smartAgUid) !== context.accountId) throw apiError('InvalidId.SMARTAG');
}
