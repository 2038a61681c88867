/**
 * Property-based fuzzing of the API through app.inject: random actions
 * (every real one, weighted towards the stateful ones, and garbage),
 * parameter names and values, encodings (malformed percent escapes,
 * invalid UTF-8, lone surrogates), content types, bodies, methods, paths
 * and formats. For every request:
 *  - never a 5xx; the body parses (JSON, or XML under text/xml);
 *  - an error is the Alibaba envelope with a code the emulator documents;
 *  - an error, or a synthesised (stateless) answer, leaves the database
 *    byte-for-byte unchanged;
 *  - keys like `__proto__` never reach Object.prototype.
 *
 * Fixed seed: `npm test` runs FUZZ_RUNS (default 3000) cases and always the
 * same ones; `npm run fuzz` runs many more. FUZZ_SEED picks another seed.
 */
import t from 'tap';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { testApp } from '../helpers/app';
import { getOperation, operationNames, type OperationSpec, type ParameterSpec } from '../../src/spec';
import { statefulActions } from '../../src/families';
import { SYNTHESIZED_HEADER } from '../../src/dispatcher';
import { DEFAULT_FIXTURES } from '../../src/config';
import { checkAnswer } from './envelope';

const SEED = Number(process.env.FUZZ_SEED ?? 20180313);
const RUNS = Number(process.env.FUZZ_RUNS ?? 3000);

// ---- Values worth trying ---------------------------------------------------

interface FixtureFile {
  accounts: {
    instances?: { id: string; regionId: string; clientUsers?: { userName: string; userMail?: string }[] }[];
  }[];
}

const FIXTURE = JSON.parse(fs.readFileSync(DEFAULT_FIXTURES, 'utf8')) as FixtureFile;
const INSTANCES = FIXTURE.accounts.flatMap((account) => account.instances ?? []);
const USERS = INSTANCES.flatMap((instance) => instance.clientUsers ?? []);
const unique = (values: (string | undefined)[]) => [...new Set(values.filter((v): v is string => v !== undefined))];

/** Values of the default fixtures by parameter name, so that calls reach deep into the handlers. */
const POOLS: [RegExp, string[]][] = [
  [/RegionId$/, unique([...INSTANCES.map((i) => i.regionId), 'cn-beijing', 'ap-southeast-1'])],
  [/(SmartAGId|InstanceId|SmartAGIds|SmartAGIdList)$/, unique([...INSTANCES.map((i) => i.id), 'sag-nosuch0001'])],
  [/UserNames?$/, unique([...USERS.map((u) => u.userName), 'nosuchuser'])],
  [/UserMail$/, unique(USERS.map((u) => u.userMail))],
];

/**
 * Whole calls that may succeed: every (source user, destination SAG APP
 * instance) pair of the default fixtures for RoamClientUser. Successes
 * change the state, so the "errors change nothing" property is tested
 * against a moving database.
 */
const SAMPLES = new Map<string, Record<string, string>[]>([
  ['RoamClientUser', INSTANCES.flatMap((source) => (source.clientUsers ?? []).flatMap((user) => INSTANCES
    .filter((target) => target !== source)
    .map((target) => ({
      RegionId: target.regionId,
      OriginRegionId: source.regionId,
      OriginSmartAGId: source.id,
      TargetSmartAGId: target.id,
      UserName: user.userName,
    }))))],
]);

const NUMBERS = ['0', '1', '-1', '5', '20000', '20001', '2147483647', '2147483648', '-2147483649', '9007199254740991',
  '9007199254740993', '1e3', '0x10', '1.5', 'NaN', 'Infinity', '+5', ' 5', '5 ', '٣', '１', '00', '-0'];
const WORDS = ['', ' ', 'undefined', 'null', 'true', 'false', 'TRUE', '[]', '{}', 'a,b', '*', '****', '%', '&', '=', '+'];
const LONE_SURROGATES = ['\uD800', '\uDFFF', 'a\uDC00b', '\uDBFF\uDBFF', 'x\uD83D'];
const FORMATS = ['JSON', 'json', 'XML', 'xml', 'Xml', 'xMl', '', 'YAML', 'XML ', 'JSONP', 'xml\u0000'];
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'valueOf', '__proto__.x',
  'constructor.prototype', '__defineGetter__'];
