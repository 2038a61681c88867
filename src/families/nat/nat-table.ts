/** The rows of the NAT family: SNAT entries (`snat_entries`) and DNAT entries (`dnat_entries`) of hardware instances. */
import type { Db } from '../../storage/database';
import type { ReadCaches } from '../../storage/read-cache';
import { defineTable } from '../shared/table';

/** Traffic from `cidrBlock` leaves the instance as `snatIp`. */
export interface SnatEntry {
  accountId: string;
  id: string;
  instanceId: string;
  cidrBlock: string;
  snatIp: string;
  createdAt: number;
}

/** Traffic to `externalIp:externalPort` is forwarded to `internalIp:internalPort`. */
export interface DnatEntry {
  accountId: string;
  id: string;
  instanceId: string;
  /** `Intranet` or `Internet`. */
  type: string;
  /** Lower case, as DescribeDnatEntries answers it: tcp, udp or any. */
  ipProtocol: string;
  /** Empty for an Internet entry: the device's current public address. */
  externalIp: string;
  externalPort: string;
  internalIp: string;
  internalPort: string;
  createdAt: number;
}

export function createNatTables(db: Db, caches: ReadCaches) {
  return {
    snatEntries: defineTable<SnatEntry>(db, 'snat_entries', caches),
    dnatEntries: defineTable<DnatEntry>(db, 'dnat_entries', caches),
  };
}
