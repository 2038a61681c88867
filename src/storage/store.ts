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
import { createReadCaches } from './read-cache';

/** The repositories over one database, each with its statements prepared once. */
export function createStore(db: Db) {
  // One wrapper for the process: db.transaction() builds four wrapper functions on every call,
  // which cost more than the statements of a small call. Nested calls still become savepoints.
  const immediate = db.transaction((work: () => unknown) => work()).immediate;
  // The lookups of nearly every call are cached (read-cache.ts says why that is always safe).
  const caches = createReadCaches(db);
  const accounts = createAccountRepository(db);
  const instances = createInstanceRepository(db);
  return {
    db: db as Db,
    accounts: {
      ...accounts,
      findKey: caches.wrap('access_keys', accounts.findKey, (id) => id, (key) => ({ ...key })),
    },
    instances: {
      ...instances,
      findInRegion: caches.wrap(
        'instances',
        instances.findInRegion,
        (accountId, regionId, id) => `${accountId}\n${regionId}\n${id}`,
        // Every field of an Instance is a primitive but its CIDR list.
        (instance) => ({ ...instance, cidrBlocks: [...instance.cidrBlocks] }),
      ),
    },
    clientUsers: createClientUserRepository(db),
    onlineClients: createOnlineClientRepository(db),
    clientTraffic: createClientTrafficRepository(db),
    appClientSettings: createAppClientSettingsRepository(db),
    ccns: createCcnRepository(db),
    enterpriseCodes: createEnterpriseCodeRepository(db),
    snapshots: createSnapshotRepository(db),
    /** Runs `work` in one immediate transaction: a writer never interleaves with another. */
    transaction<T>(work: () => T): T {
      if (!db.inTransaction) caches.transactionStarting();
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
