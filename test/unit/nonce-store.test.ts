/**
 * NonceStore keeps the semantics it always had (a nonce used with a key is
 * refused for exactly windowMs, per key; maxEntries bounds it, oldest first)
 * while storing less per nonce: checked at the window's edges and against
 * the former implementation on random sequences of calls. Its growth is
 * incremental (the index is rebuilt and the ring compacted a few entries per
 * call): checked across many growth steps against a Map model on seeded
 * random calls, with the store's invariants read from its private state.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import t from 'tap';
import fc from 'fast-check';
import { NonceStore } from '../../src/protocol/nonce-store';
import { SIGNATURE_WINDOW_MS } from '../../src/protocol/timestamp';
import { parseUrlEncoded } from '../../src/protocol/parse';

/** The store as it was: one Map of `key\nnonce` -> absolute expiry, in arrival order. */
class ReferenceStore {
  private readonly expiries = new Map<string, number>();
  constructor(private readonly windowMs: number, private readonly maxEntries: number) {}
  get size(): number {
    return this.expiries.size;
  }
  wasUsed(accessKeyId: string, nonce: string, now: number): boolean {
    this.expire(now);
    const expiry = this.expiries.get(`${accessKeyId}\n${nonce}`);
    return expiry !== undefined && expiry > now;
  }
  remember(accessKeyId: string, nonce: string, now: number): void {
    this.expire(now);
    const key = `${accessKeyId}\n${nonce}`;
    this.expiries.delete(key);
    this.expiries.set(key, now + this.windowMs);
    if (this.expiries.size > this.maxEntries) this.expiries.delete(this.expiries.keys().next().value as string);
  }
  private expire(now: number): void {
    for (const [key, expiry] of this.expiries) {
      if (expiry > now) return;
      this.expiries.delete(key);
    }
  }
}

const START = Date.UTC(2026, 10, 28, 3, 9, 41);

t.test('a nonce is refused for exactly the window, then accepted and refused again', async (t) => {
  const store = new NonceStore();
  t.ok(store.use('AK', 'n', START), 'fresh');
  t.notOk(store.use('AK', 'n', START), 'at once');
  t.notOk(store.use('AK', 'n', START + SIGNATURE_WINDOW_MS - 1), 'a millisecond before the window ends');
  t.ok(store.wasUsed('AK', 'n', START + SIGNATURE_WINDOW_MS - 1));
  t.notOk(store.wasUsed('AK', 'n', START + SIGNATURE_WINDOW_MS), 'forgotten when the window ends');
  t.equal(store.size, 0, 'and its memory released');
  t.ok(store.use('AK', 'n', START + SIGNATURE_WINDOW_MS), 'so it is accepted again');
  t.notOk(store.use('AK', 'n', START + 2 * SIGNATURE_WINDOW_MS - 1), 'and refused for a whole new window');
  t.ok(store.use('AK', 'n', START + 2 * SIGNATURE_WINDOW_MS));
});

t.test('nonces are per key, and a refused nonce changes nothing', async (t) => {
  const store = new NonceStore(1000, 10);
  t.ok(store.use('A', 'n', 0));
  t.ok(store.use('B', 'n', 0), 'the same nonce under another key');
  t.notOk(store.use('A', 'n', 500));
  t.equal(store.size, 2);
  t.ok(store.use('A', 'n', 1000), 'the refusal at 500 did not extend the window');
});

t.test('entries expire one by one, in arrival order, at their own time', async (t) => {
  const store = new NonceStore(1000, 100);
  store.remember('AK', 'a', 0);
  store.remember('AK', 'b', 300);
  store.remember('AK', 'c', 600);
  t.ok(store.wasUsed('AK', 'a', 999));
  t.equal(store.size, 3);
  t.notOk(store.wasUsed('AK', 'a', 1000));
  t.equal(store.size, 2, 'a is gone');
  t.ok(store.wasUsed('AK', 'b', 1299));
  t.notOk(store.wasUsed('AK', 'b', 1300));
  t.ok(store.wasUsed('AK', 'c', 1599));
  t.equal(store.size, 1);
  t.notOk(store.wasUsed('AK', 'c', 1600));
  t.equal(store.size, 0);
  t.ok(store.use('AK', 'd', 5000), 'an empty store starts over');
  t.notOk(store.use('AK', 'd', 5999));
  t.ok(store.use('AK', 'd', 6000));
});

t.test('remembering a nonce again restarts its window and moves it to the back', async (t) => {
  const store = new NonceStore(1000, 100);
  store.remember('AK', 'a', 0);
  store.remember('AK', 'b', 100);
  store.remember('AK', 'a', 200);
  t.ok(store.wasUsed('AK', 'b', 1099));
  t.notOk(store.wasUsed('AK', 'b', 1100));
  t.ok(store.wasUsed('AK', 'a', 1100), 'a now runs to 1200');
  t.notOk(store.wasUsed('AK', 'a', 1200));
  t.equal(store.size, 0);
});

