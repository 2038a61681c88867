/** Finding the ACL and the rule a call names, in the caller's account and region. */
import type { OperationContext } from '../operation';
import { found } from '../shared/found';
import type { Acl, AclRule } from './acls-table';

/** Another region's or another account's ACL answers as absent. */
export function aclIn(context: OperationContext, regionId: string, id: string): Acl {
  return found(context.store.acls.find({ accountId: context.accountId, regionId, id }), 'InvalidId.ACL');
}

export function ruleOf(context: OperationContext, acl: Acl, id: string): AclRule {
  return found(context.store.aclRules.find({ accountId: context.accountId, aclId: acl.id, id }), 'InvalidId.ACR');
}
