/**
 * The Terraform provider's traffic (aliyun/terraform-provider-alicloud), for
 * the replay tests of test/contract/terraform-*.test.ts: the requests its
 * resources send, in the wire shape of the Go SDK it sends them with, and the
 * rules by which it decides that something is gone.
 *
 * The Go SDK's shape: POST /, every request field in the query string (empty
 * fields left out), an empty body, Format=JSON, an empty `SignatureType=`
 * that is signed too, a v1 (HMAC-SHA1) signature, and the provider's region
 * as RegionId on every call. The emulator is started with --auth strict, so
 * every replayed call is also a signature check.
 */
import http from 'node:http';
import type { Test } from 'tap';
import { startEmulator, type StartedEmulator } from '../../src/index';
import { encodeForm, signedV1Params } from '../../src/protocol/signing';
import { checkResponse } from '../../src/spec/response-check';

export type Fields = Record<string, string | number | boolean | undefined>;
export type Body = Record<string, any>;

export interface ProviderAnswer {
  status: number;
  body: Body;
}

/** An error the provider sees: the SDK turns every non-2xx answer into one. */
export class ProviderError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(`${status} ${code}: ${message}`);
  }
}

/**
 * The provider's NotFoundError (its errors.go): any 404, the codes it lists
 * as "not found", or a message saying an instance is not found. Per-resource
 * codes (CcnNotExist, SagAclNotExist, ...) are undocumented and never sent.
 */
export function isNotFoundError(error: unknown): boolean {
  if (!(error instanceof ProviderError)) return false;
  return error.status === 404
    || ['NotFound', 'Instance.Notfound', 'Forbidden.InstanceNotFound'].includes(error.code)
    || /instance is not found/i.test(error.message);
}

export interface Provider {
  emulator: StartedEmulator;
  region: string;
  /** One call as the Go SDK sends it; throws ProviderError for an error answer. */
  call(action: string, fields: Fields): Promise<Body>;
  /** The raw answer, error or not. */
  send(action: string, fields: Fields): Promise<ProviderAnswer>;
}

/** A strict emulator with the given fixtures, and the provider's client for one region. */
export async function startProvider(t: Test, options: { region?: string; fixtures?: string | null } = {}): Promise<Provider> {
  const emulator = await startEmulator({ auth: 'strict', ...(options.fixtures === undefined ? {} : { fixtures: options.fixtures }) });
  t.teardown(() => emulator.close());
  const region = options.region ?? 'cn-hangzhou';
  const send = (action: string, fields: Fields) => goSdkCall(emulator, region, action, fields);
  return {
    emulator,
    region,
    send,
    async call(action, fields) {
      const answer = await send(action, fields);
      if (answer.status !== 200) throw new ProviderError(answer.status, answer.body.Code, answer.body.Message);
      const problems = checkResponse(action, answer.body);
      if (problems.length > 0) throw new Error(`${action} answered outside its documented schema: ${problems.join('; ')}`);
      return answer.body;
    },
  };
}

function goSdkCall(emulator: StartedEmulator, region: string, action: string, fields: Fields): Promise<ProviderAnswer> {
  const params: Record<string, string> = { RegionId: region, SignatureType: '' };
  for (const [name, value] of Object.entries(fields)) {
    if (value !== undefined && value !== '') params[name] = String(value);
  }
  const signed = signedV1Params({
    accessKeyId: emulator.accessKeyId, accessKeySecret: emulator.accessKeySecret, method: 'POST', action, version: '2018-03-13', params,
  });
  return new Promise((resolve, reject) => {
    const request = http.request({
      host: '127.0.0.1', port: emulator.port, method: 'POST', path: `/?${encodeForm(signed)}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': 0 },
    }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => { text += chunk; });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) as Body }));
    });
    request.on('error', reject);
    request.end();
  });
}

/**
 * The provider's read: `read` answers the object, or undefined when the
 * provider would drop it from its state ("present, but now absent"). An
 * error it counts as not found counts as absent too; any other is thrown.
 */
export async function readAs<T>(read: () => Promise<T | undefined>): Promise<T | undefined> {
  try {
    return await read();
  } catch (error) {
    if (isNotFoundError(error)) return undefined;
    throw error;
  }
}

/**
 * The provider's wait after a delete polls the read every 5 s for up to 500 s
 * until the object is gone. Read-after-write consistency means the first
 * poll already finds it gone: asserted, rather than waited for.
 */
export async function expectGoneAtFirstPoll<T>(t: Test, label: string, read: () => Promise<T | undefined>): Promise<void> {
  t.equal(await readAs(read), undefined, `${label}: gone at the first poll of the delete wait`);
}

/** The provider's status wait (a flow log's Active / Inactive): the first poll must already see it. */
export async function expectStatusAtFirstPoll(t: Test, label: string, read: () => Promise<Body | undefined>, status: string): Promise<void> {
  const object = await readAs(read);
  t.equal(object?.Status, status, `${label}: ${status} at the first poll of the status wait`);
}

/** `a:b`, the composite ids the provider builds (COLON_SEPARATED). */
export function compositeId(...parts: string[]): string {
  return parts.join(':');
}

export function splitId(id: string): string[] {
  return id.split(':');
}