t.test('maxEntries bounds a flood, forgetting the oldest first; expiry still works after', async (t) => {
  const store = new NonceStore(1000, 3);
  for (const [nonce, at] of [['1', 0], ['2', 10], ['3', 20], ['4', 30]] as const) store.remember('AK', nonce, at);
  t.equal(store.size, 3);
  t.notOk(store.wasUsed('AK', '1', 30), 'the oldest went first');
  t.ok(store.use('AK', '5', 40));
  t.notOk(store.wasUsed('AK', '2', 40));
  t.ok(store.wasUsed('AK', '3', 1019));
  t.notOk(store.wasUsed('AK', '3', 1020), '3 expires at its own time');
  t.ok(store.wasUsed('AK', '4', 1029));
  t.equal(store.size, 2);
  t.equal(new NonceStore(1000, 0).use('AK', 'x', 0), true, 'a zero bound remembers nothing');
});

t.test('wasUsed, remember and use agree with the former store on random calls', async (t) => {
  const call = fc.record({
    op: fc.constantFrom('wasUsed', 'remember', 'use'),
    key: fc.constantFrom('A', 'B'),
    nonce: fc.constantFrom('1', '2', '3', '4', '5', '6'),
    // mostly forward, sometimes back: an injected or adjusted clock
    step: fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 0, max: 400 }) }, { weight: 1, arbitrary: fc.integer({ min: -300, max: 0 }) }),
  });
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 8 }), fc.integer({ min: -1e12, max: 2e12 }), fc.array(call, { maxLength: 80 }), (windowMs, maxEntries, start, calls) => {
      const store = new NonceStore(windowMs, maxEntries);
      const reference = new ReferenceStore(windowMs, maxEntries);
      let now = start;
      for (const { op, key, nonce, step } of calls) {
        now += step;
        let got: boolean | undefined;
        let expected: boolean | undefined;
        if (op === 'wasUsed') {
          got = store.wasUsed(key, nonce, now);
          expected = reference.wasUsed(key, nonce, now);
        } else if (op === 'remember') {
          store.remember(key, nonce, now);
          reference.remember(key, nonce, now);
        } else {
          got = store.use(key, nonce, now);
          expected = !reference.wasUsed(key, nonce, now);
          if (expected) reference.remember(key, nonce, now);
        }
        if (got !== expected || store.size !== reference.size) {
          t.fail(`${op}(${key}, ${nonce}, ${now}): ${got} vs ${expected}, size ${store.size} vs ${reference.size}`);
          return false;
        }
      }
      return true;
    }),
    { numRuns: 3000 },
  );
});

t.test('a remembered nonce does not keep its request alive', async (t) => {
  // The nonce a request carries is a slice of its whole query string. What the
  // store keeps must be a copy: compare heap growth with the query's length.
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  const store = new NonceStore();
  const padding = 'x'.repeat(2000);
  const count = 20000;
  let fresh = true;
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < count; i++) {
    const query = `Pad=${padding}${i}&SignatureNonce=${String(i).padStart(32, '0')}&More=${padding}`;
    if (!store.use('AK', parseUrlEncoded(query, { maxParameters: 10, maxParameterLength: 65536 }).SignatureNonce, START)) fresh = false;
  }
  gc();
  t.ok(fresh, 'every nonce was fresh');
  t.equal(store.size, count);
  const perNonce = (process.memoryUsage().heapUsed - before) / count;
  t.ok(perNonce < 1000, `${perNonce.toFixed(0)} bytes per nonce, not the ~4 KB query`);
});

