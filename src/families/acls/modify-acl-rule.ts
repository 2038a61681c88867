/** ModifyACLRule: changes exactly the fields it names, checked as AddACLRule checks them; answers the rule as stored. */
import { regionOf } from '../../model/regions';
import { defineOperation } from '../operation';
import { associatedModels } from './associated-models';
import { aclIn, ruleOf } from './lookups';
import { checkedProtocol, checkRuleType, checkRuleValues, type RuleValues } from './rules';
import { ruleAnswer } from './views';

interface ModifyAclRuleParams extends RuleValues {
  RegionId: string;
  AclId: string;
  AcrId: string;
  Type?: string;
}

export default defineOperation<ModifyAclRuleParams>({
  action: 'ModifyACLRule',
  handle(params, context) {
    const acl = aclIn(context, regionOf(params.RegionId), params.AclId);
    const rule = ruleOf(context, acl, params.AcrId);
    const ipProtocol = params.IpProtocol === undefined ? rule.ipProtocol : checkedProtocol(params.IpProtocol);
    const sourcePortRange = params.SourcePortRange ?? rule.sourcePortRange;
    const destPortRange = params.DestPortRange ?? rule.destPortRange;
    checkRuleValues(params, ipProtocol, { source: sourcePortRange, dest: destPortRange });
    if (params.Type !== undefined) checkRuleType(params.Type, acl.aclType, associatedModels(context, acl));
    const changed = {
      ...rule,
      name: params.Name ?? rule.name,
      description: params.Description ?? rule.description,
      direction: params.Direction ?? rule.direction,
      policy: params.Policy ?? rule.policy,
      ipProtocol,
      sourceCidr: params.SourceCidr ?? rule.sourceCidr,
      sourcePortRange,
      destCidr: params.DestCidr ?? rule.destCidr,
      destPortRange,
      priority: params.Priority ?? rule.priority,
      type: params.Type ?? rule.type,
      dpiSignatureIds: params.DpiSignatureIds?.join(',') ?? rule.dpiSignatureIds,
      dpiGroupIds: params.DpiGroupIds?.join(',') ?? rule.dpiGroupIds,
    };
    const { accountId, aclId, id, createdAt: _createdAt, ...changes } = changed;
    context.store.aclRules.update({ accountId, aclId, id }, changes);
    // The same answer as AddACLRule's, but for Type, which ModifyACLRule does not document.
    const { Type: _type, ...answer } = ruleAnswer(changed);
    return answer;
  },
});
