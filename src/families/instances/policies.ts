/**
 * The policies (ACLs, QoS policies, flow logs) each instance of a page
 * applies, read in one query for the whole page, for the instances' views.
 */
import type { Store } from '../../storage/store';
import type { InstancePolicies } from './views';

export function policiesOfInstances(store: Store, accountId: string, instanceIds: readonly string[]): Map<string, InstancePolicies> {
  const byInstance = new Map<string, InstancePolicies>();
  for (const id of instanceIds) byInstance.set(id, { aclIds: [], qosIds: [], flowLogIds: [] });
  for (const { instanceId, kind, policyId } of store.associations.ofInstances(accountId, instanceIds)) {
    const policies = byInstance.get(instanceId)!;
    if (kind === 'acl') policies.aclIds.push(policyId);
    else if (kind === 'qos') policies.qosIds.push(policyId);
    else policies.flowLogIds.push(policyId);
  }
  return byInstance;
}