t.test('many nonces: growth, compaction and the flood bound keep every answer exact', async (t) => {
  const store = new NonceStore(1_000_000, 150_000);
  const nonce = (i: number) => `3f8c2a${i.toString(16).padStart(26, '0')}`;
  let wrong = 0;
  for (let i = 0; i < 120_000; i++) if (!store.use(`key${i % 3}`, nonce(i), START + i)) wrong++;
  t.equal(wrong, 0, '120,000 distinct nonces, none refused');
  t.equal(store.size, 120_000);
  for (let i = 0; i < 120_000; i += 7) if (store.use(`key${i % 3}`, nonce(i), START + 120_000)) wrong++;
  t.equal(wrong, 0, 'each one refused when used again');
  t.ok(store.use('key1', nonce(0), START + 120_000), 'the same nonce under another key is fresh');

  // Re-remembering moves entries to the back: the ring fills with dead entries and is compacted.
  for (let round = 0; round < 3; round++) for (let i = 0; i < 50_000; i++) store.remember(`key${i % 3}`, nonce(i), START + 200_000 + round);
  t.equal(store.size, 120_001);
  let lost = 0;
  for (let i = 0; i < 120_000; i++) if (!store.wasUsed(`key${i % 3}`, nonce(i), START + 200_003)) lost++;
  t.equal(lost, 0, 'after 150,000 moves every nonce is still found');

  // The bound: 60,000 more make 180,001; the oldest 30,001 (nonces 50,000 to 80,000, the ones not
  // remembered again) are forgotten.
  for (let i = 120_000; i < 180_000; i++) store.remember(`key${i % 3}`, nonce(i), START + 300_000);
  t.equal(store.size, 150_000);
  t.ok(store.wasUsed('key2', nonce(179_999), START + 300_000), 'the newest is remembered');
  t.notOk(store.wasUsed(`key${50_000 % 3}`, nonce(50_000), START + 300_000), 'the oldest went first');
  t.notOk(store.wasUsed(`key${80_000 % 3}`, nonce(80_000), START + 300_000));
  t.ok(store.wasUsed('key0', nonce(0), START + 300_000), 'a nonce remembered again is among the newer ones');
  // Forgetting without re-adding leaves gaps in the index: every remaining nonce must still be found.
  lost = 0;
  for (let i = 0; i < 180_000; i++) {
    if ((i < 50_000 || i > 80_000) && !store.wasUsed(`key${i % 3}`, nonce(i), START + 300_000)) lost++;
  }
  t.equal(lost, 0, 'the rest stay');
  t.notOk(store.wasUsed('key0', nonce(0), START + 1_300_000), 'and everything expires');
  t.equal(store.size, 0);
});

/** mulberry32: a seeded PRNG, so a failing sequence is the same on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = Math.imul(state ^ (state >>> 15), state | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Whether the store is moving its index to a larger table, or squeezing dead
 * entries out of its ring, right now. Private state, read only so that the
 * tests below can show they reach these states, not to decide any answer.
 */
function phase(store: NonceStore): { migrating: boolean; compacting: boolean } {
  return { migrating: Reflect.get(store, 'oldIndex') !== undefined, compacting: Reflect.get(store, 'compacting') === true };
}

/**
 * ReferenceStore's model with an explicit arrival queue: on long runs the
 * Map's own order is slow to take from the front (V8 skips every deleted entry
 * from the start on each new iterator). A queue record whose nonce was
 * remembered again, or forgotten, is stale and skipped.
 */
class QueueReference {
  private readonly latest = new Map<string, { expiry: number; arrival: number }>();
  private readonly queue: { key: string; arrival: number; expiry: number }[] = [];
  private front = 0;
  private arrivals = 0;
  constructor(private readonly windowMs: number, private readonly maxEntries: number) {}
  get size(): number {
    return this.latest.size;
  }
  wasUsed(accessKeyId: string, nonce: string, now: number): boolean {
    this.expire(now);
    const entry = this.latest.get(`${accessKeyId}\n${nonce}`);
    return entry !== undefined && entry.expiry > now;
  }
  remember(accessKeyId: string, nonce: string, now: number): void {
    this.expire(now);
    const key = `${accessKeyId}\n${nonce}`;
    const entry = { key, arrival: this.arrivals++, expiry: now + this.windowMs };
    this.latest.set(key, entry);
    this.queue.push(entry);
    if (this.latest.size > this.maxEntries) this.latest.delete(this.oldest().key);
  }
  /** The oldest record still current. */
  private oldest(): { key: string; expiry: number } {
    for (;;) {
      const record = this.queue[this.front];
      if (this.latest.get(record.key)?.arrival === record.arrival) return record;
      this.front++;
    }
  }
  private expire(now: number): void {
    while (this.latest.size > 0) {
      const record = this.oldest();
      if (record.expiry > now) return;
      this.latest.delete(record.key);
    }
  }
}

interface Reference {
  readonly size: number;
  wasUsed(accessKeyId: string, nonce: string, now: number): boolean;
  remember(accessKeyId: string, nonce: string, now: number): void;
}

/** NonceStore's private state, as the structure check below reads it. */
interface Internals {
  head: number;
  used: number;
  liveCount: number;
  /** Logical positions wrap at positionMask + 1. */
  positionMask: number;
  /**
   * A slot: 0 when empty, else position << shift | tag << distanceBits | code; code - 1 is the
   * distance from the home slot, unless code is far; the tag is high hash & tagMask.
   */
  index: Uint32Array;
  oldIndex: Uint32Array | undefined;
  shift: number;
  distanceBits: number;
  far: number;
  tagMask: number;
  /** While the index grows: entries from head on walked into the new table, and where the walk ends. */
  walk: number;
  walkEnd: number;
  compacting: boolean;
  written: number;
  read: number;
  /** Per segment, (low, high) hash pairs. */
  hashSegments: Uint32Array[];
  segmentMask: number;
  /** NaN when the entry is dead. */
  expiryAt(position: number): number;
}
/** As in auth.ts: entries per ring segment. */
const SEGMENT = 2 ** 14;