const COMMON_KEYS = ['Action', 'Version', 'Format', 'RegionId', 'AccessKeyId', 'Signature', 'SignatureMethod',
  'SignatureVersion', 'SignatureNonce', 'Timestamp', 'SecurityToken', 'OwnerId'];
const GARBAGE_ACTIONS = ['', 'roamclientuser', 'RoamClientUser ', ' RoamClientUser', 'RoamClientUser\u0000', 'Roam%ClientUser',
  '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'DescribeRegions', 'CreateInstance', '../RoamClientUser'];
const LIST_INDEXES = ['1', '1', '2', '3', '0', '01', '-1', 'x', '', '1.5', '99999999999999999999', '1 '];
const MALFORMED_ESCAPES = ['%', '%F', '%FF', '%C3%28', '%E0%A4%A', '%ED%A0%80', '%GG', '%%', '%0', '%c0%af', '%F4%90%80%80', '%80'];

const controlChars = fc.string({ unit: fc.integer({ min: 0, max: 31 }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 8 });
const huge = fc.constantFrom(65_536, 65_537, 100_000).map((n) => 'x'.repeat(n));

/** Hostile or odd values, for any parameter. */
const nastyValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NUMBERS) },
  { weight: 3, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.constantFrom(...LONE_SURROGATES) },
  { weight: 1, arbitrary: controlChars },
  { weight: 1, arbitrary: huge },
);

function valueArb(parameter: ParameterSpec): fc.Arbitrary<string> {
  const pool = POOLS.find(([pattern]) => pattern.test(parameter.name))?.[1] ?? [];
  const documented = unique([parameter.example, parameter.items?.example, ...(parameter.enum ?? []), ...(parameter.items?.enum ?? [])]);
  const plausible = [...pool, ...documented];
  return plausible.length > 0
    ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...plausible) }, { weight: 1, arbitrary: nastyValue })
    : nastyValue;
}

// ---- Keys ------------------------------------------------------------------

/** Wire names a parameter can take, well-formed or not: `Name`, `Name.1`, `Name.3.Key`, `Name.x`... */
function keyArb(parameter: ParameterSpec): fc.Arbitrary<string> {
  const index = fc.constantFrom(...LIST_INDEXES);
  if (parameter.type !== 'array') {
    return fc.oneof({ weight: 8, arbitrary: fc.constant(parameter.name) }, { weight: 1, arbitrary: index.map((i) => `${parameter.name}.${i}`) });
  }
  const properties = Object.keys(parameter.items?.properties ?? {});
  const item = properties.length > 0
    ? fc.tuple(index, fc.constantFrom(...properties, 'Nope')).map(([i, p]) => `${parameter.name}.${i}.${p}`)
    : index.map((i) => `${parameter.name}.${i}`);
  return fc.oneof({ weight: 8, arbitrary: item }, { weight: 1, arbitrary: fc.constant(parameter.name) });
}

interface Pair { key: string; value: string }

const otherPair: fc.Arbitrary<Pair> = fc.record({
  key: fc.oneof(
    fc.constantFrom(...COMMON_KEYS),
    fc.constantFrom(...PROTO_KEYS),
    fc.string({ unit: 'grapheme', maxLength: 12 }),
    fc.constantFrom('', '=', '&', 'UserNames.1', 'UserNames.3', 'Tag.1.Key', 'Tag.3.Value'),
  ),
  value: fc.oneof(fc.constantFrom(...POOLS.flatMap(([, pool]) => pool)), nastyValue),
});

/**
 * The parameters of one call: a whole documented call (a fixture sample,
 * or every documented parameter once) or a partial one, then a few extra,
 * repeated or broken pairs.
 */
function pairsArb(action: string, operation: OperationSpec | undefined): fc.Arbitrary<Pair[]> {
  const parameters = operation?.parameters ?? [];
  const documented = parameters.map((p) => fc.record({ key: keyArb(p), value: valueArb(p) }));
  const whole = documented.length > 0 ? fc.tuple(...documented) : fc.constant([] as Pair[]);
  const samples = SAMPLES.get(action) ?? [];
  const base = fc.oneof(
    { weight: 3, arbitrary: whole },
    { weight: 1, arbitrary: whole.chain((pairs) => fc.subarray(pairs)) },
    ...(samples.length > 0 ? [{ weight: 4, arbitrary: fc.constantFrom(...samples).map((sample) => Object.entries(sample).map(([key, value]) => ({ key, value }))) }] : []),
  );
  const extra = documented.length > 0 ? fc.oneof({ weight: 3, arbitrary: fc.oneof(...documented) }, { weight: 2, arbitrary: otherPair }) : otherPair;
  return fc.tuple(base, fc.array(extra, { maxLength: 4, size: 'xsmall' })).map(([pairs, more]) => [...pairs, ...more]);
}

