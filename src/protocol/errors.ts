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
    // An ApiError is an answer, not a bug: capturing its stack trace cost more than rendering it
    // (lenient auth makes one per unsigned call). Unexpected errors keep theirs.
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = stackTraceLimit;
    this.name = 'ApiError';
  }
}

interface CatalogueEntry {
  status: number;
  message: string;
  /**
   * The code on the wire, when it differs from the key: the metadata gives
   * some codes another status or message in some operations, and each
   * variant has its own key, `<Code> (<variant>)`.
   */
  code?: string;
}

/** Fixed-text errors, by code (or variant). */
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
  // The answer to a DryRun call that passed every check: the Smartag metadata names the code, Alibaba Cloud's RPC products share its text.
  'DryRunOperation': { status: 400, message: 'Request validation has been passed with DryRun flag set.' },

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
  // Client accounts, their online clients and settings
  'SAG.InstanceIdEmpty': { status: 400, message: 'You must specify the SAG instance ID.' },
  'ClientUser.NameEmpty': { status: 400, message: 'You must specify UserName.' },
  'ClientUser.PasswordInvalid': { status: 400, message: 'The specified password format is invalid.' },
  'ClientUser.EmailEmpty': { status: 400, message: 'You must specify UserEmail.' },
  'ClientUser.EmailInvalid': { status: 400, message: 'The format of the specified UserEmail is invalid.' },
  'ClientUser.IpEmpty': { status: 400, message: 'You must specify ClientIp.' },
  'ClientUser.IpInvalid': { status: 400, message: 'The specified ClientIp is invalid.' },
  'ClientUser.UserInUsing': { status: 400, message: 'The specified SAG user account is already in use this month. You cannot delete it.' },
  'OperationDenied.BandwidthExceeded': { status: 400, message: 'The total bandwidth exceeds the limit. The operation is denied.' },
  // UpdateSmartAGUserAccelerateConfig documents the template ("resource of %s"); this is the text filled in, as the other operations document it.
  'ResourceNotFound.SmartAccessGateway': { status: 404, message: 'The specified resource of SmartAccessGateway is not found.' },
  // The leading space is in the metadata (DescribeSagOnlineClientStatistics).
  'InvalidId.SMARTAG (ID does not exist)': { code: 'InvalidId.SMARTAG', status: 400, message: ' The specified smart access gateway instance ID does not exist.' },
  'InvalidParam.Ip': { status: 400, message: 'The specified IP address is invalid.' },
  // Instances, cloud connect networks (CCN) and enterprise codes
  'InvalidRegionID': { status: 400, message: 'The specified regionId does not exist.' },
  'InvalidName': { status: 400, message: 'The specified name is invalid.' },
  'InvalidName (403)': { code: 'InvalidName', status: 403, message: 'Name not valid.' },
  'InvalidDescription': { status: 400, message: 'The specified description is invalid.' },
  'InvalidDescription (403)': { code: 'InvalidDescription', status: 403, message: 'Description not valid.' },
  'ActionNotSupport': { status: 400, message: 'The specified instance does not support this action.' },
  'Param.InvalidVersionComparator': { status: 400, message: 'The specified version comparison operator is invalid.' },
  'SAG.InvalidUserCount': { status: 400, message: 'The specified UserCount is invalid.' },
  'SAG.InvalidDataPlan': { status: 400, message: 'The specified DataPlan is invalid.' },
  'SAG.InvalidCidrFormat': { status: 400, message: 'The specified CIDR format is invalid.' },
  'SAG.InvalidCidr': { status: 400, message: 'The specified CIDR block is invalid.' },
  'SAG.CidrAmountLimit': { status: 400, message: 'The maximum number of static routes for the SAG instance is exceeded.' },
  'SAG.CcnCidrNoConfig': { status: 400, message: 'You must configure the CIDR block of CCN.' },
  'SAG.InvalidCidr.NoBelongCcnCidr': { status: 400, message: 'The specified SAG CIDR block does not belong to the CCN CIDR block.' },
  'SAG.CidrUsedByRoutableAddress': { status: 400, message: 'A routable internal IP address belongs to the specified internal CIDR block. You cannot modify this CIDR block.' },
  'SAG.NotAllowConfigCidr': { status: 400, message: 'You cannot specify a static CIDR block when the dynamic routing strategy is used.' },
  'SAG.NoActive': { status: 400, message: 'The specified SAG instance has not been activated.' },
  'SAG.Arrearage': { status: 400, message: 'The specified SAG instance has overdue payments. Renew the instance first.' },
  'SAG.BusinessStateNotSupport': { status: 400, message: 'The specified SAG instance is in use and cannot be deleted.' },
  'SmartAccessGatewayNotActivated': { status: 400, message: 'The specified Smart Access Gateway has not been activated.' },
  'SmartAccessGatewayInArrears': { status: 400, message: 'The specified Smart Access Gateway has expired.' },
  'SmartAccessGatewayNotBind': { status: 403, message: 'The instance has not yet been bound.' },
  'SmartAccessGatewayAlreadyBound': { status: 403, message: 'The smart access gateway already bound.' },
  'AlreadyBound.CCN': { status: 400, message: 'The specified SAG instance is bound to another CCN instance. Unbind them first.' },
  'AlreadyBound.SMARTAG': { status: 403, message: 'This instance has been bound, please unbind smart access gateway first.' },
  'NotBoundCCN': { status: 403, message: 'The specified smart access gateway has not bound CCN; please bind CCN first.' },
  'CidrConflict': { status: 403, message: 'Cidr is conflict, Please Check your input.' },
  'InvalidId.SMARTAG': { status: 403, message: 'The specified smart access gateway instance id is invalid.' },
  'InvalidId.CCN': { status: 403, message: 'Invalid cloud connect network id.' },
  'CcnAmountLimit': { status: 403, message: 'The CCNs you created has reached the limit, you can raise the limit by application.' },
  'CCN.InvalidCidr': { status: 400, message: 'The specified CCN CIDR block is invalid.' },
  'CCN.CidrAmountLimit': { status: 400, message: 'The maximum number of CCN CIDR blocks is exceeded.' },
  'CCN.CidrEmpty': { status: 400, message: 'You must specify the CCN CIDR block.' },
  'CCN.CidrInUse': { status: 400, message: 'The specified CCN CIDR block is being used.' },
  'CCN.InvalidSnatCidr': { status: 400, message: 'The SNAT CIDR block of CCN is invalid.' },
  'CCN.SnatCidrConflict': { status: 400, message: 'The specified SNAT CIDR block is invalid.' },
  'CCN.InvalidInterworkingStatus': { status: 400, message: 'The specified connection status is invalid. Specify the connection status to enable or disable.' },
  'InvalidTagKey': { status: 400, message: 'The specified tag key is invalid.' },
  'InvalidTagValue': { status: 400, message: 'The specified tag value is invalid.' },
  'Forbidden.TagKey.Duplicated': { status: 400, message: 'The specified tag key already exists.' },
  'EnterpriseCode.BeenOccupied': { status: 400, message: 'The specified enterprise code is occupied by other enterprises.' },
  'EnterpriseCode.NotExist': { status: 400, message: 'The specified enterprise code does not exist.' },
  'EnterpriseCode.BeingUsed': { status: 400, message: 'The specified enterprise code is being used.' },
  'EnterpriseCode.DeleteLimit': { status: 400, message: 'The specified default enterprise code cannot be deleted.' },
  'EnterpriseCode.UserNameConflict': { status: 400, message: 'The specified username already exists.' },

  // Emulator-only: conditions the real gateway meets before any product code
  'InvalidParameter.Encoding': { status: 400, message: 'The request contains malformed percent-encoding or invalid UTF-8.' },
  'UnsupportedMediaType': { status: 415, message: 'The request body must be application/x-www-form-urlencoded.' },
  'RequestEntityTooLarge': { status: 413, message: 'The request body is larger than the emulator accepts.' },
  'RequestHeaderFieldsTooLarge': { status: 431, message: 'The request line and headers (a GET query string included) are larger than the emulator accepts (16 KiB).' },
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
  'Emulator.HostNotAllowed': { status: 403, message: 'Without an admin token the control plane answers only calls addressed to a loopback name (localhost, 127.x.x.x, [::1]) or the address the emulator listens on.' },
  'Emulator.OriginNotAllowed': { status: 403, message: 'The control plane refuses calls from web pages of other sites: a browser Origin must be a loopback origin or the address the emulator listens on.' },
  'Emulator.UnsupportedMediaType': { status: 415, message: 'A control-plane body must be JSON, sent with Content-Type: application/json.' },
  'Emulator.SnapshotLimitExceeded': { status: 409, message: 'The emulator keeps at most 100 snapshots: delete one first (DELETE /_emulator/snapshots/{name}).' },
  'Emulator.FaultLimitExceeded': { status: 409, message: 'The emulator keeps at most 100 fault rules: delete one first (DELETE /_emulator/faults/{id}).' },
} satisfies Record<string, CatalogueEntry>;

export type CatalogueCode = keyof typeof catalogue;

/** The error of a fixed-text code. */
export function apiError(code: CatalogueCode, details?: ErrorDetails): ApiError {
  const entry: CatalogueEntry = catalogue[code];
  return new ApiError(entry.code ?? code, entry.status, entry.message, details);
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