/** A hash half the ring holds for a position: 0 for the low one, 1 for the high one. */
function hashAt(store: NonceStore, position: number, half = 0): number {
  const s = store as unknown as Internals;
  return s.hashSegments[Math.floor(position / SEGMENT) & s.segmentMask][(position % SEGMENT) * 2 + half];
}

/**
 * The store's invariants, checked from its private state (the first broken one,
 * or undefined): every live entry is in the index table(s) it should be in
 * (while the index grows: the old one if it was there when the growth began,
 * the new one if added since or already walked), once, where a lookup from its
 * home slot finds it, with its true distance from home and its tag; no slot
 * points at a dead entry; the compaction's gap holds only dead entries; and the
 * ring is not much longer than its live entries need.
 */
function checkStructure(store: NonceStore): string | undefined {
  const s = store as unknown as Internals;
  const linked = new Map<string, Set<number>>();
  const tables: [string, Uint32Array][] = [['index', s.index]];
  if (s.oldIndex !== undefined) tables.push(['old index', s.oldIndex]);
  for (const [name, table] of tables) {
    const seen = new Set<number>();
    linked.set(name, seen);
    const mask = table.length - 1;
    for (let slot = 0; slot <= mask; slot++) {
      const word = table[slot];
      if (word === 0) continue;
      const position = word >>> s.shift;
      if (seen.has(position)) return `position ${position} is in two slots of the ${name}`;
      seen.add(position);
      if (((position - s.head) & s.positionMask) >= s.used) return `${name} slot ${slot} points outside the ring`;
      if (Number.isNaN(s.expiryAt(position))) return `${name} slot ${slot} points at a dead entry`;
      const home = hashAt(store, position) & mask;
      const distance = (slot - home) & mask;
      const code = word & s.far;
      if (code !== Math.min(distance + 1, s.far)) return `${name} slot ${slot} says ${code - 1} from home, is ${distance}`;
      const tag = (word >>> s.distanceBits) & ((1 << (s.shift - s.distanceBits)) - 1);
      if (tag !== (hashAt(store, position, 1) & s.tagMask)) return `${name} slot ${slot} has tag ${tag}, not its entry's`;
      for (let probe = home; probe !== slot; probe = (probe + 1) & mask) {
        if (table[probe] === 0) return `${name} slot ${slot} cannot be reached from slot ${home}`;
      }
    }
  }
  let live = 0;
  const growing = s.oldIndex !== undefined;
  for (let k = 0; k < s.used; k++) {
    const position = (s.head + k) & s.positionMask;
    if (Number.isNaN(s.expiryAt(position))) continue;
    live++;
    const inNew = !growing || k < s.walk || k >= s.walkEnd;
    const inOld = growing && k < s.walkEnd;
    if (linked.get('index')?.has(position) !== inNew) return `live position ${position} (${k} from head) ${inNew ? 'not ' : ''}in the index`;
    if (growing && linked.get('old index')?.has(position) !== inOld) return `live position ${position} (${k} from head) ${inOld ? 'not ' : ''}in the old index`;
  }
  if (live !== s.liveCount) return `${live} live entries, liveCount ${s.liveCount}`;
  if (s.compacting) {
    if (!(s.written >= 0 && s.written <= s.read && s.read <= s.used)) return `compaction cursors ${s.written} ${s.read} of ${s.used}`;
    for (let k = s.written; k < s.read; k++) {
      const position = (s.head + k) & s.positionMask;
      if (!Number.isNaN(s.expiryAt(position))) return `live entry in the compaction gap at ${k}`;
    }
  }
  if (s.used > 4 * s.liveCount + 4 * SEGMENT) return `${s.used} ring entries for ${s.liveCount} live`;
  if (s.used > s.positionMask + 1 - SEGMENT) return `${s.used} ring entries span the positions`;
  return undefined;
}

interface Mix {
  /** Out of 1, in this order; the rest is wasUsed of a nonce used before. */
  useFresh: number;
  useAgain: number;
  rememberAgain: number;
  rememberFresh: number;
}

/**
 * Random calls compared one by one with the reference, counting what happened
 * while the index was growing (and while the ring was compacting).
 */
