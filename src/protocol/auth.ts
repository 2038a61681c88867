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
 */
export class NonceStore {
  private readonly expiries = new Map<string, number>();

  constructor(
    private readonly windowMs = SIGNATURE_WINDOW_MS,
    private readonly maxEntries = 1_000_000,
  ) {}

  get size(): number {
    return this.expiries.size;
  }

  wasUsed(accessKeyId: string, nonce: string, now: number): boolean {
    this.expire(now);
    const expiry = this.expiries.get(nonceKey(accessKeyId, nonce));
    return expiry !== undefined && expiry > now;
  }

  remember(accessKeyId: string, nonce: string, now: number): void {
    this.expire(now);
    const key = nonceKey(accessKeyId, nonce);
    this.expiries.delete(key); // re-inserting moves it to the back, keeping the order by expiry
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

function nonceKey(accessKeyId: string, nonce: string): string {
  return `${accessKeyId}\n${nonce}`;
}

/** Built once and only read: the answer to every unsigned call. */
const UNSIGNED = missingParameter('Signature');

export function authenticate(request: ApiRequest, env: AuthEnvironment): AuthOutcome {
  const claimedId = claimedAccessKeyId(request);
  const key = claimedId ? env.findKey(claimedId) : undefined;
  // Verification looks up the same key again (step 5): answered from this lookup, not the store.
  const verifyEnv: AuthEnvironment = claimedId
    ? { ...env, findKey: (id) => (id === claimedId ? key : env.findKey(id)) }
    : env;
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
    verifySignature(request, verifyEnv);
    return identity;
  } catch (error) {
    if (env.mode === 'strict' || !(error instanceof ApiError)) throw error;
    return { ...identity, failure: error };
  }
}

/** The AccessKeyId a request names, signed or not. */
function claimedAccessKeyId(request: ApiRequest): string | undefined {
  if (request.scheme === 'v3') return parseV3Authorization(header(request, 'authorization') ?? '')?.accessKeyId;
  return request.params.AccessKeyId;
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

function verifySignature(request: ApiRequest, env: AuthEnvironment): void {
  const claim = readClaim(request); // steps 1 and 2
  if (!claim.accessKeyId) throw missingParameter('AccessKeyId');
  const now = env.now();
  checkTimestamp(claim, now);
  const key = activeKey(claim.accessKeyId, env);
  checkSecurityToken(claim, key);
  claim.checkPayload();
  checkSignature(claim, key);
  useNonce(claim, key, env.nonces, now);
}

function readClaim(request: ApiRequest): SignedClaim {
  switch (request.scheme) {
    case 'v1':
      return readV1Claim(request);
    case 'v3':
      return readV3Claim(request);
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
    receivedSignature: params.Signature.replace(/ /g, '+'),
    checkPayload: () => undefined,
    stringToSign: () => v1StringToSign(request.method, params),
    sign: v1Signature,
  };
}

const V3_NAMES = { timestamp: 'x-acs-date', nonce: 'x-acs-signature-nonce', securityToken: 'x-acs-security-token' };

/** Headers whose values the checks trust, so they must be covered by the signature when sent. */
const V3_HEADERS_TO_SIGN = ['x-acs-date', 'x-acs-signature-nonce', 'x-acs-content-sha256', 'x-acs-security-token'];

function readV3Claim(request: ApiRequest): SignedClaim {
  const authorization = parseV3Authorization(header(request, 'authorization') ?? '');
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

function activeKey(accessKeyId: string, env: AuthEnvironment): AccessKeyRecord {
  const key = env.findKey(accessKeyId);
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
  if (nonces.wasUsed(key.accessKeyId, claim.nonce, now)) throw apiError('SignatureNonceUsed');
  nonces.remember(key.accessKeyId, claim.nonce, now);
}

/** Constant-time comparison, so response timing does not leak how much of a signature was right. */
function sameText(expected: string, received: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(received);
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
