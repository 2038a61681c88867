import type { Statement } from 'better-sqlite3';
import type { Db } from '../../storage/database';

/** A Smart Access Gateway instance; `sag-software` is a SAG APP instance. */
export interface Instance {
  accountId: string;
  id: string;
  regionId: string;
  instanceType: string;
  status: string;
  name: string;
  description: string;
  cidrBlocks: string[];
  userQuota: number;
  maxBandwidth: number;
  enterpriseCode: string | null;
  idaasInstanceId: string | null;
  createdAt: number;
  /** The cloud connect network it is bound to, in its region. */
  ccnId: string | null;
  /** GB of traffic per client account and month. */
  dataPlan: number;
  /** When the subscription ends, ms since the epoch. */
  endTime: number;
  /** Serial numbers of the devices, comma separated as the API shows them; empty for SAG APP. */
  serialNumber: string;
  softwareVersion: string;
  /** `static` or `dynamic` (how the branch's routes reach the gateway). */
  routingStrategy: string;
  securityLockThreshold: number;
  position: string;
  /** Connection logging of SAG APP clients (EnableSoftwareConnectionAudit). */
  connectionAudit: boolean;
}

export const SAG_APP_TYPE = 'sag-software';

interface InstanceRow {
  account_id: string;
  id: string;
  region_id: string;
  instance_type: string;
  status: string;
  name: string;
  description: string;
  cidr_blocks: string;
  user_quota: number;
  max_bandwidth: number;
  enterprise_code: string | null;
  idaas_instance_id: string | null;
  created_at: number;
  ccn_id: string | null;
  data_plan: number;
  end_time: number;
  serial_number: string;
  software_version: string;
  routing_strategy: string;
  security_lock_threshold: number;
  position: string;
  connection_audit: number;
}

function toInstance(row: InstanceRow): Instance {
  return {
    accountId: row.account_id,
    id: row.id,
    regionId: row.region_id,
    instanceType: row.instance_type,
    status: row.status,
    name: row.name,
    description: row.description,
    cidrBlocks: row.cidr_blocks === '' ? [] : row.cidr_blocks.split(','),
    userQuota: row.user_quota,
    maxBandwidth: row.max_bandwidth,
    enterpriseCode: row.enterprise_code,
    idaasInstanceId: row.idaas_instance_id,
    createdAt: row.created_at,
    ccnId: row.ccn_id,
    dataPlan: row.data_plan,
    endTime: row.end_time,
    serialNumber: row.serial_number,
    softwareVersion: row.software_version,
    routingStrategy: row.routing_strategy,
    securityLockThreshold: row.security_lock_threshold,
    position: row.position,
    connectionAudit: row.connection_audit === 1,
  };
}

function toRow(instance: Instance): InstanceRow {
  return {
    account_id: instance.accountId,
    id: instance.id,
    region_id: instance.regionId,
    instance_type: instance.instanceType,
    status: instance.status,
    name: instance.name,
    description: instance.description,
    cidr_blocks: instance.cidrBlocks.join(','),
    user_quota: instance.userQuota,
    max_bandwidth: instance.maxBandwidth,
    enterprise_code: instance.enterpriseCode,
    idaas_instance_id: instance.idaasInstanceId,
    created_at: instance.createdAt,
    ccn_id: instance.ccnId,
    data_plan: instance.dataPlan,
    end_time: instance.endTime,
    serial_number: instance.serialNumber,
    software_version: instance.softwareVersion,
    routing_strategy: instance.routingStrategy,
    security_lock_threshold: instance.securityLockThreshold,
    position: instance.position,
    connection_audit: instance.connectionAudit ? 1 : 0,
  };
}

/** Every column but the key, as `column = @column` for an UPDATE. */
const MUTABLE_COLUMNS = [
  'region_id', 'instance_type', 'status', 'name', 'description', 'cidr_blocks', 'user_quota', 'max_bandwidth',
  'enterprise_code', 'idaas_instance_id', 'created_at', 'ccn_id', 'data_plan', 'end_time', 'serial_number',
  'software_version', 'routing_strategy', 'security_lock_threshold', 'position', 'connection_audit',
];

/** One condition of a search: SQL over the instances table's columns, with its `?` arguments. */
export interface InstanceCondition {
  sql: string;
  args: unknown[];
}

/** One page of a search and the size of the whole result. */
export interface InstancePage {
  items: Instance[];
  totalCount: number;
}

