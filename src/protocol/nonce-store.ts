/**
 * The nonce store: which (AccessKeyId, nonce) pairs were used within the
 * signature window, so a replayed request is refused (protocol.md section 9).
 */

import { SIGNATURE_WINDOW_MS } from './timestamp';

/**
 * Nonces seen per key within the window, oldest first, as numbers in typed
 * arrays: a 64-bit hash of `accessKeyId\nnonce`, and its expiry. A ring keeps
 * arrival order, so expiring from the front is amortised O(1); an
 * open-addressing index over the ring finds a nonce. `maxEntries` caps it even
 * under a flood, at the cost of forgetting the oldest nonces early.
 *
 * Why numbers, not a Map of strings: the gateway remembers a nonce for 15
 * minutes, so a loaded strict run keeps every nonce it sent (bench: ~300,000).
 * As Map entries they cost ~95 bytes each on the heap, each doubling of the
 * Map paused the server (32 ms at 524,288 entries) and every full collection
 * marked them all. Here a nonce costs ~25 bytes outside the heap. Two
 * different nonces of a key share a hash with probability 2^-64 per pair:
 * with a million remembered, a fresh nonce is wrongly refused once in about
 * 10^13 calls.
 *
 * Why growth is incremental: a ring and index that doubled in one call (copy
 * the ring, rehash every nonce) paused the server for 10-25 ms at 262,144 and
 * 524,288 nonces, the whole p99 of a strict load. Now no call does work
 * proportional to the number of nonces:
 * - The ring is made of fixed segments of SEGMENT entries, addressed by a
 *   logical position that only moves forward (modulo a power of two, see the
 *   constructor). Growing adds a segment and copies nothing, so a position,
 *   once given, stays valid and the index never has to be rebuilt for the
 *   ring's sake. A segment the head leaves is reused by the tail (or freed),
 *   so a steady rate keeps a steady size. The first segment starts small and
 *   doubles up to SEGMENT (at most SEGMENT / 2 entries copied), so a small
 *   store stays small; later segments are allocated whole.
 * - The index (linear probing, load at most 1/2) doubles by an incremental
 *   rebuild: the new table takes every insert from then on, and each insert
 *   also walks MIGRATE_STEPS entries of the ring that were there before,
 *   linking the live ones into the new table (reading the ring in order, as
 *   the one-call rebuild did). Until the walk reaches the old tail, the old
 *   table stays as it was, but for deletions, and a lookup tries both; then it
 *   is dropped whole. The walk ends long before the new table is half full.
 * - Dead entries in the middle of the ring (a nonce remembered again moves to
 *   the back) are squeezed out by an incremental compaction, started when
 *   they outnumber the live ones by a segment: each insert moves up to
 *   COMPACT_STEPS entries towards the head, in order, repointing each one's
 *   index slot; when it reaches the tail, the tail moves back. It waits while
 *   the index is rebuilt, so the walk never sees entries move. Plain `use`
 *   with a clock that only moves forward never leaves such entries.
 * Both kinds of background work run only inside inserts, a few entries at a
 * time; the common path checks one flag (`busy`) for them.
 *
 * Why an index slot holds more than a position: with the ring in segments,
 * every ring read costs an extra indirection, so the index avoids them. A
 * slot is one 32-bit number (as before): the position in its high bits and,
 * in the low ones, how far the slot is from the entry's home slot and a few
 * bits of its hash. A probe for a fresh nonce skips the other entries without
 * reading the ring, and a deletion shifts entries back knowing their homes.
 */
