/** The request journal: a bounded ring buffer of API calls, for tests to assert on. */
import { JournalText } from './journal-text';
import { REDACTED, SECRET_PARAMS, redactStringToSign } from '../protocol/secrets';

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
  /** Some parameters, or the response body, are cut or left out (journal-text.ts says when). */
  truncated: boolean;
  /** The answer's body as sent, secrets redacted, when the journal keeps bodies (--journal-bodies); else null. */
  responseBody: string | null;
}

/** Which entries: every field narrows the selection. */
export interface JournalFilter {
  action?: string;
  account?: string;
  /** An error code, or OK for successes. */
  code?: string;
  /** Only entries with a greater sequence number. */
  afterSeq?: number;
  /** Only entries recorded later than this time (epoch milliseconds). */
  afterTime?: number;
}

export function redactParams(params: Record<string, string>): Record<string, string> {
  const copy: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) copy[key] = SECRET_PARAMS.has(key) ? REDACTED : value;
  return copy;
}

/** A lenient-mode failure: SignatureDoesNotMatch quotes the string to sign, whose secret values are masked here. */
export function redactAuthFailure(text: string | null): string | null {
  return text === null ? null : redactStringToSign(text);
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
  /** The parameters as read from url and body, if at hand: a long call keeps a cut copy of them. */
  params?: Record<string, string>;
  status: number;
  code: string | null;
  /** Unrounded. */
  durationMs: number;
  synthesized: boolean;
  /** Unredacted. */
  authFailure: string | null;
  fault: string | null;
  /** The answer's body; kept only by a journal that keeps bodies. */
  responseBody?: string;
}

/** Distinct action names kept as one shared string each; past this, names are kept as they come. */
const MAX_INTERNED = 1000;

/**
 * The last `capacity` calls, in columns. A journal that kept each call's
 * strings (URL, request id, the parameters parsed from them) would keep them
 * past two young-generation collections on a loaded server, so V8 would copy
 * them into the old generation: bench, RoamClientUser UserExist at 10,000
 * calls/s, 31 MB promoted per 60,000 calls against 13 MB with no journal, and
 * peak RSS 142 MB against 115 MB. Here numbers live in typed arrays, the
 * action name is shared, and the text is bytes in slots (journal-text.ts,
 * which also bounds what longer calls keep). Parameters are parsed again,
 * and redacted, only when entries are read.
 */
export class Journal {
  private readonly seqs: Float64Array;
  private readonly times: Float64Array;
  private readonly durations: Float64Array;
  private readonly statuses: Uint16Array;
  private readonly synthesized: Uint8Array;
  private readonly actions: (string | null)[];
  private readonly accountIds: (string | null)[];
  private readonly methods: (string | null)[];
  private readonly codes: (string | null)[];
  private readonly faults: (string | null)[];
  private readonly authFailures: (string | null)[];
  private readonly text: JournalText;
  private readonly interned = new Map<string, string>();
  private next = 0;
  private seq = 0;

  /**
   * `readParams` gives the parameters of a recorded call's URL and body, as
   * the request reader did. `keepBodies` keeps the start of every answer's body.
   */
  constructor(
    readonly capacity: number,
    readParams: (url: string, body: string) => Record<string, string>,
    readonly keepBodies = false,
  ) {
    const n = capacity;
    this.seqs = new Float64Array(n);
    this.times = new Float64Array(n);
    this.durations = new Float64Array(n);
    this.statuses = new Uint16Array(n);
    this.synthesized = new Uint8Array(n);
    this.actions = new Array<string | null>(n).fill(null);
    this.accountIds = new Array<string | null>(n).fill(null);
    this.methods = new Array<string | null>(n).fill(null);
    this.codes = new Array<string | null>(n).fill(null);
    this.faults = new Array<string | null>(n).fill(null);
    this.authFailures = new Array<string | null>(n).fill(null);
    this.text = new JournalText(n, readParams);
  }

  /** Bytes kept beyond the preallocated slots (long calls, response bodies); bounded by OVERFLOW_BUDGET_BYTES. */
  get overflowBytes(): number {
    return this.text.overflowBytes;
  }

