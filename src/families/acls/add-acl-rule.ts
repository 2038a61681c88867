/** AddACLRule: a new rule in an ACL, answered as stored. */
import { apiError } from '../../protocol/errors';
import { newResourceId } from '../../model/ids';
import { regionOf } from '../../model/regions';
import { defineOperation } from '../operation';
import { aclIn } from './lookups';
import { associatedModels } from './associated-models';
import { checkedProtocol, checkRuleType, checkRuleValues, RULES_PER_ACL, type RuleValues } from './rules';
import { ruleAnswer } from './views';

interface AddAclRuleParams extends RuleValues {
  RegionId: string;
  AclId: string;
  Direction: string;
  Policy: string;
  IpProtocol: string;
  SourceCidr: string;
  DestCidr: string;
  SourcePortRange: string;
  DestPortRange: string;
  Priority?: number;
  Type?: string;
}

const DEFAULT_PRIORITY = 1;

export default defineOperation<AddAclRuleParams>({
  action: 'AddACLRule',
  handle(params, context) {
    const acl = aclIn(context, regionOf(params.RegionId), params.AclId);
    const ipProtocol = checkedProtocol(params.IpProtocol);
    checkRuleValues(params, ipProtocol, { source: params.SourcePortRange, dest: params.DestPortRange });
    const type = params.Type ?? 'LAN';
    checkRuleType(type, acl.aclType, associatedModels(context, acl));
    const { aclRules } = context.store;
    if (aclRules.count({ accountId: acl.accountId, aclId: acl.id }) >= RULES_PER_ACL) throw apiError('AcrPerAclAmountLimit');
    const rule = {
      accountId: acl.accountId,
      aclId: acl.id,
      id: newResourceId('acr'),
      name: params.Name ?? '',
      description: params.Description ?? '',
      direction: params.Direction,
      policy: params.Policy,
      ipProtocol,
      sourceCidr: params.SourceCidr,
      sourcePortRange: params.SourcePortRange,
      destCidr: params.DestCidr,
      destPortRange: params.DestPortRange,
      priority: params.Priority ?? DEFAULT_PRIORITY,
      type,
      dpiSignatureIds: (params.DpiSignatureIds ?? []).join(','),
      dpiGroupIds: (params.DpiGroupIds ?? []).join(','),
      createdAt: context.now(),
    };
    aclRules.insert(rule);
    return ruleAnswer(rule);
  },
});