export class NonceStore {
  /**
   * The ring's segments, from the head's to the tail's, at `segment number &
   * segmentMask` (a power of two at least as large as their span); the other
   * places hold empty arrays. An entry's two hash halves sit side by side
   * (low, high: one cache line for the comparison); its expiry is in ms after
   * `origin`, DEAD (NaN) once the entry is forgotten or moved to the back.
   */
  private hashSegments: Uint32Array[] = [new Uint32Array(INITIAL_RING * 2), NO_HASHES];
  private expirySegments: Float64Array[] = [new Float64Array(INITIAL_RING), NO_EXPIRIES];
  private segmentMask = 1;
  /** Segments the head left, kept for the tail (at most SPARE_SEGMENTS). */
  private readonly spareHashes: Uint32Array[] = [];
  private readonly spareExpiries: Float64Array[] = [];
  /** Logical positions wrap at positionMask + 1; segment numbers at segmentNumberMask + 1. */
  private readonly positionMask: number;
  private readonly segmentNumberMask: number;
  /** The oldest entry's logical position. */
  private head: number;
  /** Ring entries from head on, live or not. */
  private used = 0;
  private liveCount = 0;
  /**
   * Open addressing over logical positions, at least twice as many slots as
   * live entries. A slot is 0 when empty, else one 32-bit number:
   *   position << shift | tag << distanceBits | distance code
   * where the distance code - 1 is the slot's distance from the entry's home
   * slot (its low hash & the slot mask), or is `far` when that does not fit
   * (then the home is read from the ring), and the tag is the low bits of the
   * entry's high hash (as many as are left, up to 8).
   */
  private index = new Uint32Array(INITIAL_RING * 2);
  private readonly shift: number;
  private readonly distanceBits: number;
  private readonly far: number;
  private readonly tagMask: number;
  /**
   * While the index grows: the former table, and (as counts from head, like
   * the compaction's) how far the walk got and where it ends. A live entry
   * before `walkEnd` is in the old table, one before `walk` or from `walkEnd`
   * on is in the new one.
   */
  private oldIndex: Uint32Array | undefined = undefined;
  private walk = 0;
  private walkEnd = 0;
  /** While compacting: entries from head on already compacted (`written`) and already read (`read`); dead in between. */
  private compacting = false;
  private written = 0;
  private read = 0;
  /** The index is growing or the ring compacting: inserts have a few steps of it to do. */
  private busy = false;
  /** Set by the first call; 0 until then. */
  private origin = 0;
  private started = false;

  constructor(
    private readonly windowMs = SIGNATURE_WINDOW_MS,
    private readonly maxEntries = 1_000_000,
  ) {
    // The ring never spans more than about 2.3 times maxEntries, dead entries included (compaction
    // starts when the dead outnumber the live by a segment, and reads 8 entries while the tail gains
    // one), plus a few segments: positions get room for 4 times that. The rest of an index slot's
    // 32 bits (9 for a million entries) hold the distance (4) and the tag (the other 5).
    const entries = maxEntries >= 0 ? Math.min(maxEntries, 2 ** 28) : Number.isNaN(maxEntries) ? 2 ** 28 : 0;
    const bits = Math.min(30, Math.max(20, Math.ceil(Math.log2(4 * entries + 16 * SEGMENT))));
    this.positionMask = 2 ** bits - 1;
    this.segmentNumberMask = this.positionMask >>> SEGMENT_SHIFT;
    // Two segments before the wrap, so that any store that sees more than 32,768 nonces (the tests'
    // do) wraps early on.
    this.head = this.positionMask + 1 - 2 * SEGMENT;
    this.shift = 32 - bits;
    this.distanceBits = Math.min(this.shift, DISTANCE_BITS);
    this.far = 2 ** this.distanceBits - 1;
    this.tagMask = 2 ** Math.min(this.shift - this.distanceBits, 8) - 1;
  }

  get size(): number {
    return this.liveCount;
  }

  wasUsed(accessKeyId: string, nonce: string, now: number): boolean {
    const at = this.since(now);
    this.expire(at);
    const position = this.find(hashHigh(accessKeyId, nonce), hashLow(accessKeyId, nonce));
    return position !== -1 && this.expiryAt(position) > at;
  }

  remember(accessKeyId: string, nonce: string, now: number): void {
    const at = this.since(now);
    this.expire(at);
    const high = hashHigh(accessKeyId, nonce);
    const low = hashLow(accessKeyId, nonce);
    this.insert(high, low, this.find(high, low), at);
  }

  /**
   * wasUsed, then remember when it was not: true when the nonce is fresh (and
   * is now recorded), false when it was used already (nothing changes).
   */
  use(accessKeyId: string, nonce: string, now: number): boolean {
    const at = this.since(now);
    this.expire(at);
    const high = hashHigh(accessKeyId, nonce);
    const low = hashLow(accessKeyId, nonce);
    const position = this.find(high, low);
    if (position !== -1 && this.expiryAt(position) > at) return false;
    this.insert(high, low, position, at);
    return true;
  }

