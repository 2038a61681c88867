/**
 * The fast paths of signature verification against straightforward
 * references written from protocol.md: the one-pass v1 string to sign, the
 * insertion sort of parameter names, the cached HMAC key, the fixed-format
 * timestamp reader, and the signature comparison.
 */
import { createHmac } from 'node:crypto';
import t from 'tap';
import fc from 'fast-check';
import type { ApiRequest, Params } from '../../src/protocol/api-request';
import { authenticate, type AccessKeyRecord } from '../../src/protocol/auth';
import { NonceStore } from '../../src/protocol/nonce-store';
import { parseUtcTimestamp } from '../../src/protocol/timestamp';
import { ApiError } from '../../src/protocol/errors';
import { emptyParams, parseUrlEncoded } from '../../src/protocol/parse';
import {
  formatTimestamp,
  percentEncode,
  signedV1Params,
  v1CanonicalQuery,
  v1Signature,
  v1StringToSign,
  v3CanonicalQuery,
} from '../../src/protocol/signing';

// ---------------------------------------------------------------------------
// References, as protocol.md sections 2 and 3 state them

/** pop-core's encode: encodeURIComponent, then `! ' ( ) *` escaped too. */
function referenceEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

function referenceStringToSign(method: string, params: Params): string {
  const canonical = Object.keys(params)
    .sort()
    .filter((key) => key !== 'Signature')
    .map((key) => `${referenceEncode(key)}=${referenceEncode(params[key])}`)
    .join('&');
  return `${method}&${referenceEncode('/')}&${referenceEncode(canonical)}`;
}

/** parseUtcTimestamp as it was before its fast path: a regular expression and a Date round trip. */
function referenceTimestamp(value: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?Z$/.exec(value);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  const roundTrips =
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute &&
    date.getUTCSeconds() === second;
  if (!roundTrips) return undefined;
  return date.getTime() + (match[7] ? Number(`0.${match[7]}`) * 1000 : 0);
}

// ---------------------------------------------------------------------------
// Generators

/** Characters where encodings differ: reserved, sub-delims, `%`, `+`, space, unreserved edges, non-ASCII. */
const TRICKY = ['%', '%20', '%2A', '+', ' ', '*', '~', '!', "'", '(', ')', '&', '=', '?', '/', ':', '#', '-', '_', '.', 'é', '✓', '😀', '中', '\u0000', '\u007f', '\u00ff', '\u0100', '\uFFFD'];

const piece = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 3, arbitrary: fc.string({ unit: fc.constantFrom(...TRICKY, 'a', 'Z', '0'), maxLength: 8 }) },
  { weight: 2, arbitrary: fc.stringMatching(/^[A-Za-z0-9\-_.~]{0,12}$/) },
  { weight: 1, arbitrary: fc.constantFrom('', 'Signature', 'signature', 'Timestamp', '2026-11-28T03:09:41Z', 'a b', 'a+b', 'a%20b') },
);

/** Params with at least one key; Signature sometimes among them. */
const params = fc.dictionary(piece, piece, { minKeys: 0, maxKeys: 14 }).map((dict) => Object.assign(emptyParams(), dict));

// ---------------------------------------------------------------------------
// v1 string to sign

t.test('v1StringToSign equals the reference on random parameters', async (t) => {
  fc.assert(
    fc.property(fc.constantFrom('GET', 'POST'), params, (method, p) => v1StringToSign(method, p) === referenceStringToSign(method, p)),
    { numRuns: 2000 },
  );
  t.pass('2,000 random parameter sets');
  t.equal(v1StringToSign('GET', {}), 'GET&%2F&', 'no parameters');
  t.equal(v1StringToSign('GET', { Signature: 'x' }), 'GET&%2F&', 'only the signature');
  t.equal(v1StringToSign('GET', { A: '' }), 'GET&%2F&A%3D', 'an empty value');
  t.equal(v1StringToSign('GET', { 'a b': 'x+y*z~' }), 'GET&%2F&a%2520b%3Dx%252By%252Az~');
});

