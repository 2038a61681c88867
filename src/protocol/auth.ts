/**
 * Who is calling: verifies a request's v1 or v3 signature (protocol.md
 * sections 3, 4 and 9) and maps its AccessKeyId to the account whose
 * resources it sees.
 *
 * Modes:
 * - strict: every check below; the first failure is thrown.
 * - lenient: the same checks, but a failure is returned in `failure` and the
 *   call is served anyway (unknown keys see the default account).
 * - off: no checks; a known AccessKeyId still selects its account, so
 *   per-account isolation by key works in every mode.
 *
 * Strict verification order, first failure wins:
 *  1. Signature present: unsigned, or an empty v1 `Signature` -> MissingSignature;
 *     v3 Authorization malformed, or one of x-acs-date / x-acs-signature-nonce /
 *     x-acs-content-sha256 / x-acs-security-token sent but left out of
 *     SignedHeaders (the checks below would trust an unsigned value) -> IncompleteSignature.
 *  2. Algorithm: v1 `SignatureMethod` absent -> MissingSignatureMethod, not
 *     HMAC-SHA1 -> InvalidSignatureMethod; v3 not ACS3-HMAC-SHA256 -> InvalidSignatureMethod.
 *  3. AccessKeyId (v1 param, v3 Credential) absent -> MissingAccessKeyId.
 *  4. Time (v1 `Timestamp`, v3 `x-acs-date`): absent -> Missing{Name},
 *     not ISO 8601 UTC -> InvalidTimeStamp.Format, more than 15 minutes from
 *     now -> InvalidTimeStamp.Expired.
 *  5. Key unknown -> InvalidAccessKeyId.NotFound; disabled -> InvalidAccessKeyId.Inactive.
 *  6. Security token (v1 `SecurityToken`, v3 `x-acs-security-token`): sent
 *     with a permanent key -> InvalidSecurityToken.MismatchWithAccessKey;
 *     absent with an STS key -> Missing{Name}. The token's value is not
 *     checked: the emulator stores no tokens.
 *  7. v3 only: `x-acs-content-sha256` differs from the body's hash -> InvalidParameter.ContentSHA256.
 *  8. Signature differs -> SignatureDoesNotMatch, quoting the server's string to sign.
 *  9. Nonce (v1 `SignatureNonce`, v3 `x-acs-signature-nonce`): absent ->
 *     Missing{Name}; already used with this key within 15 minutes -> SignatureNonceUsed.
 * A nonce is recorded only once all nine passed, so a rejected request never
 * uses up a nonce. v3 names missing headers verbatim (`Missingx-acs-date`).
 */

import { timingSafeEqual } from 'node:crypto';
import type { ApiRequest } from './api-request';
import { ApiError, apiError, missingParameter, signatureDoesNotMatch } from './errors';
import {
  V1_SIGNATURE_METHOD,
  V3_ALGORITHM,
  headerValue,
  parseV3Authorization,
  sha256Hex,
  type V3Authorization,
  v1Signature,
  v1StringToSign,
  v3CanonicalRequest,
  v3Signature,
  v3StringToSign,
} from './signing';

export type AuthMode = 'off' | 'lenient' | 'strict';

export interface AccessKeyRecord {
  accessKeyId: string;
  accessKeySecret: string;
  accountId: string;
  sts: boolean;
  active: boolean;
}

export interface AuthEnvironment {
  mode: AuthMode;
  findKey(accessKeyId: string): AccessKeyRecord | undefined;
  defaultAccountId: string;
  nonces: NonceStore;
  /** Milliseconds since the epoch; injectable for tests. */
  now(): number;
}

export interface AuthOutcome {
  accountId: string;
  /** Set when the request names a known key. */
  accessKeyId?: string;
  /** Lenient mode only: why strict mode would have refused the call. */
  failure?: ApiError;
}

