/** Control-plane calls through inject, and the exact error envelope they answer with. */
import type { FastifyInstance } from 'fastify';
import type { Test } from 'tap';
import { catalogue, type CatalogueCode } from '../../src/protocol/errors';

export type ControlMethod = 'GET' | 'POST' | 'DELETE';

export interface ControlResponse {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
  json(): any;
}

/** `body`: an object is sent as JSON, a string verbatim. */
export async function control(
  app: FastifyInstance,
  method: ControlMethod,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<ControlResponse> {
  const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
  const response = await app.inject({
    method,
    url: `/_emulator${path}`,
    payload,
    headers: payload === undefined ? headers : { 'content-type': 'application/json', ...headers },
  });
  return {
    status: response.statusCode,
    headers: response.headers,
    body: response.body,
    json: () => JSON.parse(response.body),
  };
}

/** The whole envelope: the catalogue's status and message, and the Description when given. */
export function expectControlError(
  t: Test,
  response: ControlResponse,
  code: CatalogueCode,
  description?: string,
): void {
  const entry = catalogue[code];
  t.equal(response.status, entry.status, `${code}: status`);
  t.equal(response.headers['content-type'], 'application/json;charset=utf-8', `${code}: content type`);
  const body = response.json();
  const expected: Record<string, unknown> = {
    RequestId: body.RequestId,
    HostId: 'smartag.aliyuncs.com',
    Code: code,
    Message: entry.message,
    Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(code)}&product=Smartag&requestId=${body.RequestId}`,
  };
  if (description !== undefined) expected.Description = description;
  t.strictSame(body, expected, `${code}: envelope`);
  t.match(body.RequestId, /^[0-9A-F-]{36}$/);
}
