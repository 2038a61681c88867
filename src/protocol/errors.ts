/**
 * The one error catalogue: every error the emulator can answer, with its
 * HTTP status and exact message. Gateway errors follow the public Alibaba
 * Cloud gateway tables; product errors (SAG.*, ClientUser.*, ...) carry the
 * verbatim messages of the Smartag metadata (test/unit/errors.test.ts checks
 * each against the generated spec). Emulator-only codes are marked as such
 * and listed in the README.
 */

export interface ErrorDetails {
  /** Extra response headers, e.g. x-acs-retry-after for throttling. */
  headers?: Record<string, string>;
  /** Optional `Description` field of the envelope: why, in the emulator's words. */
  description?: string;
}

export class ApiError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly details: ErrorDetails = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface CatalogueEntry {
  status: number;
  message: string;
}

/** Fixed-text errors, by code. */
export const catalogue = {
  // Gateway (not product specific)
  'InvalidVersion': { status: 400, message: 'Specified parameter Version is not valid.' },
  'InvalidAction.NotFound': { status: 404, message: 'Specified api is not found, please check your url and method.' },
  'IncompleteSignature': { status: 400, message: 'The request signature does not conform to Aliyun standards.' },
  'InvalidSignatureMethod': { status: 400, message: 'Specified signature method is not valid.' },
  'InvalidAccessKeyId.NotFound': { status: 404, message: 'Specified access key is not found.' },
  'InvalidAccessKeyId.Inactive': { status: 400, message: 'Specified access key is disabled.' },
  'InvalidSecurityToken.Expired': { status: 400, message: 'Specified SecurityToken is expired.' },
  'InvalidSecurityToken.MismatchWithAccessKey': { status: 400, message: 'Specified SecurityToken mismatch with the AccessKey.' },
  'SignatureNonceUsed': { status: 400, message: 'Specified signature nonce was used already.' },
  'InvalidTimeStamp.Expired': { status: 400, message: 'Specified time stamp or date value is expired.' },
  'InvalidTimeStamp.Format': { status: 400, message: 'Specified time stamp or date value is not well formatted.' },
  'Throttling.User': { status: 400, message: 'Request was denied due to user flow control.' },
  'UnsupportedHTTPMethod': { status: 403, message: 'This http method not supported.' },
  'Forbidden.RAM': { status: 403, message: "User not authorized to operate on the specified resource, or this API doesn't support RAM." },
  // Smartag's own metadata documents this text for a 500, so it wins over the generic gateway one.
  'InternalError': { status: 500, message: 'An error occurred while processing your request.' },
  'ServiceUnavailable': { status: 503, message: 'The request has failed due to a temporary failure of the server.' },

  // Product (Smartag); messages verbatim from the metadata
  'SAG.InstanceNoFound': { status: 400, message: 'The specified SAG instance does not exist.' },
  'SAG.CidrEmpty': { status: 400, message: 'You must specify the CIDR blocks of SAG.' },
  'SAG.CidrOverlap': { status: 400, message: 'The specified CIDR overlaps with an existing CIDR.' },
  'ClientUser.NotSupportAction': { status: 400, message: 'You cannot create a user in the current SAG instance.' },
  'ClientUser.BandwidthInvalid': { status: 400, message: 'The specified Bandwidth is invalid.' },
  'ClientUser.InvalidClientIp': { status: 400, message: 'The specified ClientIp is invalid.' },
  'ClientUser.UserOverLimit': { status: 400, message: 'The maximum number of users is exceeded.' },
  'ClientUser.UserExist': { status: 400, message: 'The specified user already exists.' },
  'ClientUser.NameInvalid': { status: 400, message: 'The specified UserName is invalid.' },
  'ResourceNotFound.User': { status: 400, message: 'The specified user is not found.' },
  'EnterpriseCode.ConfigDifferent': { status: 400, message: 'The target smart access gateway enterprise code or idaas configuration is not the same.' },

  // Emulator-only: conditions the real gateway meets before any product code
  'InvalidParameter.Encoding': { status: 400, message: 'The request contains malformed percent-encoding or invalid UTF-8.' },
  'UnsupportedMediaType': { status: 415, message: 'The request body must be application/x-www-form-urlencoded.' },
  'RequestEntityTooLarge': { status: 413, message: 'The request body is larger than the emulator accepts.' },
  'InvalidParameter.TooLong': { status: 400, message: 'A parameter is longer than the emulator accepts.' },
  'InvalidParameter.TooMany': { status: 400, message: 'The request has more parameters than the emulator accepts.' },
  'MalformedRequest': { status: 400, message: 'The HTTP request could not be read.' },
  'RequestTimeout': { status: 408, message: 'The request was not received completely in time.' },
  'InvalidParameter.Unknown': { status: 400, message: 'This action does not define these parameters (strict parameter checking is on):' },
  'NotImplemented': { status: 501, message: 'This action has no stateful implementation in the emulator; start it with --unimplemented example to get a synthesised answer.' },
  'InvalidParameter.ContentSHA256': { status: 400, message: 'The x-acs-content-sha256 header does not match the SHA-256 of the request body.' },

  // Emulator-only: the control plane under /_emulator/ (never an API answer); Description says why
  'Emulator.InvalidRequest': { status: 400, message: 'The control-plane request is not valid.' },
  'Emulator.InvalidFixture': { status: 400, message: 'The fixture is not valid.' },
  'Emulator.InvalidSnapshotName': { status: 400, message: 'A snapshot name is 1 to 64 characters from A-Z, a-z, 0-9, ".", "_" and "-".' },
  'Emulator.AccountNotFound': { status: 404, message: 'The specified account does not exist.' },
  'Emulator.AccountExists': { status: 409, message: 'The specified account already exists.' },
  'Emulator.SnapshotNotFound': { status: 404, message: 'The specified snapshot does not exist.' },
  'Emulator.FaultNotFound': { status: 404, message: 'The specified fault rule does not exist.' },
  'Emulator.Unauthorized': { status: 401, message: 'The control plane requires the admin token: send it in the x-emulator-token header or as Authorization: Bearer <token>.' },
  'Emulator.ControlPlaneDisabled': { status: 403, message: 'The control plane is disabled: the emulator listens beyond loopback and no admin token is set (--admin-token or SMARTAG_ADMIN_TOKEN).' },
} satisfies Record<string, CatalogueEntry>;