/** Allowed clock skew and nonce memory, as on the real gateway. */
export const SIGNATURE_WINDOW_MS = 15 * 60 * 1000;

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
 * marked them all. Here a nonce costs ~25 bytes outside the heap and a
 * doubling copies numbers. Two different nonces of a key share a hash with
 * probability 2^-64 per pair: with a million remembered, a fresh nonce is
 * wrongly refused once in about 10^13 calls.
 */
export class NonceStore {
  /** The ring, in arrival order: hash halves, expiry (ms after `origin`), and whether the entry is live. */
  private hashHigh = new Uint32Array(INITIAL_RING);
  private hashLow = new Uint32Array(INITIAL_RING);
  private expiries = new Float64Array(INITIAL_RING);
  private live = new Uint8Array(INITIAL_RING);
  private head = 0;
  /** Ring entries from head on, live or not. */
  private used = 0;
  private liveCount = 0;
  /** Open addressing over ring positions (position + 1; 0 is empty); at least twice the ring. */
  private index = new Int32Array(INITIAL_RING * 2);
  /** Set by the first call; 0 until then. */
  private origin = 0;
  private started = false;

  constructor(
    private readonly windowMs = SIGNATURE_WINDOW_MS,
    private readonly maxEntries = 1_000_000,
  ) {}

  get size(): number {
    return this.liveCount;
  }

  wasUsed(accessKeyId: string, nonce: string, now: number): boolean {
    const at = this.since(now);
    this.expire(at);
    const position = this.find(hashHigh(accessKeyId, nonce), hashLow(accessKeyId, nonce));
    return position !== -1 && this.expiries[position] > at;
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
    if (position !== -1 && this.expiries[position] > at) return false;
    this.insert(high, low, position, at);
    return true;
  }

  /** Appends a nonce; one already there (at `existing`) moves to the back, as a fresh entry. */
  private insert(high: number, low: number, existing: number, at: number): void {
    if (existing !== -1) this.drop(existing);
    if (this.used === this.live.length) this.resize();
    const position = (this.head + this.used) & (this.live.length - 1);
    this.hashHigh[position] = high;
    this.hashLow[position] = low;
    this.expiries[position] = at + this.windowMs;
    this.live[position] = 1;
    this.used += 1;
    this.liveCount += 1;
    this.link(position);
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
      if (this.live[position] === 1) {
        if (this.expiries[position] > at) return;
        this.drop(position);
      }
      this.popFront();
    }
  }

  private dropOldest(): void {
    while (this.live[this.head] === 0) this.popFront();
    this.drop(this.head);
    this.popFront();
  }

  private popFront(): void {
    this.head = (this.head + 1) & (this.live.length - 1);
    this.used -= 1;
  }

  /** Marks a ring entry dead and takes it out of the index. */
  private drop(position: number): void {
    this.live[position] = 0;
    this.liveCount -= 1;
    this.unlink(position);
  }

  /** The ring position of a live nonce with this hash, or -1. */
  private find(high: number, low: number): number {
    const mask = this.index.length - 1;
    for (let slot = low & mask; this.index[slot] !== 0; slot = (slot + 1) & mask) {
      const position = this.index[slot] - 1;
      if (this.hashLow[position] === low && this.hashHigh[position] === high) return position;
    }
    return -1;
  }

  private link(position: number): void {
    const mask = this.index.length - 1;
    let slot = this.hashLow[position] & mask;
    while (this.index[slot] !== 0) slot = (slot + 1) & mask;
    this.index[slot] = position + 1;
  }

  /** Removes a position from the index, shifting back the entries after it (linear probing needs no tombstones). */
  private unlink(position: number): void {
    const mask = this.index.length - 1;
    let hole = this.hashLow[position] & mask;
    while (this.index[hole] !== position + 1) hole = (hole + 1) & mask;
    for (let slot = (hole + 1) & mask; this.index[slot] !== 0; slot = (slot + 1) & mask) {
      const home = this.hashLow[this.index[slot] - 1] & mask;
      // The entry at `slot` may move into the hole unless its home lies cyclically in (hole, slot].
      const stays = hole <= slot ? home > hole && home <= slot : home > hole || home <= slot;
      if (!stays) {
        this.index[hole] = this.index[slot];
        hole = slot;
      }
    }
    this.index[hole] = 0;
  }

  /** A full ring: compacted (dead entries out), doubled when more than half of it is live. */
  private resize(): void {
    const size = this.liveCount * 2 > this.live.length ? this.live.length * 2 : this.live.length;
    const high = new Uint32Array(size);
    const low = new Uint32Array(size);
    const expiries = new Float64Array(size);
    const live = new Uint8Array(size);
    let count = 0;
    for (let i = 0; i < this.used; i++) {
      const from = (this.head + i) & (this.live.length - 1);
      if (this.live[from] === 0) continue;
      high[count] = this.hashHigh[from];
      low[count] = this.hashLow[from];
      expiries[count] = this.expiries[from];
      live[count] = 1;
      count += 1;
    }
    this.hashHigh = high;
    this.hashLow = low;
    this.expiries = expiries;
    this.live = live;
    this.head = 0;
    this.used = count;
    this.index = new Int32Array(size * 2);
    for (let position = 0; position < count; position++) this.link(position);
  }
}

