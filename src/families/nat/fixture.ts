/**
 * SNAT and DNAT entries in fixtures, per account:
 * `snatEntries: [{ id, smartAGId, cidrBlock, snatIp }]` and
 * `dnatEntries: [{ id, smartAGId, type, ipProtocol, externalIp, externalPort, internalIp, internalPort }]`,
 * each on a hardware instance of the account. Quotas bind the API, not fixtures.
 */
import type { AccountBasics, Fail, FixtureSection } from '../../fixtures/section';
import type { Store } from '../../storage/store';
import { SAG_APP_TYPE } from '../instances/instances-table';
import { DEFAULT_DNAT_TYPE, dnatPortOf, dnatProtocolOf, isIpv4, isSnatCidr, portsFitDnat } from './rules';

export interface FixtureSnatEntry {
  id: string;
  smartAGId: string;
  cidrBlock: string;
  snatIp: string;
  createdAt?: number;
}

export interface FixtureDnatEntry {
  id: string;
  smartAGId: string;
  type: string;
  ipProtocol: string;
  /** Empty for an Internet entry. */
  externalIp: string;
  externalPort: string;
  internalIp: string;
  internalPort: string;
  createdAt?: number;
}

export interface AccountWithNatEntries extends AccountBasics {
  snatEntries?: FixtureSnatEntry[];
  dnatEntries?: FixtureDnatEntry[];
}

export const natFixtures: FixtureSection<AccountWithNatEntries> = {
  check(account, at, fail) {
    const devices = new Set((account.instances ?? []).filter((instance) => instance.instanceType !== SAG_APP_TYPE).map((instance) => instance.id));
    const onDevice = (sagId: string, path: string) => {
      if (!devices.has(sagId)) fail(path, `${sagId} is not a hardware instance of this account`);
    };
    const snatIds = new Set<string>();
    (account.snatEntries ?? []).forEach((entry, e) => {
      const eat = `${at}/snatEntries/${e}`;
      if (snatIds.has(entry.id)) fail(`${eat}/id`, `SNAT entry ${entry.id} is defined twice in this account`);
      snatIds.add(entry.id);
      onDevice(entry.smartAGId, `${eat}/smartAGId`);
      if (!isSnatCidr(entry.cidrBlock)) fail(`${eat}/cidrBlock`, `"${entry.cidrBlock}" is not a CIDR block (address must be the network address)`);
      if (!isIpv4(entry.snatIp)) fail(`${eat}/snatIp`, `"${entry.snatIp}" is not an IPv4 address`);
    });
    const dnatIds = new Set<string>();
    (account.dnatEntries ?? []).forEach((entry, e) => checkDnat(entry, `${at}/dnatEntries/${e}`, dnatIds, onDevice, fail));
  },
  insert(store, account, now) {
    for (const entry of account.snatEntries ?? []) {
      store.snatEntries.insert({
        accountId: account.id, id: entry.id, instanceId: entry.smartAGId, cidrBlock: entry.cidrBlock, snatIp: entry.snatIp, createdAt: entry.createdAt ?? now,
      });
    }
    for (const entry of account.dnatEntries ?? []) {
      store.dnatEntries.insert({
        accountId: account.id,
        id: entry.id,
        instanceId: entry.smartAGId,
        type: entry.type,
        ipProtocol: dnatProtocolOf(entry.ipProtocol)!,
        externalIp: entry.type === DEFAULT_DNAT_TYPE ? entry.externalIp : '',
        externalPort: dnatPortOf(entry.externalPort)!,
        internalIp: entry.internalIp,
        internalPort: dnatPortOf(entry.internalPort)!,
        createdAt: entry.createdAt ?? now,
      });
    }
  },
  dump(store: Store, accountId: string) {
    const snat = store.snatEntries.list({ accountId });
    const dnat = store.dnatEntries.list({ accountId });
    const section: Partial<AccountWithNatEntries> = {};
    if (snat.length > 0) {
      section.snatEntries = snat.map((entry) => ({
        id: entry.id, smartAGId: entry.instanceId, cidrBlock: entry.cidrBlock, snatIp: entry.snatIp, createdAt: entry.createdAt,
      }));
    }
    if (dnat.length > 0) {
      section.dnatEntries = dnat.map((entry) => ({
        id: entry.id,
        smartAGId: entry.instanceId,
        type: entry.type,
        ipProtocol: entry.ipProtocol,
        externalIp: entry.externalIp,
        externalPort: entry.externalPort,
        internalIp: entry.internalIp,
        internalPort: entry.internalPort,
        createdAt: entry.createdAt,
      }));
    }
    return section;
  },
};

function checkDnat(entry: FixtureDnatEntry, at: string, ids: Set<string>, onDevice: (sagId: string, path: string) => void, fail: Fail): void {
  if (ids.has(entry.id)) fail(`${at}/id`, `DNAT entry ${entry.id} is defined twice in this account`);
  ids.add(entry.id);
  onDevice(entry.smartAGId, `${at}/smartAGId`);
  const protocol = dnatProtocolOf(entry.ipProtocol);
  if (!protocol) return fail(`${at}/ipProtocol`, `"${entry.ipProtocol}" is not tcp, udp or any`);
  const external = dnatPortOf(entry.externalPort);
  if (!external) return fail(`${at}/externalPort`, `"${entry.externalPort}" is not a port (1-65535 or any)`);
  const internal = dnatPortOf(entry.internalPort);
  if (!internal) return fail(`${at}/internalPort`, `"${entry.internalPort}" is not a port (1-65535 or any)`);
  if (!portsFitDnat(protocol, external, internal)) fail(`${at}/externalPort`, 'both ports are any or neither is, and protocol any takes only any');
  if (!isIpv4(entry.internalIp)) fail(`${at}/internalIp`, `"${entry.internalIp}" is not an IPv4 address`);
  if (entry.type === DEFAULT_DNAT_TYPE && !isIpv4(entry.externalIp)) fail(`${at}/externalIp`, `an Intranet entry needs an IPv4 address, not "${entry.externalIp}"`);
}
