import type { Db } from './database';

/** Every row of every state table, keyed by table name. */
export type StateImage = Record<string, Record<string, unknown>[]>;

/** Reset points of accounts created through the control plane (a state table: snapshots keep it). */
const ACCOUNT_BASELINES = 'account_baselines';

export interface SnapshotInfo {
  name: string;
  createdAt: number;
}

/**
 * Whole-state capture and restore, used by reset (back to the loaded
 * fixtures) and by named snapshots. Tables are discovered from the schema,
 * in creation order, which is also foreign-key order, so a new migration's
 * tables are covered without touching this file.
 */
export function createSnapshotRepository(db: Db) {
  const stateTables = (db.prepare(
    // client_user_counts is derived (migration 5's triggers keep it as rows come and go).
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('snapshots', 'client_user_counts') ORDER BY rowid",
  ).pluck().all() as string[]);
  const selectAll = new Map(stateTables.map((table) => [table, db.prepare(`SELECT * FROM "${table}"`)]));
  const deleteAll = stateTables.map((table) => db.prepare(`DELETE FROM "${table}"`)).reverse();
  const inserters = new Map(stateTables.map((table) => [table, prepareInsert(db, table)]));

  const upsertSnapshot = db.prepare(
    'INSERT INTO snapshots (name, created_at, data) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET created_at = excluded.created_at, data = excluded.data',
  );
  const selectSnapshot = db.prepare('SELECT data FROM snapshots WHERE name = ?').pluck();
  const selectSnapshots = db.prepare('SELECT name, created_at AS createdAt FROM snapshots ORDER BY name');
  const deleteSnapshot = db.prepare('DELETE FROM snapshots WHERE name = ?');

  // Per-account tables: `accounts` by id, every other table with an account_id column. Reset
  // points are left out: resetting an account must keep its own.
  const accountColumns = new Map<string, string>();
  for (const table of stateTables) {
    const columns = db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[];
    if (table === 'accounts') accountColumns.set(table, 'id');
    else if (table !== ACCOUNT_BASELINES && columns.includes('account_id')) accountColumns.set(table, 'account_id');
  }
  const selectOfAccount = new Map([...accountColumns].map(([table, column]) => [
    table, db.prepare(`SELECT * FROM "${table}" WHERE "${column}" = ?`),
  ]));
  const deleteOfAccount = [...accountColumns].map(([table, column]) => db.prepare(`DELETE FROM "${table}" WHERE "${column}" = ?`)).reverse();
  const upsertBaseline = db.prepare(
    `INSERT INTO ${ACCOUNT_BASELINES} (account_id, data) VALUES (?, ?) ON CONFLICT(account_id) DO UPDATE SET data = excluded.data`,
  );
  const selectBaseline = db.prepare(`SELECT data FROM ${ACCOUNT_BASELINES} WHERE account_id = ?`).pluck();

  function capture(): StateImage {
    const image: StateImage = {};
    for (const [table, statement] of selectAll) image[table] = statement.all() as Record<string, unknown>[];
    return image;
  }

  const apply = db.transaction((image: StateImage) => {
    for (const statement of deleteAll) statement.run();
    for (const table of stateTables) {
      const insert = inserters.get(table)!;
      for (const row of image[table] ?? []) insert(row);
    }
  });

  /** Replaces one account's rows with that account's rows of `image`; other accounts are untouched. */
  const applyAccount = db.transaction((accountId: string, image: StateImage) => {
    for (const statement of deleteOfAccount) statement.run(accountId);
    for (const [table, column] of accountColumns) {
      const insert = inserters.get(table)!;
      for (const row of image[table] ?? []) if (row[column] === accountId) insert(row);
    }
  });

  return {
    capture,
    apply: (image: StateImage) => apply(image),
    /** One account's rows, in the same shape as a whole-state image. */
    captureAccount(accountId: string): StateImage {
      const image: StateImage = {};
      for (const [table, statement] of selectOfAccount) image[table] = statement.all(accountId) as Record<string, unknown>[];
      return image;
    },
    applyAccount: (accountId: string, image: StateImage) => applyAccount(accountId, image),
    /** The reset point of an account created through the control plane. */
    saveAccountBaseline(accountId: string, image: StateImage): void {
      upsertBaseline.run(accountId, JSON.stringify(image));
    },
    loadAccountBaseline(accountId: string): StateImage | undefined {
      const data = selectBaseline.get(accountId) as string | undefined;
      return data === undefined ? undefined : (JSON.parse(data) as StateImage);
    },
    save(name: string, image: StateImage = capture()): SnapshotInfo {
      const createdAt = Date.now();
      upsertSnapshot.run(name, createdAt, JSON.stringify(image));
      return { name, createdAt };
    },
    load(name: string): StateImage | undefined {
      const data = selectSnapshot.get(name) as string | undefined;
      return data === undefined ? undefined : (JSON.parse(data) as StateImage);
    },
    list(): SnapshotInfo[] {
      return selectSnapshots.all() as SnapshotInfo[];
    },
    remove(name: string): boolean {
      return deleteSnapshot.run(name).changes > 0;
    },
  };
}

function prepareInsert(db: Db, table: string): (row: Record<string, unknown>) => void {
  const columns = (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]);
  const statement = db.prepare(
    `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
  );
  return (row) => {
    const values: Record<string, unknown> = {};
    for (const column of columns) values[column] = row[column] ?? null;
    statement.run(values);
  };
}
