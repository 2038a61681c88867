import http from 'node:http';
import type { AddressInfo } from 'node:net';
import t from 'tap';
import RPCClient from '@alicloud/pop-core';
import OpenApiClient, { Config, OpenApiRequest, Params as OpenApiParams } from '@alicloud/openapi-client';
import CoreClient, { $OpenApiUtil } from '@alicloud/openapi-core';
import { RuntimeOptions } from '@alicloud/tea-util';
import type { ApiRequest, Params } from '../../src/protocol/api-request';
import { ApiError } from '../../src/protocol/errors';
import { authenticate, type AccessKeyRecord, type AuthEnvironment, type AuthMode } from '../../src/protocol/auth';
import { NonceStore } from '../../src/protocol/nonce-store';
import { parseUtcTimestamp, SIGNATURE_WINDOW_MS } from '../../src/protocol/timestamp';
import {
  formatTimestamp,
  headerValue,
  parseV3Authorization,
  sha256Hex,
  signedV1Params,
  signedV3Headers,
  signV1,
  signV3,
  v1StringToSign,
  v3CanonicalRequest,
  v3StringToSign,
  type HeaderMap,
} from '../../src/protocol/signing';

// ---------------------------------------------------------------------------
// Fixtures

/** The assertions the helpers below use, as both the root and a subtest provide them. */
type Assert = Pick<typeof t, 'equal' | 'ok'>;

const PERMANENT: AccessKeyRecord = { accessKeyId: 'AKID', accessKeySecret: 'secret-1', accountId: 'acc-1', sts: false, active: true };
const STS: AccessKeyRecord = { accessKeyId: 'STS.AKID', accessKeySecret: 'sts-secret', accountId: 'acc-2', sts: true, active: true };
const DISABLED: AccessKeyRecord = { accessKeyId: 'OLDKEY', accessKeySecret: 'old-secret', accountId: 'acc-3', sts: false, active: false };
const KEYS = new Map([PERMANENT, STS, DISABLED].map((key) => [key.accessKeyId, key]));
const DEFAULT_ACCOUNT = 'acc-default';
const NOW = Date.UTC(2026, 10, 28, 3, 9, 41);
const NOW_STAMP = formatTimestamp(new Date(NOW));
const HOST = '127.0.0.1:8080';

function environment(mode: AuthMode = 'strict', now: () => number = () => NOW): AuthEnvironment {
  return { mode, findKey: (id) => KEYS.get(id), defaultAccountId: DEFAULT_ACCOUNT, nonces: new NonceStore(), now };
}

interface RequestParts {
  method?: 'GET' | 'POST';
  path?: string;
  query?: Params;
  body?: Params;
  rawBody?: string;
  headers?: HeaderMap;
}

/** An ApiRequest as the request parser would produce it (protocol.md section 1). */
function apiRequest(parts: RequestParts): ApiRequest {
  const query = parts.query ?? {};
  const params = { ...query, ...parts.body };
  const headers = parts.headers ?? {};
  const authorization = headerValue(headers, 'authorization') ?? '';
  return {
    method: parts.method ?? 'GET',
    path: parts.path ?? '/',
    query,
    params,
    rawBody: parts.rawBody ?? '',
    headers,
    action: params.Action ?? headerValue(headers, 'x-acs-action') ?? '',
    version: params.Version ?? headerValue(headers, 'x-acs-version') ?? '',
    format: params.Format?.toUpperCase() === 'XML' ? 'XML' : 'JSON',
    scheme: authorization.startsWith('ACS3-') ? 'v3' : 'Signature' in params ? 'v1' : 'none',
  };
}

function v1Request(overrides: Params = {}, key: AccessKeyRecord = PERMANENT, method: 'GET' | 'POST' = 'GET'): ApiRequest {
  const query = signedV1Params({
    method,
    accessKeyId: key.accessKeyId,
    accessKeySecret: key.accessKeySecret,
    action: 'DescribeThing',
    version: '2018-03-13',
    timestamp: NOW_STAMP,
    nonce: 'nonce-1',
    params: { Name: 'a b', ...overrides },
  });
  return apiRequest({ method, query });
}

/** Signs exactly the given params (Signature excluded), so a test can leave any of them out. */
function v1Resigned(params: Params, secret = PERMANENT.accessKeySecret): ApiRequest {
  const { Signature: _ignored, ...unsigned } = params;
  return apiRequest({ query: { ...unsigned, Signature: signV1('GET', unsigned, secret) } });
}

