/**
 * In-process use from Node tests: `startEmulator(options)` listens on a
 * free loopback port and hands back the URL, the default credentials and
 * the control plane as plain calls (the same functions the /_emulator/
 * routes use, so they fail with the same ApiError codes).
 */
import type { FastifyInstance } from 'fastify';
import { defaultConfig, type EmulatorConfig } from './config';
import { buildApp } from './app';
import { DEFAULT_ACCESS_KEY_ID, DEFAULT_ACCESS_KEY_SECRET } from './fixtures/defaults';
import type { Fixture } from './fixtures/loader';
import { createAccount, type CreateAccountInput, type CreatedAccount } from './control/accounts';
import { resetAccount, resetAll, seed, type SeedResult } from './control/state';
import type { JournalEntry } from './control/journal';
import { findRequests, type RequestQuery } from './control/journal-query';
import type { FaultRule, FaultRuleInput } from './control/faults';
import type { SnapshotView } from './control/snapshots';

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

export async function startEmulator(options: Partial<EmulatorConfig> = {}): Promise<StartedEmulator> {
  const config: EmulatorConfig = { ...defaultConfig(), port: 0, logLevel: 'silent', ...options };
  const app = await buildApp(config);
  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const { emulator } = app;
  // Like the control plane's routes, these read and change committed state: an API call of the
  // current turn, if any, commits first (storage/store.ts, group commit).
  const committed = <A extends unknown[], R>(work: (...args: A) => R) => (...args: A): R => {
    emulator.store.group.commit();
    return work(...args);
  };
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
    requests: (filter) => findRequests(emulator.journal, filter),
    createAccount: committed((accountOptions = {}) => createAccount(emulator, accountOptions)),
    addFault: (rule) => emulator.faults.add(rule),
    clearFaults: () => {
      emulator.faults.clear();
    },
    close: () => app.close(),
  };
}

export { buildApp } from './app';
export { defaultConfig, resolveConfig, type EmulatorConfig } from './config';
export { ApiError } from './protocol/errors';
export type { Fixture } from './fixtures/loader';
export type { CreateAccountInput, CreatedAccount } from './control/accounts';
export type { JournalEntry } from './control/journal';
export type { RequestQuery } from './control/journal-query';
export type { FaultRule, FaultRuleInput } from './control/faults';
export type { SnapshotView } from './control/snapshots';
export type { SeedResult } from './control/state';
