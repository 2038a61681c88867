/**
 * Strict signatures (issue 6, point 7), through app.inject: for each request
 * shape a correctly signed RoamClientUser succeeds, and the same request
 * with any one signed parameter or signed header altered after signing
 * (one character changed) is refused with the exact code of the first check
 * it fails, leaving the database untouched. A replay of the correct request
 * answers SignatureNonceUsed. In lenient mode the same tampered requests
 * are served, the failure named in x-emulator-auth-failure and the journal.
 *
 * Shapes:
 * - v1 GET: every parameter in the query (pop-core's default);
 * - v1 POST: every parameter in a form body (pop-core with method POST);
 * - v1 split: common parameters and RegionId in the query, the rest in the
 *   body (openapi-core's doRPCRequest);
 * - v3 POST, API parameters in the query (openapi-core's default callApi);
 * - v3 POST, API parameters in a form body, covered by x-acs-content-sha256.
 *
 * Which check an alteration trips first (src/protocol/auth.ts, dispatcher.ts):
 * Action and Version are routed before authentication (InvalidAction.NotFound,
 * InvalidVersion); a v3 content type that is no longer a form is refused
 * when the body is read (UnsupportedMediaType). Then the signature checks in
 * order: SignatureMethod / the Authorization algorithm (InvalidSignatureMethod),
 * the time (a malformed one InvalidTimeStamp.Format, one moved by a year
 * InvalidTimeStamp.Expired, one moved by seconds falls through), the key
 * (InvalidAccessKeyId.NotFound), the v3 body hash (InvalidParameter.ContentSHA256),
 * and last the signature itself (SignatureDoesNotMatch, quoting the
 * server's string to sign of the altered request).
 */
import t, { type Test } from 'tap';
import type { FastifyInstance } from 'fastify';
import { testApp, ROAM_SAMPLE, UUID_UPPER } from '../helpers/app';
import { findRequests } from '../../src/control/journal-query';
import {
  encodeForm,
  parseV3Authorization,
  percentEncode,
  sha256Hex,
  signedV1Params,
  signedV3Headers,
  v1StringToSign,
  v3CanonicalRequest,
  v3StringToSign,
} from '../../src/protocol/signing';

const KEY = { accessKeyId: 'testid', accessKeySecret: 'testsecret' };
const VERSION = '2018-03-13';
const ACTION = 'RoamClientUser';
const HOST = 'localhost:80';
const FORM = 'application/x-www-form-urlencoded';

type Pairs = [string, string][];

/** A request as it goes on the wire: parameters kept in order so that re-encoding gives the signed bytes back. */
interface Wire {
  method: 'GET' | 'POST';
  query: Pairs;
  /** Form parameters, or null for no body. */
  body: Pairs | null;
  headers: Record<string, string>;
}

interface Shape {
  name: string;
  scheme: 'v1' | 'v3';
  /** A freshly signed RoamClientUser of the documented sample (new nonce, current time). */
  build(): Wire;
}

const pairs = (params: Record<string, string>): Pairs => Object.entries(params);
const pick = (params: Record<string, string>, keep: (key: string) => boolean): Pairs => pairs(params).filter(([key]) => keep(key));

/** Common v1 parameters: openapi-core's doRPCRequest sends these (and Signature) in the query. */
const V1_COMMON = new Set(['Action', 'Format', 'Version', 'AccessKeyId', 'SignatureMethod', 'SignatureVersion', 'SignatureNonce', 'Timestamp', 'Signature']);