interface V3Parts {
  key?: AccessKeyRecord;
  securityToken?: string;
  query?: Params;
  body?: string;
  date?: string;
  nonce?: string;
}

function v3Request(parts: V3Parts = {}): ApiRequest {
  const key = parts.key ?? PERMANENT;
  const headers = signedV3Headers({
    method: 'POST',
    host: HOST,
    accessKeyId: key.accessKeyId,
    accessKeySecret: key.accessKeySecret,
    securityToken: parts.securityToken,
    action: 'DescribeThing',
    version: '2018-03-13',
    query: parts.query ?? { Name: 'a b' },
    body: parts.body,
    date: parts.date ?? NOW_STAMP,
    nonce: parts.nonce ?? 'nonce-1',
  });
  return apiRequest({ method: 'POST', query: parts.query ?? { Name: 'a b' }, headers, rawBody: parts.body });
}

/** Signs exactly the given headers (all of them), so a test can leave any of them out. */
function v3Resigned(headers: Record<string, string>, query: Params, rawBody = ''): ApiRequest {
  const signedHeaders = Object.keys(headers).sort();
  const signature = signV3(
    { method: 'POST', path: '/', query, headers, signedHeaders, hashedPayload: sha256Hex(rawBody) },
    PERMANENT.accessKeySecret,
  );
  const authorization = `ACS3-HMAC-SHA256 Credential=${PERMANENT.accessKeyId},SignedHeaders=${signedHeaders.join(';')},Signature=${signature}`;
  return apiRequest({ method: 'POST', query, headers: { ...headers, authorization }, rawBody });
}

/** A v3 request's headers without the named ones (and without authorization, to re-sign). */
function v3HeadersWithout(request: ApiRequest, ...names: string[]): Record<string, string> {
  const headers = { ...request.headers } as Record<string, string>;
  for (const name of [...names, 'authorization']) delete headers[name];
  return headers;
}

function withHeaders(request: ApiRequest, changes: HeaderMap): ApiRequest {
  return { ...request, headers: { ...request.headers, ...changes } };
}

function withParam(request: ApiRequest, name: string, value: string | undefined): ApiRequest {
  const edit = (params: Params, always: boolean): Params => {
    if (!always && !(name in params)) return params;
    const copy = { ...params };
    if (value === undefined) delete copy[name];
    else copy[name] = value;
    return copy;
  };
  return { ...request, query: edit(request.query, false), params: edit(request.params, true) };
}

/** Asserts that strict authentication throws `code` and returns the error; an acceptance fails the test. */
function rejectsWith(t: Assert, request: ApiRequest, code: string, env: AuthEnvironment = environment()): ApiError {
  let outcome: unknown;
  try {
    outcome = authenticate(request, env);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    t.equal(error.code, code, `rejected with ${code}`);
    return error;
  }
  throw new Error(`expected ${code}, but the request was accepted: ${JSON.stringify(outcome)}`);
}

// ---------------------------------------------------------------------------
// Strict mode

t.test('strict accepts a valid v1 request and maps the key to its account', async (t) => {
  t.strictSame(authenticate(v1Request(), environment()), { accountId: 'acc-1', accessKeyId: 'AKID' });
  t.strictSame(authenticate(v1Request({}, PERMANENT, 'POST'), environment()), { accountId: 'acc-1', accessKeyId: 'AKID' });
  t.strictSame(authenticate(v1Request({ SecurityToken: 'token' }, STS), environment()), { accountId: 'acc-2', accessKeyId: 'STS.AKID' });
});

t.test('strict accepts a valid v3 request and maps the key to its account', async (t) => {
  t.strictSame(authenticate(v3Request(), environment()), { accountId: 'acc-1', accessKeyId: 'AKID' });
  t.strictSame(authenticate(v3Request({ body: 'Note=x%20y' }), environment()), { accountId: 'acc-1', accessKeyId: 'AKID' });
  t.strictSame(authenticate(v3Request({ key: STS, securityToken: 'token' }), environment()), { accountId: 'acc-2', accessKeyId: 'STS.AKID' });
});

