/**
 * Where the journal keeps each call's text (request id, parameters, and the
 * response body when asked to), bounded in bytes, not only in entries: 1000
 * POSTs of 1 MiB once held 1.1 GB, and listing them overflowed V8's largest
 * string.
 *
 * - A call whose request id, URL and body fit SLOT_BYTES is kept as bytes in
 *   a slot of a preallocated buffer (Latin-1 URL, as Node's HTTP parser gives
 *   it, and a UTF-8 body); its parameters are parsed again only when read.
 *   Nothing of it is a string a young-generation collection has to copy
 *   (journal.ts says why that matters).
 * - A longer call keeps its parameters, each value cut to MAX_VALUE_CHARS and
 *   at most MAX_ENTRY_CHARS of names and values in all; the rest is dropped.
 * - Response bodies (only with --journal-bodies) keep their first
 *   MAX_RESPONSE_CHARS characters.
 * - Long calls and response bodies share OVERFLOW_BUDGET_BYTES: past it, the
 *   oldest of them lose their parameters or body first.
 * Whatever is cut or dropped marks its entry `truncated`.
 */
export const SLOT_BYTES = 1024;
export const MAX_VALUE_CHARS = 1024;
export const MAX_ENTRY_CHARS = 16 * 1024;
export const MAX_RESPONSE_CHARS = 4096;
export const OVERFLOW_BUDGET_BYTES = 32 * 1024 * 1024;

const REQUEST_ID_BYTES = 36;
/** Slots are allocated this many at a time, as the ring first fills. */
const SLOTS_PER_CHUNK = 1024;
const LATIN1 = /^[\x00-\xff]*$/;
/** What a kept string costs beyond its characters (an estimate: V8's header and the map entry). */
const STRING_OVERHEAD_BYTES = 32;

type Params = Record<string, string>;

/** The request side of a call, as the journal shows it. */
export interface CallText {
  requestId: string;
  /** Undefined when the request could not be read. */
  params: Params | undefined;
  /** Some parameters were cut or dropped. */
  truncated: boolean;
}

/** A long call: what is left of its parameters. */
interface Overflow {
  requestId: string;
  params: Params | undefined;
  truncated: boolean;
  bytes: number;
}

interface Response {
  body: Buffer;
  truncated: boolean;
}

export class JournalText {
  /** Slot bytes, a chunk of SLOTS_PER_CHUNK slots at a time. */
  private readonly chunks: Buffer[] = [];
  /** -1: no URL (the request could not be read); -2: the call is in `overflow`. */
  private readonly urlLengths: Int32Array;
  private readonly bodyLengths: Uint16Array;
  private readonly overflow = new Map<number, Overflow>();
  private readonly responses = new Map<number, Response>();
  /** Oldest first: which slot's overflow or response to drop when the budget is spent. */
  private readonly spendOrder: { slot: number; seq: number; kind: 'params' | 'response' }[] = [];
  private spendHead = 0;
  private spent = 0;
  /** The sequence number each slot's text belongs to. */
  private readonly owners: Float64Array;

  constructor(
    private readonly capacity: number,
    private readonly readParams: (url: string, body: string) => Params,
  ) {
    this.urlLengths = new Int32Array(capacity);
    this.bodyLengths = new Uint16Array(capacity);
    this.owners = new Float64Array(capacity);
  }

  /** Bytes held beyond the slots: long calls' parameters and response bodies. */
  get overflowBytes(): number {
    return this.spent;
  }

  /**
   * `params`, when given, are the call's parameters as the request reader
   * parsed them: a long call keeps a cut copy instead of parsing again.
   */
  store(slot: number, seq: number, requestId: string, url: string | undefined, body: string, params?: Params): void {
    this.release(slot);
    this.owners[slot] = seq;
    const room = SLOT_BYTES - REQUEST_ID_BYTES - (url?.length ?? 0);
    const fits = requestId.length === REQUEST_ID_BYTES && room >= 0 && (url === undefined || LATIN1.test(url))
      && (body.length * 3 <= room || Buffer.byteLength(body) <= room);
    if (!fits) {
      this.keepOverflow(slot, seq, requestId, url === undefined ? undefined : params ?? this.readParams(url, body));
      return;
    }
    const { chunk, offset } = this.place(slot);
    chunk.write(requestId, offset, 'latin1');
    this.urlLengths[slot] = url === undefined ? -1 : chunk.write(url, offset + REQUEST_ID_BYTES, 'latin1');
    this.bodyLengths[slot] = body === '' ? 0 : chunk.write(body, offset + REQUEST_ID_BYTES + (url?.length ?? 0), 'utf8');
  }

  /** Keeps the start of a response body; `body` itself is not retained. */
  storeResponse(slot: number, seq: number, body: string): void {
    const truncated = body.length > MAX_RESPONSE_CHARS;
    const copy = Buffer.from(truncated ? body.slice(0, MAX_RESPONSE_CHARS) : body, 'utf8');
    this.responses.set(slot, { body: copy, truncated });
    this.spend(slot, seq, 'response', copy.length + STRING_OVERHEAD_BYTES);
  }

