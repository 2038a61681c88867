/**
 * Steps 1 and 2 of a v3 (ACS3-HMAC-SHA256, protocol.md section 4) request:
 * the Authorization header is well formed, covers every header the emulator
 * acts on, and names a supported algorithm (ACS3-HMAC-SHA256 or ACS3-HMAC-SM3); the claim the remaining checks read.
 */

import type { ApiRequest } from './api-request';
import { apiError } from './errors';
import { header, type SignedClaim } from './signed-claim';
import { type V3Authorization, v3CanonicalRequest, v3Digest, v3HashHex, v3Signature, v3StringToSign } from './signing';

const V3_NAMES = { timestamp: 'x-acs-date', nonce: 'x-acs-signature-nonce', securityToken: 'x-acs-security-token' };

/**
 * Headers the emulator acts on (the operation and API version it dispatches
 * to, and what the checks trust), so they must be covered by the signature
 * when sent: else a signed call could be turned into another in transit.
 */
const V3_HEADERS_TO_SIGN = [
  'x-acs-action',
  'x-acs-version',
  'x-acs-date',
  'x-acs-signature-nonce',
  'x-acs-content-sha256',
  'x-acs-security-token',
];

export function readV3Claim(request: ApiRequest, authorization: V3Authorization | undefined): SignedClaim {
  if (!authorization) throw apiError('IncompleteSignature');
  const unsigned = V3_HEADERS_TO_SIGN.find(
    (name) => header(request, name) !== undefined && !authorization.signedHeaders.includes(name),
  );
  if (unsigned) throw apiError('IncompleteSignature', { description: `Header ${unsigned} must be listed in SignedHeaders.` });
  const algorithm = authorization.algorithm;
  if (v3Digest(algorithm) === undefined) throw apiError('InvalidSignatureMethod');

  // With ACS3-HMAC-SM3 the official clients put the SM3 hash in x-acs-content-sha256, despite its name.
  const bodyHash = v3HashHex(request.rawBody, algorithm);
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
        algorithm,
      ),
    sign: (stringToSign, accessKeySecret) => v3Signature(stringToSign, accessKeySecret, algorithm),
  };
}