t.test('strict: missing or malformed signature', async (t) => {
  const unsigned = rejectsWith(t, apiRequest({ query: { Action: 'DescribeThing', AccessKeyId: 'AKID' } }), 'MissingSignature');
  t.equal(unsigned.status, 400);
  t.equal(unsigned.message, 'Signature is mandatory for this action.');
  rejectsWith(t, withParam(v1Request(), 'Signature', ''), 'MissingSignature');

  const v3 = v3Request();
  const incomplete = rejectsWith(t, withHeaders(v3, { authorization: 'ACS3-HMAC-SHA256 garbage' }), 'IncompleteSignature');
  t.equal(incomplete.message, 'The request signature does not conform to Aliyun standards.');
  rejectsWith(t, withHeaders(v3, { authorization: 'ACS3-HMAC-SHA256 Credential=AKID,SignedHeaders=host' }), 'IncompleteSignature');

  const unsignedNonce = String(v3.headers.authorization).replace(';x-acs-signature-nonce', '');
  const error = rejectsWith(t, withHeaders(v3, { authorization: unsignedNonce }), 'IncompleteSignature');
  t.equal(error.details.description, 'Header x-acs-signature-nonce must be listed in SignedHeaders.');
});

t.test('strict: signature method', async (t) => {
  const v1 = rejectsWith(t, v1Request({ SignatureMethod: 'HMAC-SHA256' }), 'InvalidSignatureMethod');
  t.equal(v1.message, 'Specified signature method is not valid.');
  t.equal(v1.status, 400);
  const noMethod = rejectsWith(t, withParam(v1Request(), 'SignatureMethod', undefined), 'MissingSignatureMethod');
  t.equal(noMethod.message, 'SignatureMethod is mandatory for this action.');
  const unknown = String(v3Request().headers.authorization).replace('ACS3-HMAC-SHA256', 'ACS3-HMAC-SHA512');
  rejectsWith(t, withHeaders(v3Request(), { authorization: unknown }), 'InvalidSignatureMethod');
  // order: the method is checked before the key id
  rejectsWith(t, v1Request({ SignatureMethod: 'HMAC-SHA256', AccessKeyId: '' }), 'InvalidSignatureMethod');
});

t.test('strict: access key id', async (t) => {
  const error = rejectsWith(t, withParam(v1Request(), 'AccessKeyId', undefined), 'MissingAccessKeyId');
  t.equal(error.message, 'AccessKeyId is mandatory for this action.');
  rejectsWith(t, withParam(v1Request(), 'AccessKeyId', ''), 'MissingAccessKeyId');
  const noCredential = String(v3Request().headers.authorization).replace('Credential=AKID', 'Credential=');
  rejectsWith(t, withHeaders(v3Request(), { authorization: noCredential }), 'MissingAccessKeyId');
  // order: the key id is checked before the timestamp
  rejectsWith(t, withParam(v1Request({ Timestamp: 'soon' }), 'AccessKeyId', undefined), 'MissingAccessKeyId');
});

t.test('strict: timestamps', async (t) => {
  const missing = rejectsWith(t, withParam(v1Request(), 'Timestamp', undefined), 'MissingTimestamp');
  t.equal(missing.message, 'Timestamp is mandatory for this action.');
  const v3Missing = v3Request();
  delete v3Missing.headers['x-acs-date'];
  const v3Error = rejectsWith(t, v3Missing, 'Missingx-acs-date');
  t.equal(v3Error.message, 'x-acs-date is mandatory for this action.');

  for (const malformed of ['yesterday', '2026-11-28 03:09:41Z', '2026-11-28T03:09:41', '2026-13-01T00:00:00Z', '2026-02-30T00:00:00Z', '1764299381']) {
    const error = rejectsWith(t, v1Request({ Timestamp: malformed }), 'InvalidTimeStamp.Format');
    t.equal(error.message, 'Specified time stamp or date value is not well formatted.');
  }
  rejectsWith(t, v3Request({ date: 'Fri, 28 Nov 2026 03:09:41 GMT' }), 'InvalidTimeStamp.Format');

  const stamp = (offsetMs: number) => new Date(NOW + offsetMs).toISOString();
  const expired = rejectsWith(t, v1Request({ Timestamp: stamp(-SIGNATURE_WINDOW_MS - 1000) }), 'InvalidTimeStamp.Expired');
  t.equal(expired.message, 'Specified time stamp or date value is expired.');
  rejectsWith(t, v1Request({ Timestamp: stamp(SIGNATURE_WINDOW_MS + 1000) }), 'InvalidTimeStamp.Expired');
  rejectsWith(t, v3Request({ date: formatTimestamp(new Date(NOW - 16 * 60 * 1000)) }), 'InvalidTimeStamp.Expired');

  t.ok(authenticate(v1Request({ Timestamp: stamp(-14 * 60 * 1000) }), environment()), '14 minutes of skew is fine');
  t.ok(authenticate(v1Request({ Timestamp: '2026-11-28T03:09:41.131Z' }), environment()), 'fractional seconds are fine');
  t.ok(authenticate(v3Request({ date: '2026-11-28T03:10:00.5Z' }), environment()), 'v3 fractional seconds are fine');
});

