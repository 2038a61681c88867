/**
 * Accounts made on demand: each gets a fresh AccessKey pair and, optionally,
 * its own instances, so parallel test workers work on isolated state
 * without resetting each other. Its state as created is its reset point
 * (POST /_emulator/reset?account=ID goes back to it).
 */
import { randomInt } from 'node:crypto';
import type { Emulator } from '../emulator';
import { apiError } from '../protocol/errors';
import { applyFixture, FixtureError, validateFixture, type Fixture } from '../fixtures/loader';
import type { Store } from '../storage/store';
import { ACCOUNT_ID_PATTERN, bodyChecker, invalidFixture, invalidRequest } from './input';

// Field names: an account object names itself `id` (here, in GET /_emulator/state and in fixtures);
// an object that points at an account says `accountId` (journal entries).
export interface CreateAccountInput {
  /** A 16-digit uid; a fresh one when absent. */
  id?: string;
  name?: string;
  /** The account's resources, in the fixture format of one account (instances, acls, ...; not id, name or keys). */
  fixture?: Record<string, unknown>;
}

export interface CreatedAccount {
  id: string;
  accessKeyId: string;
  accessKeySecret: string;
}

export interface AccountView {
  id: string;
  name: string;
  accessKeyIds: string[];
}

const checkInput = bodyChecker<CreateAccountInput>({
  type: 'object',
  additionalProperties: false,
  properties: {
    id: { type: 'string', pattern: ACCOUNT_ID_PATTERN },
    name: { type: 'string', maxLength: 128 },
    // The fixture schema checks the sections; the account's own fields come from this body.
    fixture: { type: 'object' },
  },
});

/** Fields of a fixture account that this call sets itself. */
const OWN_FIELDS = ['id', 'name', 'accessKeys'];

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** Current Alibaba Cloud AccessKeyIds: LTAI5t and 18 more, 24 characters; secrets are 30. */
const KEY_ID_PREFIX = 'LTAI5t';
const KEY_ID_LENGTH = 24;
const SECRET_LENGTH = 30;

export function createAccount(emulator: Emulator, input: unknown): CreatedAccount {
  const { id: given, name = '', fixture } = checkInput(input);
  const own = OWN_FIELDS.find((field) => fixture && field in fixture);
  if (own) throw invalidRequest(`At /fixture: ${own} is the account's own field; give id and name beside fixture, keys are made fresh.`);
  const { store } = emulator;
  if (given !== undefined && store.accounts.find(given)) {
    throw apiError('Emulator.AccountExists', { description: `Account ${given} already exists.` });
  }
  const accountId = given ?? freshAccountId(store);
  const key = { accessKeyId: freshAccessKeyId(store), accessKeySecret: randomText(SECRET_LENGTH) };
  const seed = accountFixture({ ...fixture, id: accountId, name, accessKeys: [key] });
  store.transaction(() => {
    applyFixture(store, seed, Date.now());
    store.snapshots.saveAccountBaseline(accountId, store.snapshots.captureAccount(accountId));
  });
  return { id: accountId, ...key };
}

/** Every account with its AccessKeyIds; secrets never leave through the control plane listing. */
export function listAccounts(emulator: Emulator): AccountView[] {
  const { accounts } = emulator.store;
  return accounts.list().map((account) => ({
    id: account.id,
    name: account.name,
    accessKeyIds: accounts.keysOf(account.id).map((key) => key.accessKeyId),
  }));
}

/**
 * Checked exactly as a fixture file; a problem in a section is reported
 * at its path in the request body (/fixture/instances/..., /fixture/acls/...).
 */
function accountFixture(account: Record<string, unknown>): Fixture {
  try {
    return validateFixture({ accounts: [account] }, 'request body');
  } catch (error) {
    if (!(error instanceof FixtureError)) throw error;
    throw invalidFixture(error.jsonPath.replace(/^\/accounts\/0(?=\/|$)/, '/fixture'), error.reason);
  }
}

function freshAccountId(store: Store): string {
  for (;;) {
    const id = String(randomInt(1, 10)) + digits(15);
    if (!store.accounts.find(id)) return id;
  }
}

function freshAccessKeyId(store: Store): string {
  for (;;) {
    const id = KEY_ID_PREFIX + randomText(KEY_ID_LENGTH - KEY_ID_PREFIX.length);
    if (!store.accounts.findKey(id)) return id;
  }
}

function digits(count: number): string {
  let text = '';
  for (let i = 0; i < count; i++) text += String(randomInt(10));
  return text;
}

function randomText(length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) text += ALPHANUMERIC[randomInt(ALPHANUMERIC.length)];
  return text;
}
