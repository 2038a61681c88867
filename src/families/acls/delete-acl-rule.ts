/** DeleteACLRule: removes one rule of an ACL. */
import { regionOf } from '../../model/regions';
import { defineOperation } from '../operation';
import { aclIn, ruleOf } from './lookups';

interface DeleteAclRuleParams {
  RegionId: string;
  AclId: string;
  AcrId: string;
}

export default defineOperation<DeleteAclRuleParams>({
  action: 'DeleteACLRule',
  handle(params, context) {
    const acl = aclIn(context, regionOf(params.RegionId), params.AclId);
    const rule = ruleOf(context, acl, params.AcrId);
    context.store.aclRules.remove({ accountId: rule.accountId, id: rule.id });
    return {};
  },
});