const INITIAL_RING = 1024;

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

/** Built once and only read: the answer to every unsigned call. */
const UNSIGNED = missingParameter('Signature');

export function authenticate(request: ApiRequest, env: AuthEnvironment): AuthOutcome {
  // Parsed once: it names the key, and verification reads the rest of it.
  const authorization = request.scheme === 'v3' ? parseV3Authorization(header(request, 'authorization') ?? '') : undefined;
  const claimedId = request.scheme === 'v3' ? authorization?.accessKeyId : request.params.AccessKeyId;
  const key = claimedId ? env.findKey(claimedId) : undefined;
  const identity: AuthOutcome = key
    ? { accountId: key.accountId, accessKeyId: key.accessKeyId }
    : { accountId: env.defaultAccountId };
  if (env.mode === 'off') return identity;
  // Step 1 for an unsigned call, the usual one in lenient mode, without a thrown error per call.
  if (request.scheme === 'none') {
    if (env.mode === 'strict') throw UNSIGNED;
    return { ...identity, failure: UNSIGNED };
  }
  try {
    verifySignature(request, env, claimedId, key, authorization);
    return identity;
  } catch (error) {
    if (env.mode === 'strict' || !(error instanceof ApiError)) throw error;
    return { ...identity, failure: error };
  }
}

// ---------------------------------------------------------------------------
// Verification (strict semantics; authenticate decides whether to throw)

/** What a signed request claims, read alike for both schemes so one sequence of checks serves both. */
interface SignedClaim {
  accessKeyId?: string;
  timestamp?: string;
  nonce?: string;
  securityToken?: string;
  /** How this scheme names the fields, for Missing{Name} errors. */
  names: { timestamp: string; nonce: string; securityToken: string };
  receivedSignature: string;
  /** Step 7; v1 has no payload hash. */
  checkPayload(): void;
  stringToSign(): string;
  sign(stringToSign: string, accessKeySecret: string): string;
}

/**
 * `claimedKey` is authenticate's lookup of `claimedId`: step 5 reuses it rather
 * than ask the store again. `authorization` is a v3 request's parsed header.
 */
function verifySignature(
  request: ApiRequest,
  env: AuthEnvironment,
  claimedId: string | undefined,
  claimedKey: AccessKeyRecord | undefined,
  authorization: V3Authorization | undefined,
): void {
  const claim = readClaim(request, authorization); // steps 1 and 2
  if (!claim.accessKeyId) throw missingParameter('AccessKeyId');
  const now = env.now();
  checkTimestamp(claim, now);
  const key = activeKey(claim.accessKeyId === claimedId ? claimedKey : env.findKey(claim.accessKeyId));
  checkSecurityToken(claim, key);
  claim.checkPayload();
  checkSignature(claim, key);
  useNonce(claim, key, env.nonces, now);
}

