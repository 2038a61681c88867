/** Finding the instance a call names, in the caller's account and region, or the operation's not-found error. */
import { apiError, type CatalogueCode } from '../../protocol/errors';
import { SAG_APP_TYPE, type Instance } from './instances-table';
import type { OperationContext } from '../operation';

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
