/**
 * Contract: @alicloud/openapi-client (the runtime of the tea-generated
 * SDKs) against a listening emulator, in its three RPC shapes:
 * - v3 `callApi` (the default, ACS3-HMAC-SHA256): parameters in the query,
 *   or in a form body;
 * - v1 `callApi` with `signatureAlgorithm: 'v2'` (HMAC-SHA1 via doRPCRequest);
 * - v1 `doRPCRequest` called directly, as older generated SDKs do.
 *
 * openapi-client's error surface (dist/client.js, @alicloud/tea-typescript
 * newError): on HTTP 4xx/5xx it throws a plain `Error` (name 'Error'; tea's
 * ResponseError subclass does not survive its ES5 `extends Error`) with
 *   code        `${Code}`
 *   message     `${Code}: code: ${status}, ${Message} request id: ${RequestId}`
 *   data        the error body plus `statusCode` (number)
 *   statusCode  the HTTP status
 *   description `${Description}` (the string 'undefined' when the body has none)
 *   accessDeniedDetail the body's AccessDeniedDetail (undefined here)
 * Only the v3 path reads an XML error (content type exactly
 * `text/xml;charset=utf-8`); the v1 path always parses JSON.
 * On success it returns { statusCode, headers, body }.
 */
import t, { type Test } from 'tap';
import OpenApiClient, { Config, OpenApiRequest, Params } from '@alicloud/openapi-client';
import { RuntimeOptions } from '@alicloud/tea-util';
import { startEmulator, type StartedEmulator } from '../../src/index';
import {
  API_VERSION,
  DEFAULT_KEY,
  ERROR_CASES,
  HOST_ID,
  MESSAGES,
  OTHER_KEY,
  ROAM_SAMPLE,
  SIGNATURE_MISMATCH_PREFIX,
  UUID_UPPER,
  WRONG_SECRET,
  errorBody,
  outcome,
  recommendFor,
} from './shared';

type Key = { accessKeyId: string; accessKeySecret: string };
interface Answer {
  statusCode: number;
  headers: Record<string, string>;
  body: any;
}

function config(emulator: StartedEmulator, key: Key, extra: Partial<Config> = {}): Config {
  return new Config({ ...key, endpoint: `127.0.0.1:${emulator.port}`, protocol: 'http', ...extra });
}

/** The Params the current generated Smartag SDK passes for RoamClientUser. */
function roamParams(bodyType = 'json'): Params {
  return new Params({
    action: 'RoamClientUser',
    version: API_VERSION,
    protocol: 'HTTP',
    pathname: '/',
    method: 'POST',
    authType: 'AK',
    style: 'RPC',
    reqBodyType: 'formData',
    bodyType,
  });
}

interface Shape {
  name: string;
  signature: 'v1' | 'v3';
  call(emulator: StartedEmulator, params: Record<string, string>, key: Key): Promise<Answer>;
}

/** The clients type their answer as a loose map; it is { statusCode, headers, body }. */
const answer = (promise: Promise<{ [key: string]: any }>) => promise as Promise<Answer>;

const SHAPES: Shape[] = [
  {
    name: 'v3 callApi, parameters in the query',
    signature: 'v3',
    call: (emulator, params, key) =>
      answer(new OpenApiClient(config(emulator, key)).callApi(roamParams(), new OpenApiRequest({ query: params }), new RuntimeOptions({}))),
  },
  {
    name: 'v3 callApi, parameters in a form body',
    signature: 'v3',
    call: (emulator, params, key) =>
      answer(new OpenApiClient(config(emulator, key)).callApi(roamParams(), new OpenApiRequest({ body: params }), new RuntimeOptions({}))),
  },
  {
    name: "v1 callApi with signatureAlgorithm 'v2'",
    signature: 'v1',
    call: (emulator, params, key) =>
      answer(
        new OpenApiClient(config(emulator, key, { signatureAlgorithm: 'v2' })).callApi(
          roamParams(),
          new OpenApiRequest({ query: params }),
          new RuntimeOptions({}),
        ),
      ),
  },
  {
    name: 'v1 doRPCRequest, split between query and form body',
    signature: 'v1',
    call: (emulator, params, key) => {
      const { RegionId, ...rest } = params;
      const request = new OpenApiRequest({ query: RegionId === undefined ? {} : { RegionId }, body: rest });
      // 'HTTPS' as older SDKs pass it: the config's protocol 'http' wins.
      const client = new OpenApiClient(config(emulator, key));
      return answer(client.doRPCRequest('RoamClientUser', API_VERSION, 'HTTPS', 'POST', 'AK', 'json', request, new RuntimeOptions({})));
    },
  },
];

