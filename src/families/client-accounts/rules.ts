/** Rules of client accounts of SAG APP instances (behaviour.md "Client account"). */
import { apiError } from '../../protocol/errors';
import type { ClientUserRepository } from './client-users-table';
import type { Instance } from '../instances/instances-table';
import { isAssignableIn } from '../../model/cidr';

/** State of an account: its clients may connect, or not. */
export const ENABLED_STATE = 0;
export const DISABLED_STATE = 1;

/** Documented range of an account's bandwidth, in Kbps; an instance's ceiling may be lower. */
const MIN_USER_BANDWIDTH = 1;
const MAX_USER_BANDWIDTH = 20000;

export function isInBandwidthRange(kbps: number): boolean {
  return kbps >= MIN_USER_BANDWIDTH && kbps <= MAX_USER_BANDWIDTH;
}

/** What an instance needs to know of an account it is asked to take. */
export interface AccountCandidate {
  userName: string;
  bandwidth: number;
  clientIp: string | null;
}

/**
 * Whether `instance` takes one more account, shared by account creation
 * and roaming (RoamClientUser checks 9 to 12, in that order): the name is
 * free, the quota not used up, the bandwidth within the instance's ceiling
 * and a static IP assignable and free there.
 */
export function checkInstanceAccepts(users: ClientUserRepository, instance: Instance, candidate: AccountCandidate): void {
  if (users.exists(instance.accountId, instance.id, candidate.userName)) throw apiError('ClientUser.UserExist');
  if (users.count(instance.accountId, instance.id) >= instance.userQuota) throw apiError('ClientUser.UserOverLimit');
  if (candidate.bandwidth > instance.maxBandwidth) throw apiError('ClientUser.BandwidthInvalid');
  if (candidate.clientIp !== null && !isStaticIpFree(users, instance, candidate.clientIp)) {
    throw apiError('ClientUser.InvalidClientIp');
  }
}

function isStaticIpFree(users: ClientUserRepository, instance: Instance, clientIp: string): boolean {
  return isAssignableIn(clientIp, instance.cidrBlocks) && !users.isIpTaken(instance.accountId, instance.id, clientIp);
}

/**
 * Why a client of an account cannot come online at `clientIp`, or
 * undefined: an account with a static IP always connects with it; any
 * other address must be assignable from the instance's blocks and not held
 * by another client or reserved as another account's static IP. For whoever
 * stages sessions (fixtures, control plane).
 */
export function onlineAddressProblem(
  clientIp: string,
  cidrBlocks: readonly string[],
  staticIp: string | null,
  heldByAnother: (clientIp: string) => boolean,
): string | undefined {
  if (staticIp !== null && clientIp !== staticIp) return `the account always connects with its static IP ${staticIp}`;
  if (!isAssignableIn(clientIp, cidrBlocks)) return `${clientIp} is not an assignable address of the instance's CIDR blocks`;
  if (heldByAnother(clientIp)) return `${clientIp} is held by another client or account of the instance`;
  return undefined;
}

export const KBPS_PER_MBPS = 1000;

/** Documented: an account without its own setting gets the instance's peak, at most 5 Mbps. */
const DEFAULT_ACCELERATE_CAP_MBPS = 5;

/** An account's application-acceleration peak in Kbps, given the instance's peak in Mbps. */
export function effectiveAccelerateBandwidth(ownSetting: number | null, instancePeakMbps: number): number {
  return ownSetting ?? Math.min(instancePeakMbps, DEFAULT_ACCELERATE_CAP_MBPS) * KBPS_PER_MBPS;
}