  /** Appends a nonce; one already there (at `existing`) moves to the back, as a fresh entry. */
  private insert(high: number, low: number, existing: number, at: number): void {
    if (existing !== -1) this.drop(existing);
    if (this.busy) this.work();
    const position = (this.head + this.used) & this.positionMask;
    const segment = (position >>> SEGMENT_SHIFT) & this.segmentMask;
    const offset = position & SEGMENT_MASK;
    if (offset >= this.expirySegments[segment].length) this.growSegment(segment);
    const hashes = this.hashSegments[segment];
    hashes[offset * 2] = low;
    hashes[offset * 2 + 1] = high;
    const expiry = at + this.windowMs;
    // NaN marks the dead; a NaN expiry (a NaN clock) compares like -Infinity: expired at any time.
    this.expirySegments[segment][offset] = expiry === expiry ? expiry : -Infinity;
    this.used += 1;
    this.liveCount += 1;
    if (this.liveCount * 2 > this.index.length) this.growIndex();
    this.link(this.index, low, high & this.tagMask, position);
    if (offset === SEGMENT_MASK) this.openSegment((position + 1) & this.positionMask);
    if (this.liveCount > this.maxEntries) this.dropOldest();
  }

  /** Milliseconds since the first call: Date.now() values become small integers, and differences of integers are exact. */
  private since(now: number): number {
    if (!this.started) {
      this.started = true;
      this.origin = now;
    }
    return now - this.origin;
  }

  /** Forgets expired nonces from the front, stopping at the first live one that is not. */
  private expire(at: number): void {
    while (this.used > 0) {
      const position = this.head;
      const segment = (position >>> SEGMENT_SHIFT) & this.segmentMask;
      const offset = position & SEGMENT_MASK;
      const expiries = this.expirySegments[segment];
      const expiry = expiries[offset];
      if (expiry === expiry) {
        // live
        if (expiry > at) return;
        expiries[offset] = DEAD;
        this.liveCount -= 1;
        this.unlink(this.hashSegments[segment][offset * 2], position);
      }
      this.popFront();
    }
  }

  private dropOldest(): void {
    while (Number.isNaN(this.expiryAt(this.head))) this.popFront();
    this.drop(this.head);
    this.popFront();
  }

  private popFront(): void {
    const left = this.head;
    this.head = (left + 1) & this.positionMask;
    this.used -= 1;
    if ((this.head & SEGMENT_MASK) === 0) this.releaseSegment(left >>> SEGMENT_SHIFT);
    if (this.busy) {
      if (this.written > 0) this.written -= 1;
      if (this.read > 0) this.read -= 1;
      if (this.walk > 0) this.walk -= 1;
      if (this.walkEnd > 0) this.walkEnd -= 1;
    }
  }

  /** Marks a ring entry dead and takes it out of the index. */
  private drop(position: number): void {
    const segment = (position >>> SEGMENT_SHIFT) & this.segmentMask;
    const offset = position & SEGMENT_MASK;
    this.expirySegments[segment][offset] = DEAD;
    this.liveCount -= 1;
    this.unlink(this.hashSegments[segment][offset * 2], position);
  }

  private expiryAt(position: number): number {
    return this.expirySegments[(position >>> SEGMENT_SHIFT) & this.segmentMask][position & SEGMENT_MASK];
  }

  /** A hash half of the entry at a position: 0 for the low one (its home slot's bits), 1 for the high one. */
  private hashAt(position: number, half: number): number {
    return this.hashSegments[(position >>> SEGMENT_SHIFT) & this.segmentMask][(position & SEGMENT_MASK) * 2 + half];
  }

  /** Twice the room in a segment that started small, up to SEGMENT: entries keep their offsets. */
  private growSegment(segment: number): void {
    const expiries = this.expirySegments[segment];
    const capacity = Math.min(Math.max(expiries.length * 2, INITIAL_RING), SEGMENT);
    const hashes = new Uint32Array(capacity * 2);
    hashes.set(this.hashSegments[segment]);
    this.hashSegments[segment] = hashes;
    this.expirySegments[segment] = new Float64Array(capacity);
    this.expirySegments[segment].set(expiries);
  }

