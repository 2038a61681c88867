/**
 * What the read table needs of a resource family: how to fill 1,000 rows of
 * its kind into the large fixture, and, for each of its stateful reads
 * (Describe*, List*, Get*, View*), a call that succeeds on the default
 * fixtures and the calls that read the 1,000 rows at the documented maximum
 * page. test/unit/bench-reads.test.ts fails when a read of the operations
 * registry has no entry here, and runs every entry in process.
 */

/** API parameters besides Action and Version (arrays flattened as `Name.1`, `Name.2`, ...). */
export type Params = Record<string, string>;

/** A fixture account, as fixtures/fixture.schema.json describes it; fills add to its arrays. */
export type FixtureAccount = Record<string, unknown> & { id: string };

export interface ReadEntry {
  action: string;
  /** A call that succeeds on fixtures/default.json, as the default account. */
  onDefault: Params;
  /** Text the default answer must contain (JSON). */
  expectDefault: string;
  /**
   * Calls on the large fixture, cycled in order: the pages (or batches) of a
   * paged read at its documented maximum size, or a few different rows of an
   * unpaged one, so no single row's cache decides the figure.
   */
  onLarge: Params[];
  /** Text every large answer must contain (JSON), e.g. `"TotalCount":1000`. */
  expectLarge: string;
}

export interface FamilyBench {
  /** The family's folder under src/families. */
  family: string;
  /**
   * Adds the family's rows to the default account of the large fixture. Rows
   * live in regions of their own (see BENCH_REGIONS) so that one family's
   * rows never change another family's answers.
   */
  fill(account: FixtureAccount): void;
  reads: ReadEntry[];
}

/** Rows of its kind each family fills into the large fixture. */
export const ROWS = 1000;
/** The documented maximum PageSize of the PageNumber/PageSize reads (src/model/paging.ts). */
export const MAX_PAGE_SIZE = 50;
/** Pages of ROWS at MAX_PAGE_SIZE. */
export const PAGES = ROWS / MAX_PAGE_SIZE;

/** Regions the default fixtures leave empty, one per family that fills instances or regional rows. */
export const BENCH_REGIONS = {
  instances: 'ap-southeast-1',
  clientAccounts: 'ap-southeast-2',
  nat: 'ap-southeast-3',
  vbr: 'ap-southeast-5',
  ccns: 'ap-northeast-1',
  acls: 'eu-central-1',
  ccnGrants: 'cn-hongkong',
  flowLogs: 'cn-shanghai-finance-1',
} as const;

/** `n` zero-padded to four digits: bench ids sort in creation order. */
export function seq(n: number): string {
  return String(n).padStart(4, '0');
}

/** PageNumber 1..PAGES of `params` at MAX_PAGE_SIZE. */
export function pages(params: Params): Params[] {
  return Array.from({ length: PAGES }, (_, i) => ({ ...params, PageSize: String(MAX_PAGE_SIZE), PageNumber: String(i + 1) }));
}

/** `name.1`, `name.2`, ... of a repeated parameter. */
export function repeated(name: string, values: string[]): Params {
  return Object.fromEntries(values.map((value, i) => [`${name}.${i + 1}`, value]));
}

/** Appends rows to one of the account's arrays. */
export function push(account: FixtureAccount, key: string, rows: unknown[]): void {
  const list = (account[key] ?? []) as unknown[];
  list.push(...rows);
  account[key] = list;
}
