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
  return (limit === undefined ? selected : selected.slice(Math.max(0, selected.length - limit))).map((one) => journal.entry(one));
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
 * One call as the dispatcher records it: values it already has, nothing
 * redacted or formatted. The journal copies what it keeps (below).
 */
export interface RecordedCall {
  /** Epoch milliseconds. */
  time: number;
  requestId: string;
  action: string;
  accountId: string;
  method: string;
  /** Where the parameters came from, or undefined when the request could not be read. */
  url: string | undefined;
  body: string;
  status: number;
  code: string | null;
  /** Unrounded. */
  durationMs: number;
  synthesized: boolean;
  /** Unredacted. */
  authFailure: string | null;
  fault: string | null;
}

/** Bytes per slot for the request id, URL and body of a call; longer calls keep their strings. */
const SLOT_BYTES = 1024;
const REQUEST_ID_BYTES = 36;
/** Slots are allocated this many at a time, as the ring first fills. */
const SLOTS_PER_CHUNK = 1024;
const LATIN1 = /^[\x00-\xff]*$/;
/** Distinct action names kept as one shared string each; past this, names are kept as they come. */
const MAX_INTERNED = 1000;

/**
 * The last `capacity` calls, in columns. A journal that kept each call's
 * strings (URL, request id, the parameters parsed from them) would keep them
 * past two young-generation collections on a loaded server, so V8 would copy
 * them into the old generation: bench, RoamClientUser UserExist at 10,000
 * calls/s, 31 MB promoted per 60,000 calls against 13 MB with no journal, and
 * peak RSS 142 MB against 115 MB. Here the request id, URL and body are bytes
 * in a slot of a preallocated buffer (Latin-1: Node's HTTP parser gives the URL
 * one character per byte), numbers live in typed arrays, and the action name
 * is shared. A call whose text does not fit (or is not Latin-1) keeps its
 * strings. Parameters are parsed again, and redacted, only when entries are read.
 */
export class Journal {
  private readonly seqs: Float64Array;
  private readonly times: Float64Array;
  private readonly durations: Float64Array;
  private readonly statuses: Uint16Array;
  private readonly synthesized: Uint8Array;
  private readonly urlLengths: Int32Array;
  private readonly bodyLengths: Uint16Array;
  private readonly actions: (string | null)[];
  private readonly accountIds: (string | null)[];
  private readonly methods: (string | null)[];
  private readonly codes: (string | null)[];
  private readonly faults: (string | null)[];
  private readonly authFailures: (string | null)[];
  /** Slot bytes, a chunk of SLOTS_PER_CHUNK slots at a time. */
  private readonly chunks: Buffer[] = [];
  /** Calls whose text is not in their slot. */
  private readonly kept = new Map<number, { requestId: string; url: string | undefined; body: string }>();
  private readonly interned = new Map<string, string>();
  private next = 0;
  private seq = 0;

  /** `readParams` gives the parameters of a recorded call's URL and body, as the request reader did. */
  constructor(
    readonly capacity: number,
    private readonly readParams: (url: string, body: string) => Record<string, string>,
  ) {
    const n = capacity;
    this.seqs = new Float64Array(n);
    this.times = new Float64Array(n);
    this.durations = new Float64Array(n);
    this.statuses = new Uint16Array(n);
    this.synthesized = new Uint8Array(n);
    this.urlLengths = new Int32Array(n);
    this.bodyLengths = new Uint16Array(n);
    this.actions = new Array<string | null>(n).fill(null);
    this.accountIds = new Array<string | null>(n).fill(null);
    this.methods = new Array<string | null>(n).fill(null);
    this.codes = new Array<string | null>(n).fill(null);
    this.faults = new Array<string | null>(n).fill(null);
    this.authFailures = new Array<string | null>(n).fill(null);
  }

  /** Returns the call's sequence number (0 when the journal keeps nothing). */
  record(call: RecordedCall): number {
    if (this.capacity === 0) return 0;
    const slot = this.next;
    this.seqs[slot] = ++this.seq;
    this.times[slot] = call.time;
    this.durations[slot] = call.durationMs;
    this.statuses[slot] = call.status;
    this.synthesized[slot] = call.synthesized ? 1 : 0;
    this.actions[slot] = this.intern(call.action);
    this.accountIds[slot] = call.accountId;
    this.methods[slot] = call.method;
    this.codes[slot] = call.code;
    this.faults[slot] = call.fault;
    this.authFailures[slot] = call.authFailure;
    this.storeText(slot, call.requestId, call.url, call.body);
    this.next = slot + 1 === this.capacity ? 0 : slot + 1;
    return this.seq;
  }

  /** Corrects the outcome of call `seq` (a group commit failed after it was recorded), if it is still kept. */
  amend(seq: number, status: number, code: string): void {
    if (seq <= 0 || seq > this.seq || this.seq - seq >= this.capacity) return;
    // Slots are filled in sequence order: the newest is just before `next`.
    const slot = (this.next - 1 - (this.seq - seq) + 2 * this.capacity) % this.capacity;
    if (this.seqs[slot] !== seq) return; // cleared since
    this.statuses[slot] = status;
    this.codes[slot] = code;
  }