// ---- Encoding --------------------------------------------------------------

const UNRESERVED = /[A-Za-z0-9\-_.~]/;

/** Percent-encodes the UTF-8 bytes (a lone surrogate becomes U+FFFD's bytes, as any client would send). */
function strictEncode(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const char = String.fromCharCode(byte);
    out += byte < 0x80 && UNRESERVED.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/**
 * How a request is written: well-formed, with `+` for spaces, or with one
 * component (picked by `at`) left raw or given a malformed escape.
 */
type Corruption = { kind: 'none' } | { kind: 'plus' } | { kind: 'raw'; at: number } | { kind: 'escape'; escape: string; at: number; offset: number };

const corruptionArb: fc.Arbitrary<Corruption> = fc.oneof(
  { weight: 6, arbitrary: fc.constant({ kind: 'none' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'plus' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('raw' as const), at: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('escape' as const), escape: fc.constantFrom(...MALFORMED_ESCAPES), at: fc.nat(), offset: fc.nat() }) },
);

/** `pairs` as `k=v&k=v`; component `i` (key 2i, value 2i+1) is the one a corruption hits. */
function writePairs(pairs: Pair[], corruption: Corruption, separator: string, firstComponent: number, totalComponents: number): string {
  const target = 'at' in corruption && totalComponents > 0 ? corruption.at % totalComponents : -1;
  const write = (text: string, component: number) => {
    if (corruption.kind === 'plus') return strictEncode(text).replace(/%20/g, '+');
    if (component !== target) return strictEncode(text);
    if (corruption.kind === 'raw') return text;
    const encoded = strictEncode(text);
    const at = corruption.kind === 'escape' ? corruption.offset % (encoded.length + 1) : 0;
    return encoded.slice(0, at) + (corruption.kind === 'escape' ? corruption.escape : '') + encoded.slice(at);
  };
  return pairs.map(({ key, value }, i) => {
    const component = firstComponent + 2 * i;
    return `${write(key, component)}=${write(value, component + 1)}`;
  }).join(separator);
}

// ---- Requests --------------------------------------------------------------

interface FuzzRequest {
  /** The operations the request may name: its Action parameter, its x-acs-action header. */
  actions: string[];
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH' | 'OPTIONS';
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
}

const REAL_ACTIONS = operationNames();
const STATEFUL_ACTIONS = statefulActions();

const actionArb = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...STATEFUL_ACTIONS) },
  { weight: 6, arbitrary: fc.constantFrom(...REAL_ACTIONS) },
  { weight: 1, arbitrary: fc.constantFrom(...GARBAGE_ACTIONS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
);

const FORM = 'application/x-www-form-urlencoded';
const OTHER_CONTENT_TYPES = ['APPLICATION/X-WWW-FORM-URLENCODED', `${FORM};charset=latin1`, 'application/json', 'text/plain',
  'text/xml', 'multipart/form-data; boundary=x', ';;;', `${FORM}x`, '', `${FORM};;`];

const printable = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 40 });

/** Header values are printable ASCII on the wire (Node refuses others before the emulator sees them). */
function headerText(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, '');
}

const extraHeadersArb = fc.record({
  'x-acs-action': fc.option(actionArb.map(headerText), { nil: undefined, freq: 8 }),
  'x-acs-version': fc.option(fc.constantFrom('2018-03-13', '2017-01-01', ''), { nil: undefined, freq: 8 }),
  authorization: fc.option(fc.oneof(
    fc.constant('ACS3-HMAC-SHA256 Credential=testid,SignedHeaders=host;x-acs-date,Signature=abcdef'),
    fc.constant('ACS3-'),
    printable.map((s) => `ACS3-HMAC-SHA256 ${s}`),
    printable,
  ), { nil: undefined, freq: 6 }),
  'x-acs-date': fc.option(fc.constantFrom('2026-01-01T00:00:00Z', 'yesterday', ''), { nil: undefined, freq: 8 }),
  'x-acs-content-sha256': fc.option(fc.constantFrom('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', 'nothex'), { nil: undefined, freq: 8 }),
});