function assertSuccess(t: Test, result: Answer, what: string) {
  t.equal(result.statusCode, 200, `${what}: status`);
  t.same(Object.keys(result.body), ['RequestId'], `${what}: body holds only RequestId`);
  t.match(result.body.RequestId, UUID_UPPER, `${what}: RequestId is an upper-case UUID`);
  t.equal(result.headers['x-acs-request-id'], result.body.RequestId, `${what}: x-acs-request-id header equals body.RequestId`);
  t.equal(result.headers['content-type'], 'application/json;charset=utf-8');
}

/** The thrown error as openapi-client builds it from a JSON error body. */
function assertClientError(t: Test, error: any, code: string, what: string, status = 400) {
  t.ok(error instanceof Error, `${what}: an Error`);
  t.equal(error.name, 'Error', `${what}: name`);
  t.equal(error.code, code, `${what}: code`);
  const requestId = error.data?.RequestId;
  t.match(requestId, UUID_UPPER, `${what}: data.RequestId is an upper-case UUID`);
  t.equal(error.message, `${code}: code: ${status}, ${error.data.Message} request id: ${requestId}`, `${what}: message`);
  if (code in MESSAGES) {
    t.same({ ...error.data }, { ...errorBody(code, requestId), statusCode: status }, `${what}: data is the body plus statusCode`);
  }
  t.equal(error.data.HostId, HOST_ID);
  t.equal(error.statusCode, status, `${what}: statusCode`);
  t.equal(error.description, 'undefined', `${what}: description (the body has none)`);
  t.equal(error.accessDeniedDetail, undefined, `${what}: accessDeniedDetail`);
}

t.test('lenient (default) auth', async (t) => {
  const emulator = await startEmulator();
  t.teardown(() => emulator.close());

  for (const shape of SHAPES) {
    t.test(`${shape.name}: the documented sample succeeds once, then ClientUser.UserExist`, async (t) => {
      emulator.reset();
      const first = await outcome(shape.call(emulator, ROAM_SAMPLE, DEFAULT_KEY));
      if (!first.ok) throw first.error;
      assertSuccess(t, first.value, 'sample');
      const second = await outcome(shape.call(emulator, ROAM_SAMPLE, DEFAULT_KEY));
      t.notOk(second.ok, 'the repeat throws');
      if (!second.ok) assertClientError(t, second.error, 'ClientUser.UserExist', 'repeat');
    });

    t.test(`${shape.name}: every documented error`, async (t) => {
      emulator.reset();
      for (const { name, params, code } of ERROR_CASES) {
        const result = await outcome(shape.call(emulator, params, DEFAULT_KEY));
        t.notOk(result.ok, `${name}: throws`);
        if (!result.ok) assertClientError(t, result.error, code, name);
      }
    });
  }

  t.test("another account's key sees none of the default account's instances", async (t) => {
    emulator.reset();
    const result = await outcome(SHAPES[0].call(emulator, ROAM_SAMPLE, OTHER_KEY));
    t.notOk(result.ok);
    if (!result.ok) assertClientError(t, result.error, 'SAG.InstanceNoFound', 'other account');
  });

  t.test('v3 with Format=XML: XML success body, XML error parsed into err.data', async (t) => {
    emulator.reset();
    const client = new OpenApiClient(config(emulator, DEFAULT_KEY));
    const request = new OpenApiRequest({ query: { ...ROAM_SAMPLE, Format: 'XML' } });
    const first = await outcome(client.callApi(roamParams('string'), request, new RuntimeOptions({})));
    if (!first.ok) throw first.error;
    t.equal(first.value.headers['content-type'], 'text/xml;charset=utf-8');
    const requestId = first.value.headers['x-acs-request-id'];
    t.match(requestId, UUID_UPPER);
    t.equal(
      first.value.body,
      `<?xml version="1.0" encoding="UTF-8"?><RoamClientUserResponse><RequestId>${requestId}</RequestId></RoamClientUserResponse>`,
    );

    const second = await outcome(client.callApi(roamParams('string'), request, new RuntimeOptions({})));
    t.notOk(second.ok);
    if (second.ok) return;
    const error = second.error;
    t.equal(error.code, 'ClientUser.UserExist');
    t.match(error.data.RequestId, UUID_UPPER);
    t.same({ ...error.data }, { ...errorBody('ClientUser.UserExist', error.data.RequestId), statusCode: 400 }, 'XML error read like JSON');
    t.equal(error.data.Recommend, recommendFor('ClientUser.UserExist', error.data.RequestId), '& survives XML escaping');
    t.equal(error.message, `ClientUser.UserExist: code: 400, ${MESSAGES['ClientUser.UserExist']} request id: ${error.data.RequestId}`);
  });
});

