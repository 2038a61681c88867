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
 * Nonces seen per key within the window. A Map keeps insertion order, which
 * is arrival order, so expiring from the front is amortised O(1) and memory
 * stays proportional to the request rate. `maxEntries` caps it even under a
 * flood, at the cost of forgetting the oldest nonces early.
 *
 * Memory per nonce, about 95 bytes for a 32-character one (was ~520): the key
 * is a flat copy of `accessKeyId\nnonce`, never a slice that would keep the
 * whole request URL alive, and each expiry is stored as milliseconds from the
 * store's first call, a small integer V8 keeps inline instead of boxing it.
 */
export class NonceStore {
  /** `accessKeyId\nnonce` -> expiry, as milliseconds after `origin`. */
  private readonly expiries = new Map<string, number>();
  /** Set by the first call; 0 until then. */
  private origin = 0;
  private started = false;
  /**
   * Never more than the expiry of the first (oldest) entry, so expire() can
   * return at once while it lies in the future; Infinity when empty.
   */
  private firstExpiry = Infinity;

  constructor(
    private readonly windowMs = SIGNATURE_WINDOW_MS,
    private readonly maxEntries = 1_000_000,
  ) {}

  get size(): number {
    return this.expiries.size;
  }

  wasUsed(accessKeyId: string, nonce: string, now: number): boolean {
    const at = this.since(now);
    this.expire(at);
    const expiry = this.expiries.get(nonceKey(accessKeyId, nonce));
    return expiry !== undefined && expiry > at;
  }

  remember(accessKeyId: string, nonce: string, now: number): void {
    const at = this.since(now);
    this.expire(at);
    this.insert(nonceKey(accessKeyId, nonce), at);
  }

  /**
   * wasUsed, then remember when it was not: true when the nonce is fresh (and
   * is now recorded), false when it was used already (nothing changes).
   */
  use(accessKeyId: string, nonce: string, now: number): boolean {
    const at = this.since(now);
    this.expire(at);
    const key = nonceKey(accessKeyId, nonce);
    const expiry = this.expiries.get(key);
    if (expiry !== undefined && expiry > at) return false;
    this.insert(key, at);
    return true;
  }

  private insert(key: string, at: number): void {
    const expiry = at + this.windowMs;
    // Re-inserting moves it to the back, keeping the order by expiry; if it was the first, the first changes.
    if (this.expiries.delete(key)) this.firstExpiry = -Infinity;
    if (this.expiries.size === 0) this.firstExpiry = expiry;
    this.expiries.set(key, expiry);
    if (this.expiries.size > this.maxEntries) {
      this.expiries.delete(this.expiries.keys().next().value as string);
      this.firstExpiry = -Infinity;
    }
  }

  /** Milliseconds since the first call: Date.now() values become small integers, and differences of integers are exact. */
  private since(now: number): number {
    if (!this.started) {
      this.started = true;
      this.origin = now;
    }
    return now - this.origin;
  }

  private expire(at: number): void {
    if (this.firstExpiry > at) return;
    for (const [key, expiry] of this.expiries) {
      if (expiry > at) {
        this.firstExpiry = expiry;
        return;
      }
      this.expiries.delete(key);
    }
    this.firstExpiry = Infinity;
  }
}

/**
 * Joined by Array.prototype.join, which builds a flat string: `${a}\n${b}`
 * would be a rope holding on to the nonce, itself a slice of the request URL.
 */
function nonceKey(accessKeyId: string, nonce: string): string {
  return [accessKeyId, nonce].join('\n');
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