const SHAPES: Shape[] = [
  {
    name: 'v1 GET, all in the query',
    scheme: 'v1',
    build: () => {
      const signed = signedV1Params({ ...KEY, method: 'GET', action: ACTION, version: VERSION, params: ROAM_SAMPLE });
      return { method: 'GET', query: pairs(signed), body: null, headers: {} };
    },
  },
  {
    name: 'v1 POST, all in a form body',
    scheme: 'v1',
    build: () => {
      const signed = signedV1Params({ ...KEY, method: 'POST', action: ACTION, version: VERSION, params: ROAM_SAMPLE });
      return { method: 'POST', query: [], body: pairs(signed), headers: { 'content-type': FORM } };
    },
  },
  {
    name: 'v1 POST, split between query and form body',
    scheme: 'v1',
    build: () => {
      const signed = signedV1Params({ ...KEY, method: 'POST', action: ACTION, version: VERSION, params: ROAM_SAMPLE });
      return {
        method: 'POST',
        query: pick(signed, (key) => V1_COMMON.has(key) || key === 'RegionId'),
        body: pick(signed, (key) => !V1_COMMON.has(key) && key !== 'RegionId'),
        headers: { 'content-type': FORM },
      };
    },
  },
  {
    name: 'v3 POST, parameters in the query',
    scheme: 'v3',
    build: () => {
      const headers = signedV3Headers({ ...KEY, method: 'POST', host: HOST, action: ACTION, version: VERSION, query: ROAM_SAMPLE });
      return { method: 'POST', query: pairs(ROAM_SAMPLE), body: null, headers };
    },
  },
  {
    name: 'v3 POST, parameters in a form body',
    scheme: 'v3',
    build: () => {
      const body = encodeForm(ROAM_SAMPLE);
      const headers = signedV3Headers({ ...KEY, method: 'POST', host: HOST, action: ACTION, version: VERSION, body });
      return { method: 'POST', query: [], body: pairs(ROAM_SAMPLE), headers };
    },
  },
];

function encodePairs(list: Pairs): string {
  return list.map(([key, value]) => `${percentEncode(key)}=${percentEncode(value)}`).join('&');
}

async function send(app: FastifyInstance, wire: Wire) {
  const query = encodePairs(wire.query);
  return app.inject({
    method: wire.method,
    url: query === '' ? '/' : `/?${query}`,
    headers: wire.headers,
    ...(wire.body === null ? {} : { payload: encodePairs(wire.body) }),
  });
}

// ---------------------------------------------------------------------------
// Alterations: one character changed

function nextChar(char: string): string {
  if (/\d/.test(char)) return String((Number(char) + 1) % 10);
  if (char === 'z') return 'a';
  if (char === 'Z') return 'A';
  if (/[a-yA-Y]/.test(char)) return String.fromCharCode(char.charCodeAt(0) + 1);
  return 'x';
}

function alterAt(value: string, index: number): string {
  return value.slice(0, index) + nextChar(value[index]) + value.slice(index + 1);
}

const alterLast = (value: string) => alterAt(value, value.length - 1);

type Where = 'query' | 'body' | 'header' | 'method';

interface Tamper {
  label: string;
  where: Where;
  /** Parameter or header name (ignored for 'method'). */
  name: string;
  alter(value: string): string;
  /** The code strict mode answers. */
  code: string;
  /** Recompute x-acs-content-sha256 over the altered body (v3 only). */
  rehash?: boolean;
}

/** The answer strict mode gives, by code: status and exact message (SignatureDoesNotMatch adds the string to sign). */
const REFUSALS: Record<string, [number, string]> = {
  SignatureDoesNotMatch: [400, 'Specified signature is not matched with our calculation. server string to sign is:'],
  'InvalidAction.NotFound': [404, 'Specified api is not found, please check your url and method.'],
  InvalidVersion: [400, 'Specified parameter Version is not valid.'],
  'InvalidAccessKeyId.NotFound': [404, 'Specified access key is not found.'],
  InvalidSignatureMethod: [400, 'Specified signature method is not valid.'],
  'InvalidTimeStamp.Format': [400, 'Specified time stamp or date value is not well formatted.'],
  'InvalidTimeStamp.Expired': [400, 'Specified time stamp or date value is expired.'],
  'InvalidParameter.ContentSHA256': [400, 'The x-acs-content-sha256 header does not match the SHA-256 of the request body.'],
  IncompleteSignature: [400, 'The request signature does not conform to Aliyun standards.'],
  UnsupportedMediaType: [415, 'The request body must be application/x-www-form-urlencoded.'],
  SignatureNonceUsed: [400, 'Specified signature nonce was used already.'],
};

