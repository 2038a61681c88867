import type { Db } from '../../storage/database';

/** A cloud connect network (CCN): the network SAG instances of one region bind to. */
export interface Ccn {
  accountId: string;
  id: string;
  regionId: string;
  name: string;
  description: string;
  cidrBlocks: string[];
  /** Empty when none is configured. */
  snatCidrBlock: string;
  /** `enable` or `disable`: whether the instances bound to it reach one another. */
  interworkingStatus: string;
  /** The account's default CCN, as CreateCloudConnectNetwork's IsDefault said. */
  isDefault: boolean;
  createdAt: number;
}

interface CcnRow {
  account_id: string;
  id: string;
  region_id: string;
  name: string;
  description: string;
  cidr_blocks: string;
  snat_cidr_block: string;
  interworking_status: string;
  is_default: number;
  created_at: number;
}

function toCcn(row: CcnRow): Ccn {
  return {
    accountId: row.account_id,
    id: row.id,
    regionId: row.region_id,
    name: row.name,
    description: row.description,
    cidrBlocks: row.cidr_blocks === '' ? [] : row.cidr_blocks.split(','),
    snatCidrBlock: row.snat_cidr_block,
    interworkingStatus: row.interworking_status,
    isDefault: row.is_default === 1,
    createdAt: row.created_at,
  };
}

function toRow(ccn: Ccn): CcnRow {
  return {
    account_id: ccn.accountId,
    id: ccn.id,
    region_id: ccn.regionId,
    name: ccn.name,
    description: ccn.description,
    cidr_blocks: ccn.cidrBlocks.join(','),
    snat_cidr_block: ccn.snatCidrBlock,
    interworking_status: ccn.interworkingStatus,
    is_default: ccn.isDefault ? 1 : 0,
    created_at: ccn.createdAt,
  };
}

export type CcnRepository = ReturnType<typeof createCcnRepository>;

export function createCcnRepository(db: Db) {
  const insertRow = db.prepare(`INSERT INTO ccns
    (account_id, id, region_id, name, description, cidr_blocks, snat_cidr_block, interworking_status, is_default, created_at)
    VALUES (@account_id, @id, @region_id, @name, @description, @cidr_blocks, @snat_cidr_block,
     @interworking_status, @is_default, @created_at)`);
  const updateRow = db.prepare(`UPDATE ccns SET name = @name, description = @description, cidr_blocks = @cidr_blocks,
    snat_cidr_block = @snat_cidr_block, interworking_status = @interworking_status
    WHERE account_id = @account_id AND id = @id`);
  const deleteRow = db.prepare('DELETE FROM ccns WHERE account_id = ? AND id = ?');
  const selectInRegion = db.prepare('SELECT * FROM ccns WHERE account_id = ? AND id = ? AND region_id = ?');
  const selectAllInRegion = db.prepare('SELECT * FROM ccns WHERE account_id = ? AND region_id = ? ORDER BY created_at, rowid');
  const selectOfAccount = db.prepare('SELECT * FROM ccns WHERE account_id = ? ORDER BY created_at, rowid');
  const countInRegion = db.prepare('SELECT count(*) FROM ccns WHERE account_id = ? AND region_id = ?').pluck();

  return {
    insert(ccn: Ccn): void {
      insertRow.run(toRow(ccn));
    },
    /** Writes the fields ModifyCloudConnectNetwork may change. */
    save(ccn: Ccn): void {
      updateRow.run(toRow(ccn));
    },
    remove(accountId: string, id: string): void {
      deleteRow.run(accountId, id);
    },
    /** The CCN of this account in this region; another region's answers as absent. */
    findInRegion(accountId: string, regionId: string, id: string): Ccn | undefined {
      const row = selectInRegion.get(accountId, id, regionId) as CcnRow | undefined;
      return row && toCcn(row);
    },
    /** Oldest first. */
    listInRegion(accountId: string, regionId: string): Ccn[] {
      return (selectAllInRegion.all(accountId, regionId) as CcnRow[]).map(toCcn);
    },
    listOfAccount(accountId: string): Ccn[] {
      return (selectOfAccount.all(accountId) as CcnRow[]).map(toCcn);
    },
    countInRegion(accountId: string, regionId: string): number {
      return countInRegion.get(accountId, regionId) as number;
    },
  };
}
