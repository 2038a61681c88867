/**
 * What the contract tests share: the documented RoamClientUser errors with
 * the default-fixture change that triggers each, and their messages. Each
 * client's test file asserts them as that client exposes them.
 */
import { ROAM_MESSAGES, ROAM_SAMPLE, UUID_UPPER } from '../helpers/app';

export { ROAM_SAMPLE, UUID_UPPER };
export const MESSAGES = ROAM_MESSAGES;

export const API_VERSION = '2018-03-13';
export const HOST_ID = 'smartag.aliyuncs.com';

/** The default fixture's two AccessKeys (fixtures/default.json). */
export const DEFAULT_KEY = { accessKeyId: 'testid', accessKeySecret: 'testsecret' };
export const OTHER_KEY = { accessKeyId: 'otherid', accessKeySecret: 'othersecret' };
export const WRONG_SECRET = { accessKeyId: 'testid', accessKeySecret: 'not-the-secret' };


export const SIGNATURE_MISMATCH_PREFIX = 'Specified signature is not matched with our calculation. server string to sign is:';

export interface ErrorCase {
  name: string;
  /** The full parameter set sent: the documented sample with one change. */
  params: Record<string, string>;
  code: string;
}

function sampleWith(change: Record<string, string | undefined>): Record<string, string> {
  const params: Record<string, string | undefined> = { ...ROAM_SAMPLE, ...change };
  for (const key of Object.keys(params)) if (params[key] === undefined) delete params[key];
  return params as Record<string, string>;
}

/** One call per documented RoamClientUser error, each against the default fixtures. */
export const ERROR_CASES: ErrorCase[] = [
  { name: 'sample without RegionId', params: sampleWith({ RegionId: undefined }), code: 'MissingRegionId' },
  { name: 'malformed user name', params: sampleWith({ UserName: '-test1' }), code: 'ClientUser.NameInvalid' },
  { name: 'unknown destination', params: sampleWith({ TargetSmartAGId: 'sag-doesnotexist' }), code: 'SAG.InstanceNoFound' },
  { name: "another account's instance", params: sampleWith({ TargetSmartAGId: 'sag-otheraccount01' }), code: 'SAG.InstanceNoFound' },
  { name: 'hardware destination', params: sampleWith({ TargetSmartAGId: 'sag-hardware0001' }), code: 'ClientUser.NotSupportAction' },
  { name: 'unknown user', params: sampleWith({ UserName: 'nosuchuser' }), code: 'ResourceNotFound.User' },
  { name: 'enterprise code differs', params: sampleWith({ TargetSmartAGId: 'sag-entcode0001' }), code: 'EnterpriseCode.ConfigDifferent' },
  { name: 'destination without CIDR', params: sampleWith({ TargetSmartAGId: 'sag-nocidr0001' }), code: 'SAG.CidrEmpty' },
  { name: 'CIDR overlap', params: sampleWith({ TargetSmartAGId: 'sag-overlap0001' }), code: 'SAG.CidrOverlap' },
  { name: 'name exists on destination', params: sampleWith({ UserName: 'shareduser' }), code: 'ClientUser.UserExist' },
  { name: 'destination quota used up', params: sampleWith({ TargetSmartAGId: 'sag-full0001' }), code: 'ClientUser.UserOverLimit' },
  { name: 'bandwidth above the ceiling', params: sampleWith({ TargetSmartAGId: 'sag-lowbw0001' }), code: 'ClientUser.BandwidthInvalid' },
  { name: 'static IP outside destination CIDR', params: sampleWith({ UserName: 'staticipuser' }), code: 'ClientUser.InvalidClientIp' },
];

/** The Recommend link the emulator puts in every error body. */
export function recommendFor(code: string, requestId: string): string {
  return `https://api.aliyun.com/troubleshoot?q=${code}&product=Smartag&requestId=${requestId}`;
}

/** The JSON error body every client receives (openapi-client adds statusCode to its copy). */
export function errorBody(code: string, requestId: string): Record<string, string> {
  return { RequestId: requestId, HostId: HOST_ID, Code: code, Message: MESSAGES[code], Recommend: recommendFor(code, requestId) };
}

/** What a client throws or returns, caught so a test can assert on either. */
export async function outcome<T>(promise: Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: any }> {
  try {
    return { ok: true, value: await promise };
  } catch (error) {
    return { ok: false, error };
  }
}