  /** Returns the call's sequence number (0 when the journal keeps nothing). */
  record(call: RecordedCall): number {
    if (this.capacity === 0) return 0;
    const slot = this.next;
    const seq = ++this.seq;
    this.seqs[slot] = seq;
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
    this.text.store(slot, seq, call.requestId, call.url, call.body, call.params);
    if (this.keepBodies && call.responseBody !== undefined) this.text.storeResponse(slot, seq, call.responseBody);
    this.next = slot + 1 === this.capacity ? 0 : slot + 1;
    return seq;
  }

  /**
   * Corrects the outcome of call `seq` (a group commit failed after it was
   * recorded), if it is still kept. A kept response body no longer
   * describes the answer and is dropped.
   */
  amend(seq: number, status: number, code: string): void {
    const slot = this.slotOf(seq);
    if (slot === undefined) return;
    this.statuses[slot] = status;
    this.codes[slot] = code;
    this.text.dropResponse(slot);
  }

  /** Entries oldest first. */
  list(filter: JournalFilter = {}): JournalEntry[] {
    return this.select(filter).map((one) => this.entry(one)!);
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
    this.text.clear();
    this.next = 0;
    return count;
  }

  /**
   * Matching calls, oldest first. With `limit`, only the first `limit` of
   * them, or the last `limit` when `newest` is set; the scan stops there.
   */
  select(filter: JournalFilter = {}, limit = Infinity, newest = false): Selected[] {
    const match = matcher(filter);
    const selected: Selected[] = [];
    for (let i = 0; i < this.capacity && selected.length < limit; i++) {
      // Oldest first from `next`, or newest first from the slot before it.
      const slot = newest ? (this.next - 1 - i + 2 * this.capacity) % this.capacity : (this.next + i) % this.capacity;
      const seq = this.seqs[slot];
      if (seq === 0) continue;
      // A slot with a sequence number holds a call: its strings are set.
      const call = { action: this.actions[slot]!, accountId: this.accountIds[slot]!, code: this.codes[slot], time: this.times[slot] };
      if (match(seq, call)) selected.push({ seq, slot });
    }
    return newest ? selected.reverse() : selected;
  }

  /**
   * The public entry: secrets redacted, time as ISO text, duration rounded
   * to the microsecond. Null when the call has left the journal since it was
   * selected (a long answer is written while new calls arrive).
   */
  entry({ seq, slot }: Selected): JournalEntry | null {
    if (this.seqs[slot] !== seq) return null;
    const { requestId, params, truncated } = this.text.read(slot);
    const response = this.text.readResponse(slot);
    return {
      seq,
      time: new Date(this.times[slot]).toISOString(),
      requestId,
      action: this.actions[slot]!,
      accountId: this.accountIds[slot]!,
      method: this.methods[slot]!,
      params: params === undefined ? {} : redactParams(params),
      status: this.statuses[slot],
      code: this.codes[slot],
      durationMs: Math.round(this.durations[slot] * 1000) / 1000,
      synthesized: this.synthesized[slot] === 1,
      authFailure: redactAuthFailure(this.authFailures[slot]),
      fault: this.faults[slot],
      truncated: truncated || (response?.truncated ?? false),
      responseBody: response ? redactAuthFailure(response.body) : null,
    };
  }

  private slotOf(seq: number): number | undefined {
    if (seq <= 0 || seq > this.seq || this.seq - seq >= this.capacity) return undefined;
    // Slots are filled in sequence order: the newest is just before `next`.
    const slot = (this.next - 1 - (this.seq - seq) + 2 * this.capacity) % this.capacity;
    return this.seqs[slot] === seq ? slot : undefined; // undefined: cleared since
  }

  private intern(action: string): string {
    const shared = this.interned.get(action);
    if (shared !== undefined) return shared;
    if (this.interned.size < MAX_INTERNED) this.interned.set(action, action);
    return action;
  }
}

export interface Selected {
  seq: number;
  slot: number;
}

type MatchedFields = Pick<RecordedCall, 'action' | 'accountId' | 'code' | 'time'>;

function matcher(filter: JournalFilter): (seq: number, call: MatchedFields) => boolean {
  const { action, account, code, afterSeq, afterTime } = filter;
  return (seq, call) => {
    if (action !== undefined && call.action !== action) return false;
    if (account !== undefined && call.accountId !== account) return false;
    if (code !== undefined && (call.code ?? 'OK') !== code) return false;
    if (afterSeq !== undefined && seq <= afterSeq) return false;
    if (afterTime !== undefined && !(call.time > afterTime)) return false;
    return true;
  };
}