t.test('parseUtcTimestamp', async (t) => {
  t.equal(parseUtcTimestamp('2026-11-28T03:09:41Z'), NOW);
  t.equal(parseUtcTimestamp('2026-11-28T03:09:41.131Z'), NOW + 131);
  t.equal(parseUtcTimestamp('2026-11-28T03:09:41.5Z'), NOW + 500);
  t.equal(parseUtcTimestamp('2024-02-29T00:00:00Z'), Date.UTC(2024, 1, 29));
  t.equal(parseUtcTimestamp('2026-11-28T24:00:00Z'), undefined);
  t.equal(parseUtcTimestamp('2026-11-28T03:09:41+08:00'), undefined);
});

t.test('strict: key lookup', async (t) => {
  const unknown = rejectsWith(t, v1Request({ AccessKeyId: 'NOPE' }), 'InvalidAccessKeyId.NotFound');
  t.equal(unknown.status, 404);
  t.equal(unknown.message, 'Specified access key is not found.');
  const disabled = rejectsWith(t, v1Request({}, DISABLED), 'InvalidAccessKeyId.Inactive');
  t.equal(disabled.message, 'Specified access key is disabled.');
  rejectsWith(t, v3Request({ key: DISABLED }), 'InvalidAccessKeyId.Inactive');
  const unknownV3 = String(v3Request().headers.authorization).replace('Credential=AKID', 'Credential=NOPE');
  rejectsWith(t, withHeaders(v3Request(), { authorization: unknownV3 }), 'InvalidAccessKeyId.NotFound');
  // order: the timestamp is checked before the key is looked up
  rejectsWith(t, v1Request({ AccessKeyId: 'NOPE', Timestamp: '2000-01-01T00:00:00Z' }), 'InvalidTimeStamp.Expired');
});

t.test('strict: security tokens', async (t) => {
  const mismatch = rejectsWith(t, v1Request({ SecurityToken: 'token' }), 'InvalidSecurityToken.MismatchWithAccessKey');
  t.equal(mismatch.message, 'Specified SecurityToken mismatch with the AccessKey.');
  t.equal(mismatch.status, 400);
  rejectsWith(t, v3Request({ securityToken: 'token' }), 'InvalidSecurityToken.MismatchWithAccessKey');
  const missing = rejectsWith(t, v1Request({}, STS), 'MissingSecurityToken');
  t.equal(missing.message, 'SecurityToken is mandatory for this action.');
  rejectsWith(t, v3Request({ key: STS }), 'Missingx-acs-security-token');
});

t.test('strict: v3 body hash', async (t) => {
  const request = { ...v3Request({ body: 'Note=a' }), rawBody: 'Note=b' };
  const error = rejectsWith(t, request, 'InvalidParameter.ContentSHA256');
  t.equal(error.status, 400);
  t.equal(error.message, 'The x-acs-content-sha256 header does not match the SHA-256 of the request body.');
  rejectsWith(t, { ...v3Request(), rawBody: 'Extra=1' }, 'InvalidParameter.ContentSHA256');

  const withBody = v3Request({ body: 'Note=a' });
  const withoutHashHeader = v3Resigned(v3HeadersWithout(withBody, 'x-acs-content-sha256'), withBody.query, 'Note=a');
  t.ok(authenticate(withoutHashHeader, environment()), 'a client that omits the header signed the body hash itself');
});

t.test('strict: wrong signature quotes the server string to sign', async (t) => {
  const v1 = v1Request({}, { ...PERMANENT, accessKeySecret: 'wrong' });
  const error = rejectsWith(t, v1, 'SignatureDoesNotMatch');
  t.equal(error.status, 400);
  t.equal(
    error.message,
    `Specified signature is not matched with our calculation. server string to sign is:${v1StringToSign('GET', v1.params)}`,
  );
  rejectsWith(t, { ...v1Request({}, PERMANENT, 'POST'), method: 'GET' }, 'SignatureDoesNotMatch');

  const v3 = v3Request({ key: { ...PERMANENT, accessKeySecret: 'wrong' } });
  const authorization = parseV3Authorization(String(v3.headers.authorization));
  const canonical = v3CanonicalRequest({
    method: 'POST',
    path: '/',
    query: v3.query,
    headers: v3.headers,
    signedHeaders: authorization?.signedHeaders ?? [],
    hashedPayload: String(v3.headers['x-acs-content-sha256']),
  });
  const v3Error = rejectsWith(t, v3, 'SignatureDoesNotMatch');
  t.equal(v3Error.message, `Specified signature is not matched with our calculation. server string to sign is:${v3StringToSign(canonical)}`);
  rejectsWith(t, { ...v3Request(), path: '/other' }, 'SignatureDoesNotMatch');
});

