/**
 * Steps 1 and 2 of a v3 (ACS3-HMAC-SHA256, protocol.md section 4) request:
 * the Authorization header is well formed, covers every header the checks
 * trust, and names a supported algorithm; the claim the remaining checks read.
 */

import type { ApiRequest } from './api-request';
import { apiError } from './errors';
import { header, type SignedClaim } from './signed-claim';
import { V3_ALGORITHM, sha256Hex, type V3Authorization, v3CanonicalRequest, v3Signature, v3StringToSign } from './signing';

const V3_NAMES = { timestamp: 'x-acs-date', nonce: 'x-acs-signature-nonce', securityToken: 'x-acs-security-token' };

/** Headers whose values the checks trust, so they must be covered by the signature when sent. */
const V3_HEADERS_TO_SIGN = ['x-acs-date', 'x-acs-signature-nonce', 'x-acs-content-sha256', 'x-acs-security-token'];

export function readV3Claim(request: ApiRequest, authorization: V3Authorization | undefined): SignedClaim {
  if (!authorization) throw apiError('IncompleteSignature');
  const unsigned = V3_HEADERS_TO_SIGN.find(
    (name) => header(request, name) !== undefined && !authorization.signedHeaders.includes(name),
  );
  if (unsigned) throw apiError('IncompleteSignature', { description: `Header ${unsigned} must be listed in SignedHeaders.` });
  if (authorization.algorithm !== V3_ALGORITHM) throw apiError('InvalidSignatureMethod');

  const bodyHash = sha256Hex(request.rawBody);
  const declaredHash = header(request, 'x-acs-content-sha256');
  return {
    accessKeyId: authorization.accessKeyId,
    timestamp: header(request, 'x-acs-date'),
    nonce: header(request, 'x-acs-signature-nonce'),
    securityToken: header(request, 'x-acs-security-token'),
    names: V3_NAMES,
    receivedSignature: authorization.signature.toLowerCase(),
    checkPayload() {
      if (declaredHash !== undefined && declaredHash.toLowerCase() !== bodyHash) throw apiError('InvalidParameter.ContentSHA256');
    },
    stringToSign: () =>
      v3StringToSign(
        v3CanonicalRequest({
          method: request.method,
          path: request.path,
          query: request.query,
          headers: request.headers,
          signedHeaders: authorization.signedHeaders,
          // Signed as sent; a client that omits the header signed the body's own hash.
          hashedPayload: declaredHash ?? bodyHash,
        }),
      ),
    sign: v3Signature,
  };
}