/** Refused before authentication runs: lenient mode refuses them too. */
const NOT_AUTH = new Set(['InvalidAction.NotFound', 'InvalidVersion', 'UnsupportedMediaType']);

/** What strict mode answers when a v1 parameter is altered, when not SignatureDoesNotMatch. */
const V1_PARAM_CODES: Record<string, string> = {
  Action: 'InvalidAction.NotFound',
  Version: 'InvalidVersion',
  AccessKeyId: 'InvalidAccessKeyId.NotFound',
  SignatureMethod: 'InvalidSignatureMethod',
  Timestamp: 'InvalidTimeStamp.Format', // the last character is the Z
};

/** The same for the v3 headers. */
const V3_HEADER_CODES: Record<string, string> = {
  'x-acs-action': 'InvalidAction.NotFound',
  'x-acs-version': 'InvalidVersion',
  'x-acs-date': 'InvalidTimeStamp.Format', // the last character is the Z
  'x-acs-content-sha256': 'InvalidParameter.ContentSHA256',
  'content-type': 'UnsupportedMediaType', // ...urlencodee is no form
};

/** Index of the units digit of the seconds, and of the last year digit, in `YYYY-MM-DDTHH:mm:ssZ`. */
const SECONDS = 18;
const YEAR = 3;

function tampersFor(shape: Shape, wire: Wire): Tamper[] {
  const list: Tamper[] = [];
  const locations: [Where, Pairs][] = [['query', wire.query], ['body', wire.body ?? []]];
  if (shape.scheme === 'v1') {
    // Every parameter is signed, wherever it travels; Signature itself is altered as well.
    for (const [where, params] of locations) {
      for (const [name] of params) {
        list.push({ label: `${where} ${name}`, where, name, alter: alterLast, code: V1_PARAM_CODES[name] ?? 'SignatureDoesNotMatch' });
      }
    }
    const timestampIn = wire.query.some(([name]) => name === 'Timestamp') ? 'query' : 'body';
    list.push(
      { label: 'Timestamp seconds', where: timestampIn, name: 'Timestamp', alter: (v) => alterAt(v, SECONDS), code: 'SignatureDoesNotMatch' },
      { label: 'Timestamp year', where: timestampIn, name: 'Timestamp', alter: (v) => alterAt(v, YEAR), code: 'InvalidTimeStamp.Expired' },
    );
    if (wire.method === 'GET') {
      list.push({ label: 'method GET sent as POST', where: 'method', name: '', alter: () => 'POST', code: 'SignatureDoesNotMatch' });
    }
    return list;
  }
  // v3: the query is signed directly, the body through x-acs-content-sha256, headers as listed in SignedHeaders.
  for (const [name] of wire.query) list.push({ label: `query ${name}`, where: 'query', name, alter: alterLast, code: 'SignatureDoesNotMatch' });
  for (const [name] of wire.body ?? []) {
    list.push({ label: `body ${name}`, where: 'body', name, alter: alterLast, code: 'InvalidParameter.ContentSHA256' });
  }
  const signed = parseV3Authorization(wire.headers.authorization)!.signedHeaders;
  for (const name of signed) {
    list.push({ label: `header ${name}`, where: 'header', name, alter: alterLast, code: V3_HEADER_CODES[name] ?? 'SignatureDoesNotMatch' });
  }
  list.push(
    { label: 'x-acs-date seconds', where: 'header', name: 'x-acs-date', alter: (v) => alterAt(v, SECONDS), code: 'SignatureDoesNotMatch' },
    { label: 'x-acs-date year', where: 'header', name: 'x-acs-date', alter: (v) => alterAt(v, YEAR), code: 'InvalidTimeStamp.Expired' },
    // The fields of Authorization itself.
    { label: 'Authorization algorithm', where: 'header', name: 'authorization', alter: (v) => v.replace('ACS3-HMAC-SHA256', 'ACS3-HMAC-SHA257'), code: 'InvalidSignatureMethod' },
    { label: 'Authorization Credential', where: 'header', name: 'authorization', alter: (v) => v.replace('Credential=testid', 'Credential=testie'), code: 'InvalidAccessKeyId.NotFound' },
    { label: 'Authorization SignedHeaders host', where: 'header', name: 'authorization', alter: (v) => v.replace('host;', 'hosu;'), code: 'SignatureDoesNotMatch' },
    { label: 'Authorization SignedHeaders x-acs-date', where: 'header', name: 'authorization', alter: (v) => v.replace('x-acs-date;', 'x-acs-datf;'), code: 'IncompleteSignature' },
    { label: 'Authorization Signature', where: 'header', name: 'authorization', alter: alterLast, code: 'SignatureDoesNotMatch' },
  );
  if (wire.body !== null) {
    list.push({ label: 'body UserName, x-acs-content-sha256 recomputed', where: 'body', name: 'UserName', alter: alterLast, rehash: true, code: 'SignatureDoesNotMatch' });
  }
  return list;
}

