/**
 * The rows of the flow-log family: flow logs (`flow_logs`), and the two
 * instance lists their operations answer, read from `instance_associations`
 * (kind flow_log) joined with `instances`.
 */
import type { Db } from '../../storage/database';
import type { ReadCaches } from '../../storage/read-cache';
import { defineTable, type Window } from '../shared/table';

/** A flow log, in one region; captures the instances associated with it. */
export interface FlowLog {
  accountId: string;
  id: string;
  regionId: string;
  name: string;
  description: string;
  /** `Active` or `Inactive` (ActiveFlowLog, DeactiveFlowLog). */
  status: string;
  /** `sls`, `netflow` or `all`. */
  outputType: string;
  activeAging: number;
  inactiveAging: number;
  slsRegionId: string;
  projectName: string;
  logstoreName: string;
  netflowServerIp: string;
  netflowServerPort: number;
  netflowVersion: string;
  createdAt: number;
}

/** An instance as DescribeFlowLogSags and DescribeUnbindFlowLogSags show it. */
export interface FlowLogSag {
  id: string;
  name: string;
  description: string;
}

/** The only model that takes flow logs (the product's flow log pages: SAG-1000 devices). */
export const FLOW_LOG_MODEL = 'sag-1000';

function createFlowLogSags(db: Db) {
  const bound = db.prepare(`SELECT i.id, i.name, i.description FROM instance_associations a
    JOIN instances i ON i.account_id = a.account_id AND i.id = a.instance_id
    WHERE a.account_id = ? AND a.kind = 'flow_log' AND a.policy_id = ?
    ORDER BY a.created_at, a.rowid LIMIT ? OFFSET ?`);
  const unbound = db.prepare(`SELECT i.id, i.name, i.description FROM instances i
    WHERE i.account_id = ? AND i.region_id = ? AND i.instance_type = '${FLOW_LOG_MODEL}'
      AND NOT EXISTS (SELECT 1 FROM instance_associations a
        WHERE a.account_id = i.account_id AND a.kind = 'flow_log' AND a.instance_id = i.id)
    ORDER BY i.created_at, i.rowid`);
  return {
    /** One page of the instances a flow log captures, in the order they were associated. */
    boundPage(accountId: string, flowLogId: string, { offset, pageSize }: Window): FlowLogSag[] {
      return bound.all(accountId, flowLogId, pageSize, offset) as FlowLogSag[];
    },
    /** The region's instances that could take a flow log and have none, oldest first. */
    unbound(accountId: string, regionId: string): FlowLogSag[] {
      return unbound.all(accountId, regionId) as FlowLogSag[];
    },
  };
}

export function createFlowLogTables(db: Db, caches: ReadCaches) {
  return {
    flowLogs: defineTable<FlowLog>(db, 'flow_logs', caches),
    flowLogSags: createFlowLogSags(db),
  };
}
