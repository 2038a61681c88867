/**
 * The emulator's runtime: configuration, the state store, the baseline the
 * fixtures define, the journal and the authentication environment. The
 * HTTP layer (app.ts) and the in-process API (index.ts) both drive it.
 */
import type { EmulatorConfig } from './config';
import { openStore, type Store } from './storage/store';
import type { StateImage } from './storage/snapshots';
import { applyFixture, ensureDefaultAccount, readFixtureFile, type Fixture } from './fixtures/loader';
import { DEFAULT_ACCOUNT_ID } from './fixtures/defaults';
import { Journal } from './control/journal';
import { rereadParams } from './protocol/read-request';
import { FaultRules } from './control/faults';
import { SnapshotLibrary } from './control/snapshots';

export interface Emulator {
  readonly config: EmulatorConfig;
  readonly store: Store;
  readonly journal: Journal;
  /** Fault rules the dispatcher consults on every call (in memory only). */
  readonly faults: FaultRules;
  readonly snapshots: SnapshotLibrary;
  /** The state the fixtures define: what reset goes back to, whole or per account. */
  readonly baseline: StateImage;
  readonly startedAt: number;
  readonly defaultAccountId: string;
  /** Back to the state the fixtures define. */
  reset(): void;
  close(): void;
}

export function openEmulator(config: EmulatorConfig): Emulator {
  const fixture = config.fixtures === null ? { accounts: [] } : readFixtureFile(config.fixtures);
  const store = openStore(config.db);
  let baseline: StateImage;
  try {
    baseline = loadBaseline(store, fixture, config.db);
  } catch (error) {
    store.close();
    throw error;
  }
  return {
    config,
    store,
    journal: new Journal(config.journalSize, (url, body) => rereadParams(url, body, config), config.journalBodies),
    faults: new FaultRules(),
    snapshots: new SnapshotLibrary(store),
    baseline,
    startedAt: Date.now(),
    defaultAccountId: DEFAULT_ACCOUNT_ID,
    reset: () => store.snapshots.apply(baseline),
    close: () => store.close(),
  };
}

/**
 * A fresh database gets the fixtures. A file database that already holds
 * state keeps it (that is what --db is for); its baseline for reset is still
 * the fixture file, built aside in memory.
 */
function loadBaseline(store: Store, fixture: Fixture, dbPath: string): StateImage {
  if (store.accounts.list().length === 0) {
    applyFixture(store, fixture, Date.now());
    return store.snapshots.capture();
  }
  if (dbPath === ':memory:') throw new Error('unreachable: a new in-memory database is empty');
  const scratch = openStore(':memory:');
  try {
    applyFixture(scratch, fixture, Date.now());
    return scratch.snapshots.capture();
  } finally {
    scratch.close();
    store.transaction(() => ensureDefaultAccount(store));
  }
}