export type CatalogueCode = keyof typeof catalogue;

/** The error of a fixed-text code. */
export function apiError(code: CatalogueCode, details?: ErrorDetails): ApiError {
  const entry: CatalogueEntry = catalogue[code];
  return new ApiError(code, entry.status, entry.message, details);
}

/** `Missing{Param}`: a required parameter is absent or empty. */
export function missingParameter(name: string): ApiError {
  return new ApiError(`Missing${name}`, 400, `${name} is mandatory for this action.`);
}

/** `InvalidParameter`: a value of the wrong type, format, enum or range; `why` goes to Description. */
export function invalidParameter(name: string, why?: string): ApiError {
  return new ApiError('InvalidParameter', 400, `Specified parameter ${name} is not valid.`, why ? { description: why } : {});
}

/** `SignatureDoesNotMatch` quotes the server's string to sign, as the real gateway does. */
export function signatureDoesNotMatch(stringToSign: string): ApiError {
  return new ApiError(
    'SignatureDoesNotMatch',
    400,
    `Specified signature is not matched with our calculation. server string to sign is:${stringToSign}`,
  );
}

/** An error of any code and text, e.g. a product error from the spec or an injected fault. */
export function customError(code: string, status: number, message: string, details?: ErrorDetails): ApiError {
  return new ApiError(code, status, message, details);
}
