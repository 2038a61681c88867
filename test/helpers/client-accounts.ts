/** Shared by the client-account tests: the default fixture's SAG APP instance for them, exact errors, error-case runs. */
import type { FastifyInstance } from 'fastify';
import type { Test } from 'tap';
import { call } from './app';
import { expectError, type ExpectedError } from './api-expect';

export const ACCOUNT = '1000000000000001';

/** fixtures/default.json: onlineuser (2 clients, traffic), staticonline (static IP, online), idleuser, disableduser. */
export const APP = { RegionId: 'cn-shanghai', SmartAGId: 'sag-appclients01' };

/** The second fixture account's key: unsigned calls naming it act as account 1000000000000002. */
export const AS_OTHER_ACCOUNT = { AccessKeyId: 'otherid' };

/** Every way a call can name an instance it must not see, or one that holds no client accounts. */
export const UNREACHABLE_INSTANCES: [string, Record<string, string>][] = [
  ['unknown instance', { SmartAGId: 'sag-doesnotexist' }],
  ['instance of another region', { RegionId: 'cn-hangzhou' }],
  ["instance of another account", AS_OTHER_ACCOUNT],
  ['hardware instance', { RegionId: 'cn-hangzhou', SmartAGId: 'sag-hardware0001' }],
];

export const E = {
  instanceNoFound: [400, 'SAG.InstanceNoFound', 'The specified SAG instance does not exist.'],
  instanceIdEmpty: [400, 'SAG.InstanceIdEmpty', 'You must specify the SAG instance ID.'],
  cidrEmpty: [400, 'SAG.CidrEmpty', 'You must specify the CIDR blocks of SAG.'],
  nameEmpty: [400, 'ClientUser.NameEmpty', 'You must specify UserName.'],
  nameInvalid: [400, 'ClientUser.NameInvalid', 'The specified UserName is invalid.'],
  passwordInvalid: [400, 'ClientUser.PasswordInvalid', 'The specified password format is invalid.'],
  emailEmpty: [400, 'ClientUser.EmailEmpty', 'You must specify UserEmail.'],
  emailInvalid: [400, 'ClientUser.EmailInvalid', 'The format of the specified UserEmail is invalid.'],
  bandwidthInvalid: [400, 'ClientUser.BandwidthInvalid', 'The specified Bandwidth is invalid.'],
  ipEmpty: [400, 'ClientUser.IpEmpty', 'You must specify ClientIp.'],
  ipInvalid: [400, 'ClientUser.IpInvalid', 'The specified ClientIp is invalid.'],
  invalidClientIp: [400, 'ClientUser.InvalidClientIp', 'The specified ClientIp is invalid.'],
  notSupportAction: [400, 'ClientUser.NotSupportAction', 'You cannot create a user in the current SAG instance.'],
  userExist: [400, 'ClientUser.UserExist', 'The specified user already exists.'],
  userOverLimit: [400, 'ClientUser.UserOverLimit', 'The maximum number of users is exceeded.'],
  userInUsing: [400, 'ClientUser.UserInUsing', 'The specified SAG user account is already in use this month. You cannot delete it.'],
  userNotFound: [400, 'ResourceNotFound.User', 'The specified user is not found.'],
  gatewayNotFound: [404, 'ResourceNotFound.SmartAccessGateway', 'The specified resource of SmartAccessGateway is not found.'],
  bandwidthExceeded: [400, 'OperationDenied.BandwidthExceeded', 'The total bandwidth exceeds the limit. The operation is denied.'],
  dryRun: [400, 'DryRunOperation', 'Request validation has been passed with DryRun flag set.'],
  invalidSmartagIdNotExist: [400, 'InvalidId.SMARTAG', ' The specified smart access gateway instance ID does not exist.'],
  invalidDnsIp: [400, 'InvalidParam.Ip', 'The specified IP address is invalid.'],
} satisfies Record<string, ExpectedError>;

export function missing(name: string): ExpectedError {
  return [400, `Missing${name}`, `${name} is mandatory for this action.`];
}

export type ErrorCase = [label: string, change: Record<string, string>, expected: ExpectedError];

/** Each case against `base`, in JSON and in XML. */
export async function expectErrorCases(t: Test, app: FastifyInstance, action: string, base: Record<string, string>, cases: ErrorCase[]) {
  for (const format of ['JSON', 'XML'] as const) {
    for (const [label, change, expected] of cases) {
      const params = withChange(base, change);
      expectError(t, await call(app, action, params, { format }), expected, `${action} ${format}, ${label}`);
    }
  }
}

/** `base` with `change` applied; a parameter changed to OMIT is left out. */
export function withChange(base: Record<string, string>, change: Record<string, string>): Record<string, string> {
  const params = { ...base, ...change };
  for (const [key, value] of Object.entries(params)) if (value === OMIT) delete params[key];
  return params;
}

export const OMIT = '<omit>';

/** The instance-scoping cases as error cases of one expected error. */
export function unreachableCases(expected: ExpectedError): ErrorCase[] {
  return UNREACHABLE_INSTANCES.map(([label, change]) => [label, change, expected]);
}