const requestArb: fc.Arbitrary<FuzzRequest> = actionArb.chain((action) => fc.record({
  pairs: pairsArb(action, getOperation(action)),
  routeIn: fc.constantFrom('params', 'params', 'params', 'params', 'params', 'params', 'header', 'none'),
  version: fc.oneof({ weight: 10, arbitrary: fc.constant('2018-03-13') }, { weight: 1, arbitrary: fc.constantFrom('2018-3-13', '', '2017-01-01') }),
  format: fc.option(fc.constantFrom(...FORMATS), { nil: undefined, freq: 3 }),
  method: fc.oneof(
    { weight: 6, arbitrary: fc.constant('GET' as const) },
    { weight: 8, arbitrary: fc.constant('POST' as const) },
    { weight: 1, arbitrary: fc.constantFrom('PUT' as const, 'DELETE' as const, 'PATCH' as const, 'OPTIONS' as const) },
  ),
  placement: fc.constantFrom('body', 'body', 'body', 'split', 'split', 'query'),
  inBody: fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }),
  corruption: corruptionArb,
  body: fc.constantFrom('form', 'form', 'form', 'form', 'form', 'form', 'form', 'form', 'form', 'form', 'raw', 'json', 'empty', 'huge'),
  rawBody: fc.uint8Array({ maxLength: 120 }),
  contentType: fc.oneof(
    { weight: 8, arbitrary: fc.constant(FORM) },
    { weight: 2, arbitrary: fc.constant(`${FORM}; charset=UTF-8`) },
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 2, arbitrary: fc.constantFrom(...OTHER_CONTENT_TYPES) },
    { weight: 1, arbitrary: printable },
  ),
  path: fc.oneof(
    { weight: 12, arbitrary: fc.constant('/') },
    { weight: 1, arbitrary: fc.constantFrom('/smartag/', '/a/b/', '/nowhere', '/%FF/', '/_emulator/nowhere', '//', '/?/') },
  ),
  separator: fc.constantFrom('&', '&', '&', '&', '&', '&', '&&', ';'),
  rotation: fc.nat(),
  headers: extraHeadersArb,
}).map((r): FuzzRequest => {
  const pairs: Pair[] = [...r.pairs];
  if (r.routeIn === 'params') pairs.unshift({ key: 'Action', value: action }, { key: 'Version', value: r.version });
  if (r.format !== undefined) pairs.push({ key: 'Format', value: r.format });
  // A deterministic rotation, so Action is not always first.
  const turn = pairs.length > 0 ? r.rotation % pairs.length : 0;
  const ordered = [...pairs.slice(turn), ...pairs.slice(0, turn)];
  const hasBody = r.method !== 'GET';
  const toBody = (i: number) => hasBody && (r.placement === 'body' || (r.placement === 'split' && r.inBody[i % 16]));
  const queryPairs = ordered.filter((_, i) => !toBody(i));
  const bodyPairs = ordered.filter((_, i) => toBody(i));
  const components = 2 * ordered.length;
  const query = writePairs(queryPairs, r.corruption, r.separator, 0, components);
  const form = writePairs(bodyPairs, r.corruption, r.separator, 2 * queryPairs.length, components);

  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(r.headers)) if (value !== undefined) headers[name] = value;
  if (r.routeIn === 'header') {
    headers['x-acs-action'] = headerText(action);
    headers['x-acs-version'] = r.version;
  }
  if (r.contentType !== undefined) headers['content-type'] = r.contentType;

  let payload: string | Buffer | undefined;
  if (hasBody) {
    if (r.body === 'form') payload = form;
    else if (r.body === 'raw') payload = Buffer.from(r.rawBody);
    else if (r.body === 'json') payload = JSON.stringify(Object.fromEntries(ordered.map((p) => [p.key, p.value])));
    else if (r.body === 'huge') payload = `A=${'x'.repeat(1_100_000)}`;
  }
  return {
    actions: unique([r.routeIn === 'none' ? undefined : action, headers['x-acs-action']]),
    method: r.method,
    url: query === '' ? r.path : `${r.path}?${query}`,
    headers,
    payload,
  };
}));

