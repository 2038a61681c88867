/** Identifiers the service mints: resource ids, order numbers, resource groups. */
import { createHash, randomInt } from 'node:crypto';

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** `sag-`, `ccn-`, ... and 18 random lower-case letters and digits, like the real ids. */
export function newResourceId(prefix: string): string {
  let suffix = '';
  for (let i = 0; i < 18; i++) suffix += ID_ALPHABET[randomInt(ID_ALPHABET.length)];
  return `${prefix}-${suffix}`;
}

/** A 15-digit order number, the shape billing answers. */
export function newOrderId(): string {
  return String(randomInt(100_000, 1_000_000)) + String(randomInt(0, 1_000_000_000)).padStart(9, '0');
}

/**
 * Every resource sits in its account's default resource group (resource
 * groups are not modelled): an id derived from the account, so it is stable
 * across calls and restarts and differs between accounts.
 */
export function defaultResourceGroupId(accountId: string): string {
  let id = resourceGroupIds.get(accountId);
  if (id === undefined) {
    // Every list item shows it: one SHA-256 per item was 2.8 µs of a 50 µs item, so it is worked out once per account.
    if (resourceGroupIds.size >= MEMOISED_ACCOUNTS) resourceGroupIds.clear();
    const digest = BigInt(`0x${createHash('sha256').update(accountId).digest('hex').slice(0, 15)}`);
    id = `rg-acfm${digest.toString(36).padStart(11, '0').slice(0, 11)}`;
    resourceGroupIds.set(accountId, id);
  }
  return id;
}

/** Accounts whose resource group id is remembered (a few dozen bytes each); past it the memo starts afresh. */
const MEMOISED_ACCOUNTS = 10_000;
const resourceGroupIds = new Map<string, string>();
