/** How SNAT and DNAT entries read: one object literal per view, in the documented field order. */
import type { DnatEntry, SnatEntry } from './nat-table';

/** An item of DescribeSnatEntries' `SnatEntries.SnatEntry[]`. */
export function snatEntryView(entry: SnatEntry) {
  return {
    CidrBlock: entry.cidrBlock,
    CreateTime: entry.createdAt,
    InstanceId: entry.id,
    SnatIp: entry.snatIp,
  };
}

/** An item of DescribeDnatEntries' `DnatEntries.DnatEntry[]`. */
export function dnatEntryView(entry: DnatEntry) {
  return {
    Type: entry.type,
    SagId: entry.instanceId,
    InternalIp: entry.internalIp,
    InternalPort: entry.internalPort,
    IpProtocol: entry.ipProtocol,
    ExternalPort: entry.externalPort,
    DnatEntryId: entry.id,
    ExternalIp: entry.externalIp,
  };
}
