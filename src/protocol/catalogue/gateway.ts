/** Gateway errors: not product specific; the public Alibaba Cloud gateway tables' texts. */
import type { CatalogueEntry } from './entry';

export const gatewayErrors = {
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
} satisfies Record<string, CatalogueEntry>;