t.test('strict auth', async (t) => {
  const emulator = await startEmulator({ auth: 'strict' });
  t.teardown(() => emulator.close());

  for (const shape of SHAPES) {
    t.test(`${shape.name}: the right key passes`, async (t) => {
      emulator.reset();
      const first = await outcome(shape.call(emulator, ROAM_SAMPLE, DEFAULT_KEY));
      if (!first.ok) throw first.error;
      assertSuccess(t, first.value, 'strict sample');
      const second = await outcome(shape.call(emulator, ROAM_SAMPLE, DEFAULT_KEY));
      t.notOk(second.ok);
      if (!second.ok) assertClientError(t, second.error, 'ClientUser.UserExist', 'strict repeat');
      const missing = await outcome(shape.call(emulator, ERROR_CASES[0].params, DEFAULT_KEY));
      t.notOk(missing.ok);
      if (!missing.ok) assertClientError(t, missing.error, 'MissingRegionId', 'strict, no RegionId');
    });

    t.test(`${shape.name}: characters that need percent-encoding are signed alike`, async (t) => {
      emulator.reset();
      // An extra parameter the gateway ignores, carrying every character the encoders treat differently.
      const params = { ...ROAM_SAMPLE, Extra: "a b*!'()~+/é&=%20中" };
      const result = await outcome(shape.call(emulator, params, DEFAULT_KEY));
      if (!result.ok) throw result.error;
      assertSuccess(t, result.value, 'awkward characters');
    });

    t.test(`${shape.name}: a wrong secret answers SignatureDoesNotMatch`, async (t) => {
      emulator.reset();
      const result = await outcome(shape.call(emulator, ROAM_SAMPLE, WRONG_SECRET));
      t.notOk(result.ok);
      if (result.ok) return;
      assertClientError(t, result.error, 'SignatureDoesNotMatch', 'wrong secret');
      const message: string = result.error.data.Message;
      t.ok(message.startsWith(SIGNATURE_MISMATCH_PREFIX), 'message quotes the server string to sign');
      const stringToSign = message.slice(SIGNATURE_MISMATCH_PREFIX.length);
      if (shape.signature === 'v3') t.match(stringToSign, /^ACS3-HMAC-SHA256\n[0-9a-f]{64}$/, 'v3 string to sign');
      else t.match(stringToSign, /^POST&%2F&AccessKeyId%3Dtestid%26Action%3DRoamClientUser%26/, 'v1 string to sign');
    });
  }
});