  /** Entries oldest first. */
  list(filter: JournalFilter = {}): JournalEntry[] {
    return this.select(filter).map((one) => this.entry(one));
  }

  count(filter: JournalFilter = {}): number {
    return this.select(filter).length;
  }

  /** Empties the journal (sequence numbers keep counting); returns how many entries it held. */
  clear(): number {
    const count = this.count();
    // Emptied in place: sequence number 0 marks an empty slot, and no string stays referenced.
    this.seqs.fill(0);
    for (const column of [this.actions, this.accountIds, this.methods, this.codes, this.faults, this.authFailures]) column.fill(null);
    this.kept.clear();
    this.next = 0;
    return count;
  }

  /** Matching calls, oldest first. */
  select(filter: JournalFilter = {}): Selected[] {
    const match = matcher(filter);
    const selected: Selected[] = [];
    for (let i = 0; i < this.capacity; i++) {
      const slot = (this.next + i) % this.capacity;
      const seq = this.seqs[slot];
      if (seq === 0) continue;
      // A slot with a sequence number holds a call: its strings are set.
      const call = { action: this.actions[slot]!, accountId: this.accountIds[slot]!, code: this.codes[slot], time: this.times[slot] };
      if (match(seq, call)) selected.push({ seq, slot });
    }
    return selected;
  }

  /** The public entry: secrets redacted, time as ISO text, duration rounded to the microsecond. */
  entry({ seq, slot }: Selected): JournalEntry {
    const { requestId, url, body } = this.readText(slot);
    return {
      seq,
      time: new Date(this.times[slot]).toISOString(),
      requestId,
      action: this.actions[slot]!,
      accountId: this.accountIds[slot]!,
      method: this.methods[slot]!,
      params: url === undefined ? {} : redactParams(this.readParams(url, body)),
      status: this.statuses[slot],
      code: this.codes[slot],
      durationMs: Math.round(this.durations[slot] * 1000) / 1000,
      synthesized: this.synthesized[slot] === 1,
      authFailure: redactAuthFailure(this.authFailures[slot]),
      fault: this.faults[slot],
    };
  }

  private intern(action: string): string {
    const shared = this.interned.get(action);
    if (shared !== undefined) return shared;
    if (this.interned.size < MAX_INTERNED) this.interned.set(action, action);
    return action;
  }

  private storeText(slot: number, requestId: string, url: string | undefined, body: string): void {
    const length = REQUEST_ID_BYTES + (url?.length ?? 0) + body.length;
    const fits = requestId.length === REQUEST_ID_BYTES && length <= SLOT_BYTES
      && (url === undefined || LATIN1.test(url)) && LATIN1.test(body);
    if (!fits) {
      this.kept.set(slot, { requestId, url, body });
      this.urlLengths[slot] = -2;
      return;
    }
    this.kept.delete(slot);
    const { chunk, offset } = this.place(slot);
    chunk.write(requestId, offset, 'latin1');
    if (url === undefined) {
      this.urlLengths[slot] = -1;
    } else {
      this.urlLengths[slot] = chunk.write(url, offset + REQUEST_ID_BYTES, 'latin1');
    }
    this.bodyLengths[slot] = body === '' ? 0 : chunk.write(body, offset + REQUEST_ID_BYTES + (url?.length ?? 0), 'latin1');
  }

  private readText(slot: number): { requestId: string; url: string | undefined; body: string } {
    if (this.urlLengths[slot] === -2) return this.kept.get(slot)!;
    const { chunk, offset } = this.place(slot);
    const requestId = chunk.toString('latin1', offset, offset + REQUEST_ID_BYTES);
    const urlLength = Math.max(0, this.urlLengths[slot]);
    const bodyStart = offset + REQUEST_ID_BYTES + urlLength;
    const url = this.urlLengths[slot] === -1 ? undefined : chunk.toString('latin1', offset + REQUEST_ID_BYTES, bodyStart);
    return { requestId, url, body: chunk.toString('latin1', bodyStart, bodyStart + this.bodyLengths[slot]) };
  }

  private place(slot: number): { chunk: Buffer; offset: number } {
    const index = Math.floor(slot / SLOTS_PER_CHUNK);
    const chunk = this.chunks[index] ??= Buffer.allocUnsafeSlow(Math.min(SLOTS_PER_CHUNK, this.capacity - index * SLOTS_PER_CHUNK) * SLOT_BYTES);
    return { chunk, offset: (slot % SLOTS_PER_CHUNK) * SLOT_BYTES };
  }
}

export interface Selected {
  seq: number;
  slot: number;
}

type MatchedFields = Pick<RecordedCall, 'action' | 'accountId' | 'code' | 'time'>;

function matcher(filter: JournalFilter): (seq: number, call: MatchedFields) => boolean {
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