t.test('strict: liberal signature spellings', async (t) => {
  let request = v1Request();
  for (let nonce = 0; !request.params.Signature.includes('+'); nonce++) request = v1Request({ SignatureNonce: `n${nonce}` });
  const spaced = withParam(request, 'Signature', request.params.Signature.replace(/\+/g, ' '));
  t.ok(authenticate(spaced, environment()), "a '+' decoded as a space still verifies");
  const v3 = v3Request();
  const upper = String(v3.headers.authorization).replace(/Signature=([0-9a-f]+)$/, (_, hex: string) => `Signature=${hex.toUpperCase()}`);
  t.ok(authenticate(withHeaders(v3, { authorization: upper }), environment()), 'upper-case hex verifies');
});

t.test('strict: nonces', async (t) => {
  const { SignatureNonce: _nonce, ...withoutNonce } = v1Request().params;
  const missing = rejectsWith(t, v1Resigned(withoutNonce), 'MissingSignatureNonce');
  t.equal(missing.message, 'SignatureNonce is mandatory for this action.');
  const v3 = v3Request();
  const v3Missing = rejectsWith(t, v3Resigned(v3HeadersWithout(v3, 'x-acs-signature-nonce'), v3.query), 'Missingx-acs-signature-nonce');
  t.equal(v3Missing.message, 'x-acs-signature-nonce is mandatory for this action.');

  const env = environment();
  t.ok(authenticate(v1Request(), env));
  const replay = rejectsWith(t, v1Request(), 'SignatureNonceUsed', env);
  t.equal(replay.message, 'Specified signature nonce was used already.');
  t.ok(authenticate(v1Request({ SecurityToken: 'token' }, STS), env), 'the same nonce under another key is fine');

  const v3Env = environment();
  t.ok(authenticate(v3Request(), v3Env));
  rejectsWith(t, v3Request(), 'SignatureNonceUsed', v3Env);

  const fresh = environment();
  rejectsWith(t, v1Request({}, { ...PERMANENT, accessKeySecret: 'wrong' }), 'SignatureDoesNotMatch', fresh);
  rejectsWith(t, v1Request({ AccessKeyId: 'NOPE' }), 'InvalidAccessKeyId.NotFound', fresh);
  t.equal(fresh.nonces.size, 0, 'rejected requests do not use up their nonce');
  t.ok(authenticate(v1Request(), fresh), 'so the genuine request still goes through');
});

// ---------------------------------------------------------------------------
// Lenient and off modes

t.test('lenient verifies the same way but serves the call', async (t) => {
  const env = environment('lenient');
  t.strictSame(authenticate(v1Request(), env), { accountId: 'acc-1', accessKeyId: 'AKID' });

  const badSignature = authenticate(v1Request({ SignatureNonce: 'n2' }, { ...PERMANENT, accessKeySecret: 'wrong' }), env);
  t.equal(badSignature.accountId, 'acc-1');
  t.equal(badSignature.accessKeyId, 'AKID');
  t.equal(badSignature.failure?.code, 'SignatureDoesNotMatch');

  const unknown = authenticate(v1Request({ AccessKeyId: 'NOPE', SignatureNonce: 'n3' }), env);
  t.strictSame({ accountId: unknown.accountId, accessKeyId: unknown.accessKeyId, code: unknown.failure?.code }, {
    accountId: DEFAULT_ACCOUNT,
    accessKeyId: undefined,
    code: 'InvalidAccessKeyId.NotFound',
  });

  const unsigned = authenticate(apiRequest({ query: { Action: 'DescribeThing' } }), env);
  t.equal(unsigned.accountId, DEFAULT_ACCOUNT);
  t.equal(unsigned.failure?.code, 'MissingSignature');

  const replay = authenticate(v1Request(), env);
  t.equal(replay.failure?.code, 'SignatureNonceUsed', 'a verified request records its nonce in lenient mode too');
  t.equal(authenticate(v3Request({ key: DISABLED }), env).failure?.code, 'InvalidAccessKeyId.Inactive');
  t.equal(authenticate(v3Request({ key: DISABLED }), env).accountId, 'acc-3');
});

