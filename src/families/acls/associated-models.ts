/** The models of the instances an ACL is associated with: what decides whether it may hold WAN rules. */
import type { OperationContext } from '../operation';
import type { Acl } from './acls-table';

export function associatedModels(context: OperationContext, acl: Acl): string[] {
  const { associations, instances } = context.store;
  return associations.instancesOf(acl.accountId, 'acl', acl.id)
    .map((id) => instances.findInRegion(acl.accountId, acl.regionId, id)?.instanceType ?? '');
}
