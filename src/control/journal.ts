/** The request journal: a bounded ring buffer of API calls, for tests to assert on. */
import { invalidRequest } from './input';

export interface JournalEntry {
  /** Increasing sequence number; survives the ring's wrap-around. */
  seq: number;
  time: string;
  requestId: string;
  action: string;
  accountId: string;
  method: string;
  /** Parameters with secrets and signatures redacted. */
  params: Record<string, string>;
  status: number;
  code: string | null;
  durationMs: number;
  synthesized: boolean;
  /** In lenient auth mode: the check that failed but was let through. */
  authFailure: string | null;
  fault: string | null;
}

export interface JournalFilter {
  action?: string;
  account?: string;
  code?: string;
  /** ISO time or sequence number: only entries after it. */
  since?: string;
}

/** A journal query as the control plane takes it: text from a query string, or values in process. */
export interface RequestQuery {
  action?: string;
  account?: string;
  /** An error code, or OK for successes. */
  code?: string;
  /** A sequence number, or a time (ISO 8601 text or a Date). */
  since?: string | number | Date;
  /** Only the newest `limit` matching entries (still oldest first). */
  limit?: string | number;
}

export const REQUEST_QUERY_NAMES = ['action', 'account', 'code', 'since', 'limit'] as const;

/** Matching entries, oldest first; an invalid `since` or `limit` is an Emulator.InvalidRequest. */
export function findRequests(journal: Journal, query: RequestQuery = {}): JournalEntry[] {
  const entries = journal.list(toFilter(query));
  const limit = toLimit(query.limit);
  return limit === undefined ? entries : entries.slice(Math.max(0, entries.length - limit));
}

export function countRequests(journal: Journal, query: RequestQuery = {}): number {
  return journal.count(toFilter(query));
}

function toFilter(query: RequestQuery): JournalFilter {
  const filter: JournalFilter = {};
  if (query.action) filter.action = query.action;
  if (query.account) filter.account = query.account;
  if (query.code) filter.code = query.code;
  if (query.since !== undefined && query.since !== '') filter.since = toSince(query.since);
  return filter;
}

/** Entry times are ISO text compared as text, so a time is normalised to the same form. */
function toSince(since: string | number | Date): string {
  if (typeof since === 'number' && Number.isInteger(since) && since >= 0) return String(since);
  if (typeof since === 'string' && /^\d+$/.test(since)) return since;
  const time = since instanceof Date ? since.getTime() : typeof since === 'string' ? Date.parse(since) : NaN;
  if (Number.isNaN(time)) throw invalidRequest('At ?since: expected a sequence number or an ISO 8601 time.');
  return new Date(time).toISOString();
}

function toLimit(limit: string | number | undefined): number | undefined {
  if (limit === undefined || limit === '') return undefined;
  const value = typeof limit === 'number' ? limit : /^\d+$/.test(limit) ? Number(limit) : NaN;
  if (!Number.isInteger(value) || value < 1) throw invalidRequest('At ?limit: expected a whole number of at least 1.');
  return value;
}

const REDACTED = '***';
// Md5Key: the OSPF authentication key of ModifySagRouteProtocolOspf and UpdateSmartAccessGatewayOspfRoute.
const SECRET_PARAMS = new Set(['Signature', 'SecurityToken', 'Password', 'AccessKeySecret', 'Md5Key']);

export function redactParams(params: Record<string, string>): Record<string, string> {
  const copy: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) copy[key] = SECRET_PARAMS.has(key) ? REDACTED : value;
  return copy;
}

// In a v1 string to sign every `&` of the canonical query is `%26` and every `=` is `%3D`.
const SECRET_IN_STRING_TO_SIGN = new RegExp(`((?:&|%26)(?:${[...SECRET_PARAMS].join('|')})%3D).*?(?=%26|$)`, 'g');

/** A lenient-mode failure: SignatureDoesNotMatch quotes the string to sign, whose secret values are masked here. */
export function redactAuthFailure(text: string | null): string | null {
  return text === null ? null : text.replace(SECRET_IN_STRING_TO_SIGN, `$1${REDACTED}`);
}

export class Journal {
  private entries: (JournalEntry | undefined)[];
  private next = 0;
  private seq = 0;

  constructor(readonly capacity: number) {
    this.entries = new Array(capacity);
  }

  record(entry: Omit<JournalEntry, 'seq'>): void {
    if (this.capacity === 0) return;
    this.entries[this.next] = { seq: ++this.seq, ...entry };
    this.next = (this.next + 1) % this.capacity;
  }

  /** Entries oldest first. */
  list(filter: JournalFilter = {}): JournalEntry[] {
    const ordered = [...this.entries.slice(this.next), ...this.entries.slice(0, this.next)];
    return ordered.filter((entry): entry is JournalEntry => entry !== undefined && matches(entry, filter));
  }

  count(filter: JournalFilter = {}): number {
    return this.list(filter).length;
  }

  /** Empties the journal (sequence numbers keep counting); returns how many entries it held. */
  clear(): number {
    const count = this.count();
    this.entries = new Array(this.capacity);
    this.next = 0;
    return count;
  }
}

function matches(entry: JournalEntry, filter: JournalFilter): boolean {
  if (filter.action !== undefined && entry.action !== filter.action) return false;
  if (filter.account !== undefined && entry.accountId !== filter.account) return false;
  if (filter.code !== undefined && (entry.code ?? 'OK') !== filter.code) return false;
  if (filter.since !== undefined) {
    const since = filter.since;
    if (/^\d+$/.test(since) ? entry.seq <= Number(since) : entry.time <= since) return false;
  }
  return true;
}