function readClaim(request: ApiRequest, authorization: V3Authorization | undefined): SignedClaim {
  switch (request.scheme) {
    case 'v1':
      return readV1Claim(request);
    case 'v3':
      return readV3Claim(request, authorization);
    case 'none':
      throw missingParameter('Signature');
  }
}

const V1_NAMES = { timestamp: 'Timestamp', nonce: 'SignatureNonce', securityToken: 'SecurityToken' };

function readV1Claim(request: ApiRequest): SignedClaim {
  const params = request.params;
  if (!params.Signature) throw missingParameter('Signature');
  if (!params.SignatureMethod) throw missingParameter('SignatureMethod');
  if (params.SignatureMethod !== V1_SIGNATURE_METHOD) throw apiError('InvalidSignatureMethod');
  return {
    accessKeyId: params.AccessKeyId,
    timestamp: params.Timestamp,
    nonce: params.SignatureNonce,
    securityToken: params.SecurityToken,
    names: V1_NAMES,
    // base64 never contains a space: one here is a '+' a client left unencoded.
    receivedSignature: params.Signature.includes(' ') ? params.Signature.replace(/ /g, '+') : params.Signature,
    checkPayload: () => undefined,
    stringToSign: () => v1StringToSign(request.method, params),
    sign: v1Signature,
  };
}

const V3_NAMES = { timestamp: 'x-acs-date', nonce: 'x-acs-signature-nonce', securityToken: 'x-acs-security-token' };

/** Headers whose values the checks trust, so they must be covered by the signature when sent. */
const V3_HEADERS_TO_SIGN = ['x-acs-date', 'x-acs-signature-nonce', 'x-acs-content-sha256', 'x-acs-security-token'];

function readV3Claim(request: ApiRequest, authorization: V3Authorization | undefined): SignedClaim {
  if (!authorization) throw apiError('IncompleteSignature');
  const unsigned = V3_HEADERS_TO_SIGN.find(
    (name) => header(request, name) !== undefined && !authorization.signedHeaders.includes(name),
  );
  if (unsigned) throw apiError('IncompleteSignature', { description: `Header ${unsigned} must be listed in SignedHeaders.` });
  if (authorization.algorithm !== V3_ALGORITHM) throw apiError('InvalidSignatureMethod');

  const bodyHash = sha256Hex(request.rawBody);
  const declaredHash = header(request, 'x-acs-content-sha256');
  return {
    accessKeyId: authorization.accessKeyId,
    timestamp: header(request, 'x-acs-date'),
    nonce: header(request, 'x-acs-signature-nonce'),
    securityToken: header(request, 'x-acs-security-token'),
    names: V3_NAMES,
    receivedSignature: authorization.signature.toLowerCase(),
    checkPayload() {
      if (declaredHash !== undefined && declaredHash.toLowerCase() !== bodyHash) throw apiError('InvalidParameter.ContentSHA256');
    },
    stringToSign: () =>
      v3StringToSign(
        v3CanonicalRequest({
          method: request.method,
          path: request.path,
          query: request.query,
          headers: request.headers,
          signedHeaders: authorization.signedHeaders,
          // Signed as sent; a client that omits the header signed the body's own hash.
          hashedPayload: declaredHash ?? bodyHash,
        }),
      ),
    sign: v3Signature,
  };
}

function checkTimestamp(claim: SignedClaim, now: number): void {
  if (!claim.timestamp) throw missingParameter(claim.names.timestamp);
  const time = parseUtcTimestamp(claim.timestamp);
  if (time === undefined) throw apiError('InvalidTimeStamp.Format');
  if (Math.abs(time - now) > SIGNATURE_WINDOW_MS) throw apiError('InvalidTimeStamp.Expired');
}

