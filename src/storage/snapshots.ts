import type { Db } from './database';

/** Every row of every state table, keyed by table name. */
export type StateImage = Record<string, Record<string, unknown>[]>;

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
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'snapshots' ORDER BY rowid",
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

  return {
    capture,
    apply: (image: StateImage) => apply(image),
    save(name: string, image: StateImage = capture()): void {
      upsertSnapshot.run(name, Date.now(), JSON.stringify(image));
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