function compareRandomCalls(options: {
  seed: number;
  calls: number;
  windowMs: number;
  maxEntries: number;
  stepMs: number;
  mix: Mix;
  recent?: number;
  /** Calls that use a fresh nonce before the random ones start. */
  prefill?: number;
  /** Another store to check against, instead of a NonceStore. */
  subject?: Reference;
  reference?: Reference;
}) {
  const { seed, calls, windowMs, maxEntries, stepMs, mix, recent } = options;
  const random = seeded(seed);
  const store = options.subject ?? new NonceStore(windowMs, maxEntries);
  const reference = options.reference ?? new QueueReference(windowMs, maxEntries);
  const seen = { migrating: 0, compacting: 0, both: 0, foundWhileMigrating: 0, movedWhileMigrating: 0, forgottenWhileMigrating: 0, droppedWhileMigrating: 0, forgottenWhileCompacting: 0, longestRing: 0 };
  const key = (i: number) => `key${i % 3}`;
  const nonce = (i: number) => `${(i * 2654435761) >>> 0}-${i}`;
  let issued = 0;
  let now = START;
  const earlier = () => (recent === undefined ? Math.floor(random() * issued) : Math.max(0, issued - 1 - Math.floor(random() * recent)));
  for (let call = 0; call < calls; call++) {
    // mostly forward, sometimes back: an injected or adjusted clock
    now += random() < 0.02 ? -Math.floor(random() * 3 * stepMs) : Math.floor(random() * 2 * stepMs + 0.5);
    const { migrating, compacting } = store instanceof NonceStore ? phase(store) : { migrating: false, compacting: false };
    const sizeBefore = reference.size;
    const pick = random();
    let op: string;
    let i: number;
    let fresh = false;
    let got: boolean | undefined;
    let expected: boolean | undefined;
    const use = (i: number) => {
      got = store instanceof NonceStore ? store.use(key(i), nonce(i), now) : !store.wasUsed(key(i), nonce(i), now);
      if (got && !(store instanceof NonceStore)) store.remember(key(i), nonce(i), now);
      expected = !reference.wasUsed(key(i), nonce(i), now);
      if (expected) reference.remember(key(i), nonce(i), now);
    };
    if (pick < mix.useFresh || issued === 0 || call < (options.prefill ?? 0)) {
      op = 'use';
      fresh = true;
      use((i = issued++));
    } else if (pick < mix.useFresh + mix.useAgain) {
      op = 'use';
      use((i = earlier()));
      if (migrating && !expected) seen.foundWhileMigrating++;
    } else if (pick < mix.useFresh + mix.useAgain + mix.rememberAgain) {
      op = 'remember';
      i = earlier();
      if (migrating && reference.wasUsed(key(i), nonce(i), now)) seen.movedWhileMigrating++;
      store.remember(key(i), nonce(i), now);
      reference.remember(key(i), nonce(i), now);
    } else if (pick < mix.useFresh + mix.useAgain + mix.rememberAgain + mix.rememberFresh) {
      op = 'remember';
      fresh = true;
      i = issued++;
      store.remember(key(i), nonce(i), now);
      reference.remember(key(i), nonce(i), now);
    } else {
      op = 'wasUsed';
      i = earlier();
      got = store.wasUsed(key(i), nonce(i), now);
      expected = reference.wasUsed(key(i), nonce(i), now);
      if (migrating && expected) seen.foundWhileMigrating++;
    }
    if (got !== expected || store.size !== reference.size) {
      return { failure: `call ${call}: ${op}(${key(i)}, ${nonce(i)}, ${now}): ${got} vs ${expected}, size ${store.size} vs ${reference.size}`, seen };
    }
    // The structure every 5,000 calls, and every 4th while a small index grows.
    if (store instanceof NonceStore) {
      seen.longestRing = Math.max(seen.longestRing, (store as unknown as Internals).used);
      const old = (store as unknown as Internals).oldIndex;
      if (call % 5_000 === 0 || (old !== undefined && old.length <= 4096 && call % 4 === 0)) {
        const broken = checkStructure(store);
        if (broken !== undefined) return { failure: `call ${call}: ${op}(${key(i)}, ${nonce(i)}, ${now}): ${broken}`, seen };
      }
    }
    if (migrating) {
      seen.migrating++;
      if (reference.size < sizeBefore) seen.forgottenWhileMigrating++;
      if (fresh && reference.size === maxEntries && sizeBefore === maxEntries) seen.droppedWhileMigrating++;
    }
    if (compacting) seen.compacting++;
    if (compacting && reference.size < sizeBefore + (fresh ? 1 : 0)) seen.forgottenWhileCompacting++;
    if (migrating && compacting) seen.both++;
  }
  // Finally every nonce the reference still holds is found, and none it forgot.
  if (store instanceof NonceStore) {
    const broken = checkStructure(store);
    if (broken !== undefined) return { failure: `at the end: ${broken}`, seen };
  }
  let wrong = 0;
  for (let i = 0; i < issued; i++) if (store.wasUsed(key(i), nonce(i), now) !== reference.wasUsed(key(i), nonce(i), now)) wrong++;
  return { failure: wrong === 0 ? undefined : `${wrong} of ${issued} nonces answered differently at the end`, seen };
}