t.test('v1StringToSign equals the reference on parsed wire queries (repeats, +, %20, empty values)', async (t) => {
  const rawPiece = fc.oneof(
    piece.map(referenceEncode),
    piece.map((s) => encodeURIComponent(s)), // leaves ! ' ( ) * literal, as some clients do
    fc.constantFrom('a+b', 'a%20b', '%2a', '%2A', '*', '~', '%7E', '%41', '', 'x%2By', 'Signature'),
  );
  const pair = fc.oneof(
    fc.tuple(rawPiece, rawPiece).map(([k, v]) => `${k}=${v}`),
    rawPiece, // no '=' at all
  );
  const query = fc.array(pair, { maxLength: 16 }).chain((pairs) =>
    // repeat some keys so the last value has to win
    fc.subarray(pairs).map((again) => [...pairs, ...again.map((p) => p.replace(/=.*/, '=again'))].join('&')),
  );
  fc.assert(
    fc.property(query, (text) => {
      const parsed = parseUrlEncoded(text, { maxParameters: 1000, maxParameterLength: 65536 });
      return v1StringToSign('GET', parsed) === referenceStringToSign('GET', parsed);
    }),
    { numRuns: 1000 },
  );
  t.pass('1,000 random queries');
});

t.test('a lone surrogate cannot be encoded, by either path', async (t) => {
  const cases: Params[] = [{ A: '\uD800' }, { '\uDC00': 'x' }, { A: 'x\uD83D' }];
  for (const p of cases) {
    t.throws(() => referenceStringToSign('GET', p), URIError);
    t.throws(() => v1StringToSign('GET', p), URIError);
  }
});

t.test('parameter names sort in code-unit order, short and long lists alike', async (t) => {
  fc.assert(
    fc.property(fc.uniqueArray(piece, { maxLength: 60 }), (keys) => {
      const p = Object.assign(emptyParams(), Object.fromEntries(keys.map((k) => [k, 'v'])));
      const sorted = [...keys].sort();
      return (
        v1CanonicalQuery(p) === sorted.filter((k) => k !== 'Signature').map((k) => `${referenceEncode(k)}=v`).join('&') &&
        v3CanonicalQuery(p) === sorted.map((k) => `${k}=v`).join('&')
      );
    }),
    { numRuns: 500 },
  );
  t.pass('500 random name lists, up to 60 long');
  // integer-like names, which Object.keys lists first
  const p = { b: '1', '10': '2', '2': '3', A: '4', _: '5', '~': '6', a: '7' };
  t.equal(v1CanonicalQuery(p), '10=2&2=3&A=4&_=5&a=7&b=1&~=6');
});

t.test('percentEncode is unchanged', async (t) => {
  fc.assert(fc.property(piece, (s) => percentEncode(s) === referenceEncode(s)), { numRuns: 2000 });
  t.pass('2,000 random strings');
});

// ---------------------------------------------------------------------------
// HMAC with a cached key

t.test('v1Signature equals a fresh createHmac keyed with secret&', async (t) => {
  fc.assert(
    fc.property(
      fc.string({ unit: 'binary', maxLength: 80 }),
      fc.string({ unit: 'binary', maxLength: 200 }),
      (secret, text) => v1Signature(text, secret) === createHmac('sha1', `${secret}&`).update(text, 'utf8').digest('base64'),
    ),
    { numRuns: 300 },
  );
  // past the cache's 256 secrets it starts over; every answer stays right
  let right = 0;
  for (let i = 0; i < 600; i++) {
    const secret = `secret-${i % 300}`;
    if (v1Signature('GET&%2F&A%3D1', secret) === createHmac('sha1', `${secret}&`).update('GET&%2F&A%3D1').digest('base64')) right++;
  }
  t.equal(right, 600, 'through the cache starting over');
  t.equal(v1Signature('x', ''), createHmac('sha1', '&').update('x').digest('base64'), 'an empty secret');
  t.equal(v1Signature('x', 'sécret✓'), createHmac('sha1', 'sécret✓&').update('x').digest('base64'), 'a non-ASCII secret');
});

// ---------------------------------------------------------------------------
// Timestamps

const two = (n: number) => String(n).padStart(2, '0');

