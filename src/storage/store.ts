import { openDatabase, type Db } from './database';
import { createAccountRepository } from './accounts';
import { createInstanceRepository } from './instances';
import { createClientUserRepository } from './client-users';
import { createOnlineClientRepository } from './online-clients';
import { createClientTrafficRepository } from './client-traffic';
import { createAppClientSettingsRepository } from './app-client-settings';
import { createCcnRepository } from './ccns';
import { createEnterpriseCodeRepository } from './enterprise-codes';
import { createSnapshotRepository } from './snapshots';

/** The repositories over one database, each with its statements prepared once. */
export function createStore(db: Db) {
  // One wrapper for the process: db.transaction() builds four wrapper functions on every call,
  // which cost more than the statements of a small call. Nested calls still become savepoints.
  const immediate = db.transaction((work: () => unknown) => work()).immediate;
  return {
    db: db as Db,
    accounts: createAccountRepository(db),
    instances: createInstanceRepository(db),
    clientUsers: createClientUserRepository(db),
    onlineClients: createOnlineClientRepository(db),
    clientTraffic: createClientTrafficRepository(db),
    appClientSettings: createAppClientSettingsRepository(db),
    ccns: createCcnRepository(db),
    enterpriseCodes: createEnterpriseCodeRepository(db),
    snapshots: createSnapshotRepository(db),
    /** Runs `work` in one immediate transaction: a writer never interleaves with another. */
    transaction<T>(work: () => T): T {
      return immediate(work) as T;
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
