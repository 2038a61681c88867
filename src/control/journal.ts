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
  const selected = journal.select(toFilter(query));
  const limit = toLimit(query.limit);
  // Only the entries returned are redacted and shaped.
  return (limit === undefined ? selected : selected.slice(Math.max(0, selected.length - limit))).map(toEntry);
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

/** A time is normalised to ISO text (millisecond precision), the form entries show. */
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

/**
 * One call as the dispatcher records it: references to values it already has,
 * nothing copied, redacted or formatted. `list` builds the public entry.
 */
export interface RecordedCall {
  /** Epoch milliseconds. */
  time: number;
  requestId: string;
  action: string;
  accountId: string;
  method: string;
  /**
   * The request's own parameter object, unredacted, or undefined when the
   * request could not be read. Safe to keep: it is built per request and never
   * mutated after the request is read (handlers get validated copies).
   */
  params: Record<string, string> | undefined;
  status: number;
  code: string | null;
  /** Unrounded. */
  durationMs: number;
  synthesized: boolean;
  /** Unredacted. */
  authFailure: string | null;
  fault: string | null;
}

/**
 * Recording is on every API call's hot path, so it only stores a reference;
 * the cost of redaction and the public shape is paid when entries are read.
 */
export class Journal {
  private calls: (RecordedCall | undefined)[];
  private seqs: Float64Array;
  private next = 0;
  private seq = 0;

  constructor(readonly capacity: number) {
    this.calls = new Array(capacity);
    this.seqs = new Float64Array(capacity);
  }

  record(call: RecordedCall): void {
    if (this.capacity === 0) return;
    this.calls[this.next] = call;
    this.seqs[this.next] = ++this.seq;
    this.next = this.next + 1 === this.capacity ? 0 : this.next + 1;
  }

  /** Entries oldest first. */
  list(filter: JournalFilter = {}): JournalEntry[] {
    return this.select(filter).map(toEntry);
  }

  count(filter: JournalFilter = {}): number {
    return this.select(filter).length;
  }

  /** Empties the journal (sequence numbers keep counting); returns how many entries it held. */
  clear(): number {
    const count = this.count();
    this.calls = new Array(this.capacity);
    this.seqs = new Float64Array(this.capacity);
    this.next = 0;
    return count;
  }

  /** Matching calls with their sequence numbers, oldest first, still unredacted. */
  select(filter: JournalFilter = {}): Selected[] {
    const match = matcher(filter);
    const selected: Selected[] = [];
    for (let i = 0; i < this.capacity; i++) {
      const slot = (this.next + i) % this.capacity;
      const call = this.calls[slot];
      if (call !== undefined && match(this.seqs[slot], call)) selected.push({ seq: this.seqs[slot], call });
    }
    return selected;
  }
}

export interface Selected {
  seq: number;
  call: RecordedCall;
}

/** The public entry: secrets redacted, time as ISO text, duration rounded to the microsecond. */
export function toEntry({ seq, call }: Selected): JournalEntry {
  return {
    seq,
    time: new Date(call.time).toISOString(),
    requestId: call.requestId,
    action: call.action,
    accountId: call.accountId,
    method: call.method,
    params: call.params === undefined ? {} : redactParams(call.params),
    status: call.status,
    code: call.code,
    durationMs: Math.round(call.durationMs * 1000) / 1000,
    synthesized: call.synthesized,
    authFailure: redactAuthFailure(call.authFailure),
    fault: call.fault,
  };
}

function matcher(filter: JournalFilter): (seq: number, call: RecordedCall) => boolean {
  const { action, account, code, since } = filter;
  // `since` is a sequence number, or ISO text (normalised by toSince) compared as a time.
  const sinceSeq = since !== undefined && /^\d+$/.test(since) ? Number(since) : undefined;
  const sinceTime = since !== undefined && sinceSeq === undefined ? Date.parse(since) : undefined;
  return (seq, call) => {
    if (action !== undefined && call.action !== action) return false;
    if (account !== undefined && call.accountId !== account) return false;
    if (code !== undefined && (call.code ?? 'OK') !== code) return false;
    if (sinceSeq !== undefined && seq <= sinceSeq) return false;
    if (sinceTime !== undefined && !(call.time > sinceTime)) return false;
    return true;
  };
}