t.test('off checks nothing but still maps known keys', async (t) => {
  const env = environment('off');
  t.strictSame(authenticate(apiRequest({ query: { Action: 'X', AccessKeyId: 'AKID' } }), env), { accountId: 'acc-1', accessKeyId: 'AKID' });
  t.strictSame(authenticate(v1Request({}, { ...PERMANENT, accessKeySecret: 'wrong' }), env), { accountId: 'acc-1', accessKeyId: 'AKID' });
  t.strictSame(authenticate(v1Request({}, DISABLED), env), { accountId: 'acc-3', accessKeyId: 'OLDKEY' });
  t.strictSame(authenticate(v3Request({ key: STS }), env), { accountId: 'acc-2', accessKeyId: 'STS.AKID' });
  t.strictSame(authenticate(v1Request({ AccessKeyId: 'NOPE' }), env), { accountId: DEFAULT_ACCOUNT });
  t.strictSame(authenticate(apiRequest({ query: { Action: 'X' } }), env), { accountId: DEFAULT_ACCOUNT });
  t.strictSame(authenticate(withHeaders(v3Request(), { authorization: 'ACS3-HMAC-SHA256 junk' }), env), { accountId: DEFAULT_ACCOUNT });
  t.ok(authenticate(v1Request(), env) && authenticate(v1Request(), env), 'replays are not checked');
  t.equal(env.nonces.size, 0, 'and no nonce is recorded');
});

t.test('NonceStore forgets after the window and stays bounded', async (t) => {
  const store = new NonceStore(1000, 3);
  t.notOk(store.wasUsed('AK', 'a', 0));
  store.remember('AK', 'a', 0);
  t.ok(store.wasUsed('AK', 'a', 999));
  t.notOk(store.wasUsed('OTHER', 'a', 999), 'nonces are per key');
  t.notOk(store.wasUsed('AK', 'a', 1000), 'forgotten once the window has passed');
  t.equal(store.size, 0, 'and the memory is released');

  for (const nonce of ['1', '2', '3', '4']) store.remember('AK', nonce, 10);
  t.equal(store.size, 3, 'capped at maxEntries');
  t.notOk(store.wasUsed('AK', '1', 10), 'the oldest goes first');
  t.ok(store.wasUsed('AK', '4', 10));
});

// ---------------------------------------------------------------------------
// Real client signatures

interface Captured {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** application/x-www-form-urlencoded as the parser reads it: split on &, first =, + is space, then percent-decode. */
function decodeForm(text: string): Params {
  const params: Params = {};
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    const [key, value] = equals < 0 ? [pair, ''] : [pair.slice(0, equals), pair.slice(equals + 1)];
    params[decodeURIComponent(key.replace(/\+/g, ' '))] = decodeURIComponent(value.replace(/\+/g, ' '));
  }
  return params;
}

function fromWire(captured: Captured): ApiRequest {
  const queryStart = captured.url.indexOf('?');
  const isForm = String(captured.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');
  return apiRequest({
    method: captured.method as 'GET' | 'POST',
    path: queryStart < 0 ? captured.url : captured.url.slice(0, queryStart),
    query: queryStart < 0 ? {} : decodeForm(captured.url.slice(queryStart + 1)),
    body: isForm ? decodeForm(captured.body) : {},
    rawBody: captured.body,
    headers: captured.headers,
  });
}

function startCaptureServer(): Promise<{ server: http.Server; port: number; captured: Captured[] }> {
  const captured: Captured[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      captured.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"RequestId":"X"}');
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as AddressInfo).port, captured }));
  });
}

const TRICKY = { UserName: 'a b*c', Description: "héllo ✓ (x)!~'" };
const TRICKY_LIST = { 'UserNames.1': 'u 1', 'UserNames.2': 'u*2' };

interface ClientCase {
  name: string;
  scheme: 'v1' | 'v3';
  call(port: number, key: AccessKeyRecord, token?: string): Promise<unknown>;
  /** What the client put on the wire, asserted so a client upgrade that changes it is noticed. */
  wire: { method: string; signatureIn: 'query' | 'body' | 'authorization'; format?: string; contentType?: string };
}

function popCore(port: number, key: AccessKeyRecord, token?: string): RPCClient {
  return new RPCClient({
    accessKeyId: key.accessKeyId,
    accessKeySecret: key.accessKeySecret,
    securityToken: token,
    endpoint: `http://127.0.0.1:${port}`,
    apiVersion: '2018-03-13',
  });
}

function openApiConfig(port: number, key: AccessKeyRecord, token: string | undefined, v2: boolean) {
  return {
    accessKeyId: key.accessKeyId,
    accessKeySecret: key.accessKeySecret,
    securityToken: token,
    endpoint: `127.0.0.1:${port}`,
    protocol: 'http',
    ...(v2 ? { signatureAlgorithm: 'v2' } : {}),
  };
}

