/**
 * Steps 1 and 2 of a v1 (HMAC-SHA1, protocol.md section 3) request: the
 * signature and its method are present and supported; the claim the
 * remaining checks read.
 */

import type { ApiRequest } from './api-request';
import { apiError, missingParameter } from './errors';
import type { SignedClaim } from './signed-claim';
import { V1_SIGNATURE_METHOD, v1Signature, v1StringToSign } from './signing';

const V1_NAMES = { timestamp: 'Timestamp', nonce: 'SignatureNonce', securityToken: 'SecurityToken' };

export function readV1Claim(request: ApiRequest): SignedClaim {
  const params = request.params;
  if (!params.Signature) throw missingParameter('Signature');
  if (!params.SignatureMethod) throw missingParameter('SignatureMethod');
  if (params.SignatureMethod !== V1_SIGNATURE_METHOD) throw apiError('InvalidSignatureMethod');
  return {
    accessKeyId: params.AccessKeyId,
    timestamp: params.Timestamp,
    nonce: params.SignatureNonce,
    securityToken: params.SecurityToken,
    names: V1_NAMES,
    // base64 never contains a space: one here is a '+' a client left unencoded.
    receivedSignature: params.Signature.includes(' ') ? params.Signature.replace(/ /g, '+') : params.Signature,
    checkPayload: () => undefined,
    stringToSign: () => v1StringToSign(request.method, params),
    sign: v1Signature,
  };
}
