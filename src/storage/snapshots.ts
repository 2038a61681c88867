import type { Db } from './database';

/**
 * Every row of every state table, keyed by table name: the column names once and each row as an
 * array (reading rows as arrays costs a third of reading them as objects, which mattered for the
 * baseline image of a 10,000-account fixture at start-up). Images saved before this form, a list
 * of row objects per table, still restore.
 */
export type StateImage = Record<string, TableImage>;
type TableImage = { columns: string[]; rows: unknown[][] } | Record<string, unknown>[];

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
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'snapshots' ORDER BY rowid",
  ).pluck().all() as string[]);
  const selectAll = new Map(stateTables.map((table) => [table, db.prepare(`SELECT * FROM "${table}"`).raw()]));
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
    table, db.prepare(`SELECT * FROM "${table}" WHERE "${column}" = ?`).raw(),
  ]));
  const deleteOfAccount = [...accountColumns].map(([table, column]) => db.prepare(`DELETE FROM "${table}" WHERE "${column}" = ?`)).reverse();
  const upsertBaseline = db.prepare(
    `INSERT INTO ${ACCOUNT_BASELINES} (account_id, data) VALUES (?, ?) ON CONFLICT(account_id) DO UPDATE SET data = excluded.data`,
  );
  const selectBaseline = db.prepare(`SELECT data FROM ${ACCOUNT_BASELINES} WHERE account_id = ?`).pluck();

  function capture(): StateImage {
    const image: StateImage = {};
    for (const [table, statement] of selectAll) image[table] = { columns: inserters.get(table)!.columns, rows: statement.all() as unknown[][] };
    return image;
  }

  const apply = db.transaction((image: StateImage) => {
    for (const statement of deleteAll) statement.run();
    for (const table of stateTables) {
      if (image[table]) inserters.get(table)!.insertAll(image[table]);
    }
  });

  /** Replaces one account's rows with that account's rows of `image`; other accounts are untouched. */
  const applyAccount = db.transaction((accountId: string, image: StateImage) => {
    for (const statement of deleteOfAccount) statement.run(accountId);
    for (const [table, column] of accountColumns) {
      if (image[table]) inserters.get(table)!.insertAll(image[table], (row) => row[column] === accountId);
    }
  });

  return {
    capture,
    apply: (image: StateImage) => apply(image),
    /** One account's rows, in the same shape as a whole-state image. */
    captureAccount(accountId: string): StateImage {
      const image: StateImage = {};
      for (const [table, statement] of selectOfAccount) {
        image[table] = { columns: inserters.get(table)!.columns, rows: statement.all(accountId) as unknown[][] };
      }
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

interface TableInserter {
  /** The table's columns, in the order `SELECT *` gives them. */
  columns: string[];
  /** Inserts the rows of a table image; `keep` sees each row by column name. */
  insertAll(image: TableImage, keep?: (row: Record<string, unknown>) => boolean): void;
}

function prepareInsert(db: Db, table: string): TableInserter {
  const columns = (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]);
  const names = columns.map((c) => `"${c}"`).join(', ');
  const positional = db.prepare(`INSERT INTO "${table}" (${names}) VALUES (${columns.map(() => '?').join(', ')})`);
  const insertObject = (row: Record<string, unknown>) => positional.run(columns.map((column) => row[column] ?? null));
  return {
    columns,
    insertAll(image, keep) {
      // Rows as objects: an image saved in the earlier form, or columns that changed since the image was taken.
      if (Array.isArray(image)) {
        for (const row of image) if (!keep || keep(row)) insertObject(row);
      } else if (!sameColumns(image.columns, columns)) {
        for (const values of image.rows) {
          const row = Object.fromEntries(image.columns.map((column, i) => [column, values[i]]));
          if (!keep || keep(row)) insertObject(row);
        }
      } else if (!keep) {
        for (const values of image.rows) positional.run(values);
      } else {
        for (const values of image.rows) {
          if (keep(Object.fromEntries(columns.map((column, i) => [column, values[i]])))) positional.run(values);
        }
      }
    },
  };
}

function sameColumns(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((column, i) => column === b[i]);
}

/** Whether an image has a row for this account in its `accounts` table. */
export function imageHoldsAccount(image: StateImage, accountId: string): boolean {
  const accounts = image.accounts;
  if (accounts === undefined) return false;
  if (Array.isArray(accounts)) return accounts.some((row) => row.id === accountId);
  const id = accounts.columns.indexOf('id');
  return accounts.rows.some((row) => row[id] === accountId);
}
