/** Reset (everything, or one account) and seed (a fixture applied on top of the current state). */
import type { Emulator } from '../emulator';
import { apiError } from '../protocol/errors';
import { applyFixture, FixtureError, validateFixture, type Fixture } from '../fixtures/loader';
import { checkJsonDepth, invalidFixture, invalidRequest } from './input';
import { imageHoldsAccount } from '../storage/snapshots';

const ACCOUNT_ID = /^[0-9]{16}$/;

/**
 * Back to the baseline the fixtures define: accounts created since are
 * gone, the journal and the fault rules are cleared. Snapshots stay.
 */
export function resetAll(emulator: Emulator): void {
  emulator.reset();
  emulator.journal.clear();
  emulator.faults.clear();
}

/**
 * One account's rows back to its reset point, every other account untouched
 * (as are the journal and the fault rules, which other workers may rely on).
 * The reset point of an account made by POST /_emulator/accounts is its
 * state as created; of a fixture account, the baseline's rows. An account
 * in neither (added by a seed) is removed, as the baseline has none of it.
 */
export function resetAccount(emulator: Emulator, accountId: string): void {
  if (!ACCOUNT_ID.test(accountId)) throw invalidRequest(`At ?account: "${accountId}" is not a 16-digit account id.`);
  const { store } = emulator;
  const resetPoint = store.snapshots.loadAccountBaseline(accountId)
    ?? (imageHoldsAccount(emulator.baseline, accountId) ? emulator.baseline : undefined);
  if (!resetPoint && !store.accounts.find(accountId)) {
    throw apiError('Emulator.AccountNotFound', { description: `No account ${accountId}.` });
  }
  store.snapshots.applyAccount(accountId, resetPoint ?? {});
}

export interface SeedResult {
  /** The accounts the fixture wrote, each replaced whole. */
  accounts: string[];
}

/** Validated exactly as a fixture file, then written in one transaction. */
export function seed(emulator: Emulator, data: unknown): SeedResult {
  const fixture = checkedFixture(data);
  checkKeysFree(emulator, fixture);
  try {
    applyFixture(emulator.store, fixture, Date.now(), 'request body');
  } catch (error) {
    // A new AccessKey without its secret: known only once the accounts it replaces are read.
    if (error instanceof FixtureError) throw invalidFixture(error.jsonPath, error.reason);
    throw error;
  }
  return { accounts: fixture.accounts.map((account) => account.id) };
}

function checkedFixture(data: unknown): Fixture {
  checkJsonDepth(data);
  try {
    return validateFixture(data, 'request body');
  } catch (error) {
    if (error instanceof FixtureError) throw invalidFixture(error.jsonPath, error.reason);
    throw error;
  }
}

/** An AccessKeyId held by an account the fixture does not replace would collide. */
function checkKeysFree(emulator: Emulator, fixture: Fixture): void {
  const replaced = new Set(fixture.accounts.map((account) => account.id));
  fixture.accounts.forEach((account, a) => {
    (account.accessKeys ?? []).forEach((key, k) => {
      const holder = emulator.store.accounts.findKey(key.accessKeyId);
      if (holder && !replaced.has(holder.accountId)) {
        throw invalidFixture(`/accounts/${a}/accessKeys/${k}/accessKeyId`, `AccessKey ${key.accessKeyId} belongs to account ${holder.accountId}`);
      }
    });
  });
}
