/**
 * The nonce store: which (AccessKeyId, nonce) pairs were used within the
 * signature window, so a replayed request is refused (protocol.md section 9).
 *
 * Maps of `accessKeyId\nnonce` -> expiry, one per arrival-time bucket
 * (BUCKETS per window), oldest first. Taken in order, the buckets list every
 * nonce in arrival order, so expiry walks from the front one entry at a time
 * (amortised O(1)) and stops at the first live one, and the flood bound drops
 * the oldest. Why buckets rather than one Map: each holds a fraction of the
 * nonces, so a Map's rehash as it grows moves a fraction of them, and a
 * bucket that empties is dropped whole.
 */

import { SIGNATURE_WINDOW_MS } from './timestamp';

/** Buckets per window: a fresh nonce is looked up in at most this many (plus one) Maps. */
const BUCKETS = 16;

interface Bucket {
  /** Arrival time the bucket was opened at. */
  readonly start: number;
  readonly expiries: Map<string, number>;
}

export class NonceStore {
  /** Oldest first; only the last one takes new nonces. */
  private buckets: Bucket[] = [];
  private count = 0;
  private readonly bucketMs: number;

  /**
   * `onRemember` hears of every nonce remembered (`accessKeyId\nnonce` and its
   * expiry): a file database persists them (storage/used-nonces.ts).
   */
  constructor(
    private readonly windowMs = SIGNATURE_WINDOW_MS,
    private readonly maxEntries = 1_000_000,
    private readonly onRemember?: (key: string, expiry: number) => void,
  ) {
    this.bucketMs = Math.max(1, windowMs / BUCKETS);
  }

  get size(): number {
    return this.count;
  }

  wasUsed(accessKeyId: string, nonce: string, now: number): boolean {
    this.expire(now);
    return this.expiryOf(`${accessKeyId}\n${nonce}`) > now;
  }

  remember(accessKeyId: string, nonce: string, now: number): void {
    this.expire(now);
    this.insert(`${accessKeyId}\n${nonce}`, now);
  }

  /**
   * wasUsed, then remember when it was not: true when the nonce is fresh (and
   * is now recorded), false when it was used already (nothing changes).
   */
  use(accessKeyId: string, nonce: string, now: number): boolean {
    this.expire(now);
    const key = `${accessKeyId}\n${nonce}`;
    if (this.expiryOf(key) > now) return false;
    this.insert(key, now);
    return true;
  }

  /** Takes back a nonce remembered before a restart (`accessKeyId\nnonce`, as onRemember heard it); oldest first. */
  restore(key: string, expiry: number): void {
    const arrival = expiry - this.windowMs;
    this.currentBucket(arrival).expiries.set(key, expiry);
    this.count += 1;
    if (this.count > this.maxEntries) this.dropOldest();
  }

  /** The expiry of a remembered nonce; -Infinity (expired at any time) when unknown. */
  private expiryOf(key: string): number {
    for (let i = this.buckets.length - 1; i >= 0; i--) {
      const expiry = this.buckets[i].expiries.get(key);
      if (expiry !== undefined) return expiry;
    }
    return -Infinity;
  }

  /** Appends a nonce; one already there moves to the back, as a fresh entry. */
  private insert(sharedKey: string, now: number): void {
    const key = ownCopy(sharedKey);
    for (const bucket of this.buckets) if (bucket.expiries.delete(key)) this.count -= 1;
    const sum = now + this.windowMs;
    // A NaN expiry (a NaN clock) compares like -Infinity: expired at any time.
    const expiry = sum === sum ? sum : -Infinity;
    this.currentBucket(now).expiries.set(key, expiry);
    this.count += 1;
    this.onRemember?.(key, expiry);
    if (this.count > this.maxEntries) this.dropOldest();
  }

  /** The last bucket while `now` is within its slot; a new one otherwise (a clock that jumped, either way). */
  private currentBucket(now: number): Bucket {
    const last = this.buckets[this.buckets.length - 1];
    if (last !== undefined && now >= last.start && now < last.start + this.bucketMs) return last;
    const bucket = { start: now, expiries: new Map<string, number>() };
    this.buckets.push(bucket);
    return bucket;
  }

  /** Forgets expired nonces from the front, stopping at the first that is not. */
  private expire(now: number): void {
    while (this.buckets.length > 0) {
      const expiries = this.buckets[0].expiries;
      for (const [key, expiry] of expiries) {
        if (expiry > now) return;
        expiries.delete(key);
        this.count -= 1;
      }
      this.buckets.shift();
    }
  }

  private dropOldest(): void {
    while (this.buckets.length > 0) {
      const expiries = this.buckets[0].expiries;
      for (const key of expiries.keys()) {
        expiries.delete(key);
        this.count -= 1;
        if (expiries.size === 0) this.buckets.shift();
        return;
      }
      this.buckets.shift();
    }
  }
}

/**
 * The same text in a string of its own. A nonce is a slice of its request's
 * whole query (V8 slices share their parent), so keeping the slice would keep
 * each ~4 KB request alive for the 15-minute window (test/unit/nonce-store.test.ts
 * measures it). JSON's round trip is the identity on every string, lone
 * surrogates included.
 */
function ownCopy(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}