function tamper(wire: Wire, change: Tamper): Wire {
  const copy: Wire = {
    method: wire.method,
    query: wire.query.map(([k, v]) => [k, v]),
    body: wire.body && wire.body.map(([k, v]) => [k, v]),
    headers: { ...wire.headers },
  };
  const alterIn = (list: Pairs) => {
    const entry = list.find(([name]) => name === change.name);
    if (!entry) throw new Error(`${change.label}: no ${change.name}`);
    const altered = change.alter(entry[1]);
    if (altered === entry[1] || altered.length !== entry[1].length) throw new Error(`${change.label}: not a one-character change`);
    entry[1] = altered;
  };
  if (change.where === 'method') copy.method = change.alter(copy.method) as Wire['method'];
  else if (change.where === 'header') {
    const value = copy.headers[change.name];
    const altered = change.alter(value);
    if (altered === value || altered.length !== value.length) throw new Error(`${change.label}: not a one-character change`);
    copy.headers[change.name] = altered;
  } else alterIn(change.where === 'query' ? copy.query : copy.body!);
  if (change.rehash) copy.headers['x-acs-content-sha256'] = sha256Hex(encodePairs(copy.body ?? []));
  return copy;
}

/** The string to sign the server computes for a (tampered) request, built with the same helpers the client signs with. */
function serverStringToSign(shape: Shape, wire: Wire): string {
  if (shape.scheme === 'v1') {
    const params = Object.fromEntries([...wire.query, ...(wire.body ?? [])]);
    return v1StringToSign(wire.method, params);
  }
  const authorization = parseV3Authorization(wire.headers.authorization)!;
  return v3StringToSign(v3CanonicalRequest({
    method: wire.method,
    path: '/',
    query: Object.fromEntries(wire.query),
    headers: wire.headers,
    signedHeaders: authorization.signedHeaders,
    hashedPayload: wire.headers['x-acs-content-sha256'],
  }));
}

function expectedMessage(shape: Shape, wire: Wire, code: string): string {
  const [, message] = REFUSALS[code];
  return code === 'SignatureDoesNotMatch' ? message + serverStringToSign(shape, wire) : message;
}

function assertRefused(t: Test, response: Awaited<ReturnType<typeof send>>, code: string, message: string, label: string) {
  const [status] = REFUSALS[code];
  t.equal(response.statusCode, status, `${label}: status`);
  t.equal(response.headers['content-type'], 'application/json;charset=utf-8', `${label}: JSON`);
  const body = response.json();
  t.equal(body.Code, code, `${label}: code`);
  t.equal(body.Message, message, `${label}: message`);
  t.match(body.RequestId, UUID_UPPER, `${label}: RequestId`);
}

