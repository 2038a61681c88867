import { openDatabase, type Db } from './database';
import { createAccountRepository } from './accounts';
import { createInstanceRepository } from '../families/instances/instances-table';
import { createClientUserRepository } from '../families/client-accounts/client-users-table';
import { createOnlineClientRepository } from '../families/client-accounts/online-clients-table';
import { createClientTrafficRepository } from '../families/client-accounts/client-traffic-table';
import { createAppClientSettingsRepository } from '../families/client-accounts/app-client-settings-table';
import { createCcnRepository } from '../families/ccns/ccns-table';
import { createEnterpriseCodeRepository } from '../families/enterprise-codes/enterprise-codes-table';
import { createSnapshotRepository } from './snapshots';
import { createReadCaches, type ReadCaches } from './read-cache';
import { createAssociations } from '../families/shared/associations';
import { createAclTables } from '../families/acls/acls-table';
import { createNatTables } from '../families/nat/nat-table';
import { createVbrTables } from '../families/vbr/vbr-table';
import { createGrantTables } from '../families/ccn-grants/grants-table';
import { createFlowLogTables } from '../families/flow-logs/flow-logs-table';
import { createQosTables } from '../families/qos/qos-table';

/** Client accounts the read cache keeps at most (about 0.5 KB each). */
const CACHED_CLIENT_USERS = 10_000;
/** Read answers kept until the next change (a page of 50 instances is about 60 KB). */
const CACHED_READ_ANSWERS = 256;

/** The repositories over one database, each with its statements prepared once. */
export function createStore(db: Db) {
  // One wrapper for the process: db.transaction() builds four wrapper functions on every call,
  // which cost more than the statements of a small call. Nested calls still become savepoints.
  const immediate = db.transaction((work: () => unknown) => work()).immediate;
  // The lookups of nearly every call are cached (read-cache.ts says why that is always safe).
  const caches = createReadCaches(db);
  const group = createGroupCommit(db, caches);
  const accounts = createAccountRepository(db);
  const instances = createInstanceRepository(db);
  const clientUsers = createClientUserRepository(db, caches);
  const snapshots = createSnapshotRepository(db);
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
    clientUsers: {
      ...clientUsers,
      // RoamClientUser reads its source account on every call; a roam's insert forgets only the row it adds.
      find: caches.wrapRows('client_users', ['account_id', 'instance_id', 'user_name'], clientUsers.find, (user) => ({ ...user }), CACHED_CLIENT_USERS),
    },
    /**
     * The answers of reads (dispatcher.ts), by caller, action and parameters, until any row of
     * any table changes: a client polling a Describe between writes, as the Terraform provider
     * does after every write, is answered without reading or building the page again.
     */
    readAnswers: caches.untilAnyChange((_key: string, read: () => object) => read(), (key) => key, CACHED_READ_ANSWERS),
    onlineClients: createOnlineClientRepository(db),
    clientTraffic: createClientTrafficRepository(db),
    appClientSettings: createAppClientSettingsRepository(db),
    ccns: createCcnRepository(db),
    enterpriseCodes: createEnterpriseCodeRepository(db),
    associations: createAssociations(db),
    ...createAclTables(db, caches),
    ...createNatTables(db, caches),
    ...createVbrTables(db, caches),
    ...createGrantTables(db, caches),
    ...createFlowLogTables(db, caches),
    ...createQosTables(db, caches),
    snapshots: {
      ...snapshots,
      // A restore inserts rows no cache is told of, and a failed one rolls back: either way the caches start afresh.
      apply: afterwardsClear(snapshots.apply, caches),
      applyAccount: afterwardsClear(snapshots.applyAccount, caches),
    },
    /**
     * Runs `work` in one immediate transaction: a writer never interleaves with another.
     * Inside a group (below) it is a savepoint: `work` is still all or nothing.
     */
    transaction<T>(work: () => T): T {
      if (!db.inTransaction) caches.transactionStarting();
      try {
        return immediate(work) as T;
      } catch (error) {
        // Rolled back: what the caches learnt inside may be gone (read-cache.ts).
        caches.clearAll();
        throw error;
      }
    },
    group,
    close(): void {
      group.commit();
      db.close();
    },
  };
}

export type Store = ReturnType<typeof createStore>;

function afterwardsClear<A extends unknown[]>(write: (...args: A) => void, caches: ReadCaches): (...args: A) => void {
  return (...args) => {
    try {
      write(...args);
    } finally {
      caches.clearAll();
    }
  };
}

/** SQLITE_FULL, an I/O error and the like end the whole transaction; the failing statement's own error went to its call. */
function rolledBackBySqlite(): Error {
  return new Error('SQLite rolled the group back by itself (the statement that did so failed with its own error)');
}

/** Failed groups remembered for answers still waiting (a failure is rare: a full disk, an I/O error). */
const FAILED_GROUPS_KEPT = 64;

/**
 * Group commit: the API calls of one turn of the event loop share one
 * transaction, which app.ts commits before it writes any of their answers.
 * A file database then writes its WAL once per turn instead of once per call
 * (the pages of consecutive inserts are mostly the same pages), and
 * `:memory:` saves a commit per call. Nothing a client can see changes:
 * calls still run one at a time, each is still atomic (its own transaction
 * becomes a savepoint; a single statement is atomic by itself), and no
 * answer leaves before the writes it reports are committed. If the commit
 * fails, or SQLite rolled the whole transaction back on its own (SQLITE_FULL,
 * an I/O error), the group counts as failed and every call in it is answered
 * InternalError instead of what it would have said.
 */
function createGroupCommit(db: Db, caches: ReadCaches) {
  const begin = db.prepare('BEGIN');
  const commit = db.prepare('COMMIT');
  const rollback = db.prepare('ROLLBACK');
  let open = false;
  let current = 0;
  const failed = new Set<number>();
  let lastFailure: unknown;

  function fail(id: number, cause: unknown): void {
    lastFailure = cause;
    failed.add(id);
    if (failed.size > FAILED_GROUPS_KEPT) failed.delete(failed.values().next().value!);
    // Whatever a cache learnt inside the group may be gone.
    caches.clearAll();
  }

  return {
    /** The id of the open group, opening one (a deferred transaction: a read-only turn writes nothing) if none is. */
    join(): number {
      if (open && !db.inTransaction) {
        // SQLite rolled the group back by itself: its calls are lost.
        open = false;
        fail(current, rolledBackBySqlite());
      }
      if (open) return current;
      if (db.inTransaction) return current; // someone else's transaction: only nested savepoints from here (never the case in app.ts)
      caches.transactionStarting();
      begin.run();
      open = true;
      return ++current;
    },
    /** Commits the open group, if any. Never throws: callers learn of a failure through `committed`, and its cause from `lastFailure`. */
    commit(): void {
      if (!open) return;
      open = false;
      if (!db.inTransaction) {
        fail(current, rolledBackBySqlite());
        return;
      }
      try {
        commit.run();
      } catch (error) {
        if (db.inTransaction) rollback.run();
        fail(current, error);
      }
    },
    /** Whether the calls of group `id` are committed (or still open, so nothing has failed yet). */
    committed(id: number): boolean {
      return !failed.has(id);
    },
    /** Why the last failed group failed (the SQLite error of its COMMIT), for the log. */
    get lastFailure(): unknown {
      return lastFailure;
    },
  };
}

export type GroupCommit = ReturnType<typeof createGroupCommit>;

export function openStore(path: string): Store {
  return createStore(openDatabase(path));
}