t.test('growth in steps: random calls across several index doublings agree with the reference', async (t) => {
  const mixes: Mix[] = [
    { useFresh: 0.6, useAgain: 0.15, rememberAgain: 0.1, rememberFresh: 0.05 },
    { useFresh: 0.3, useAgain: 0.1, rememberAgain: 0.4, rememberFresh: 0.1 },
  ];
  for (const [n, mix] of mixes.entries()) {
    for (const [windowMs, maxEntries] of [[1e12, 1e6], [500, 1e6], [1e12, 300]]) {
      const check = compareRandomCalls({
        seed: 100 + n,
        calls: 5_000,
        windowMs,
        maxEntries,
        stepMs: 1,
        mix,
        recent: 500,
        subject: new QueueReference(windowMs, maxEntries),
        reference: new ReferenceStore(windowMs, maxEntries),
      });
      t.equal(check.failure, undefined, `the queue model is ReferenceStore's (window ${windowMs}, bound ${maxEntries}, mix ${n})`);
    }
  }
  // Nothing expires: the live count climbs past 1,024, 2,048, ... 65,536, each an index doubling
  // that is carried out over the following inserts.
  const mix: Mix = { useFresh: 0.6, useAgain: 0.15, rememberAgain: 0.1, rememberFresh: 0.05 };
  const { failure, seen } = compareRandomCalls({ seed: 1, calls: 150_000, windowMs: 1e12, maxEntries: 1_000_000, stepMs: 1, mix });
  t.equal(failure, undefined, 'every answer and size agree');
  t.ok(seen.migrating > 10_000, `${seen.migrating} calls made while the index was growing`);
  t.ok(seen.foundWhileMigrating > 1_000, `${seen.foundWhileMigrating} nonces used before found (and refused) while it grew`);
  t.ok(seen.movedWhileMigrating > 1_000, `${seen.movedWhileMigrating} nonces remembered again (taken out of a table) while it grew`);
});

t.test('growth in steps: index slots too far from home to say so, and a small position space', async (t) => {
  const mix: Mix = { useFresh: 0.5, useAgain: 0.15, rememberAgain: 0.2, rememberFresh: 0.05 };
  // No bound: positions take 30 bits of a slot, leaving 2 for the distance from home, so most
  // entries off their home slot have it read from the ring instead.
  const unbounded = new NonceStore(1e12, Infinity);
  t.equal((unbounded as unknown as Internals).far, 3);
  t.equal((unbounded as unknown as Internals).tagMask, 0);
  const far = compareRandomCalls({ seed: 8, calls: 100_000, windowMs: 1e12, maxEntries: Infinity, stepMs: 1, mix, subject: unbounded });
  t.equal(far.failure, undefined, 'every answer and size agree');
  t.ok(far.seen.migrating > 10_000, `${far.seen.migrating} calls made while the index was growing`);

  // Positions cut down to 4 segments, so that with 15,000 live nonces, moved ones would bring the
  // tail round to the head before the usual compaction is done: the store squeezes out the dead
  // at once instead.
  const small = new NonceStore(1e12, 1_000_000);
  const internals = small as unknown as Record<string, number>;
  internals.positionMask = 4 * SEGMENT - 1;
  internals.segmentNumberMask = 3;
  internals.head = 2 * SEGMENT;
  internals.shift = 16;
  internals.distanceBits = 4;
  internals.far = 15;
  internals.tagMask = 255;
  const moving: Mix = { useFresh: 0, useAgain: 0.02, rememberAgain: 0.95, rememberFresh: 0 };
  const cramped = compareRandomCalls({ seed: 9, calls: 100_000, windowMs: 1e12, maxEntries: 1_000_000, stepMs: 1, mix: moving, recent: 15_000, prefill: 15_000, subject: small });
  t.equal(cramped.failure, undefined, 'every answer and size agree');
  t.ok(cramped.seen.longestRing <= 2 * SEGMENT, `the ring spanned at most ${cramped.seen.longestRing} positions of ${4 * SEGMENT}`);
});

t.test('growth in steps: expiry and the maxEntries bound while the index grows', async (t) => {
  const mix: Mix = { useFresh: 0.7, useAgain: 0.1, rememberAgain: 0.05, rememberFresh: 0.05 };
  // ~0.5 ms a call and a 20 s window: the live count settles near 40,000 with nonces expiring throughout.
  const expiring = compareRandomCalls({ seed: 2, calls: 200_000, windowMs: 20_000, maxEntries: 1_000_000, stepMs: 0.5, mix, recent: 50_000 });
  t.equal(expiring.failure, undefined, 'with expiry: every answer and size agree');
  t.ok(expiring.seen.forgottenWhileMigrating > 1_000, `${expiring.seen.forgottenWhileMigrating} calls expired nonces while the index grew`);
  t.ok(expiring.seen.foundWhileMigrating > 1_000, `${expiring.seen.foundWhileMigrating} nonces found while it grew`);
  // The bound is reached in the middle of a doubling (2,049 live starts the one to 8,192 slots;
  // 40,961 the one to 131,072), so the oldest are dropped while both tables are in use.
  for (const [seed, maxEntries, calls] of [[3, 2_300, 30_000], [4, 40_000, 100_000]]) {
    const bounded = compareRandomCalls({ seed, calls, windowMs: 1e12, maxEntries, stepMs: 1, mix });
    t.equal(bounded.failure, undefined, `maxEntries ${maxEntries}: every answer and size agree`);
    t.ok(bounded.seen.droppedWhileMigrating > 100, `maxEntries ${maxEntries}: ${bounded.seen.droppedWhileMigrating} oldest dropped while the index grew`);
  }
});