  /** Forgets a response body that no longer describes the answer (journal.amend). */
  dropResponse(slot: number): void {
    const response = this.responses.get(slot);
    if (!response) return;
    this.spent -= response.body.length + STRING_OVERHEAD_BYTES;
    this.responses.delete(slot);
  }

  read(slot: number): CallText {
    const kept = this.overflow.get(slot);
    if (this.urlLengths[slot] === -2 && kept) return { requestId: kept.requestId, params: kept.params, truncated: kept.truncated };
    const { chunk, offset } = this.place(slot);
    const requestId = chunk.toString('latin1', offset, offset + REQUEST_ID_BYTES);
    if (this.urlLengths[slot] === -1) return { requestId, params: undefined, truncated: false };
    const bodyStart = offset + REQUEST_ID_BYTES + this.urlLengths[slot];
    const url = chunk.toString('latin1', offset + REQUEST_ID_BYTES, bodyStart);
    const body = chunk.toString('utf8', bodyStart, bodyStart + this.bodyLengths[slot]);
    return { requestId, params: this.readParams(url, body), truncated: false };
  }

  /** The kept response body, and whether it is cut; null when none is kept. */
  readResponse(slot: number): { body: string; truncated: boolean } | null {
    const response = this.responses.get(slot);
    return response ? { body: response.body.toString('utf8'), truncated: response.truncated } : null;
  }

  /** Frees what the slot held beyond its bytes. */
  release(slot: number): void {
    const kept = this.overflow.get(slot);
    if (kept) {
      this.spent -= kept.bytes;
      this.overflow.delete(slot);
    }
    this.dropResponse(slot);
  }

  clear(): void {
    this.overflow.clear();
    this.responses.clear();
    this.spendOrder.length = 0;
    this.spendHead = 0;
    this.spent = 0;
    this.owners.fill(0);
  }

  private keepOverflow(slot: number, seq: number, requestId: string, params: Params | undefined): void {
    const cut = params === undefined ? { params: undefined, truncated: false, chars: 0 } : cutParams(params);
    const bytes = 2 * (requestId.length + cut.chars) + STRING_OVERHEAD_BYTES * (1 + 2 * Object.keys(cut.params ?? {}).length);
    this.overflow.set(slot, { requestId, params: cut.params, truncated: cut.truncated, bytes });
    this.urlLengths[slot] = -2;
    this.spend(slot, seq, 'params', bytes);
  }

  /** Accounts for `bytes` more, then drops the oldest overflow or response bodies until within budget. */
  private spend(slot: number, seq: number, kind: 'params' | 'response', bytes: number): void {
    this.spent += bytes;
    this.spendOrder.push({ slot, seq, kind });
    while (this.spent > OVERFLOW_BUDGET_BYTES && this.spendHead < this.spendOrder.length) {
      const oldest = this.spendOrder[this.spendHead++];
      if (this.owners[oldest.slot] !== oldest.seq) continue; // overwritten or cleared since: already released
      if (oldest.kind === 'response') {
        // An empty body marked truncated: the entry says a body was kept and then dropped.
        this.dropResponse(oldest.slot);
        this.responses.set(oldest.slot, { body: Buffer.alloc(0), truncated: true });
        this.spent += STRING_OVERHEAD_BYTES;
        continue;
      }
      const kept = this.overflow.get(oldest.slot);
      if (!kept || kept.params === undefined) continue;
      this.spent -= kept.bytes;
      kept.bytes = 2 * kept.requestId.length + STRING_OVERHEAD_BYTES;
      this.spent += kept.bytes;
      kept.params = {};
      kept.truncated = true;
    }
    // The queue is compacted once its spent half outweighs the rest.
    if (this.spendHead > 1024 && this.spendHead * 2 > this.spendOrder.length) {
      this.spendOrder.splice(0, this.spendHead);
      this.spendHead = 0;
    }
  }

  private place(slot: number): { chunk: Buffer; offset: number } {
    const index = Math.floor(slot / SLOTS_PER_CHUNK);
    const chunk = this.chunks[index] ??= Buffer.allocUnsafeSlow(Math.min(SLOTS_PER_CHUNK, this.capacity - index * SLOTS_PER_CHUNK) * SLOT_BYTES);
    return { chunk, offset: (slot % SLOTS_PER_CHUNK) * SLOT_BYTES };
  }
}

/**
 * A copy of the parameters with each value cut to MAX_VALUE_CHARS and at
 * most MAX_ENTRY_CHARS of names and values in all. Every name and value is
 * copied flat: the parser's strings may be slices of the whole request
 * body, and a slice keeps what it was cut from alive.
 */
function cutParams(params: Params): { params: Params; truncated: boolean; chars: number } {
  const copy: Params = {};
  let chars = 0;
  let truncated = false;
  for (const name of Object.keys(params)) {
    const value = params[name];
    if (value.length > MAX_VALUE_CHARS) truncated = true;
    const length = Math.min(value.length, MAX_VALUE_CHARS);
    if (chars + name.length + length > MAX_ENTRY_CHARS) {
      truncated = true;
      break;
    }
    copy[flat(name)] = flat(value.slice(0, length));
    chars += name.length + length;
  }
  return { params: copy, truncated, chars };
}

function flat(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}
