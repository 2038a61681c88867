/**
 * In-process use from Node tests: `startEmulator(options)` listens on a
 * free loopback port and hands back the URL, the default credentials and
 * the control plane as plain calls (the same functions the /_emulator/
 * routes use, so they fail with the same ApiError codes; the message says
 * it all, the Description included).
 */
import type { FastifyInstance } from 'fastify';
import { defaultConfig, type EmulatorConfig } from './config';
import { ApiError } from './protocol/errors';
import { buildApp } from './app';
import { DEFAULT_ACCESS_KEY_ID, DEFAULT_ACCESS_KEY_SECRET } from './fixtures/defaults';
import type { Fixture } from './fixtures/loader';
import { createAccount, type CreateAccountInput, type CreatedAccount } from './control/accounts';
import { resetAccount, resetAll, seed, type SeedResult } from './control/state';
import type { JournalEntry } from './control/journal';
import { findRequests, type RequestQuery } from './control/journal-query';
import type { FaultRule, FaultRuleInput } from './control/faults';
import type { SnapshotView } from './control/snapshots';
import { closeWithGrace } from './close-with-grace';

export interface StartedEmulator {
  /** e.g. http://127.0.0.1:41234 (pop-core's endpoint; openapi clients take host:port). */
  url: string;
  port: number;
  /** The default account's key pair. */
  accessKeyId: string;
  accessKeySecret: string;
  app: FastifyInstance;
  /** Everything back to the fixtures (journal and faults cleared), or one account only. */
  reset(options?: { account?: string }): void;
  /** Applies a fixture (validated as fixture files are) on top of the current state. */
  seed(fixture: Fixture): SeedResult;
  snapshot(name: string): SnapshotView;
  restore(name: string): void;
  /** Journal entries, oldest first. */
  requests(filter?: RequestQuery): JournalEntry[];
  /** A new account with its own key pair, for a test worker of its own. */
  createAccount(options?: CreateAccountInput): CreatedAccount;
  addFault(rule: FaultRuleInput): FaultRule;
  clearFaults(): void;
  close(): Promise<void>;
}

/** Settings as the CLI takes them: `fixtures: 'none'` starts with only the default account, as `--fixtures none` does. */
export type StartOptions = Partial<Omit<EmulatorConfig, 'fixtures'>> & { fixtures?: string | null };

export async function startEmulator(options: StartOptions = {}): Promise<StartedEmulator> {
  const config: EmulatorConfig = { ...defaultConfig(), port: 0, logLevel: 'silent', ...options, fixtures: fixturesOf(options) };
  const app = await buildApp(config);
  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const { emulator } = app;
  // Like the control plane's routes, these read and change committed state: an API call of the
  // current turn, if any, commits first (storage/store.ts, group commit).
  const committed = <A extends unknown[], R>(work: (...args: A) => R) => explained((...args: A): R => {
    emulator.store.group.commit();
    return work(...args);
  });
  return {
    url: `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`,
    port,
    accessKeyId: DEFAULT_ACCESS_KEY_ID,
    accessKeySecret: DEFAULT_ACCESS_KEY_SECRET,
    app,
    reset: committed((resetOptions = {}) => (resetOptions.account === undefined ? resetAll(emulator) : resetAccount(emulator, resetOptions.account))),
    seed: committed((fixture) => seed(emulator, fixture)),
    snapshot: committed((name) => emulator.snapshots.save(name)),
    restore: committed((name) => emulator.snapshots.restore(name)),
    requests: explained((filter) => findRequests(emulator.journal, filter)),
    createAccount: committed((accountOptions = {}) => createAccount(emulator, accountOptions)),
    addFault: explained((rule) => emulator.faults.add(rule)),
    clearFaults: () => {
      emulator.faults.clear();
    },
    close: () => closeWithGrace(app),
  };
}

function fixturesOf(options: StartOptions): string | null {
  if (!('fixtures' in options) || options.fixtures === undefined) return defaultConfig().fixtures;
  return options.fixtures === 'none' ? null : options.fixtures;
}

/**
 * A control-plane error as a thrown Error: over HTTP the envelope's Message
 * and Description are two fields, in process `message` carries both (code,
 * status and details stay as they are).
 */
function explained<A extends unknown[], R>(work: (...args: A) => R): (...args: A) => R {
  return (...args) => {
    try {
      return work(...args);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const description = error.details.description ? ` ${error.details.description}` : '';
      throw new ApiError(error.code, error.status, `${error.code}: ${error.message}${description}`, error.details);
    }
  };
}

export { buildApp } from './app';
export { defaultConfig, resolveConfig, type EmulatorConfig } from './config';
export { ApiError };
export type { Fixture } from './fixtures/loader';
export type { CreateAccountInput, CreatedAccount } from './control/accounts';
export type { JournalEntry } from './control/journal';
export type { RequestQuery } from './control/journal-query';
export type { FaultRule, FaultRuleInput } from './control/faults';
export type { SnapshotView } from './control/snapshots';
export type { SeedResult } from './control/state';