  /** The tail reached a segment boundary: the next segment joins the ring (maybe compaction starts). */
  private openSegment(position: number): void {
    const number = position >>> SEGMENT_SHIFT;
    if (((number - (this.head >>> SEGMENT_SHIFT)) & this.segmentNumberMask) > this.segmentMask) this.widenSegments();
    const segment = number & this.segmentMask;
    // Only the first segment starts small: a store that fills one is not small.
    this.hashSegments[segment] = this.spareHashes.pop() ?? new Uint32Array(SEGMENT * 2);
    this.expirySegments[segment] = this.spareExpiries.pop() ?? new Float64Array(SEGMENT);
    if (!this.compacting && this.used - this.liveCount > this.liveCount + SEGMENT) this.startCompaction();
    // Cannot happen (the constructor gave positions room for more): positions must never come round
    // to the head, so the dead are squeezed out at once.
    if (this.used > this.positionMask - 3 * SEGMENT) {
      if (this.oldIndex !== undefined) this.migrate(Infinity);
      if (!this.compacting) this.startCompaction();
      this.compact(Infinity);
    }
  }

  private startCompaction(): void {
    this.compacting = true;
    this.busy = true;
    this.written = 0;
    this.read = 0;
  }

  private releaseSegment(number: number): void {
    const segment = number & this.segmentMask;
    if (this.spareHashes.length < SPARE_SEGMENTS) {
      this.spareHashes.push(this.hashSegments[segment]);
      this.spareExpiries.push(this.expirySegments[segment]);
    }
    this.hashSegments[segment] = NO_HASHES;
    this.expirySegments[segment] = NO_EXPIRIES;
  }

  /** Twice the room for segments (a handful of references: one per SEGMENT entries). */
  private widenSegments(): void {
    const size = this.hashSegments.length * 2;
    const hashSegments = new Array<Uint32Array>(size).fill(NO_HASHES);
    const expirySegments = new Array<Float64Array>(size).fill(NO_EXPIRIES);
    const first = this.head >>> SEGMENT_SHIFT;
    for (let i = 0; i <= this.segmentMask; i++) {
      const number = (first + i) & this.segmentNumberMask;
      hashSegments[number & (size - 1)] = this.hashSegments[number & this.segmentMask];
      expirySegments[number & (size - 1)] = this.expirySegments[number & this.segmentMask];
    }
    this.hashSegments = hashSegments;
    this.expirySegments = expirySegments;
    this.segmentMask = size - 1;
  }

  /** The logical position of a live nonce with this hash, or -1. */
  private find(high: number, low: number): number {
    const position = this.findIn(this.index, high, low);
    if (position !== -1 || this.oldIndex === undefined) return position;
    return this.findIn(this.oldIndex, high, low);
  }

  /**
   * Probes a table from the home slot. Only an entry with this home and this
   * tag can match: the ring is read for those alone (and for the few too far
   * from home to tell).
   */
  private findIn(table: Uint32Array, high: number, low: number): number {
    const mask = table.length - 1;
    const home = low & mask;
    const codeMask = (1 << this.shift) - 1;
    const tag = (high & this.tagMask) << this.distanceBits;
    for (let slot = home; ; slot = (slot + 1) & mask) {
      const word = table[slot];
      if (word === 0) return -1;
      const code = word & codeMask;
      if (code === (tag | (((slot - home) & mask) + 1)) || code === (tag | this.far)) {
        const position = word >>> this.shift;
        if (this.hashAt(position, 0) === low && this.hashAt(position, 1) === high) return position;
      }
    }
  }

  /** The home slot of the entry in a table's slot. */
  private homeOf(table: Uint32Array, slot: number): number {
    const word = table[slot];
    const code = word & this.far;
    if (code !== this.far) return (slot - code + 1) & (table.length - 1);
    return this.hashAt(word >>> this.shift, 0) & (table.length - 1);
  }

  /** Adds a position, with its tag, to a table (as an unsigned 32-bit number: see `index`). */
  private link(table: Uint32Array, low: number, tag: number, position: number): void {
    const mask = table.length - 1;
    const home = low & mask;
    let slot = home;
    while (table[slot] !== 0) slot = (slot + 1) & mask;
    table[slot] = (position << this.shift) | (tag << this.distanceBits) | Math.min(((slot - home) & mask) + 1, this.far);
  }

