/**
 * NonceStore's semantics: a nonce used with a key is refused for exactly
 * windowMs, per key; maxEntries bounds it, oldest first. Checked at the
 * window's edges, against a one-Map model on random sequences of calls
 * (clocks that jump back included), across many buckets, and for memory.
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

t.test('many nonces across many buckets: every answer exact, the flood bound oldest first', async (t) => {
  const store = new NonceStore(1_000_000, 150_000);
  const nonce = (i: number) => `3f8c2a${i.toString(16).padStart(26, '0')}`;
  let wrong = 0;
  // One call a millisecond for 200 s: 200,000 nonces through several buckets, and past the bound.
  for (let i = 0; i < 200_000; i++) if (!store.use(`key${i % 3}`, nonce(i), START + i)) wrong++;
  t.equal(wrong, 0, 'every fresh nonce accepted');
  t.equal(store.size, 150_000, 'the bound holds');
  let refused = 0;
  for (let i = 50_000; i < 200_000; i++) if (!store.use(`key${i % 3}`, nonce(i), START + 200_000)) refused++;
  t.equal(refused, 150_000, 'every remembered nonce refused');
  t.ok(store.use('key0', nonce(49_998), START + 200_000), 'the oldest were forgotten first');
  t.ok(store.wasUsed('key1', nonce(199_999), START + 199_999 + 999_999), 'a nonce is remembered to the last millisecond');
  t.notOk(store.wasUsed('key1', nonce(199_999), START + 1_200_000), 'and forgotten at the window');
  t.equal(store.size, 0, 'everything expired, memory released');
});

t.test('memory stays bounded at a steady rate', async (t) => {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  const heap = () => {
    gc();
    return process.memoryUsage().heapUsed;
  };
  // 8 calls a millisecond, a 1 s window: ~8,000 live nonces; 600,000 calls pass through.
  const steady = new NonceStore(1000, 1_000_000);
  for (let i = 0; i < 100_000; i++) steady.use('AK', `s${i}`, START + (i >> 3));
  const warm = heap();
  for (let i = 100_000; i < 600_000; i++) steady.use('AK', `s${i}`, START + (i >> 3));
  const grown = heap() - warm;
  t.ok(steady.size <= 8_000, `${steady.size} live`);
  t.ok(grown < 2_000_000, `a steady rate: ${grown} bytes more after 500,000 further calls`);
});
