/**
 * Read caches in front of the lookups nearly every API call makes: the
 * instances a call names (RoamClientUser reads two), for a signed call its
 * AccessKey, the client account RoamClientUser roams, and how many accounts
 * an instance holds (its quota check). Reading and mapping an instance's
 * 22-column row costs about 7 µs, twice that under load; a client account's
 * row, found through its primary key in a table of 300,000, about 4 µs; a
 * hit costs well under 1 µs (BENCHMARKS.md).
 *
 * A cache never answers what the database does not hold:
 * - a change to its table, whichever code makes it (repositories, snapshots,
 *   fixtures, an account's cascading delete), calls back through TEMP
 *   triggers of this connection, which empty the cache (`wrap`) or forget
 *   the rows or counts changed (`wrapRows`, `countRows`). Inserts are the
 *   exception where a trigger on every insert would cost the hot path
 *   (client accounts: every roam inserts one): an inserted row cannot make a
 *   cached row wrong (a row is cached by its primary key only once found, so
 *   the same key cannot be inserted again), and counts are told of inserts
 *   by the repository that makes them (`added`);
 * - whatever is rolled back can have been cached, so every rollback empties
 *   every cache of the connection (`clearAll`): a failed group commit, a
 *   store transaction that throws, a snapshot restore (store.ts);
 * - a row read inside a transaction after that transaction changed it
 *   (`wrapRows`) is not cached, since it may yet be rolled back.
 *   `transactionStarting()` (store.transaction) and any read outside a
 *   transaction clear that mark;
 * - a file database committed to by another connection (PRAGMA data_version
 *   moves) empties every cache (the emulator's own file databases are
 *   exclusive, so this is for a database opened otherwise).
 * Callers get copies, so they may change what they are given.
 */
import type { Db } from './database';

/** Unique SQL function and trigger names when one connection has several stores. */
let functions = 0;

/** What empties each cache of a connection, whichever ReadCaches made it: a rollback concerns them all. */
const clearsOfConnection = new WeakMap<Db, (() => void)[]>();

export interface ReadCaches {
  /** `lookup`, cached by `keyOf` of its arguments, emptied by any change to `table`. */
  wrap<A extends unknown[], T extends object>(
    table: string,
    lookup: (...args: A) => T | undefined,
    keyOf: (...args: A) => string,
    copy: (value: T) => T,
  ): (...args: A) => T | undefined;
  /**
   * `lookup` of one row by the values of `keyColumns` (its arguments, in that order), cached
   * per row: a change to a row forgets that row only, so a table written all the time (client
   * accounts: every roam inserts one) still serves its other rows from the cache. At most
   * `maxEntries` rows are kept, the oldest dropped first.
   */
  wrapRows<T extends object>(
    table: string,
    keyColumns: string[],
    lookup: (...key: string[]) => T | undefined,
    copy: (value: T) => T,
    maxEntries: number,
  ): (...key: string[]) => T | undefined;
  /**
   * How many rows of `table` share each set of values of `groupColumns` (client accounts per
   * instance), cached per group: `count` reads `lookup` on a miss. Deletes and updates of the
   * group columns forget the group's count (TEMP triggers); inserts are not seen by a trigger,
   * so whoever inserts a row calls `added` once its statement has succeeded, and a bulk path
   * that inserts by other means (a snapshot restore) ends with `clearAll`.
   */
  countRows(
    table: string,
    groupColumns: string[],
    lookup: (...group: string[]) => number,
  ): RowCounts;
  /**
   * `lookup`, cached by `keyOf` of its arguments for as long as this connection changes no row
   * of any table: SQLite's total_changes() counts every insert, update and delete, cascades and
   * trigger changes included, and reading it costs about 0.15 µs. For reads whose cost grows
   * with the table, such as a filtered list's TotalCount, that a polling client repeats between
   * writes. At most `maxEntries` results are kept, the oldest dropped first.
   */
  untilAnyChange<A extends unknown[], T>(
    lookup: (...args: A) => T,
    keyOf: (...args: A) => string,
    maxEntries: number,
  ): (...args: A) => T;
  /** Call before starting an outermost transaction. */
  transactionStarting(): void;
  /** Forgets everything every cache of this connection holds (a rollback, a restore). */
  clearAll(): void;
}

export interface RowCounts {
  count(...group: string[]): number;
  /** One row of the group was inserted. */
  added(...group: string[]): void;
}