  /** Takes a position out of the tables that hold it. */
  private unlink(low: number, position: number): void {
    if (this.oldIndex === undefined) {
      this.remove(this.index, low, position);
      return;
    }
    const offset = (position - this.head) & this.positionMask;
    if (offset < this.walkEnd) this.remove(this.oldIndex, low, position);
    if (offset < this.walk || offset >= this.walkEnd) this.remove(this.index, low, position);
  }

  /**
   * Removes a position from a table, looking from its home slot, and shifts
   * back the entries after it (linear probing needs no tombstones).
   */
  private remove(table: Uint32Array, low: number, position: number): void {
    const mask = table.length - 1;
    let hole = low & mask;
    for (let word = table[hole]; word >>> this.shift !== position; word = table[hole]) {
      if (word === 0) return;
      hole = (hole + 1) & mask;
    }
    for (let slot = (hole + 1) & mask; table[slot] !== 0; slot = (slot + 1) & mask) {
      const home = this.homeOf(table, slot);
      // The entry at `slot` may move into the hole unless its home lies cyclically in (hole, slot].
      const stays = hole <= slot ? home > hole && home <= slot : home > hole || home <= slot;
      if (!stays) {
        table[hole] = (table[slot] & ~this.far) | Math.min(((hole - home) & mask) + 1, this.far);
        hole = slot;
      }
    }
    table[hole] = 0;
  }

  /** Replaces position `from` by `to` in the index: the hash, so the probe path, is the same. */
  private repoint(low: number, from: number, to: number): void {
    const table = this.index;
    const mask = table.length - 1;
    for (let slot = low & mask; table[slot] !== 0; slot = (slot + 1) & mask) {
      if (table[slot] >>> this.shift === from) {
        table[slot] = (to << this.shift) | (table[slot] & ((1 << this.shift) - 1));
        return;
      }
    }
  }

  /** A few steps of the background work: rebuilding the index, else compacting the ring. */
  private work(): void {
    if (this.oldIndex !== undefined) this.migrate(MIGRATE_STEPS);
    else if (this.compacting) this.compact(COMPACT_STEPS);
    this.busy = this.oldIndex !== undefined || this.compacting;
  }

  /**
   * More than half the index is live: a table twice as large takes over, and
   * the entries already in the ring (all but the one being inserted, which
   * the caller links) are walked into it a few at a time (see migrate).
   */
  private growIndex(): void {
    // Cannot happen: the walk ends after used / MIGRATE_STEPS inserts, long before the
    // live count doubles again; kept so the index stays correct regardless.
    if (this.oldIndex !== undefined) this.migrate(Infinity);
    this.oldIndex = this.index;
    this.index = new Uint32Array(this.oldIndex.length * 2);
    this.walk = 0;
    this.walkEnd = this.used - 1;
    this.busy = true;
  }

  /**
   * Walks the ring on, linking live entries into the new table: `links` of
   * them, or 16 times as many entries (dead ones cost a look); at the end the
   * old table goes.
   */
  private migrate(links: number): void {
    for (let linked = 0, looked = 0; linked < links && looked < links * 16; looked++) {
      if (this.walk >= this.walkEnd) {
        this.oldIndex = undefined;
        return;
      }
      const position = (this.head + this.walk) & this.positionMask;
      this.walk += 1;
      const segment = (position >>> SEGMENT_SHIFT) & this.segmentMask;
      const offset = position & SEGMENT_MASK;
      if (Number.isNaN(this.expirySegments[segment][offset])) continue;
      const hashes = this.hashSegments[segment];
      this.link(this.index, hashes[offset * 2], hashes[offset * 2 + 1] & this.tagMask, position);
      linked++;
    }
  }

