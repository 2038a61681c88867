/**
 * SAG instances in fixtures: `instances: [{ id, regionId, instanceType,
 * status, cidrBlocks, userQuota, ... }]` under an account, with what a SAG
 * APP instance applies to all its clients (DNS servers, acceleration peak).
 * Their client accounts are the client-accounts family's section.
 */
import type { AccountBasics, FixtureSection } from '../../fixtures/section';
import { parseCidr, parseIpv4 } from '../../model/cidr';
import type { FixtureClientUser } from '../client-accounts/fixture';

/** A fixture instance's subscription runs for a year from loading, unless `endTime` says otherwise. */
const FIXTURE_SUBSCRIPTION_MS = 365 * 24 * 60 * 60 * 1000;

export interface FixtureInstance {
  id: string;
  regionId: string;
  instanceType: string;
  status: string;
  name?: string;
  description?: string;
  cidrBlocks: string[];
  userQuota: number;
  maxBandwidth: number;
  enterpriseCode: string | null;
  idaasInstanceId: string | null;
  /** Mbps: the application-acceleration peak of a SAG APP instance; 0 for none. */
  accelerateBandwidth: number;
  appDns?: string[];
  recoveredDns?: string[];
  /** A CCN of the same account and region. */
  ccnId: string | null;
  dataPlan: number;
  serialNumber: string;
  softwareVersion: string;
  routingStrategy: string;
  securityLockThreshold: number;
  position: string;
  connectionAudit: boolean;
  /** ms since the epoch; the loading time (and a year after it) when left out. */
  createdAt?: number;
  endTime?: number;
  /** The client-accounts family's part of an instance. */
  clientUsers?: FixtureClientUser[];
}

export interface AccountWithInstances extends AccountBasics {
  instances?: FixtureInstance[];
}

export const instanceFixtures: FixtureSection<AccountWithInstances> = {
  check(account, at, fail) {
    const ids = new Set<string>();
    (account.instances ?? []).forEach((instance, i) => {
      const iat = `${at}/instances/${i}`;
      if (ids.has(instance.id)) fail(`${iat}/id`, `instance ${instance.id} is defined twice in this account`);
      ids.add(instance.id);
      instance.cidrBlocks.forEach((block, c) => {
        if (!parseCidr(block)) fail(`${iat}/cidrBlocks/${c}`, `"${block}" is not a CIDR block (address must be the network address)`);
      });
      for (const list of ['appDns', 'recoveredDns'] as const) {
        (instance[list] ?? []).forEach((ip, d) => {
          if (parseIpv4(ip) === undefined) fail(`${iat}/${list}/${d}`, `${ip} is not an IPv4 address`);
        });
      }
    });
  },
  insert(store, account, now) {
    for (const fixture of account.instances ?? []) {
      const createdAt = fixture.createdAt ?? now;
      store.instances.insert({
        accountId: account.id,
        id: fixture.id,
        regionId: fixture.regionId,
        instanceType: fixture.instanceType,
        status: fixture.status,
        name: fixture.name ?? '',
        description: fixture.description ?? '',
        cidrBlocks: fixture.cidrBlocks,
        userQuota: fixture.userQuota,
        maxBandwidth: fixture.maxBandwidth,
        enterpriseCode: fixture.enterpriseCode,
        idaasInstanceId: fixture.idaasInstanceId,
        createdAt,
        ccnId: fixture.ccnId,
        dataPlan: fixture.dataPlan,
        endTime: fixture.endTime ?? createdAt + FIXTURE_SUBSCRIPTION_MS,
        serialNumber: fixture.serialNumber,
        softwareVersion: fixture.softwareVersion,
        routingStrategy: fixture.routingStrategy,
        securityLockThreshold: fixture.securityLockThreshold,
        position: fixture.position,
        connectionAudit: fixture.connectionAudit,
      });
      const { appDns = [], recoveredDns = [], accelerateBandwidth } = fixture;
      if (appDns.length > 0 || recoveredDns.length > 0) store.appClientSettings.setDns(account.id, fixture.id, appDns, recoveredDns);
      if (accelerateBandwidth > 0) store.appClientSettings.setAccelerateBandwidth(account.id, fixture.id, accelerateBandwidth);
    }
  },
  dump(store, accountId) {
    const instances = store.instances.listOfAccount(accountId);
    if (instances.length === 0) return {};
    return {
      instances: instances.map((instance) => {
        const settings = store.appClientSettings.get(accountId, instance.id);
        return {
          id: instance.id,
          regionId: instance.regionId,
          instanceType: instance.instanceType,
          status: instance.status,
          name: instance.name,
          description: instance.description,
          cidrBlocks: instance.cidrBlocks,
          userQuota: instance.userQuota,
          maxBandwidth: instance.maxBandwidth,
          enterpriseCode: instance.enterpriseCode,
          idaasInstanceId: instance.idaasInstanceId,
          accelerateBandwidth: settings.accelerateBandwidth,
          appDns: settings.appDns,
          recoveredDns: settings.recoveredDns,
          ccnId: instance.ccnId,
          dataPlan: instance.dataPlan,
          serialNumber: instance.serialNumber,
          softwareVersion: instance.softwareVersion,
          routingStrategy: instance.routingStrategy,
          securityLockThreshold: instance.securityLockThreshold,
          position: instance.position,
          connectionAudit: instance.connectionAudit,
          createdAt: instance.createdAt,
          endTime: instance.endTime,
        };
      }),
    };
  },
};