export type InstanceRepository = ReturnType<typeof createInstanceRepository>;

export function createInstanceRepository(db: Db) {
  const columns = ['account_id', 'id', ...MUTABLE_COLUMNS];
  const insertRow = db.prepare(
    `INSERT INTO instances (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
  );
  const updateRow = db.prepare(
    `UPDATE instances SET ${MUTABLE_COLUMNS.map((c) => `${c} = @${c}`).join(', ')} WHERE account_id = @account_id AND id = @id`,
  );
  const deleteRow = db.prepare('DELETE FROM instances WHERE account_id = ? AND id = ?');
  const selectInRegion = db.prepare('SELECT * FROM instances WHERE account_id = ? AND id = ? AND region_id = ?');
  const selectOfAccount = db.prepare('SELECT * FROM instances WHERE account_id = ? ORDER BY created_at, rowid');
  const selectAllInRegion = db.prepare('SELECT * FROM instances WHERE account_id = ? AND region_id = ? ORDER BY created_at, rowid');
  const selectOfCcn = db.prepare('SELECT * FROM instances WHERE account_id = ? AND ccn_id = ? ORDER BY created_at, rowid');
  const countInRegion = db.prepare('SELECT count(*) FROM instances WHERE account_id = ? AND region_id = ?').pluck();
  const countWithCode = db.prepare('SELECT count(*) FROM instances WHERE account_id = ? AND enterprise_code = ?').pluck();

  // A search's statements, by their SQL: the conditions come from a fixed set of fragments, so few texts exist.
  const searches = new Map<string, { page: Statement; count: Statement }>();
  const searchOf = (conditions: readonly InstanceCondition[]) => {
    const where = ['account_id = ?', 'region_id = ?', ...conditions.map((condition) => condition.sql)].join(' AND ');
    let search = searches.get(where);
    if (!search) {
      search = {
        page: db.prepare(`SELECT * FROM instances WHERE ${where} ORDER BY created_at, rowid LIMIT ? OFFSET ?`),
        count: db.prepare(`SELECT count(*) FROM instances WHERE ${where}`).pluck(),
      };
      searches.set(where, search);
    }
    return search;
  };

  return {
    /**
     * One page of the instances of a region that meet every condition, oldest first, paged in SQL
     * (index instances_by_region_created), so a page costs its own rows, not the table's.
     */
    pageInRegion(accountId: string, regionId: string, conditions: readonly InstanceCondition[], offset: number, limit: number): InstancePage {
      const search = searchOf(conditions);
      const args = [accountId, regionId, ...conditions.flatMap((condition) => condition.args)];
      const items = (search.page.all(...args, limit, offset) as InstanceRow[]).map(toInstance);
      // A short first page is the whole result: no count query.
      const totalCount = offset === 0 && items.length < limit ? items.length : search.count.get(...args) as number;
      return { items, totalCount };
    },
    insert(instance: Instance): void {
      insertRow.run(toRow(instance));
    },
    /** Writes every field of an existing instance. */
    save(instance: Instance): void {
      updateRow.run(toRow(instance));
    },
    /** Removes the instance and, by cascade, its client accounts. */
    remove(accountId: string, id: string): void {
      deleteRow.run(accountId, id);
    },
    /** The instance of this account in this region; another region's answers as absent. */
    findInRegion(accountId: string, regionId: string, id: string): Instance | undefined {
      const row = selectInRegion.get(accountId, id, regionId) as InstanceRow | undefined;
      return row && toInstance(row);
    },
    listOfAccount(accountId: string): Instance[] {
      return (selectOfAccount.all(accountId) as InstanceRow[]).map(toInstance);
    },
    /** Oldest first, as the Describe operations list them. */
    listInRegion(accountId: string, regionId: string): Instance[] {
      return (selectAllInRegion.all(accountId, regionId) as InstanceRow[]).map(toInstance);
    },
    listOfCcn(accountId: string, ccnId: string): Instance[] {
      return (selectOfCcn.all(accountId, ccnId) as InstanceRow[]).map(toInstance);
    },
    countInRegion(accountId: string, regionId: string): number {
      return countInRegion.get(accountId, regionId) as number;
    },
    /** How many instances of the account use this enterprise code, in any region. */
    countWithEnterpriseCode(accountId: string, code: string): number {
      return countWithCode.get(accountId, code) as number;
    },
  };
}
