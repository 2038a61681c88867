/**
 * The two Alibaba Cloud RPC signature schemes, in both directions: the
 * emulator verifies with them, tests and the benchmark sign with them.
 * protocol.md sections 2 (encoding), 3 (v1, HMAC-SHA1) and 4 (v3,
 * ACS3-HMAC-SHA256) are the specification.
 */

import { createHash, createHmac, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import type { Params } from './api-request';

export const V1_SIGNATURE_METHOD = 'HMAC-SHA1';
export const V1_SIGNATURE_VERSION = '1.0';
export const V3_ALGORITHM = 'ACS3-HMAC-SHA256';
/** The v3 variant with the Chinese national hash SM3 (GB/T 32905), which openapi-core offers as signatureAlgorithm. */
export const V3_SM3_ALGORITHM = 'ACS3-HMAC-SM3';

/** The hash of each v3 algorithm: of the canonical request, of the payload (x-acs-content-sha256) and in the HMAC. */
const V3_DIGESTS: ReadonlyMap<string, 'sha256' | 'sm3'> = new Map([
  [V3_ALGORITHM, 'sha256'],
  [V3_SM3_ALGORITHM, 'sm3'],
]);

/** The hash a v3 algorithm name stands for; undefined for one the emulator does not verify. */
export function v3Digest(algorithm: string): 'sha256' | 'sm3' | undefined {
  return V3_DIGESTS.get(algorithm);
}

/** Request headers as Node gives them: lower-case names, repeated ones as arrays. */
export type HeaderMap = Record<string, string | string[] | undefined>;

/**
 * RFC 3986 percent-encoding. encodeURIComponent already keeps exactly
 * `A-Z a-z 0-9 - _ . ~` plus `! ' ( ) *` literal; the gateway wants those
 * five escaped too.
 */
export function percentEncode(value: string): string {
  // Most names and values need no escape at all; verifying a signature encodes every one of them.
  if (UNRESERVED_ONLY.test(value)) return value;
  const encoded = encodeURIComponent(value);
  return SUB_DELIMS.test(encoded) ? encoded.replace(SUB_DELIMS_ALL, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`) : encoded;
}

const UNRESERVED_ONLY = /^[A-Za-z0-9\-_.~]*$/;
const SUB_DELIMS = /[!'()*]/;
const SUB_DELIMS_ALL = /[!'()*]/g;

/** `k=v&k=v` with both sides percent-encoded: a query string or form body every parser reads back exactly. */
export function encodeForm(params: Params): string {
  return Object.entries(params)
    .map(([key, value]) => `${percentEncode(key)}=${percentEncode(value)}`)
    .join('&');
}

/** Keys in JavaScript code-unit order (upper case before lower case), as every official client sorts them. */
function sortedKeys(params: Params): string[] {
  const keys = Object.keys(params);
  if (keys.length > 32) return keys.sort();
  // The dozen or so keys of a call sort faster by insertion than with Array.prototype.sort; the order is the same.
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i];
    let j = i - 1;
    while (j >= 0 && keys[j] > key) {
      keys[j + 1] = keys[j];
      j--;
    }
    keys[j + 1] = key;
  }
  return keys;
}

export function sha256Hex(data: string): string {
  return createHash('sha256').update(data, 'utf8').digest('hex');
}

/** Hash of an empty payload, the x-acs-content-sha256 of every bodiless v3 request. */
export const EMPTY_PAYLOAD_SHA256 = sha256Hex('');

/** `YYYY-MM-DDTHH:mm:ssZ`, the timestamp shape every official client sends (no milliseconds). */
export function formatTimestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** 32 hex characters, like pop-core and openapi-client. */
export function newNonce(): string {
  return randomBytes(16).toString('hex');
}

// ---------------------------------------------------------------------------
// v1: HMAC-SHA1 over the sorted parameters

/** Sorted `enc(k)=enc(v)` pairs of every parameter except Signature itself. */
export function v1CanonicalQuery(params: Params): string {
  return sortedKeys(params)
    .filter((key) => key !== 'Signature')
    .map((key) => `${percentEncode(key)}=${percentEncode(params[key])}`)
    .join('&');
}

/**
 * The path is always `/` in an RPC v1 string to sign, whatever path the client used.
 *
 * Equal to `${method}&%2F&${percentEncode(v1CanonicalQuery(params))}`, built in
 * one pass: percentEncode works code point by code point, so encoding the
 * joined query is encoding each piece and its `=` (`%3D`) and `&` (`%26`); and
 * a piece percentEncode has already encoded holds only unreserved characters
 * and `%XX`, so encoding it again only turns `%` into `%25` (test/unit/signing-fast-path.test.ts
 * checks the equivalence on random input).
 */
export function v1StringToSign(method: string, params: Params): string {
  const keys = sortedKeys(params);
  let canonical = '';
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (key === 'Signature') continue;
    const pair = `${percentEncodeTwice(key)}%3D${percentEncodeTwice(params[key])}`;
    canonical = canonical === '' ? pair : `${canonical}%26${pair}`;
  }
  return `${method}&%2F&${canonical}`;
}

/** percentEncode(percentEncode(value)). */
function percentEncodeTwice(value: string): string {
  if (UNRESERVED_ONLY.test(value)) return value;
  const once = percentEncode(value);
  return once.replace(PERCENT_ALL, '%25');
}

const PERCENT_ALL = /%/g;

/** base64 HMAC-SHA1 keyed with `secret&` (the `&` is the empty token-secret slot of the scheme). */
export function v1Signature(stringToSign: string, accessKeySecret: string): string {
  return createHmac('sha1', v1Key(accessKeySecret)).update(stringToSign, 'utf8').digest('base64');
}

/**
 * The HMAC key `secret&` as a KeyObject, made once per secret: createHmac with
 * a KeyObject skips importing the key on every call. Secrets come from the
 * key store (a handful), so the cache is small; it starts over past 256.
 */
function v1Key(accessKeySecret: string): KeyObject {
  let key = V1_KEYS.get(accessKeySecret);
  if (key === undefined) {
    if (V1_KEYS.size >= 256) V1_KEYS.clear();
    key = createSecretKey(Buffer.from(`${accessKeySecret}&`, 'utf8'));
    V1_KEYS.set(accessKeySecret, key);
  }
  return key;
}

const V1_KEYS = new Map<string, KeyObject>();

export function signV1(method: string, params: Params, accessKeySecret: string): string {
  return v1Signature(v1StringToSign(method, params), accessKeySecret);
}

// ---------------------------------------------------------------------------
// v3: ACS3-HMAC-SHA256 over a canonical request

export interface V3CanonicalInput {
  method: string;
  /** The path exactly as sent. */
  path: string;
  /** Decoded query parameters (the body is covered by hashedPayload instead). */
  query: Params;
  headers: HeaderMap;
  /** Lower-case header names, in the order the Authorization header lists them. */
  signedHeaders: readonly string[];
  hashedPayload: string;
}

/**
 * Sorted `k=enc(v)`. The official clients leave the key unencoded, so the
 * emulator does too; RPC parameter names never contain characters where
 * that makes a difference.
 */
export function v3CanonicalQuery(query: Params): string {
  return sortedKeys(query)
    .map((key) => `${key}=${percentEncode(query[key])}`)
    .join('&');
}

/** A header's value, repeated values joined by ','; undefined when absent. */
export function headerValue(headers: HeaderMap, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

/** `name:trimmed value\n` for each signed header; an absent one signs as empty. */
export function v3CanonicalHeaders(headers: HeaderMap, signedHeaders: readonly string[]): string {
  return signedHeaders.map((name) => `${name}:${(headerValue(headers, name) ?? '').trim()}\n`).join('');
}

export function v3CanonicalRequest(input: V3CanonicalInput): string {
  return [
    input.method,
    input.path,
    v3CanonicalQuery(input.query),
    v3CanonicalHeaders(input.headers, input.signedHeaders),
    input.signedHeaders.join(';'),
    input.hashedPayload,
  ].join('\n');
}

/** A payload's or canonical request's hash, hex, with the algorithm's digest (SHA-256 unless SM3). */
export function v3HashHex(data: string, algorithm: string = V3_ALGORITHM): string {
  return algorithm === V3_ALGORITHM ? sha256Hex(data) : createHash(v3Digest(algorithm) ?? 'sha256').update(data, 'utf8').digest('hex');
}

export function v3StringToSign(canonicalRequest: string, algorithm: string = V3_ALGORITHM): string {
  return `${algorithm}\n${v3HashHex(canonicalRequest, algorithm)}`;
}

/** hex HMAC (SHA-256 unless SM3) keyed with the bare secret (no `&`, unlike v1). */
export function v3Signature(stringToSign: string, accessKeySecret: string, algorithm: string = V3_ALGORITHM): string {
  return createHmac(v3Digest(algorithm) ?? 'sha256', accessKeySecret).update(stringToSign, 'utf8').digest('hex');
}

export function signV3(input: V3CanonicalInput, accessKeySecret: string, algorithm: string = V3_ALGORITHM): string {
  return v3Signature(v3StringToSign(v3CanonicalRequest(input), algorithm), accessKeySecret, algorithm);
}

export interface V3Authorization {
  algorithm: string;
  /** The Credential field; may be empty, which the caller reports as a missing AccessKeyId. */
  accessKeyId: string;
  signedHeaders: string[];
  signature: string;
}

/**
 * Reads `ALGORITHM Credential=AK,SignedHeaders=a;b,Signature=hex`, tolerating
 * spaces around the commas. Undefined when a field is missing or malformed.
 */
export function parseV3Authorization(header: string): V3Authorization | undefined {
  const match = /^(\S+)\s+(.+)$/.exec(header.trim());
  if (!match) return undefined;
  const fields = new Map<string, string>();
  for (const part of match[2].split(',')) {
    const equals = part.indexOf('=');
    if (equals < 0) return undefined;
    fields.set(part.slice(0, equals).trim(), part.slice(equals + 1).trim());
  }
  const accessKeyId = fields.get('Credential');
  const signedHeaders = (fields.get('SignedHeaders') ?? '').split(';').map((name) => name.trim().toLowerCase());
  const signature = fields.get('Signature');
  if (accessKeyId === undefined || !signature || signedHeaders.includes('')) return undefined;
  return { algorithm: match[1], accessKeyId, signedHeaders, signature };
}

// ---------------------------------------------------------------------------
// Building signed requests (tests, benchmark)

export interface SigningCredentials {
  accessKeyId: string;
  accessKeySecret: string;
  /** Set for STS credentials. */
  securityToken?: string;
}

export interface V1RequestOptions extends SigningCredentials {
  method: 'GET' | 'POST';
  action: string;
  version: string;
  /** API parameters; they may also override a common one (e.g. to sign a wrong SignatureMethod on purpose). */
  params?: Params;
  format?: string;
  timestamp?: string;
  nonce?: string;
}

/** Every parameter of a v1 request, Signature included; send them with encodeForm as the query or a form body. */
export function signedV1Params(options: V1RequestOptions): Params {
  const unsigned: Params = {
    Action: options.action,
    Format: options.format ?? 'JSON',
    Version: options.version,
    AccessKeyId: options.accessKeyId,
    SignatureMethod: V1_SIGNATURE_METHOD,
    SignatureVersion: V1_SIGNATURE_VERSION,
    SignatureNonce: options.nonce ?? newNonce(),
    Timestamp: options.timestamp ?? formatTimestamp(new Date()),
    ...(options.securityToken === undefined ? {} : { SecurityToken: options.securityToken }),
    ...options.params,
  };
  return { ...unsigned, Signature: signV1(options.method, unsigned, options.accessKeySecret) };
}

export interface V3RequestOptions extends SigningCredentials {
  method: 'GET' | 'POST';
  /** The Host header exactly as it will be sent, e.g. `127.0.0.1:8080`. */
  host: string;
  path?: string;
  action: string;
  version: string;
  /** Decoded query parameters; send them with encodeForm. */
  query?: Params;
  /** The raw body; a non-empty one gets a content-type. */
  body?: string;
  contentType?: string;
  date?: string;
  nonce?: string;
}

/**
 * All headers of a v3 request, authorization included, signing every header
 * it sets (as the official clients do).
 */
export function signedV3Headers(options: V3RequestOptions): Record<string, string> {
  const body = options.body ?? '';
  const headers: Record<string, string> = {
    host: options.host,
    'x-acs-action': options.action,
    'x-acs-version': options.version,
    'x-acs-date': options.date ?? formatTimestamp(new Date()),
    'x-acs-signature-nonce': options.nonce ?? newNonce(),
    'x-acs-content-sha256': sha256Hex(body),
  };
  if (body !== '') headers['content-type'] = options.contentType ?? 'application/x-www-form-urlencoded';
  if (options.securityToken !== undefined) {
    headers['x-acs-accesskey-id'] = options.accessKeyId;
    headers['x-acs-security-token'] = options.securityToken;
  }
  const signedHeaders = Object.keys(headers).sort();
  const signature = signV3(
    {
      method: options.method,
      path: options.path ?? '/',
      query: options.query ?? {},
      headers,
      signedHeaders,
      hashedPayload: headers['x-acs-content-sha256'],
    },
    options.accessKeySecret,
  );
  headers.authorization = `${V3_ALGORITHM} Credential=${options.accessKeyId},SignedHeaders=${signedHeaders.join(';')},Signature=${signature}`;
  return headers;
}
