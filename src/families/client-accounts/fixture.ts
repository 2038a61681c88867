/**
 * Client accounts in fixtures: `clientUsers: [...]` inside each SAG APP
 * instance, with who is online now (`onlineClients`) and each account's
 * monthly traffic, so a test can stage "user X has 2 clients online" or
 * "used 3 GB this month". Passwords are stored as hashes and never dumped:
 * a user given without a password keeps the one it had, when a seed replaces
 * its account, or gets the fixture default.
 */
import type { AccountBasics, FixtureSection } from '../../fixtures/section';
import { isAssignableIn } from '../../model/cidr';
import { SAG_APP_TYPE } from '../instances/instances-table';
import { KBPS_PER_MBPS, onlineAddressProblem } from './rules';
import { monthOf } from './traffic';

/** The password of a fixture user that names none (fixtures/fixture.schema.json says so too). */
export const DEFAULT_FIXTURE_PASSWORD = 'Passw0rd-default';

export interface FixtureOnlineClient {
  clientIp: string;
  /** Unix seconds, as DescribeUserOnlineClients shows it; the loading time when left out. */
  onlineTime?: number;
}

export interface FixtureTraffic {
  /** `YYYYMM`; the month of loading when left out. */
  month?: string;
  totalBytes: number;
}

export interface FixtureClientUser {
  userName: string;
  userMail: string;
  bandwidth: number;
  clientIp: string | null;
  password?: string;
  state: number;
  /** Kbps; null: the instance's default. */
  accelerateBandwidth: number | null;
  /** The instance this account roamed from (RoamClientUser), if it did. */
  roamedFrom?: { regionId: string; smartAGId: string };
  onlineClients?: FixtureOnlineClient[];
  traffic?: FixtureTraffic[];
  createdAt?: number;
}

interface InstanceWithUsers {
  id: string;
  regionId: string;
  instanceType: string;
  cidrBlocks: string[];
  maxBandwidth: number;
  accelerateBandwidth: number;
  clientUsers?: FixtureClientUser[];
}

export interface AccountWithClientUsers extends AccountBasics {
  instances?: InstanceWithUsers[];
}

type Fail = Parameters<FixtureSection<AccountWithClientUsers>['check']>[2];

export const clientUserFixtures: FixtureSection<AccountWithClientUsers> = {
  check(account, at, fail) {
    (account.instances ?? []).forEach((instance, i) => checkUsers(instance, `${at}/instances/${i}`, fail));
  },
  insert(store, account, now, context) {
    for (const instance of account.instances ?? []) {
      const users = instance.clientUsers ?? [];
      store.clientUsers.insertMany(users.map((user) => ({
        accountId: account.id,
        instanceId: instance.id,
        userName: user.userName,
        userMail: user.userMail,
        bandwidth: user.bandwidth,
        clientIp: user.clientIp,
        passwordHash: user.password !== undefined
          ? context.hashOf(user.password)
          : context.previousPasswordHash(instance.id, user.userName) ?? context.hashOf(DEFAULT_FIXTURE_PASSWORD),
        state: user.state,
        roamedFromRegionId: user.roamedFrom?.regionId ?? null,
        roamedFromInstanceId: user.roamedFrom?.smartAGId ?? null,
        createdAt: user.createdAt ?? now,
        accelerateBandwidth: user.accelerateBandwidth,
      })));
      for (const user of users) {
        for (const { clientIp, onlineTime } of user.onlineClients ?? []) {
          const onlineAt = onlineTime === undefined ? now : onlineTime * 1000;
          store.onlineClients.add({ accountId: account.id, instanceId: instance.id, userName: user.userName, clientIp, onlineAt });
        }
        for (const { month, totalBytes } of user.traffic ?? []) {
          store.clientTraffic.set(account.id, instance.id, user.userName, month ?? monthOf(now), totalBytes);
        }
      }
    }
  },
  dump(store, accountId, into) {
    for (const instance of into.instances ?? []) {
      const users = store.clientUsers.listOfInstance(accountId, instance.id);
      // Always present (as the schema's default fills it), so a dump reads the same for every instance.
      instance.clientUsers = users.map((user) => ({
        userName: user.userName,
        userMail: user.userMail,
        bandwidth: user.bandwidth,
        clientIp: user.clientIp,
        state: user.state,
        accelerateBandwidth: user.accelerateBandwidth,
        ...(user.roamedFromInstanceId === null ? {} : { roamedFrom: { regionId: user.roamedFromRegionId!, smartAGId: user.roamedFromInstanceId } }),
        onlineClients: store.onlineClients.listOfUser(accountId, instance.id, user.userName)
          .map(({ clientIp, onlineAt }) => ({ clientIp, onlineTime: Math.floor(onlineAt / 1000) })),
        traffic: store.clientTraffic.listOfUser(accountId, instance.id, user.userName),
        createdAt: user.createdAt,
      }));
    }
    return {};
  },
};