const roamedCount = (app: FastifyInstance) =>
  app.emulator.store.db.prepare('SELECT count(*) FROM client_users WHERE roamed_from_instance_id IS NOT NULL').pluck().get() as number;

t.test('strict: any signed part altered after signing is refused, and nothing changes', async (t) => {
  const app = await testApp({ auth: 'strict' });
  t.teardown(() => app.close());

  for (const shape of SHAPES) {
    t.test(shape.name, async (t) => {
      app.emulator.reset();
      const original = shape.build();
      const cases = tampersFor(shape, original);
      t.comment(`${cases.length} alterations: ${cases.map((c) => c.label).join(', ')}`);

      for (const change of cases) {
        const altered = tamper(original, change);
        const before = app.emulator.store.snapshots.capture();
        const response = await send(app, altered);
        assertRefused(t, response, change.code, expectedMessage(shape, altered, change.code), change.label);
        t.strictSame(app.emulator.store.snapshots.capture(), before, `${change.label}: the database is unchanged`);
        const entry = findRequests(app.emulator.journal, {}).at(-1)!;
        t.equal(entry.code, change.code, `${change.label}: journalled`);
      }

      // The refusals used up nothing: the request as signed still goes through, once.
      const before = roamedCount(app);
      const ok = await send(app, original);
      t.equal(ok.statusCode, 200, 'the correctly signed request succeeds');
      t.strictSame(Object.keys(ok.json()), ['RequestId']);
      t.equal(ok.headers['x-emulator-auth-failure'], undefined, 'no auth failure reported');
      t.equal(roamedCount(app), before + 1, 'test1 roamed to the destination');

      const snapshot = app.emulator.store.snapshots.capture();
      const replay = await send(app, original);
      assertRefused(t, replay, 'SignatureNonceUsed', REFUSALS.SignatureNonceUsed[1], 'the identical request replayed');
      t.strictSame(app.emulator.store.snapshots.capture(), snapshot, 'replay: the database is unchanged');
    });
  }
});

t.test('every shape exercises every signed parameter and header', async (t) => {
  const covered = (shape: Shape) => {
    const wire = shape.build();
    return [...new Set(tampersFor(shape, wire).map((c) => `${c.where}:${c.name}`))].sort();
  };
  const v1 = ['AccessKeyId', 'Action', 'Format', 'OriginRegionId', 'OriginSmartAGId', 'RegionId', 'Signature', 'SignatureMethod',
    'SignatureNonce', 'SignatureVersion', 'TargetSmartAGId', 'Timestamp', 'UserName', 'Version'];
  t.strictSame(covered(SHAPES[0]), [...v1.map((name) => `query:${name}`), 'method:'].sort(), 'v1 GET');
  t.strictSame(covered(SHAPES[1]), v1.map((name) => `body:${name}`).sort(), 'v1 POST');
  t.strictSame(covered(SHAPES[2]).length, v1.length, 'v1 split');
  const v3Headers = ['authorization', 'host', 'x-acs-action', 'x-acs-content-sha256', 'x-acs-date', 'x-acs-signature-nonce', 'x-acs-version'];
  const api = Object.keys(ROAM_SAMPLE);
  t.strictSame(covered(SHAPES[3]), [...v3Headers.map((h) => `header:${h}`), ...api.map((name) => `query:${name}`)].sort(), 'v3 query');
  t.strictSame(covered(SHAPES[4]), [...[...v3Headers, 'content-type'].map((h) => `header:${h}`), ...api.map((name) => `body:${name}`)].sort(), 'v3 body');
});