const API = {
  action: 'DescribeThing',
  version: '2018-03-13',
  protocol: 'HTTP',
  pathname: '/',
  method: 'POST',
  authType: 'AK',
  style: 'RPC',
  reqBodyType: 'formData',
  bodyType: 'json',
};

/** One openapi request shape: everything in the query, or a form body besides. */
const SHAPES = {
  query: { query: { ...TRICKY, ...TRICKY_LIST } },
  body: { query: { RegionId: 'cn-shanghai' }, body: { ...TRICKY, ...TRICKY_LIST } },
};

function openApiClientCall(v2: boolean, shape: keyof typeof SHAPES) {
  return (port: number, key: AccessKeyRecord, token?: string) =>
    new OpenApiClient(new Config(openApiConfig(port, key, token, v2))).callApi(
      new OpenApiParams(API),
      new OpenApiRequest(SHAPES[shape]),
      new RuntimeOptions({}),
    );
}

type CoreRuntime = Parameters<CoreClient['callApi']>[2];

function openApiCoreCall(v2: boolean, shape: keyof typeof SHAPES) {
  return (port: number, key: AccessKeyRecord, token?: string) =>
    new CoreClient(new $OpenApiUtil.Config(openApiConfig(port, key, token, v2))).callApi(
      new $OpenApiUtil.Params(API),
      new $OpenApiUtil.OpenApiRequest(SHAPES[shape]),
      {} as CoreRuntime,
    );
}

const FORM = 'application/x-www-form-urlencoded';

const CLIENTS: ClientCase[] = [
  {
    name: 'pop-core GET',
    scheme: 'v1',
    call: (port, key, token) => popCore(port, key, token).request('DescribeThing', { ...TRICKY, UserNames: ['u 1', 'u*2'] }),
    wire: { method: 'GET', signatureIn: 'query', format: 'JSON' },
  },
  {
    name: 'pop-core POST',
    scheme: 'v1',
    call: (port, key, token) => popCore(port, key, token).request('DescribeThing', { ...TRICKY, UserNames: ['u 1', 'u*2'] }, { method: 'POST' }),
    wire: { method: 'POST', signatureIn: 'body', format: 'JSON', contentType: FORM },
  },
  { name: 'openapi-client v3, query', scheme: 'v3', call: openApiClientCall(false, 'query'), wire: { method: 'POST', signatureIn: 'authorization' } },
  { name: 'openapi-client v3, form body', scheme: 'v3', call: openApiClientCall(false, 'body'), wire: { method: 'POST', signatureIn: 'authorization', contentType: FORM } },
  { name: 'openapi-client v2, query', scheme: 'v1', call: openApiClientCall(true, 'query'), wire: { method: 'POST', signatureIn: 'query', format: 'json' } },
  { name: 'openapi-client v2, form body', scheme: 'v1', call: openApiClientCall(true, 'body'), wire: { method: 'POST', signatureIn: 'query', format: 'json', contentType: FORM } },
  {
    name: 'openapi-client doRPCRequest',
    scheme: 'v1',
    call: (port, key, token) =>
      new OpenApiClient(new Config(openApiConfig(port, key, token, false))).doRPCRequest(
        'DescribeThing', '2018-03-13', 'HTTP', 'POST', 'AK', 'json', new OpenApiRequest(SHAPES.body), new RuntimeOptions({}),
      ),
    wire: { method: 'POST', signatureIn: 'query', format: 'json', contentType: FORM },
  },
  { name: 'openapi-core v3, query', scheme: 'v3', call: openApiCoreCall(false, 'query'), wire: { method: 'POST', signatureIn: 'authorization' } },
  { name: 'openapi-core v3, form body', scheme: 'v3', call: openApiCoreCall(false, 'body'), wire: { method: 'POST', signatureIn: 'authorization', contentType: FORM } },
  { name: 'openapi-core v2, query', scheme: 'v1', call: openApiCoreCall(true, 'query'), wire: { method: 'POST', signatureIn: 'query', format: 'json' } },
  { name: 'openapi-core v2, form body', scheme: 'v1', call: openApiCoreCall(true, 'body'), wire: { method: 'POST', signatureIn: 'query', format: 'json', contentType: FORM } },
];

/** A different but well-formed value, so only the signature (not an earlier check) can notice. */
function altered(name: string, value: string): string {
  if (name === 'Timestamp' || name === 'x-acs-date') return formatTimestamp(new Date(Date.parse(value) + 1000));
  if (name === 'x-acs-content-sha256') return sha256Hex('something else');
  return `${value}x`;
}

