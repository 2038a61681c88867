/**
 * Which SAG instances a policy (an ACL, a QoS policy, a flow log) is
 * associated with: one table for every kind of policy, so that AssociateACL,
 * AssociateQos and AssociateFlowLog, the instance's own views and the
 * policies' SagCount / SmartAGIds / TotalSagNum all read the same rows.
 * Deleting an instance drops its associations (a foreign key cascade);
 * deleting a policy is the family's decision (refused while in use, or
 * dropping them with `removeAllOf`).
 */
import type { Db } from '../../storage/database';

export type PolicyKind = 'acl' | 'qos' | 'flow_log';

export interface Association {
  accountId: string;
  kind: PolicyKind;
  policyId: string;
  instanceId: string;
  createdAt: number;
}

export type Associations = ReturnType<typeof createAssociations>;

export function createAssociations(db: Db) {
  const insert = db.prepare(`INSERT INTO instance_associations (account_id, kind, policy_id, instance_id, created_at)
    VALUES (?, ?, ?, ?, ?)`);
  const remove = db.prepare('DELETE FROM instance_associations WHERE account_id = ? AND kind = ? AND policy_id = ? AND instance_id = ?');
  const removeAll = db.prepare('DELETE FROM instance_associations WHERE account_id = ? AND kind = ? AND policy_id = ?');
  const has = db.prepare('SELECT 1 FROM instance_associations WHERE account_id = ? AND kind = ? AND policy_id = ? AND instance_id = ?').pluck();
  const instancesOf = db.prepare(`SELECT instance_id FROM instance_associations WHERE account_id = ? AND kind = ? AND policy_id = ?
    ORDER BY created_at, rowid`).pluck();
  const countOf = db.prepare('SELECT count(*) FROM instance_associations WHERE account_id = ? AND kind = ? AND policy_id = ?').pluck();
  const policiesOf = db.prepare(`SELECT policy_id FROM instance_associations WHERE account_id = ? AND kind = ? AND instance_id = ?
    ORDER BY created_at, rowid`).pluck();
  const instancesOfEach = db.prepare(`SELECT policy_id AS policyId, instance_id AS instanceId FROM instance_associations
    WHERE account_id = ? AND kind = ? AND policy_id IN (SELECT value FROM json_each(?)) ORDER BY created_at, rowid`);
  const ofInstances = db.prepare(`SELECT instance_id AS instanceId, kind, policy_id AS policyId FROM instance_associations
    WHERE account_id = ? AND instance_id IN (SELECT value FROM json_each(?)) ORDER BY created_at, rowid`);
  const all = db.prepare(`SELECT account_id AS accountId, kind, policy_id AS policyId, instance_id AS instanceId, created_at AS createdAt
    FROM instance_associations WHERE account_id = ? AND kind = ? ORDER BY created_at, rowid`);

  return {
    add(accountId: string, kind: PolicyKind, policyId: string, instanceId: string, now: number): void {
      insert.run(accountId, kind, policyId, instanceId, now);
    },
    /** Whether there was such an association. */
    remove(accountId: string, kind: PolicyKind, policyId: string, instanceId: string): boolean {
      return remove.run(accountId, kind, policyId, instanceId).changes > 0;
    },
    removeAllOf(accountId: string, kind: PolicyKind, policyId: string): void {
      removeAll.run(accountId, kind, policyId);
    },
    has(accountId: string, kind: PolicyKind, policyId: string, instanceId: string): boolean {
      return has.get(accountId, kind, policyId, instanceId) !== undefined;
    },
    /** The policy's instances, in the order they were associated. */
    instancesOf(accountId: string, kind: PolicyKind, policyId: string): string[] {
      return instancesOf.all(accountId, kind, policyId) as string[];
    },
    countOf(accountId: string, kind: PolicyKind, policyId: string): number {
      return countOf.get(accountId, kind, policyId) as number;
    },
    /** The instance's policies of one kind, in the order they were associated. */
    policiesOf(accountId: string, kind: PolicyKind, instanceId: string): string[] {
      return policiesOf.all(accountId, kind, instanceId) as string[];
    },
    /** The instances of each policy of a page, in one query (a policy with none is absent from the map). */
    instancesOfEach(accountId: string, kind: PolicyKind, policyIds: readonly string[]): Map<string, string[]> {
      const byPolicy = new Map<string, string[]>();
      if (policyIds.length === 0) return byPolicy;
      for (const { policyId, instanceId } of instancesOfEach.all(accountId, kind, JSON.stringify(policyIds)) as { policyId: string; instanceId: string }[]) {
        const instances = byPolicy.get(policyId);
        if (instances) instances.push(instanceId);
        else byPolicy.set(policyId, [instanceId]);
      }
      return byPolicy;
    },
    /** Every association of these instances, all kinds, in the order they were made: the instances' own views. */
    ofInstances(accountId: string, instanceIds: readonly string[]): { instanceId: string; kind: PolicyKind; policyId: string }[] {
      if (instanceIds.length === 0) return [];
      return ofInstances.all(accountId, JSON.stringify(instanceIds)) as { instanceId: string; kind: PolicyKind; policyId: string }[];
    },
    /** Every association of one kind in the account (fixtures and the state dump). */
    listOfAccount(accountId: string, kind: PolicyKind): Association[] {
      return all.all(accountId, kind) as Association[];
    },
  };
}