function checkUsers(instance: InstanceWithUsers, at: string, fail: Fail): void {
  const users = instance.clientUsers ?? [];
  if (users.length > 0 && instance.instanceType !== SAG_APP_TYPE) {
    fail(`${at}/clientUsers`, `only sag-software (SAG APP) instances hold client accounts, this one is ${instance.instanceType}`);
  }
  const names = new Set<string>();
  const staticIps = new Set<string>();
  users.forEach((user, u) => {
    const uat = `${at}/clientUsers/${u}`;
    if (names.has(user.userName)) fail(`${uat}/userName`, `user ${user.userName} is defined twice on this instance`);
    names.add(user.userName);
    if (user.bandwidth > instance.maxBandwidth) fail(`${uat}/bandwidth`, `exceeds the instance's maxBandwidth ${instance.maxBandwidth}`);
    if (user.clientIp !== null) {
      if (!isAssignableIn(user.clientIp, instance.cidrBlocks)) fail(`${uat}/clientIp`, `${user.clientIp} is not an assignable address of the instance's CIDR blocks`);
      if (staticIps.has(user.clientIp)) fail(`${uat}/clientIp`, `${user.clientIp} is used by another user of this instance`);
      staticIps.add(user.clientIp);
    }
    const ceiling = instance.accelerateBandwidth * KBPS_PER_MBPS;
    if (user.accelerateBandwidth !== null && user.accelerateBandwidth > ceiling) {
      fail(`${uat}/accelerateBandwidth`, `exceeds the instance's accelerateBandwidth of ${instance.accelerateBandwidth} Mbps (${ceiling} Kbps)`);
    }
  });
  checkActivity(users, instance.cidrBlocks, at, fail);
}

/** Online addresses are assignable, free among the instance's sessions, and not another account's static IP; a month's traffic is given once. */
function checkActivity(users: FixtureClientUser[], cidrBlocks: string[], at: string, fail: Fail): void {
  const staticIpHolders = new Map(users.filter((user) => user.clientIp !== null).map((user) => [user.clientIp, user.userName]));
  const onlineIps = new Set<string>();
  users.forEach((user, u) => {
    const uat = `${at}/clientUsers/${u}`;
    (user.onlineClients ?? []).forEach(({ clientIp }, c) => {
      const heldByAnother = (ip: string) => onlineIps.has(ip) || (staticIpHolders.has(ip) && staticIpHolders.get(ip) !== user.userName);
      const problem = onlineAddressProblem(clientIp, cidrBlocks, user.clientIp, heldByAnother);
      if (problem) fail(`${uat}/onlineClients/${c}/clientIp`, problem);
      onlineIps.add(clientIp);
    });
    const months = new Set<string | undefined>();
    (user.traffic ?? []).forEach(({ month }, t) => {
      if (months.has(month)) fail(`${uat}/traffic/${t}/month`, `the traffic of ${month ?? 'the current month'} is given twice`);
      months.add(month);
    });
  });
}
