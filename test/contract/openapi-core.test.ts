/**
 * Contract: @alicloud/openapi-core (the runtime of the darabonba-generated
 * SDKs) against a listening emulator, in its RPC shapes:
 * - v3 `callApi` (the default, ACS3-HMAC-SHA256): parameters in the query,
 *   or in a form body;
 * - v1 `callApi` with `signatureAlgorithm: 'v2'` (HMAC-SHA1 via doRPCRequest);
 * - v1 `doRPCRequest` called directly.
 *
 * openapi-core's error surface (dist/client.js, dist/exceptions/): on HTTP
 * 4xx it throws a `ClientError` (5xx `ServerError`; any Code containing
 * `Throttling` a `ThrottlingError`), all `AlibabaCloudError`s, with
 *   name        'ClientError'
 *   code        `${Code}`
 *   message     `${Code}: code: ${status}, ${Message} request id: ${RequestId}`
 *   statusCode  the HTTP status
 *   requestId   `${RequestId}`
 *   data        the error body exactly as received (no statusCode added)
 *   description `${Description}`, detail `${Detail}` (the string 'undefined' when absent)
 *   accessDeniedDetail the body's AccessDeniedDetail, else null
 * Only the v3 path reads an XML error (content type exactly
 * `text/xml;charset=utf-8`); the v1 path always parses JSON.
 * On success it returns { statusCode, headers, body }.
 */
import t, { type Test } from 'tap';
import CoreClient, { $OpenApiUtil, AlibabaCloudError, ClientError } from '@alicloud/openapi-core';
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
} from './shared';

type Key = { accessKeyId: string; accessKeySecret: string };
interface Answer {
  statusCode: number;
  headers: Record<string, string>;
  body: any;
}
/** openapi-core types its runtime with @darabonba/typescript's RuntimeOptions; tea-util's has the same fields. */
type CoreRuntime = Parameters<CoreClient['callApi']>[2];
const runtime = () => new RuntimeOptions({}) as unknown as CoreRuntime;
const answer = (promise: Promise<{ [key: string]: any }>) => promise as Promise<Answer>;

function client(emulator: StartedEmulator, key: Key, extra: Partial<$OpenApiUtil.Config> = {}): CoreClient {
  return new CoreClient(new $OpenApiUtil.Config({ ...key, endpoint: `127.0.0.1:${emulator.port}`, protocol: 'http', ...extra }));
}

