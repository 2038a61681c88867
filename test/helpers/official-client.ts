/**
 * The official client a generated Smartag SDK is built on
 * (@alicloud/openapi-client, v3 signature, RPC over POST with the parameters
 * in the query), against a strict emulator on a real port: the harness of the
 * families' life-cycle contract tests (test/contract/lifecycle-*.test.ts).
 */
import type { Test } from 'tap';
import OpenApi, { Config, OpenApiRequest, Params } from '@alicloud/openapi-client';
import { RuntimeOptions } from '@alicloud/tea-util';
import { startEmulator, type StartedEmulator } from '../../src/index';
import { checkResponse } from '../../src/spec/response-check';

export type Query = Record<string, string | number | boolean>;

export interface OfficialClient {
  emulator: StartedEmulator;
  /** A success whose body matches the documented schema; returns the body. */
  ok(action: string, query: Query): Promise<Record<string, any>>;
  /** An error answer: its code and HTTP status, as the client reports them. */
  fails(action: string, query: Query): Promise<{ code: string; statusCode: number; message: string }>;
}

export interface OfficialClientOptions {
  fixtures?: string | null;
  /** Another account's client on an emulator already started (cross-account life cycles). */
  on?: { emulator: StartedEmulator; accessKeyId: string; accessKeySecret: string };
}

export async function officialClient(t: Test, options: OfficialClientOptions = {}): Promise<OfficialClient> {
  let emulator = options.on?.emulator;
  if (!emulator) {
    const started = await startEmulator({ auth: 'strict', ...(options.fixtures === undefined ? {} : { fixtures: options.fixtures }) });
    t.teardown(() => started.close());
    emulator = started;
  }
  const client = new OpenApi(new Config({
    accessKeyId: options.on?.accessKeyId ?? emulator.accessKeyId, accessKeySecret: options.on?.accessKeySecret ?? emulator.accessKeySecret,
    endpoint: `127.0.0.1:${emulator.port}`, protocol: 'http',
  }));
  const send = (action: string, query: Query) => client.callApi(
    new Params({ action, version: '2018-03-13', protocol: 'HTTP', pathname: '/', method: 'POST', authType: 'AK', style: 'RPC', reqBodyType: 'formData', bodyType: 'json' }),
    new OpenApiRequest({ query: Object.fromEntries(Object.entries(query).map(([key, value]) => [key, String(value)])) }),
    new RuntimeOptions({}),
  ) as Promise<{ body: Record<string, any> }>;
  return {
    emulator,
    async ok(action, query) {
      const { body } = await send(action, query);
      const problems = checkResponse(action, body);
      if (problems.length > 0) throw new Error(`${action} answered outside its documented schema: ${problems.join('; ')}`);
      return body;
    },
    async fails(action, query) {
      try {
        await send(action, query);
      } catch (error) {
        const { code, statusCode, data } = error as { code: string; statusCode: number; data: { Message: string } };
        return { code, statusCode, message: data.Message };
      }
      throw new Error(`${action} succeeded where an error was expected`);
    },
  };
}
