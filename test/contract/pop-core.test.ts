/**
 * Contract: @alicloud/pop-core's RPCClient against a listening emulator,
 * GET (everything in the query) and POST (everything in a form body).
 *
 * pop-core's error surface (lib/rpc.js): it throws when the JSON body has a
 * `Code` outside 200/OK/Success, whatever the HTTP status, an Error with
 *   name    `${Code}Error`
 *   code    Code
 *   message `${Message}, URL: ${url}` (url: the full GET URL, or `${endpoint}/` for POST)
 *   data    the whole JSON body (RequestId, HostId, Code, Message, Recommend)
 *   url, entry { request: { headers }, response: { statusCode, headers } }
 * On success it returns the parsed body; `verbose` returns [body, entry].
 */
import { createHmac } from 'node:crypto';
import t, { type Test } from 'tap';
import RPCClient from '@alicloud/pop-core';
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

type Method = 'GET' | 'POST';

interface Entry {
  request: { headers: Record<string, unknown> };
  response: { statusCode: number; headers: Record<string, string | string[] | undefined> };
}

/** pop-core's `verbose` constructor flag is missing from its typings. */
interface VerboseRPCClient {
  request<T>(action: string, params: object, options?: object): Promise<[T, Entry]>;
}
const VerboseClient = RPCClient as unknown as new (config: RPCClient.Config, verbose: true) => VerboseRPCClient;

function client(emulator: StartedEmulator, key = DEFAULT_KEY): VerboseRPCClient {
  return new VerboseClient({ ...key, endpoint: emulator.url, apiVersion: API_VERSION }, true);
}

function roam(emulator: StartedEmulator, method: Method, params: object = ROAM_SAMPLE, key = DEFAULT_KEY) {
  return outcome(client(emulator, key).request<Record<string, string>>('RoamClientUser', params, { method }));
}

/** The thrown error as pop-core builds it, for `code`. */
function assertPopError(t: Test, emulator: StartedEmulator, method: Method, error: any, code: string, what: string) {
  t.ok(error instanceof Error, `${what}: an Error`);
  t.equal(error.name, `${code}Error`, `${what}: name`);
  t.equal(error.code, code, `${what}: code`);
  const requestId = error.data?.RequestId;
  t.match(requestId, UUID_UPPER, `${what}: data.RequestId is an upper-case UUID`);
  if (code in MESSAGES) t.same({ ...error.data }, errorBody(code, requestId), `${what}: data is the whole error body`);
  t.equal(error.data.HostId, HOST_ID);
  t.equal(error.message, `${error.data.Message}, URL: ${error.url}`, `${what}: message`);
  if (method === 'POST') t.equal(error.url, `${emulator.url}/`, `${what}: POST url`);
  else t.ok(error.url.startsWith(`${emulator.url}/?`), `${what}: GET url carries the query`);
  t.equal(error.entry.response.statusCode, 400, `${what}: HTTP status`);
  t.equal(error.entry.response.headers['x-acs-request-id'], requestId, `${what}: x-acs-request-id header`);
}