t.test('strict: the v3 content type is signed too (an altered charset, still a form)', async (t) => {
  const app = await testApp({ auth: 'strict' });
  t.teardown(() => app.close());
  const shape = SHAPES[4];
  const body = encodeForm(ROAM_SAMPLE);
  const headers = signedV3Headers({
    ...KEY, method: 'POST', host: HOST, action: ACTION, version: VERSION, body, contentType: `${FORM}; charset=UTF-8`,
  });
  const original: Wire = { method: 'POST', query: [], body: pairs(ROAM_SAMPLE), headers };
  const change: Tamper = { label: 'content-type charset', where: 'header', name: 'content-type', alter: alterLast, code: 'SignatureDoesNotMatch' };
  const altered = tamper(original, change);
  t.equal(altered.headers['content-type'], `${FORM}; charset=UTF-9`);
  const before = app.emulator.store.snapshots.capture();
  assertRefused(t, await send(app, altered), 'SignatureDoesNotMatch', expectedMessage(shape, altered, 'SignatureDoesNotMatch'), change.label);
  t.strictSame(app.emulator.store.snapshots.capture(), before, 'the database is unchanged');
  t.equal((await send(app, original)).statusCode, 200, 'as signed, it succeeds');
});

/**
 * What lenient mode serves for each alteration: the call runs with the
 * parameters as received. Only the API parameters change the answer.
 */
const SERVED: Record<string, string> = {
  RegionId: 'SAG.InstanceNoFound', // cn-hangzhov: the destination is not found there
  OriginRegionId: 'SAG.InstanceNoFound',
  OriginSmartAGId: 'SAG.InstanceNoFound',
  TargetSmartAGId: 'SAG.InstanceNoFound',
  UserName: 'ResourceNotFound.User', // test2 is not on the source
};

t.test('lenient: the same tampered requests are served, and the failure is named', async (t) => {
  const app = await testApp({ auth: 'lenient' });
  t.teardown(() => app.close());

  for (const shape of SHAPES) {
    t.test(shape.name, async (t) => {
      const original = shape.build();
      for (const change of tampersFor(shape, original)) {
        app.emulator.reset();
        const altered = tamper(original, change);
        const before = roamedCount(app);
        const response = await send(app, altered);
        const entry = findRequests(app.emulator.journal, {}).at(-1)!;
        if (NOT_AUTH.has(change.code)) {
          assertRefused(t, response, change.code, expectedMessage(shape, altered, change.code), `${change.label} (refused before authentication)`);
          t.equal(response.headers['x-emulator-auth-failure'], undefined, `${change.label}: authentication never ran`);
          t.equal(entry.authFailure, null);
          continue;
        }
        const failure = `${change.code}: ${expectedMessage(shape, altered, change.code)}`;
        t.equal(entry.authFailure, failure, `${change.label}: the journal names the failure`);
        t.equal(
          response.headers['x-emulator-auth-failure'],
          failure.replace(/\n/g, '\\n'),
          `${change.label}: x-emulator-auth-failure names it (a newline as \\n)`,
        );
        const served = change.where === 'query' || change.where === 'body' ? SERVED[change.name] : undefined;
        if (served === undefined) {
          t.equal(response.statusCode, 200, `${change.label}: served`);
          t.strictSame(Object.keys(response.json()), ['RequestId']);
          t.equal(roamedCount(app), before + 1, `${change.label}: the roam happened`);
          t.equal(entry.code, null);
        } else {
          t.equal(response.statusCode, 400, `${change.label}: served with the altered value`);
          t.equal(response.json().Code, served, `${change.label}: the operation's own answer`);
          t.equal(roamedCount(app), before, `${change.label}: nothing roamed`);
          t.equal(entry.code, served);
        }
      }
      app.emulator.reset();
      t.equal((await send(app, original)).statusCode, 200, 'the untampered request is served');
      t.equal(findRequests(app.emulator.journal, {}).at(-1)!.authFailure, null, 'with no auth failure');
    });
  }
});
