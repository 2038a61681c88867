/**
 * The rows of the CCN grant family: CCNs granted to other accounts' CEN
 * instances (`ccn_grants`, in the CCN owner's account) and SAG instances
 * granted to other accounts' CCNs (`sag_grants`, in the instance owner's
 * account). CEN belongs to another product: a CEN is its id and its owner's
 * uid. A grantee's binding through a SAG grant is the instance's `ccn_id`
 * naming the granted CCN, so that the owner's views and rules (one CCN per
 * instance, no delete while bound) see it as they see their own bindings.
 */
import type { Db } from '../../storage/database';
import type { ReadCaches } from '../../storage/read-cache';
import { defineTable, type Window } from '../shared/table';

export interface CcnGrant {
  accountId: string;
  /** GrantRuleId. */
  id: string;
  regionId: string;
  ccnId: string;
  cenId: string;
  cenUid: string;
  grantTrafficService: number;
  createdAt: number;
}

export interface SagGrant {
  accountId: string;
  /** sgc-..., what GrantSagInstanceToCcn answers. */
  id: string;
  regionId: string;
  instanceId: string;
  ccnId: string;
  /** The account that owns the CCN and may bind the instance to it. */
  ccnUid: string;
  grantTrafficService: number;
  createdAt: number;
}

/** An instance DescribeBindableSmartAccessGateways lists. */
export interface BindableInstance {
  accountId: string;
  id: string;
  name: string;
}

export interface BindableFilter {
  callerId: string;
  regionId: string;
  ccnId: string;
  crossAccountOnly: boolean;
  smartAgId?: string;
  name?: string;
}

/**
 * Instances a CCN's owner may bind: its own of the region bound to no CCN,
 * then (or only, with CrossAccount) those other accounts granted to this CCN
 * and not bound yet; each part in creation order, paged in SQL.
 */
function createBindableQuery(db: Db) {
  const candidates = `
    SELECT account_id AS accountId, id, name, 0 AS part, created_at, rowid AS r FROM instances
      WHERE @own = 1 AND account_id = @callerId AND region_id = @regionId AND ccn_id IS NULL
    UNION ALL
    SELECT i.account_id, i.id, i.name, 1, g.created_at, g.rowid FROM sag_grants g
      JOIN instances i ON i.account_id = g.account_id AND i.id = g.instance_id
      WHERE g.ccn_uid = @callerId AND g.ccn_id = @ccnId AND g.region_id = @regionId AND g.account_id != @callerId AND i.ccn_id IS NULL`;
  const filter = 'WHERE (@smartAgId IS NULL OR id = @smartAgId) AND (@name IS NULL OR name = @name)';
  const page = db.prepare(`SELECT accountId, id, name FROM (${candidates}) ${filter} ORDER BY part, created_at, r LIMIT @limit OFFSET @offset`);
  const count = db.prepare(`SELECT count(*) FROM (${candidates}) ${filter}`).pluck();
  return (where: BindableFilter, { offset, pageSize }: Window) => {
    const params = {
      own: where.crossAccountOnly ? 0 : 1, callerId: where.callerId, regionId: where.regionId, ccnId: where.ccnId,
      smartAgId: where.smartAgId ?? null, name: where.name ?? null,
    };
    const rows = page.all({ ...params, limit: pageSize, offset }) as BindableInstance[];
    const totalCount = offset === 0 && rows.length < pageSize ? rows.length : count.get(params) as number;
    return { rows, totalCount };
  };
}

export function createGrantTables(db: Db, caches: ReadCaches) {
  return {
    ccnGrants: defineTable<CcnGrant>(db, 'ccn_grants', caches),
    sagGrants: defineTable<SagGrant>(db, 'sag_grants', caches),
    bindableInstances: createBindableQuery(db),
  };
}