export function createReadCaches(db: Db): ReadCaches {
  const resets: (() => void)[] = [];
  const clears = clearsOfConnection.get(db) ?? [];
  clearsOfConnection.set(db, clears);
  // Only a file shared with other connections can change under us: not `:memory:`, and not a
  // file held in exclusive locking mode (storage/database.ts), which no other connection can write.
  const shared = !db.memory && db.pragma('locking_mode', { simple: true }) !== 'exclusive';
  const dataVersion = shared ? db.prepare('PRAGMA data_version').pluck() : undefined;
  let seenVersion = dataVersion?.get();
  const totalChanges = db.prepare('SELECT total_changes()').pluck();

  /** Another connection's commit, seen by a file database: nothing cached can be trusted. */
  function checkOtherConnections(): void {
    if (!dataVersion) return;
    const version = dataVersion.get();
    if (version === seenVersion) return;
    seenVersion = version;
    for (const clear of clears) clear();
  }

  return {
    wrap(table, lookup, keyOf, copy) {
      const cache = new Map<string, ReturnType<typeof copy>>();
      let changedInTransaction = false;
      const changed = `smartag_${table}_changed_${++functions}`;
      db.function(changed, { deterministic: false }, () => {
        cache.clear();
        changedInTransaction = true;
        return null;
      });
      for (const event of ['insert', 'update', 'delete']) {
        db.exec(`CREATE TEMP TRIGGER ${changed}_${event} AFTER ${event.toUpperCase()} ON main.${table} BEGIN SELECT ${changed}(); END`);
      }
      resets.push(() => {
        changedInTransaction = false;
      });
      clears.push(() => cache.clear());
      return (...args) => {
        checkOtherConnections();
        if (!db.inTransaction) changedInTransaction = false;
        const key = keyOf(...args);
        const cached = cache.get(key);
        if (cached) return copy(cached);
        const found = lookup(...args);
        if (found && !changedInTransaction) cache.set(key, copy(found));
        return found;
      };
    },
    wrapRows(table, keyColumns, lookup, copy, maxEntries) {
      const cache = new Map<string, ReturnType<typeof copy>>();
      // Rows changed by the open transaction: read again, they are not cached (it may yet roll back).
      const changedInTransaction = new Set<string>();
      // keyColumns are the table's primary key, so inserts need no trigger (see the header).
      onUpdateOrDelete(db, table, 'row_changed', keyColumns, (key) => {
        const changed = rowKey(key);
        cache.delete(changed);
        changedInTransaction.add(changed);
      });
      resets.push(() => changedInTransaction.clear());
      clears.push(() => cache.clear());
      return (...key) => {
        checkOtherConnections();
        if (!db.inTransaction && changedInTransaction.size > 0) changedInTransaction.clear();
        const wanted = rowKey(key);
        const cached = cache.get(wanted);
        if (cached) return copy(cached);
        const found = lookup(...key);
        if (found && !changedInTransaction.has(wanted)) {
          if (cache.size >= maxEntries) cache.delete(cache.keys().next().value!);
          cache.set(wanted, copy(found));
        }
        return found;
      };
    },
    countRows(table, groupColumns, lookup) {
      const counts = new Map<string, number>();
      onUpdateOrDelete(db, table, 'group_changed', groupColumns, (group) => counts.delete(rowKey(group)), { updatesOf: groupColumns });
      clears.push(() => counts.clear());
      return {
        count(...group) {
          checkOtherConnections();
          const key = rowKey(group);
          let count = counts.get(key);
          if (count === undefined) counts.set(key, count = lookup(...group));
          return count;
        },
        added(...group) {
          const key = rowKey(group);
          const count = counts.get(key);
          if (count !== undefined) counts.set(key, count + 1);
        },
      };
    },
    untilAnyChange(lookup, keyOf, maxEntries) {
      const cache = new Map<string, ReturnType<typeof lookup>>();
      let changesSeen = totalChanges.get() as number;
      // A rollback leaves total_changes() where the undone changes took it: clearAll covers it.
      clears.push(() => cache.clear());
      return (...args) => {
        checkOtherConnections();
        const changes = totalChanges.get() as number;
        if (changes !== changesSeen) {
          cache.clear();
          changesSeen = changes;
        }
        const key = keyOf(...args);
        if (cache.has(key)) return cache.get(key)!;
        const value = lookup(...args);
        if (cache.size >= maxEntries) cache.delete(cache.keys().next().value!);
        cache.set(key, value);
        return value;
      };
    },
    transactionStarting() {
      for (const reset of resets) reset();
    },
    clearAll() {
      for (const clear of clears) clear();
    },
  };
}

/**
 * Calls `changed` with the values of `columns` of each row of `table` an UPDATE (only of
 * `updatesOf`, when given) or a DELETE touches, through TEMP triggers of this connection: an
 * update reports the old values, then the new.
 */
function onUpdateOrDelete(
  db: Db,
  table: string,
  what: string,
  columns: string[],
  changed: (values: string[]) => void,
  { updatesOf }: { updatesOf?: string[] } = {},
): void {
  const callback = `smartag_${table}_${what}_${++functions}`;
  db.function(callback, { deterministic: false, varargs: true }, (...values: unknown[]) => {
    changed(values as string[]);
    return null;
  });
  const of = (row: 'NEW' | 'OLD') => `SELECT ${callback}(${columns.map((column) => `${row}.${column}`).join(', ')});`;
  const update = updatesOf ? `UPDATE OF ${updatesOf.join(', ')}` : 'UPDATE';
  db.exec(`CREATE TEMP TRIGGER ${callback}_update AFTER ${update} ON main.${table} BEGIN ${of('OLD')} ${of('NEW')} END;
    CREATE TEMP TRIGGER ${callback}_delete AFTER DELETE ON main.${table} BEGIN ${of('OLD')} END;`);
}

/** One string per key, unambiguous whatever the values hold (each but the last is length-prefixed). */
function rowKey(values: string[]): string {
  let key = '';
  for (let i = 0; i < values.length - 1; i++) key += `${values[i].length}:${values[i]}`;
  return key + values[values.length - 1];
}