t.test('parseUtcTimestamp equals the reference on every day of a few years, and at the field limits', async (t) => {
  let checked = 0;
  for (const year of [1969, 1970, 1999, 2000, 2024, 2026, 2100, 2400, 9999, 99, 100, 0]) {
    for (let month = 0; month <= 13; month++) {
      for (let day = 0; day <= 32; day++) {
        const stamp = `${String(year).padStart(4, '0')}-${two(month)}-${two(day)}T12:34:56Z`;
        if (parseUtcTimestamp(stamp) !== referenceTimestamp(stamp)) t.fail(stamp);
        checked++;
      }
    }
  }
  for (const [hour, minute, second] of [[0, 0, 0], [23, 59, 59], [24, 0, 0], [23, 60, 0], [23, 59, 60], [99, 99, 99]]) {
    const stamp = `2026-11-28T${two(hour)}:${two(minute)}:${two(second)}Z`;
    t.equal(parseUtcTimestamp(stamp), referenceTimestamp(stamp), stamp);
  }
  t.ok(checked > 5000);
  t.equal(parseUtcTimestamp('2024-02-29T00:00:00Z'), Date.UTC(2024, 1, 29));
  t.equal(parseUtcTimestamp('2023-02-29T00:00:00Z'), undefined);
  t.equal(parseUtcTimestamp('2100-02-29T00:00:00Z'), undefined);
  t.equal(parseUtcTimestamp('2000-02-29T00:00:00Z'), Date.UTC(2000, 1, 29));
  t.equal(parseUtcTimestamp('0050-01-01T00:00:00Z'), undefined, 'a two-digit year, as Date.UTC reads it, does not round-trip');
});

t.test('parseUtcTimestamp equals the reference on random and mangled strings', async (t) => {
  const stamp = fc
    .date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true })
    .map((date) => date.toISOString());
  const mangled = fc.tuple(stamp, fc.nat(), fc.constantFrom('0', '9', 'x', ' ', '-', ':', 'T', 'Z', '.', '', '٣', '+'))
    .map(([s, at, char]) => {
      const i = at % (s.length + 1);
      return `${s.slice(0, i)}${char}${s.slice(i + 1)}`;
    });
  const shapes = fc.oneof(
    stamp,
    stamp.map((s) => s.replace(/\.\d{3}Z$/, 'Z')),
    stamp.map((s) => s.replace(/\.\d{3}Z$/, '.5Z')),
    mangled,
    mangled.map((s) => s.replace(/\.\d{3}Z$/, 'Z')),
    fc.string({ unit: fc.constantFrom('0', '1', '2', '9', '-', ':', 'T', 'Z', '.'), minLength: 19, maxLength: 21 }),
    fc.string({ maxLength: 24 }),
  );
  fc.assert(fc.property(shapes, (s) => parseUtcTimestamp(s) === referenceTimestamp(s)), { numRuns: 5000 });
  t.pass('5,000 random strings');
});

// ---------------------------------------------------------------------------
// Signature comparison, through authenticate

t.test('a received signature of another length, in characters or in bytes, is a mismatch, not a crash', async (t) => {
  const key: AccessKeyRecord = { accessKeyId: 'AKID', accessKeySecret: 'secret-1', accountId: 'acc-1', sts: false, active: true };
  const now = Date.UTC(2026, 10, 28, 3, 9, 41);
  const signed = signedV1Params({
    method: 'GET', accessKeyId: 'AKID', accessKeySecret: 'secret-1', action: 'DescribeThing', version: '2018-03-13',
    timestamp: formatTimestamp(new Date(now)), nonce: 'n-1',
  });
  const request = (signature: string): ApiRequest => {
    const p = { ...signed, Signature: signature };
    return { method: 'GET', path: '/', query: p, params: p, rawBody: '', headers: {}, action: 'DescribeThing', version: '2018-03-13', format: 'JSON', scheme: 'v1' };
  };
  const env = () => ({ mode: 'strict' as const, findKey: (id: string) => (id === 'AKID' ? key : undefined), defaultAccountId: 'd', nonces: new NonceStore(), now: () => now });
  const real = signed.Signature;
  t.equal(real.length, 28);
  for (const wrong of ['é'.repeat(14), `${real.slice(0, 27)}é`, 'é'.repeat(28), real.slice(0, 27), `${real}A`, '😀'.repeat(7), `${real.slice(0, 26)}😀`]) {
    try {
      authenticate(request(wrong), env());
      t.fail(`accepted ${wrong}`);
    } catch (error) {
      t.ok(error instanceof ApiError && error.code === 'SignatureDoesNotMatch', `${wrong} is SignatureDoesNotMatch`);
    }
  }
  t.strictSame(authenticate(request(real), env()), { accountId: 'acc-1', accessKeyId: 'AKID' });
});