function activeKey(key: AccessKeyRecord | undefined): AccessKeyRecord {
  if (!key) throw apiError('InvalidAccessKeyId.NotFound');
  if (!key.active) throw apiError('InvalidAccessKeyId.Inactive');
  return key;
}

function checkSecurityToken(claim: SignedClaim, key: AccessKeyRecord): void {
  if (key.sts && !claim.securityToken) throw missingParameter(claim.names.securityToken);
  if (!key.sts && claim.securityToken) throw apiError('InvalidSecurityToken.MismatchWithAccessKey');
}

function checkSignature(claim: SignedClaim, key: AccessKeyRecord): void {
  const stringToSign = claim.stringToSign();
  if (!sameText(claim.sign(stringToSign, key.accessKeySecret), claim.receivedSignature)) {
    throw signatureDoesNotMatch(stringToSign);
  }
}

function useNonce(claim: SignedClaim, key: AccessKeyRecord, nonces: NonceStore, now: number): void {
  if (!claim.nonce) throw missingParameter(claim.names.nonce);
  if (!nonces.use(key.accessKeyId, claim.nonce, now)) throw apiError('SignatureNonceUsed');
}

/**
 * Constant-time comparison, so response timing does not leak how much of a
 * signature was right. `expected` is base64 or hex, ASCII: a `received` of
 * another length in characters cannot have its bytes, so only the length
 * (public anyway) decides without comparing.
 */
function sameText(expected: string, received: string): boolean {
  if (expected.length !== received.length) return false;
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(received, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

// ---------------------------------------------------------------------------
// Small readers

/** A header's value, or undefined when absent or empty. */
function header(request: ApiRequest, name: string): string | undefined {
  return nonEmpty(headerValue(request.headers, name));
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === '' ? undefined : value;
}

const ISO_UTC = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?Z$/;

/**
 * Milliseconds of an ISO 8601 UTC time, with or without fractional seconds
 * (`2026-11-28T03:09:41Z`, `2026-11-28T03:09:41.131Z`); undefined when
 * malformed or not a real date (month 13, February 30).
 */
export function parseUtcTimestamp(value: string): number | undefined {
  return (value.length === 20 ? parsePlainUtcTimestamp(value) : undefined) ?? parseAnyUtcTimestamp(value);
}

/**
 * The shape every official client sends, `YYYY-MM-DDTHH:mm:ssZ` with a year
 * from 1970, read without a regular expression or a Date. Undefined for
 * anything else, valid or not: parseAnyUtcTimestamp has the last word.
 */
function parsePlainUtcTimestamp(value: string): number | undefined {
  if (
    value.charCodeAt(4) !== DASH || value.charCodeAt(7) !== DASH || value.charCodeAt(10) !== LETTER_T ||
    value.charCodeAt(13) !== COLON || value.charCodeAt(16) !== COLON || value.charCodeAt(19) !== LETTER_Z
  ) return undefined;
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 2);
  const day = digits(value, 8, 2);
  const hour = digits(value, 11, 2);
  const minute = digits(value, 14, 2);
  const second = digits(value, 17, 2);
  if (year < 1970 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return undefined;
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

const DASH = 0x2d;
const COLON = 0x3a;
const LETTER_T = 0x54;
const LETTER_Z = 0x5a;

/** The decimal number of `length` ASCII digits at `start`; -1 when one is not a digit. */
function digits(value: string, start: number, length: number): number {
  let result = 0;
  for (let i = start; i < start + length; i++) {
    const digit = value.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) return -1;
    result = result * 10 + digit;
  }
  return result;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Any shape parseUtcTimestamp accepts, fractional seconds included. */
function parseAnyUtcTimestamp(value: string): number | undefined {
  const match = ISO_UTC.exec(value);
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
  const fraction = match[7] ? Number(`0.${match[7]}`) * 1000 : 0;
  return date.getTime() + fraction;
}