/** The Params a generated Smartag SDK passes for RoamClientUser. */
function roamParams(bodyType = 'json'): $OpenApiUtil.Params {
  return new $OpenApiUtil.Params({
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

const SHAPES: Shape[] = [
  {
    name: 'v3 callApi, parameters in the query',
    signature: 'v3',
    call: (emulator, params, key) =>
      answer(client(emulator, key).callApi(roamParams(), new $OpenApiUtil.OpenApiRequest({ query: params }), runtime())),
  },
  {
    name: 'v3 callApi, parameters in a form body',
    signature: 'v3',
    call: (emulator, params, key) =>
      answer(client(emulator, key).callApi(roamParams(), new $OpenApiUtil.OpenApiRequest({ body: params }), runtime())),
  },
  {
    name: "v1 callApi with signatureAlgorithm 'v2'",
    signature: 'v1',
    call: (emulator, params, key) =>
      answer(
        client(emulator, key, { signatureAlgorithm: 'v2' }).callApi(
          roamParams(),
          new $OpenApiUtil.OpenApiRequest({ query: params }),
          runtime(),
        ),
      ),
  },
  {
    name: 'v1 doRPCRequest, split between query and form body',
    signature: 'v1',
    call: (emulator, params, key) => {
      const { RegionId, ...rest } = params;
      const request = new $OpenApiUtil.OpenApiRequest({ query: RegionId === undefined ? {} : { RegionId }, body: rest });
      // 'HTTPS' as generated SDKs pass it: the config's protocol 'http' wins.
      return answer(client(emulator, key).doRPCRequest('RoamClientUser', API_VERSION, 'HTTPS', 'POST', 'AK', 'json', request, runtime()));
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

/** The thrown error as openapi-core builds it. */
function assertCoreError(t: Test, error: any, code: string, what: string, status = 400) {
  t.ok(error instanceof ClientError, `${what}: a ClientError`);
  t.ok(error instanceof AlibabaCloudError, `${what}: an AlibabaCloudError`);
  t.equal(error.name, 'ClientError', `${what}: name`);
  t.equal(error.code, code, `${what}: code`);
  t.match(error.requestId, UUID_UPPER, `${what}: requestId is an upper-case UUID`);
  t.equal(error.data.RequestId, error.requestId, `${what}: data.RequestId`);
  t.equal(error.message, `${code}: code: ${status}, ${error.data.Message} request id: ${error.requestId}`, `${what}: message`);
  if (code in MESSAGES) t.same({ ...error.data }, errorBody(code, error.requestId), `${what}: data is the error body`);
  t.equal(error.data.HostId, HOST_ID);
  t.equal(error.statusCode, status, `${what}: statusCode`);
  t.equal(error.description, 'undefined', `${what}: description (the body has none)`);
  t.equal(error.detail, 'undefined', `${what}: detail (the body has none)`);
  t.equal(error.accessDeniedDetail, null, `${what}: accessDeniedDetail`);
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
      if (!second.ok) assertCoreError(t, second.error, 'ClientUser.UserExist', 'repeat');
    });

    t.test(`${shape.name}: every documented error`, async (t) => {
      emulator.reset();
      for (const { name, params, code } of ERROR_CASES) {
        const result = await outcome(shape.call(emulator, params, DEFAULT_KEY));
        t.notOk(result.ok, `${name}: throws`);
        if (!result.ok) assertCoreError(t, result.error, code, name);
      }
    });
  }

  t.test("another account's key sees none of the default account's instances", async (t) => {
    emulator.reset();
    const result = await outcome(SHAPES[0].call(emulator, ROAM_SAMPLE, OTHER_KEY));
    t.notOk(result.ok);
    if (!result.ok) assertCoreError(t, result.error, 'SAG.InstanceNoFound', 'other account');
  });

  t.test('v3 with Format=XML: XML success body, XML error parsed into a ClientError', async (t) => {
    emulator.reset();
    const core = client(emulator, DEFAULT_KEY);
    const request = new $OpenApiUtil.OpenApiRequest({ query: { ...ROAM_SAMPLE, Format: 'XML' } });
    const first = await outcome(answer(core.callApi(roamParams('string'), request, runtime())));
    if (!first.ok) throw first.error;
    t.equal(first.value.headers['content-type'], 'text/xml;charset=utf-8');
    const requestId = first.value.headers['x-acs-request-id'];
    t.match(requestId, UUID_UPPER);
    t.equal(
      first.value.body,
      `<?xml version="1.0" encoding="UTF-8"?><RoamClientUserResponse><RequestId>${requestId}</RequestId></RoamClientUserResponse>`,
    );
    const second = await outcome(core.callApi(roamParams('string'), request, runtime()));
    t.notOk(second.ok);
    if (!second.ok) assertCoreError(t, second.error, 'ClientUser.UserExist', 'XML repeat');
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
      if (!second.ok) assertCoreError(t, second.error, 'ClientUser.UserExist', 'strict repeat');
      const missing = await outcome(shape.call(emulator, ERROR_CASES[0].params, DEFAULT_KEY));
      t.notOk(missing.ok);
      if (!missing.ok) assertCoreError(t, missing.error, 'MissingRegionId', 'strict, no RegionId');
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
      assertCoreError(t, result.error, 'SignatureDoesNotMatch', 'wrong secret');
      const message: string = result.error.data.Message;
      t.ok(message.startsWith(SIGNATURE_MISMATCH_PREFIX), 'message quotes the server string to sign');
      const stringToSign = message.slice(SIGNATURE_MISMATCH_PREFIX.length);
      if (shape.signature === 'v3') t.match(stringToSign, /^ACS3-HMAC-SHA256\n[0-9a-f]{64}$/, 'v3 string to sign');
      else t.match(stringToSign, /^POST&%2F&AccessKeyId%3Dtestid%26Action%3DRoamClientUser%26/, 'v1 string to sign');
    });
  }
});
