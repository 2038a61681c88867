/**
 * ACLs in fixtures: `acls: [{ id, regionId, name, aclType, smartAGIds, rules }]`
 * under an account. Quotas bind the API, not fixtures: a fixture may hold
 * the bigger ACLs a raised quota would allow.
 */
import type { AccountBasics, Fail, FixtureSection } from '../../fixtures/section';
import type { Store } from '../../storage/store';
import { SAG_APP_TYPE } from '../instances/instances-table';
import { ACLS_PER_INSTANCE, DEFAULT_ACL_TYPE, isAclName, isPortRange, isRuleCidr, isRuleName, portsFitProtocol, protocolOf } from './rules';

export interface FixtureAclRule {
  id: string;
  name: string;
  description: string;
  direction: string;
  policy: string;
  ipProtocol: string;
  sourceCidr: string;
  sourcePortRange: string;
  destCidr: string;
  destPortRange: string;
  priority: number;
  type: string;
  dpiSignatureIds: string[];
  dpiGroupIds: string[];
  createdAt?: number;
}

export interface FixtureAcl {
  id: string;
  regionId: string;
  name: string;
  aclType: string;
  /** Instances of the account in the ACL's region that apply it. */
  smartAGIds: string[];
  rules: FixtureAclRule[];
  createdAt?: number;
}

export interface AccountWithAcls extends AccountBasics {
  acls?: FixtureAcl[];
}

export const aclFixtures: FixtureSection<AccountWithAcls> = {
  check(account, at, fail) {
    const instances = new Map((account.instances ?? []).map((instance) => [instance.id, instance]));
    const aclIds = new Set<string>();
    const ruleIds = new Set<string>();
    const aclsOfInstance = new Map<string, number>();
    (account.acls ?? []).forEach((acl, a) => {
      const aat = `${at}/acls/${a}`;
      if (aclIds.has(acl.id)) fail(`${aat}/id`, `ACL ${acl.id} is defined twice in this account`);
      aclIds.add(acl.id);
      if (!isAclName(acl.name)) fail(`${aat}/name`, 'is 2-128 characters: a letter, then letters, digits, "_" or "-"');
      acl.smartAGIds.forEach((sagId, s) => {
        const instance = instances.get(sagId);
        if (!instance || instance.regionId !== acl.regionId) return fail(`${aat}/smartAGIds/${s}`, `${sagId} is not an instance of this account in ${acl.regionId}`);
        if ((instance.instanceType === SAG_APP_TYPE) !== (acl.aclType !== DEFAULT_ACL_TYPE)) {
          fail(`${aat}/smartAGIds/${s}`, `an ${acl.aclType} ACL cannot apply to ${sagId}, a ${instance.instanceType} instance`);
        }
        const count = (aclsOfInstance.get(sagId) ?? 0) + 1;
        if (count > ACLS_PER_INSTANCE) fail(`${aat}/smartAGIds/${s}`, `${sagId} already applies another ACL (an instance takes ${ACLS_PER_INSTANCE})`);
        aclsOfInstance.set(sagId, count);
      });
      acl.rules.forEach((rule, r) => checkRule(rule, `${aat}/rules/${r}`, ruleIds, fail));
    });
  },
  insert(store, account, now) {
    for (const acl of account.acls ?? []) {
      store.acls.insert({ accountId: account.id, id: acl.id, regionId: acl.regionId, name: acl.name, aclType: acl.aclType, createdAt: acl.createdAt ?? now });
      for (const rule of acl.rules) {
        store.aclRules.insert({
          ...rule,
          accountId: account.id,
          aclId: acl.id,
          ipProtocol: protocolOf(rule.ipProtocol)!,
          dpiSignatureIds: rule.dpiSignatureIds.join(','),
          dpiGroupIds: rule.dpiGroupIds.join(','),
          createdAt: rule.createdAt ?? now,
        });
      }
      for (const sagId of acl.smartAGIds) store.associations.add(account.id, 'acl', acl.id, sagId, acl.createdAt ?? now);
    }
  },
  dump(store: Store, accountId: string) {
    const acls = store.acls.list({ accountId });
    if (acls.length === 0) return {};
    return {
      acls: acls.map((acl) => ({
        id: acl.id,
        regionId: acl.regionId,
        name: acl.name,
        aclType: acl.aclType,
        smartAGIds: store.associations.instancesOf(accountId, 'acl', acl.id),
        rules: store.aclRules.list({ accountId, aclId: acl.id }).map((rule) => ({
          id: rule.id,
          name: rule.name,
          description: rule.description,
          direction: rule.direction,
          policy: rule.policy,
          ipProtocol: rule.ipProtocol,
          sourceCidr: rule.sourceCidr,
          sourcePortRange: rule.sourcePortRange,
          destCidr: rule.destCidr,
          destPortRange: rule.destPortRange,
          priority: rule.priority,
          type: rule.type,
          dpiSignatureIds: rule.dpiSignatureIds === '' ? [] : rule.dpiSignatureIds.split(','),
          dpiGroupIds: rule.dpiGroupIds === '' ? [] : rule.dpiGroupIds.split(','),
          createdAt: rule.createdAt,
        })),
        createdAt: acl.createdAt,
      })),
    };
  },
};

function checkRule(rule: FixtureAclRule, at: string, ruleIds: Set<string>, fail: Fail): void {
  if (ruleIds.has(rule.id)) fail(`${at}/id`, `ACL rule ${rule.id} is defined twice in this account`);
  ruleIds.add(rule.id);
  if (rule.name !== '' && !isRuleName(rule.name)) fail(`${at}/name`, 'is 2-100 characters: a letter, then letters, digits, ".", "_" or "-"');
  const protocol = protocolOf(rule.ipProtocol);
  if (!protocol) return fail(`${at}/ipProtocol`, `"${rule.ipProtocol}" is not a supported protocol`);
  for (const field of ['sourceCidr', 'destCidr'] as const) {
    if (!isRuleCidr(rule[field])) fail(`${at}/${field}`, `"${rule[field]}" is not a CIDR block (address must be the network address)`);
  }
  for (const field of ['sourcePortRange', 'destPortRange'] as const) {
    if (!isPortRange(rule[field])) fail(`${at}/${field}`, `"${rule[field]}" is not a port range (from/to, 1-65535, or -1/-1)`);
  }
  if (!portsFitProtocol(protocol, rule.sourcePortRange, rule.destPortRange)) fail(`${at}/ipProtocol`, `${protocol} takes only the port range -1/-1`);
}