/** Codes an earlier check gives for an altered field; every other alteration must fail the signature. */
const V1_TAMPER_CODES: Record<string, string> = {
  AccessKeyId: 'InvalidAccessKeyId.NotFound',
  SignatureMethod: 'InvalidSignatureMethod',
};
const V3_TAMPER_CODES: Record<string, string> = { 'x-acs-content-sha256': 'InvalidParameter.ContentSHA256' };

function checkWire(t: Assert, client: ClientCase, captured: Captured, request: ApiRequest): void {
  t.equal(captured.method, client.wire.method, 'method');
  t.equal(captured.headers['content-type'], client.wire.contentType, 'content-type');
  t.equal(request.params.Format, client.wire.format, 'Format');
  const signatureIn = request.scheme === 'v3' ? 'authorization' : 'Signature' in request.query ? 'query' : 'body';
  t.equal(signatureIn, client.wire.signatureIn, 'where the signature travels');
  t.equal(request.scheme, client.scheme, 'scheme');
  t.equal(request.params.UserName, TRICKY.UserName, 'a space and * survive the trip');
  t.equal(request.params.Description, TRICKY.Description, 'unicode and sub-delims survive the trip');
  t.equal(request.params['UserNames.2'], 'u*2', 'repeat lists arrive flat and 1-based');
}

function checkV1Tampering(t: Assert, request: ApiRequest): void {
  for (const name of Object.keys(request.params).filter((key) => key !== 'Signature')) {
    const code = V1_TAMPER_CODES[name] ?? 'SignatureDoesNotMatch';
    rejectsWith(t, withParam(request, name, altered(name, request.params[name])), code, environment('strict', Date.now));
  }
  rejectsWith(t, withParam(request, 'UserName', undefined), 'SignatureDoesNotMatch', environment('strict', Date.now));
  rejectsWith(t, withParam(request, 'Injected', '1'), 'SignatureDoesNotMatch', environment('strict', Date.now));
}

function checkV3Tampering(t: Assert, request: ApiRequest): void {
  const strict = () => environment('strict', Date.now);
  const signedHeaders = parseV3Authorization(String(request.headers.authorization))?.signedHeaders ?? [];
  t.ok(signedHeaders.includes('host') && signedHeaders.includes('x-acs-date'), `signed: ${signedHeaders.join(';')}`);
  for (const name of signedHeaders) {
    const code = V3_TAMPER_CODES[name] ?? 'SignatureDoesNotMatch';
    rejectsWith(t, withHeaders(request, { [name]: altered(name, String(request.headers[name])) }), code, strict());
  }
  for (const name of Object.keys(request.query)) {
    rejectsWith(t, withParam(request, name, altered(name, request.query[name])), 'SignatureDoesNotMatch', strict());
  }
  rejectsWith(t, { ...request, query: { ...request.query, Injected: '1' } }, 'SignatureDoesNotMatch', strict());
  const body = `${request.rawBody}&Injected=1`;
  rejectsWith(t, { ...request, rawBody: body }, 'InvalidParameter.ContentSHA256', strict());
  rejectsWith(t, withHeaders({ ...request, rawBody: body }, { 'x-acs-content-sha256': sha256Hex(body) }), 'SignatureDoesNotMatch', strict());
}

t.test('real clients: strict accepts their signatures and notices any tampering', async (t) => {
  const { server, port, captured } = await startCaptureServer();
  t.teardown(() => {
    server.closeAllConnections();
    server.close();
  });
  for (const client of CLIENTS) {
    for (const [key, token] of [[PERMANENT, undefined], [STS, 'sts-token-1']] as const) {
      await t.test(`${client.name}${token ? ' with STS' : ''}`, async (t) => {
        await client.call(port, key, token);
        const wire = captured[captured.length - 1];
        const request = fromWire(wire);
        checkWire(t, client, wire, request);
        const env = environment('strict', Date.now);
        t.strictSame(authenticate(request, env), { accountId: key.accountId, accessKeyId: key.accessKeyId });
        rejectsWith(t, request, 'SignatureNonceUsed', env);
        if (token) {
          const sent = request.scheme === 'v3' ? request.headers['x-acs-security-token'] : request.params.SecurityToken;
          t.equal(sent, token, 'the token travels');
        }
        if (request.scheme === 'v3') checkV3Tampering(t, request);
        else checkV1Tampering(t, request);
      });
    }
  }
});