// ---- The state, cheaply ----------------------------------------------------

/** A hash of every row of every table: equal hashes, unchanged database. */
function stateHasher(app: FastifyInstance): () => string {
  const db = app.emulator.store.db;
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
  // Ordered by every column: the content is compared, whatever the physical order.
  const selects = tables.map((table) => {
    const columns = db.prepare('SELECT count(*) FROM pragma_table_info(?)').pluck().get(table) as number;
    const order = Array.from({ length: columns }, (_, i) => i + 1).join(', ');
    return db.prepare(`SELECT * FROM "${table}" ORDER BY ${order}`).raw();
  });
  return () => {
    const hash = createHash('sha256');
    selects.forEach((select, i) => {
      hash.update(`\u0000${tables[i]}\u0000`);
      for (const row of select.all()) hash.update(JSON.stringify(row));
    });
    return hash.digest('hex');
  };
}

function describe(request: FuzzRequest): string {
  const payload = request.payload === undefined ? '' : String(request.payload).slice(0, 400);
  return `${request.method} ${request.url.slice(0, 600)}\n  headers ${JSON.stringify(request.headers)}\n  body ${JSON.stringify(payload)}`;
}

const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype).length;

t.test(`fuzz: ${RUNS} random requests (seed ${SEED})`, async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  const hashState = stateHasher(app);
  const seen = new Map<string, number>();
  let stateChanges = 0;
  let xmlErrors = 0;

  await fc.assert(
    fc.asyncProperty(requestArb, async (request) => {
      const before = hashState();
      const response = await app.inject({ method: request.method, url: request.url, headers: request.headers, payload: request.payload });
      let checked;
      try {
        checked = await checkAnswer({ status: response.statusCode, headers: response.headers, body: response.body }, request.actions);
      } catch (error) {
        throw new Error(`${(error as Error).message}\nfor ${describe(request)}`);
      }
      if (Object.getOwnPropertyNames(Object.prototype).length !== PROTOTYPE_NAMES) {
        throw new Error(`Object.prototype gained a property\nfor ${describe(request)}`);
      }
      const after = hashState();
      if (before !== after) {
        if (checked.code !== null) throw new Error(`the error ${checked.code} changed the database\nfor ${describe(request)}`);
        if (response.headers[SYNTHESIZED_HEADER] === 'true') throw new Error(`a synthesised answer changed the database\nfor ${describe(request)}`);
        stateChanges++;
      }
      const outcome = checked.code === null ? 'success' : checked.code.startsWith('Missing') ? 'Missing*' : checked.code;
      seen.set(outcome, (seen.get(outcome) ?? 0) + 1);
      if (checked.code !== null && checked.format === 'XML') xmlErrors++;
    }),
    // No shrinking: the database moves on with every success, so a smaller replay proves little.
    // The failure message names the request and fast-check the seed and path to replay it.
    { seed: SEED, numRuns: RUNS, endOnFailure: true },
  );

  t.comment(`outcomes: ${JSON.stringify(Object.fromEntries([...seen].sort((a, b) => b[1] - a[1])))}`);
  t.comment(`state changes: ${stateChanges}, XML errors: ${xmlErrors}`);
  // The generator must reach every layer, or the properties above prove little (checked on runs long enough to).
  if (RUNS < 2000) return;
  for (const outcome of ['success', 'Missing*', 'InvalidParameter', 'InvalidParameter.Encoding', 'InvalidParameter.TooLong',
    'InvalidAction.NotFound', 'UnsupportedMediaType', 'UnsupportedHTTPMethod', 'RequestEntityTooLarge', 'InvalidVersion']) {
    t.ok((seen.get(outcome) ?? 0) > 0, `reached ${outcome}`);
  }
  t.ok(stateChanges > 0, 'some calls changed the state (a stateful operation succeeded)');
  t.ok(xmlErrors > 0, 'some errors were rendered as XML');
  t.ok([...seen.keys()].some((code) => /^(SAG|ClientUser|ResourceNotFound|EnterpriseCode)\./.test(code)), 'reached product errors');
});
