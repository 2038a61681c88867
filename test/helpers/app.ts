/** Shared test helpers: an app with the default fixtures, and API calls through inject. */
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app';
import { defaultConfig, type EmulatorConfig } from '../../src/config';
import { percentEncode } from '../../src/protocol/signing';

export async function testApp(overrides: Partial<EmulatorConfig> = {}): Promise<FastifyInstance> {
  return buildApp({ ...defaultConfig(), logLevel: 'silent', ...overrides });
}

export interface CallOptions {
  method?: 'GET' | 'POST';
  format?: 'JSON' | 'XML';
  headers?: Record<string, string>;
}

export function encodeParams(params: Record<string, string>): string {
  return Object.entries(params).map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`).join('&');
}

/** An unsigned API call with Version filled in; GET puts all in the query, POST in a form body. */
export async function call(app: FastifyInstance, action: string, params: Record<string, string>, options: CallOptions = {}) {
  const all: Record<string, string> = { Action: action, Version: '2018-03-13', ...params };
  if (options.format) all.Format = options.format;
  const encoded = encodeParams(all);
  const response = options.method === 'POST'
    ? await app.inject({
      method: 'POST',
      url: '/',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...options.headers },
      payload: encoded,
    })
    : await app.inject({ method: 'GET', url: `/?${encoded}`, headers: options.headers });
  return {
    status: response.statusCode,
    headers: response.headers,
    body: response.body,
    json: () => JSON.parse(response.body) as Record<string, any>,
  };
}

export const UUID_UPPER = /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/;

/** The documented RoamClientUser sample, plus the RegionId its parameter table requires. */
export const ROAM_SAMPLE = {
  RegionId: 'cn-hangzhou',
  OriginRegionId: 'cn-shanghai',
  OriginSmartAGId: 'sag-m9uhqekwnqcnyy****',
  TargetSmartAGId: 'sag-ghwa10ko6ndwug****',
  UserName: 'test1',
};
