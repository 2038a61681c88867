import type { Db } from './database';

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
  };
}

export type InstanceRepository = ReturnType<typeof createInstanceRepository>;

export function createInstanceRepository(db: Db) {
  const insertRow = db.prepare(`INSERT INTO instances
    (account_id, id, region_id, instance_type, status, name, description, cidr_blocks, user_quota,
     max_bandwidth, enterprise_code, idaas_instance_id, created_at)
    VALUES (@account_id, @id, @region_id, @instance_type, @status, @name, @description, @cidr_blocks,
     @user_quota, @max_bandwidth, @enterprise_code, @idaas_instance_id, @created_at)`);
  const selectInRegion = db.prepare('SELECT * FROM instances WHERE account_id = ? AND id = ? AND region_id = ?');
  const selectOfAccount = db.prepare('SELECT * FROM instances WHERE account_id = ? ORDER BY created_at, id');

  return {
    insert(instance: Instance): void {
      insertRow.run(toRow(instance));
    },
    /** The instance of this account in this region; another region's answers as absent. */
    findInRegion(accountId: string, regionId: string, id: string): Instance | undefined {
      const row = selectInRegion.get(accountId, id, regionId) as InstanceRow | undefined;
      return row && toInstance(row);
    },
    listOfAccount(accountId: string): Instance[] {
      return (selectOfAccount.all(accountId) as InstanceRow[]).map(toInstance);
    },
  };
}