  /** Reads `steps` entries on, moving each live one back to the compacted part; at the tail, the tail moves back. */
  private compact(steps: number): void {
    for (let i = 0; i < steps; i++) {
      if (this.read === this.used) {
        this.endCompaction();
        return;
      }
      const from = (this.head + this.read) & this.positionMask;
      this.read += 1;
      const source = (from >>> SEGMENT_SHIFT) & this.segmentMask;
      const f = from & SEGMENT_MASK;
      const expiry = this.expirySegments[source][f];
      if (Number.isNaN(expiry)) continue;
      if (this.written !== this.read - 1) {
        const to = (this.head + this.written) & this.positionMask;
        const target = (to >>> SEGMENT_SHIFT) & this.segmentMask;
        const t = to & SEGMENT_MASK;
        const low = this.hashSegments[source][f * 2];
        this.hashSegments[target][t * 2] = low;
        this.hashSegments[target][t * 2 + 1] = this.hashSegments[source][f * 2 + 1];
        this.expirySegments[target][t] = expiry;
        this.expirySegments[source][f] = DEAD;
        this.repoint(low, from, to);
      }
      this.written += 1;
    }
  }

  private endCompaction(): void {
    const end = ((this.head + this.used) & this.positionMask) >>> SEGMENT_SHIFT;
    this.used = this.written;
    let number = ((this.head + this.used) & this.positionMask) >>> SEGMENT_SHIFT;
    while (number !== end) {
      number = (number + 1) & this.segmentNumberMask;
      this.releaseSegment(number);
    }
    this.compacting = false;
  }
}

/** A new segment's first size; the index starts with twice as many slots. */
const INITIAL_RING = 1024;
/** Entries per ring segment (2^14: 256 KB; 62 of them hold a million nonces). */
const SEGMENT_SHIFT = 14;
const SEGMENT = 1 << SEGMENT_SHIFT;
const SEGMENT_MASK = SEGMENT - 1;
/** Bits of an index slot for the distance from home: up to 13 slots, beyond that the ring says. */
const DISTANCE_BITS = 4;
/** The expiry of a dead entry. */
const DEAD = NaN;
/** What the places of the segment table outside the ring hold. */
const NO_HASHES = new Uint32Array(0);
const NO_EXPIRIES = new Float64Array(0);
/**
 * Live entries linked per insert while the index grows (or 16 times as many
 * looked at). The walk must end before the live count reaches S and the new
 * table grows in turn, S / 2 inserts after a table of S slots grew with S / 2
 * live: it takes at most S / 8 inserts for those, and one per 64 ring entries
 * for the dead in between (fewer than 2.3 times the live ones plus a few
 * segments, see the constructor).
 */
const MIGRATE_STEPS = 4;
/** Ring entries read per insert while compacting: more than 1 so the reader overtakes the tail. */
const COMPACT_STEPS = 8;
/** Free segments kept for reuse: a steady rate needs one; more are left to the collector. */
const SPARE_SEGMENTS = 2;

/** The constants of one of the two independent 32-bit hashes a nonce is remembered by. */
interface HashConstants {
  seed: number;
  multiplier: number;
  shift: number;
  finish: number;
  lastShift: number;
}
/** Its low bits pick the index slot. */
const LOW_HASH: HashConstants = { seed: 0x811c9dc5, multiplier: 0x01000193, shift: 15, finish: 0x2c1b3c6d, lastShift: 12 };
const HIGH_HASH: HashConstants = { seed: 0x9747b28c, multiplier: 0x5bd1e995, shift: 13, finish: 0xc2b2ae35, lastShift: 16 };

function hashLow(accessKeyId: string, nonce: string): number {
  return nonceHash(accessKeyId, nonce, LOW_HASH);
}

function hashHigh(accessKeyId: string, nonce: string): number {
  return nonceHash(accessKeyId, nonce, HIGH_HASH);
}

/** `accessKeyId\nnonce` hashed FNV-1a style, then avalanched (a multiply between two xor-shifts). */
function nonceHash(accessKeyId: string, nonce: string, k: HashConstants): number {
  let hash = mixIn(k.seed, accessKeyId, k.multiplier);
  hash = Math.imul(hash ^ 10, k.multiplier); // the newline between the two
  hash = mixIn(hash, nonce, k.multiplier);
  hash ^= hash >>> k.shift;
  hash = Math.imul(hash, k.finish);
  return (hash ^ (hash >>> k.lastShift)) >>> 0;
}

function mixIn(hash: number, text: string, multiplier: number): number {
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), multiplier);
  return hash;
}

