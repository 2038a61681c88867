/**
 * A resource family's table, read and written by column: the building block
 * under every family's `*-table.ts`. The columns are the schema's
 * (storage/migrations.ts is the one place tables are defined), read once with
 * PRAGMA table_info; a row's fields are the columns in camelCase
 * (`acl_id` is `aclId`), selected with `AS` so that SQLite does the mapping.
 * Each statement is prepared the first time a shape of call needs it and kept:
 * a family uses a handful of shapes.
 *
 * A filter (`Where`) names columns by field: a value is equality, a list is
 * "one of these" (`IN`, through json_each so that one statement serves any
 * length), `contains(text)` is a case-sensitive substring, and an undefined
 * value is no filter, so that a Describe can pass its optional parameters as
 * they come. Lists run in creation order (`created_at`, then insertion), the
 * stable order every Describe answers in.
 */
import type { Statement } from 'better-sqlite3';
import type { Db } from '../../storage/database';
import type { ReadCaches } from '../../storage/read-cache';

/** A substring filter: `{ name: contains('web') }`. */
export interface Contains {
  readonly contains: string;
}

export function contains(text: string): Contains {
  return { contains: text };
}

export type Where<Row> = { readonly [K in keyof Row]?: Row[K] | readonly Row[K][] | Contains };

/** Which rows of a list to read: the window of `pageWindow` (model/paging.ts). */
export interface Window {
  offset: number;
  pageSize: number;
}

export interface TablePage<Row> {
  rows: Row[];
  totalCount: number;
}

export interface Table<Row> {
  readonly name: string;
  insert(row: Row): void;
  /** Sets `changes` on the rows `where` selects; answers how many there were. */
  update(where: Where<Row>, changes: Partial<Row>): number;
  /** Deletes the rows `where` selects (and, by cascade, what hangs on them); answers how many. */
  remove(where: Where<Row>): number;
  find(where: Where<Row>): Row | undefined;
  list(where: Where<Row>): Row[];
  /** How many rows `where` selects: remembered until the next change to the database, so a polled list costs O(page). */
  count(where: Where<Row>): number;
  /** The rows of one page in creation order, and how many there are in all. */
  page(where: Where<Row>, window: Window): TablePage<Row>;
}

/** Counts remembered per table: one per filter a client polls with. */
const CACHED_COUNTS = 256;
const ORDER = 'ORDER BY created_at, rowid';

export function defineTable<Row extends object>(db: Db, name: string, caches: ReadCaches): Table<Row> {
  const columns = db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(name) as string[];
  if (columns.length === 0) throw new Error(`defineTable: no table ${name} in the schema`);
  const fieldToColumn = new Map(columns.map((column) => [camelCase(column), column]));
  const selectList = columns.map((column) => `${column} AS ${camelCase(column)}`).join(', ');
  const statements = new Map<string, Statement>();

  function statement(key: string, sql: () => string): Statement {
    let prepared = statements.get(key);
    if (!prepared) statements.set(key, prepared = db.prepare(sql()));
    return prepared;
  }

  function columnOf(field: string): string {
    const column = fieldToColumn.get(field);
    if (!column) throw new Error(`${name} has no column for field ${field}`);
    return column;
  }

  /** The WHERE clause and parameters of a filter; its shape (which fields, which kinds) keys the statement. */
  function whereOf(where: Where<Row>): { shape: string; clause: () => string; params: Record<string, unknown> } {
    const parts: string[] = [];
    const params: Record<string, unknown> = {};
    let shape = '';
    for (const field in where) {
      const value = (where as Record<string, unknown>)[field];
      if (value === undefined) continue;
      const column = columnOf(field);
      const param = `w_${field}`;
      if (Array.isArray(value)) {
        shape += `${field} in,`;
        parts.push(`${column} IN (SELECT value FROM json_each(@${param}))`);
        params[param] = JSON.stringify(value);
      } else if (typeof value === 'object' && value !== null && 'contains' in value) {
        shape += `${field} has,`;
        parts.push(`instr(${column}, @${param}) > 0`);
        params[param] = (value as Contains).contains;
      } else {
        shape += `${field} =,`;
        parts.push(`${column} = @${param}`);
        params[param] = value;
      }
    }
    return { shape, clause: () => (parts.length === 0 ? '' : `WHERE ${parts.join(' AND ')}`), params };
  }

  const countOf = caches.untilAnyChange(
    (shape: string, clause: () => string, params: Record<string, unknown>) =>
      statement(`count ${shape}`, () => `SELECT count(*) FROM ${name} ${clause()}`).pluck().get(params) as number,
    (shape, _clause, params) => `${shape}\n${JSON.stringify(params)}`,
    CACHED_COUNTS,
  );

  const insertRow = db.prepare(`INSERT INTO ${name} (${columns.join(', ')}) VALUES (${[...fieldToColumn.keys()].map((field) => `@${field}`).join(', ')})`);

  return {
    name,
    insert(row) {
      insertRow.run(row);
    },
    update(where, changes) {
      const fields = Object.keys(changes).filter((field) => (changes as Record<string, unknown>)[field] !== undefined);
      if (fields.length === 0) return 0;
      const filter = whereOf(where);
      const params: Record<string, unknown> = { ...filter.params };
      for (const field of fields) params[`s_${field}`] = (changes as Record<string, unknown>)[field];
      const set = fields.map((field) => `${columnOf(field)} = @s_${field}`).join(', ');
      return statement(`update ${fields.join(',')} ${filter.shape}`, () => `UPDATE ${name} SET ${set} ${filter.clause()}`).run(params).changes;
    },
    remove(where) {
      const filter = whereOf(where);
      return statement(`delete ${filter.shape}`, () => `DELETE FROM ${name} ${filter.clause()}`).run(filter.params).changes;
    },
    find(where) {
      const filter = whereOf(where);
      return statement(`find ${filter.shape}`, () => `SELECT ${selectList} FROM ${name} ${filter.clause()} ${ORDER} LIMIT 1`).get(filter.params) as Row | undefined;
    },
    list(where) {
      const filter = whereOf(where);
      return statement(`list ${filter.shape}`, () => `SELECT ${selectList} FROM ${name} ${filter.clause()} ${ORDER}`).all(filter.params) as Row[];
    },
    count(where) {
      const filter = whereOf(where);
      return countOf(filter.shape, filter.clause, filter.params);
    },
    page(where, { offset, pageSize }) {
      const filter = whereOf(where);
      const rows = statement(`page ${filter.shape}`, () => `SELECT ${selectList} FROM ${name} ${filter.clause()} ${ORDER} LIMIT @limit OFFSET @offset`)
        .all({ ...filter.params, limit: pageSize, offset }) as Row[];
      // A short first page is the whole list: no count to run.
      const totalCount = offset === 0 && rows.length < pageSize ? rows.length : countOf(filter.shape, filter.clause, filter.params);
      return { rows, totalCount };
    },
  };
}

function camelCase(column: string): string {
  return column.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}