t.test('lenient (default) auth', async (t) => {
  const emulator = await startEmulator();
  t.teardown(() => emulator.close());

  for (const method of ['GET', 'POST'] as const) {
    t.test(`${method}: the documented sample succeeds once, then answers ClientUser.UserExist`, async (t) => {
      emulator.reset();
      const first = await roam(emulator, method);
      if (!first.ok) throw first.error;
      const [body, entry] = first.value;
      t.same(Object.keys(body), ['RequestId'], 'the body holds only RequestId');
      t.match(body.RequestId, UUID_UPPER, 'RequestId is an upper-case UUID');
      t.equal(entry.response.statusCode, 200);
      t.equal(entry.response.headers['x-acs-request-id'], body.RequestId, 'header and body agree');
      t.equal(entry.response.headers['content-type'], 'application/json;charset=utf-8');

      const second = await roam(emulator, method);
      t.notOk(second.ok, 'the repeat throws');
      if (!second.ok) assertPopError(t, emulator, method, second.error, 'ClientUser.UserExist', 'repeat');
      t.not(second.ok ? '' : second.error.data.RequestId, body.RequestId, 'each call has its own RequestId');
    });

    t.test(`${method}: every documented error`, async (t) => {
      emulator.reset();
      for (const { name, params, code } of ERROR_CASES) {
        const result = await roam(emulator, method, params);
        t.notOk(result.ok, `${name}: throws`);
        if (!result.ok) assertPopError(t, emulator, method, result.error, code, name);
      }
    });
  }

  t.test('pop-core upper-cases parameter names: lower-case keys still work', async (t) => {
    emulator.reset();
    const lowerCased = Object.fromEntries(Object.entries(ROAM_SAMPLE).map(([k, v]) => [k[0].toLowerCase() + k.slice(1), v]));
    const result = await roam(emulator, 'GET', lowerCased);
    t.ok(result.ok, 'succeeds');
  });

  t.test("another account's key sees none of the default account's instances", async (t) => {
    emulator.reset();
    const result = await roam(emulator, 'GET', ROAM_SAMPLE, OTHER_KEY);
    t.notOk(result.ok);
    if (!result.ok) assertPopError(t, emulator, 'GET', result.error, 'SAG.InstanceNoFound', 'other account');
  });
});

t.test('strict auth', async (t) => {
  const emulator = await startEmulator({ auth: 'strict' });
  t.teardown(() => emulator.close());

  for (const method of ['GET', 'POST'] as const) {
    t.test(`${method}: the right key passes, the sample then the repeat`, async (t) => {
      emulator.reset();
      const first = await roam(emulator, method);
      if (!first.ok) throw first.error;
      t.match(first.value[0].RequestId, UUID_UPPER);
      const second = await roam(emulator, method);
      t.notOk(second.ok);
      if (!second.ok) assertPopError(t, emulator, method, second.error, 'ClientUser.UserExist', 'strict repeat');
    });

    t.test(`${method}: a wrong secret answers SignatureDoesNotMatch`, async (t) => {
      emulator.reset();
      const result = await roam(emulator, method, ROAM_SAMPLE, WRONG_SECRET);
      t.notOk(result.ok);
      if (result.ok) return;
      const error = result.error;
      assertPopError(t, emulator, method, error, 'SignatureDoesNotMatch', 'wrong secret');
      t.ok(error.data.Message.startsWith(SIGNATURE_MISMATCH_PREFIX), 'message quotes the server string to sign');
      const stringToSign: string = error.data.Message.slice(SIGNATURE_MISMATCH_PREFIX.length);
      t.ok(stringToSign.startsWith(`${method}&%2F&`), 'v1 string to sign');
      if (method === 'GET') {
        // The client signed its own string to sign with the wrong secret; the
        // same HMAC over the server's proves both canonicalised identically.
        const sent = new URL(error.url).searchParams.get('Signature');
        const recomputed = createHmac('sha1', `${WRONG_SECRET.accessKeySecret}&`).update(stringToSign).digest('base64');
        t.equal(recomputed, sent, "server's string to sign is the one the client signed");
      }
      t.equal(emulator.app.emulator.store.clientUsers.count('1000000000000001', ROAM_SAMPLE.TargetSmartAGId), 1, 'nothing changed');
    });
  }

  t.test('an unknown AccessKeyId answers InvalidAccessKeyId.NotFound', async (t) => {
    const result = await roam(emulator, 'GET', ROAM_SAMPLE, { accessKeyId: 'nosuchkey', accessKeySecret: 'x' });
    t.notOk(result.ok);
    if (result.ok) return;
    t.equal(result.error.code, 'InvalidAccessKeyId.NotFound');
    t.equal(result.error.data.Message, 'Specified access key is not found.');
    t.equal(result.error.entry.response.statusCode, 404);
  });
});