t.test('growth in steps: compaction of a ring full of moved nonces, also while the index grows', async (t) => {
  // Remembering recent nonces again leaves dead entries behind; the ring squeezes them out.
  const mix: Mix = { useFresh: 0.25, useAgain: 0.05, rememberAgain: 0.6, rememberFresh: 0.05 };
  const { failure, seen } = compareRandomCalls({ seed: 5, calls: 150_000, windowMs: 1e12, maxEntries: 1_000_000, stepMs: 1, mix, recent: 20_000 });
  t.equal(failure, undefined, 'every answer and size agree');
  t.ok(seen.compacting > 5_000, `${seen.compacting} calls made while compacting`);
  t.ok(seen.both > 1_000, `${seen.both} calls made while a compaction waited for the index to grow`);
  // Nonces leave the front while compacting: by expiry (a 60 s window, ~1 ms a call), and by the
  // bound. Most calls move one of the 5,000 newest nonces, so dead entries keep outnumbering live ones.
  const moving: Mix = { useFresh: 0.2, useAgain: 0.02, rememberAgain: 0.75, rememberFresh: 0.02 };
  for (const [seed, windowMs, maxEntries] of [[6, 60_000, 1_000_000], [7, 1e12, 8_000]]) {
    const leaving = compareRandomCalls({ seed, calls: 150_000, windowMs, maxEntries, stepMs: 1, mix: moving, recent: 5_000 });
    t.equal(leaving.failure, undefined, `window ${windowMs}, bound ${maxEntries}: every answer and size agree`);
    t.ok(leaving.seen.forgottenWhileCompacting > 200, `${leaving.seen.forgottenWhileCompacting} calls forgot nonces while compacting`);
  }
});

t.test('while the index grows, a probe run that wraps past the last slot stays reachable', async (t) => {
  // Nonces whose home is the last slot of the first index (2,048 slots), found by reading the
  // low hash a scratch store computed for each candidate.
  const scratch = new NonceStore(1e12, 1_000_000);
  const first = (scratch as unknown as Internals).head;
  const atEnd: string[] = [];
  for (let j = 0; atEnd.length < 24; j++) {
    scratch.remember('AK', `wrap-${j}`, START);
    if ((hashAt(scratch, (first + j) & (scratch as unknown as Internals).positionMask) & 2047) === 2047) atEnd.push(`wrap-${j}`);
  }
  // They fill slots 2047, 0, 1, ... 22 (with whatever else lands there): a run across the end of
  // the table. The growth starts with the 1,025th nonce; while it goes on, lookups in both tables,
  // and deletions that shift entries back across the end, must keep every nonce reachable.
  const store = new NonceStore(1e12, 1_000_000);
  const nonces = [...atEnd];
  for (const nonce of atEnd) store.use('AK', nonce, START);
  for (let k = 0; nonces.length < 1_025; k++) {
    nonces.push(`other-${k}`);
    store.use('AK', `other-${k}`, START);
  }
  t.ok(phase(store).migrating, 'the index is growing');
  // Every nonce is checked after each insert of the growth (4 entries walked per insert), and one
  // in three of the inserts is an older nonce remembered again (taken out of its table).
  let steps = 0;
  let lost = 0;
  let broken: string | undefined;
  for (let k = 0; phase(store).migrating; k++) {
    if (k % 3 === 2) store.remember('AK', nonces[(k * 37) % nonces.length], START + 1);
    else {
      nonces.push(`late-${k}`);
      store.use('AK', `late-${k}`, START + 1);
    }
    steps++;
    for (const nonce of nonces) if (!store.wasUsed('AK', nonce, START + 2)) lost++;
    broken ??= checkStructure(store);
  }
  t.equal(lost, 0, `every nonce found after each of ${steps} inserts`);
  t.equal(broken, undefined, 'the structure holds throughout');
  t.equal(store.size, nonces.length);
});

