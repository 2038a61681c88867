import { openDatabase, type Db } from './database';
import { createAccountRepository } from './accounts';
import { createInstanceRepository } from './instances';
import { createClientUserRepository } from './client-users';
import { createSnapshotRepository } from './snapshots';

/** The repositories over one database, each with its statements prepared once. */
export function createStore(db: Db) {
  return {
    db: db as Db,
    accounts: createAccountRepository(db),
    instances: createInstanceRepository(db),
    clientUsers: createClientUserRepository(db),
    snapshots: createSnapshotRepository(db),
    /** Runs `work` in one immediate transaction: a writer never interleaves with another. */
    transaction<T>(work: () => T): T {
      return db.transaction(work).immediate();
    },
    close(): void {
      db.close();
    },
  };
}

export type Store = ReturnType<typeof createStore>;

export function openStore(path: string): Store {
  return createStore(openDatabase(path));
}
