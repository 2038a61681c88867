/**
 * Journal queries as the control plane takes them (GET /_emulator/requests,
 * startEmulator's requests()), and the answer written as a stream.
 *
 * - action, account, code: exact matches; code=OK selects the successes.
 * - since: a sequence number or a time; only entries after it (exclusive).
 * - after: a sequence number; only entries after it (exclusive), and
 *   `limit` then keeps the oldest: paging forward is after=<last seq seen>.
 * - limit: at most this many; without `after`, the newest of them.
 * Entries always come oldest first.
 */
import { Readable } from 'node:stream';
import type { Journal, JournalEntry, JournalFilter } from './journal';
import { invalidRequest } from './input';

/** A journal query: text from a query string, or values in process. */
export interface RequestQuery {
  action?: string;
  account?: string;
  /** An error code, or OK for successes. */
  code?: string;
  /** A sequence number, or a time (ISO 8601 text or a Date): only entries after it. */
  since?: string | number | Date;
  /** A sequence number: only entries after it, and `limit` keeps the oldest (paging forward). */
  after?: string | number;
  /** At most this many: the newest, or with `after` the oldest. */
  limit?: string | number;
}

export const REQUEST_QUERY_NAMES = ['action', 'account', 'code', 'since', 'after', 'limit'] as const;

/** Matching entries, oldest first; an invalid `since`, `after` or `limit` is an Emulator.InvalidRequest. */
export function findRequests(journal: Journal, query: RequestQuery = {}): JournalEntry[] {
  return selectEntries(journal, query).map((one) => journal.entry(one)!);
}

/** How many entries findRequests would give for the same query. */
export function countRequests(journal: Journal, query: RequestQuery = {}): number {
  return selectEntries(journal, query).length;
}

/**
 * `{"requests":[...]}` as a stream of one entry at a time, so no answer is
 * ever one string the size of the journal. Entries are read as they are
 * written: one that leaves the journal meanwhile (the ring wraps, or it is
 * cleared) is left out.
 */
export function streamRequests(journal: Journal, query: RequestQuery = {}): Readable {
  const selected = selectEntries(journal, query);
  function* chunks(): Generator<string> {
    yield '{"requests":[';
    let first = true;
    for (const one of selected) {
      const entry = journal.entry(one);
      if (entry === null) continue;
      yield (first ? '' : ',') + JSON.stringify(entry);
      first = false;
    }
    yield ']}';
  }
  return Readable.from(chunks(), { objectMode: false });
}

function selectEntries(journal: Journal, query: RequestQuery) {
  const filter = toFilter(query);
  const limit = toWholeNumber(query.limit, 'limit', 1) ?? Infinity;
  const pagingForward = query.after !== undefined && query.after !== '';
  return journal.select(filter, limit, !pagingForward);
}

function toFilter(query: RequestQuery): JournalFilter {
  const filter: JournalFilter = {};
  if (query.action) filter.action = query.action;
  if (query.account) filter.account = query.account;
  if (query.code) filter.code = query.code;
  if (query.since !== undefined && query.since !== '') Object.assign(filter, toSince(query.since));
  const after = toWholeNumber(query.after, 'after', 0);
  if (after !== undefined) filter.afterSeq = Math.max(after, filter.afterSeq ?? 0);
  return filter;
}

/** A sequence number, or a time (to the millisecond, the precision entries show). */
function toSince(since: string | number | Date): Pick<JournalFilter, 'afterSeq' | 'afterTime'> {
  if (typeof since === 'number' && Number.isInteger(since) && since >= 0) return { afterSeq: since };
  if (typeof since === 'string' && /^\d+$/.test(since)) return { afterSeq: Number(since) };
  const time = since instanceof Date ? since.getTime() : typeof since === 'string' ? Date.parse(since) : NaN;
  if (Number.isNaN(time)) throw invalidRequest('At ?since: expected a sequence number or an ISO 8601 time.');
  return { afterTime: Math.floor(time) };
}

function toWholeNumber(value: string | number | undefined, name: string, minimum: number): number | undefined {
  if (value === undefined || value === '') return undefined;
  const number = typeof value === 'number' ? value : /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(number) || number < minimum) {
    throw invalidRequest(`At ?${name}: expected a whole number of at least ${minimum}.`);
  }
  return number;
}