t.test('compaction while the front of the ring expires under it', async (t) => {
  const store = new NonceStore(1000, 1_000_000);
  // 20,000 nonces that are never touched again, expiring at START + 1000...
  for (let i = 0; i < 20_000; i++) store.use('AK', `front-${i}`, START);
  // ...then 100 nonces remembered over and over behind them, until the dead entries they leave
  // start a compaction, which then reads its way through the 20,000.
  let calls = 0;
  while (!phase(store).compacting) store.remember('AK', `moved-${calls++ % 100}`, START + 500);
  for (let i = 0; i < 100; i++) store.remember('AK', `moved-${calls++ % 100}`, START + 500);
  t.equal(checkStructure(store), undefined, `compacting after ${calls} calls`);
  // Now the 20,000 expire at once, part read by the compaction, part not.
  t.notOk(store.wasUsed('AK', 'front-0', START + 1000));
  t.equal(store.size, 100);
  let broken: string | undefined;
  let lost = 0;
  for (let i = 0; i < 3_000; i++) {
    store.remember('AK', `moved-${i % 100}`, START + 1000);
    broken ??= checkStructure(store);
    if (i % 100 === 99) for (let j = 0; j < 100; j++) if (!store.wasUsed('AK', `moved-${j}`, START + 1000)) lost++;
  }
  t.equal(broken, undefined, 'the structure holds');
  t.equal(lost, 0, 'every moved nonce found');
  t.equal(store.size, 100);
  t.notOk(phase(store).compacting, 'and the compaction ended');
});

t.test('while the index grows, every nonce used before it grew is still refused', async (t) => {
  const store = new NonceStore(1e12, 1_000_000);
  const nonce = (i: number) => `e3b0c44298fc1c14-${i}`;
  let count = 0;
  // The fourth doubling (8,192 slots to 16,384) starts with the 4,097th nonce; it walks the
  // 4,096 before it into the new table, 4 an insert, so it takes 1,024 inserts.
  while (count < 4_097) store.use('AK', nonce(count++), START);
  t.ok(phase(store).migrating, 'the index is growing');
  let refused = 0;
  for (let i = 0; i < count; i++) if (!store.use('AK', nonce(i), START + 1)) refused++;
  t.equal(refused, count, 'each one refused (a refusal inserts nothing, so the migration did not move on)');
  // Remembering again takes a nonce out of the table(s) holding it and puts it, at the back, in the new one.
  for (let i = 0; i < count; i += 9) store.remember('AK', nonce(i), START + 2);
  t.ok(phase(store).migrating, 'still growing');
  let found = 0;
  for (let i = 0; i < count; i++) if (store.wasUsed('AK', nonce(i), START + 3)) found++;
  t.equal(found, count, 'all found, moved or not');
  t.equal(store.size, count);
  while (phase(store).migrating) store.use('AK', nonce(count++), START + 4);
  found = 0;
  for (let i = 0; i < count; i++) if (store.wasUsed('AK', nonce(i), START + 5)) found++;
  t.equal(found, count, 'and after the growth ended');
  t.ok(store.wasUsed('AK', nonce(0), START + 2 + 1e12 - 1));
  t.notOk(store.wasUsed('AK', nonce(1), START + 1e12), 'expiry still runs in arrival order');
});

t.test('memory stays bounded: a steady rate, and a few nonces remembered over and over', async (t) => {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  const buffers = () => {
    gc();
    return process.memoryUsage().arrayBuffers;
  };
  // 8 calls a millisecond, a 1 s window: ~8,000 live nonces; 600,000 calls pass through.
  const steady = new NonceStore(1000, 1_000_000);
  for (let i = 0; i < 100_000; i++) steady.use('AK', `s${i}`, START + (i >> 3));
  const warm = buffers();
  for (let i = 100_000; i < 600_000; i++) steady.use('AK', `s${i}`, START + (i >> 3));
  const grown = buffers() - warm;
  t.ok(steady.size <= 8_000, `${steady.size} live`);
  t.ok(grown < 1_000_000, `a steady rate: ${grown} bytes more after 500,000 further calls`);

  // One nonce remembered first and left alone (so the front never moves), then 1,000 nonces
  // remembered 600 times each, never expiring: 600,000 entries went through the ring, 1,001 are
  // live. Without compaction the dead ones would take ~10 MB.
  const before = buffers();
  const moved = new NonceStore(1e12, 1_000_000);
  moved.remember('AK', 'anchor', START);
  for (let round = 0; round < 600; round++) for (let i = 0; i < 1_000; i++) moved.remember('AK', `m${i}`, START + round);
  const used = buffers() - before;
  t.equal(moved.size, 1_001);
  t.equal(checkStructure(moved), undefined, 'the structure holds');
  t.ok(used < 2_000_000, `remembered over and over: ${used} bytes`);
  let lost = 0;
  for (let i = 0; i < 1_000; i++) if (!moved.wasUsed('AK', `m${i}`, START + 600)) lost++;
  t.equal(lost, 0, 'every one still found');
});
