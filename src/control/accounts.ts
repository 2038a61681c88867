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
import { ACCOUNT_ID_PATTERN, bodyChecker, invalidFixture } from './input';

export interface CreateAccountInput {
  /** A 16-digit uid; a fresh one when absent. */
  accountId?: string;
  name?: string;
  /** The account's resources, in the fixture format of one account. */
  fixture?: { instances?: unknown[] };
}

export interface CreatedAccount {
  accountId: string;
  accessKeyId: string;
  accessKeySecret: string;
}

export interface AccountView {
  accountId: string;
  name: string;
  accessKeyIds: string[];
}

const checkInput = bodyChecker<CreateAccountInput>({
  type: 'object',
  additionalProperties: false,
  properties: {
    accountId: { type: 'string', pattern: ACCOUNT_ID_PATTERN },
    name: { type: 'string', maxLength: 128 },
    fixture: {
      type: 'object',
      additionalProperties: false,
      properties: { instances: { type: 'array' } },
    },
  },
});

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** Current Alibaba Cloud AccessKeyIds: LTAI5t and 18 more, 24 characters; secrets are 30. */
const KEY_ID_PREFIX = 'LTAI5t';
const KEY_ID_LENGTH = 24;
const SECRET_LENGTH = 30;

export function createAccount(emulator: Emulator, input: unknown): CreatedAccount {
  const { accountId: given, name = '', fixture } = checkInput(input);
  const { store } = emulator;
  if (given !== undefined && store.accounts.find(given)) {
    throw apiError('Emulator.AccountExists', { description: `Account ${given} already exists.` });
  }
  const accountId = given ?? freshAccountId(store);
  const key = { accessKeyId: freshAccessKeyId(store), accessKeySecret: randomText(SECRET_LENGTH) };
  const seed = accountFixture({ id: accountId, name, accessKeys: [key], instances: fixture?.instances ?? [] });
  store.transaction(() => {
    applyFixture(store, seed, Date.now());
    store.snapshots.saveAccountBaseline(accountId, store.snapshots.captureAccount(accountId));
  });
  return { accountId, ...key };
}

/** Every account with its AccessKeyIds; secrets never leave through the control plane listing. */
export function listAccounts(emulator: Emulator): AccountView[] {
  const { accounts } = emulator.store;
  return accounts.list().map((account) => ({
    accountId: account.id,
    name: account.name,
    accessKeyIds: accounts.keysOf(account.id).map((key) => key.accessKeyId),
  }));
}

/**
 * Checked exactly as a fixture file; a problem in the instances is reported
 * at its path in the request body (/fixture/instances/...).
 */
function accountFixture(account: Record<string, unknown>): Fixture {
  try {
    return validateFixture({ accounts: [account] }, 'request body');
  } catch (error) {
    if (!(error instanceof FixtureError)) throw error;
    throw invalidFixture(error.jsonPath.replace(/^\/accounts\/0\/instances/, '/fixture/instances'), error.reason);
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
