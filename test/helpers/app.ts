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

/** The documented messages of RoamClientUser's answers, verbatim. */
export const ROAM_MESSAGES: Record<string, string> = {
  MissingRegionId: 'RegionId is mandatory for this action.',
  'SAG.InstanceNoFound': 'The specified SAG instance does not exist.',
  'ClientUser.NotSupportAction': 'You cannot create a user in the current SAG instance.',
  'SAG.CidrEmpty': 'You must specify the CIDR blocks of SAG.',
  'ClientUser.BandwidthInvalid': 'The specified Bandwidth is invalid.',
  'ClientUser.InvalidClientIp': 'The specified ClientIp is invalid.',
  'ClientUser.UserOverLimit': 'The maximum number of users is exceeded.',
  'ClientUser.UserExist': 'The specified user already exists.',
  'ClientUser.NameInvalid': 'The specified UserName is invalid.',
  'SAG.CidrOverlap': 'The specified CIDR overlaps with an existing CIDR.',
  'EnterpriseCode.ConfigDifferent': 'The target smart access gateway enterprise code or idaas configuration is not the same.',
  'ResourceNotFound.User': 'The specified user is not found.',
};
