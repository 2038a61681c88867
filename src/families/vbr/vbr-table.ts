/**
 * The rows of the VBR family: grants of SAG instances to VBRs of other
 * accounts (`vbr_grants`) and bindings of instances to VBRs (`vbr_bindings`).
 * A VBR belongs to VPC, another product: here it is its id, its region and
 * its owner's uid. Both rows live in the account that owns the instance.
 */
import type { Db } from '../../storage/database';
import type { ReadCaches } from '../../storage/read-cache';
import { defineTable } from '../shared/table';

export interface VbrGrant {
  accountId: string;
  id: string;
  /** The instance's region. */
  regionId: string;
  instanceId: string;
  vbrId: string;
  vbrRegionId: string;
  /** The account that owns the VBR and may bind the instance to it. */
  vbrUid: string;
  createdAt: number;
}

export interface VbrBinding {
  accountId: string;
  instanceId: string;
  regionId: string;
  vbrId: string;
  vbrRegionId: string;
  /** The account that bound it: the VBR's owner. */
  vbrUid: string;
  createdAt: number;
}

export function createVbrTables(db: Db, caches: ReadCaches) {
  return {
    vbrGrants: defineTable<VbrGrant>(db, 'vbr_grants', caches),
    vbrBindings: defineTable<VbrBinding>(db, 'vbr_bindings', caches),
  };
}
