/** The rows of the ACL family: access control lists (`acls`) and their rules (`acl_rules`). */
import type { Db } from '../../storage/database';
import type { ReadCaches } from '../../storage/read-cache';
import { defineTable } from '../shared/table';

/** An access control list, in one region; associated with instances through instance_associations. */
export interface Acl {
  accountId: string;
  id: string;
  regionId: string;
  name: string;
  /** `acl-hardware` (SAG devices) or `acl-software` (SAG APP instances). */
  aclType: string;
  createdAt: number;
}

export interface AclRule {
  accountId: string;
  aclId: string;
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
  /** Comma separated, as stored; the views answer lists. */
  dpiSignatureIds: string;
  dpiGroupIds: string;
  createdAt: number;
}

export function createAclTables(db: Db, caches: ReadCaches) {
  return {
    acls: defineTable<Acl>(db, 'acls', caches),
    aclRules: defineTable<AclRule>(db, 'acl_rules', caches),
  };
}
