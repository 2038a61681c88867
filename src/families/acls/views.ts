/**
 * How ACLs and their rules read: one object literal per view, in the field
 * order of the documented response, so that V8 keeps one fast shape per view.
 */
import { defaultResourceGroupId } from '../../model/ids';
import type { Acl, AclRule } from './acls-table';

/** Stored comma separated; answered as the documented wrapper of a list. */
function idList(text: string): string[] {
  return text === '' ? [] : text.split(',');
}

/** An item of DescribeACLs' `Acls.Acl[]`. */
export function aclView(acl: Acl, sagCount: number) {
  return {
    SagCount: String(sagCount),
    AclId: acl.id,
    Name: acl.name,
    ResourceGroupId: defaultResourceGroupId(acl.accountId),
    AclType: acl.aclType,
  };
}

/** The answer of AddACLRule: the rule as stored (ModifyACLRule's leaves out Type). */
export function ruleAnswer(rule: AclRule) {
  return {
    Policy: rule.policy,
    Description: rule.description,
    SourcePortRange: rule.sourcePortRange,
    SourceCidr: rule.sourceCidr,
    Priority: rule.priority,
    AclId: rule.aclId,
    AcrId: rule.id,
    DestPortRange: rule.destPortRange,
    Direction: rule.direction,
    DpiGroupIds: { DpiGroupId: idList(rule.dpiGroupIds) },
    Name: rule.name,
    Type: rule.type,
    GmtCreate: rule.createdAt,
    DestCidr: rule.destCidr,
    DpiSignatureIds: { DpiSignatureId: idList(rule.dpiSignatureIds) },
    IpProtocol: rule.ipProtocol,
  };
}

/** An item of DescribeACLAttribute's `Acrs.Acr[]`. */
export function ruleListItem(rule: AclRule, aclType: string) {
  return {
    Direction: rule.direction,
    Type: rule.type,
    DpiSignatureIds: { DpiSignatureId: idList(rule.dpiSignatureIds) },
    IpProtocol: rule.ipProtocol,
    Priority: rule.priority,
    AclId: rule.aclId,
    Policy: rule.policy,
    Description: rule.description,
    GmtCreate: rule.createdAt,
    DestCidr: rule.destCidr,
    DestPortRange: rule.destPortRange,
    Name: rule.name,
    AcrId: rule.id,
    SourceCidr: rule.sourceCidr,
    SourcePortRange: rule.sourcePortRange,
    DpiGroupIds: { DpiGroupId: idList(rule.dpiGroupIds) },
    AclType: aclType,
  };
}
