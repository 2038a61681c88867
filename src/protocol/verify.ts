/**
 * The ordered checks of a signed request (strict semantics; authenticate in
 * auth.ts decides whether a failure is thrown or reported).
 *
 * Strict verification order, first failure wins:
 *  1. Signature present: unsigned, or an empty v1 `Signature` -> MissingSignature;
 *     v3 Authorization malformed, or one of x-acs-action / x-acs-version /
 *     x-acs-date / x-acs-signature-nonce / x-acs-content-sha256 /
 *     x-acs-security-token sent but left out of SignedHeaders (the dispatcher
 *     or the checks below would act on an unsigned value) -> IncompleteSignature.
 *  2. Algorithm: v1 `SignatureMethod` absent -> MissingSignatureMethod, not
 *     HMAC-SHA1 -> InvalidSignatureMethod; v3 neither ACS3-HMAC-SHA256 nor
 *     ACS3-HMAC-SM3 -> InvalidSignatureMethod.
 *  3. AccessKeyId (v1 param, v3 Credential) absent -> MissingAccessKeyId.
 *  4. Time (v1 `Timestamp`, v3 `x-acs-date`): absent -> Missing{Name},
 *     not ISO 8601 UTC -> InvalidTimeStamp.Format, more than 15 minutes from
 *     now -> InvalidTimeStamp.Expired.
 *  5. Key unknown -> InvalidAccessKeyId.NotFound; disabled -> InvalidAccessKeyId.Inactive.
 *  6. Security token (v1 `SecurityToken`, v3 `x-acs-security-token`): sent
 *     with a permanent key -> InvalidSecurityToken.MismatchWithAccessKey;
 *     absent with an STS key -> Missing{Name}. The token's value is not
 *     checked: the emulator stores no tokens.
 *  7. v3 only: `x-acs-content-sha256` differs from the body's hash -> InvalidParameter.ContentSHA256.
 *  8. Signature differs -> SignatureDoesNotMatch, quoting the server's string to sign
 *     with secret parameters' values masked (secrets.ts).
 *  9. Nonce (v1 `SignatureNonce`, v3 `x-acs-signature-nonce`): absent ->
 *     Missing{Name}; already used with this key within 15 minutes -> SignatureNonceUsed.
 * A nonce is recorded only once all nine passed, so a rejected request never
 * uses up a nonce. v3 names missing headers verbatim (`Missingx-acs-date`).
 */

import { timingSafeEqual } from 'node:crypto';
import type { ApiRequest } from './api-request';
import type { AccessKeyRecord, AuthEnvironment } from './auth';
import { apiError, missingParameter, signatureDoesNotMatch } from './errors';
import type { NonceStore } from './nonce-store';
import { redactStringToSign } from './secrets';
import type { SignedClaim } from './signed-claim';
import type { V3Authorization } from './signing';
import { checkTimestamp } from './timestamp';
import { readV1Claim } from './verify-v1';
import { readV3Claim } from './verify-v3';

/**
 * `claimedKey` is authenticate's lookup of `claimedId`: step 5 reuses it rather
 * than ask the store again. `authorization` is a v3 request's parsed header.
 */
export function verifySignature(
  request: ApiRequest,
  env: AuthEnvironment,
  claimedId: string | undefined,
  claimedKey: AccessKeyRecord | undefined,
  authorization: V3Authorization | undefined,
): void {
  const claim = readClaim(request, authorization); // steps 1 and 2
  if (!claim.accessKeyId) throw missingParameter('AccessKeyId'); // step 3
  const now = env.now();
  checkTimestamp(claim.timestamp, claim.names.timestamp, now); // step 4
  const key = activeKey(claim.accessKeyId === claimedId ? claimedKey : env.findKey(claim.accessKeyId));
  checkSecurityToken(claim, key);
  claim.checkPayload();
  checkSignature(claim, key);
  useNonce(claim, key, env.nonces, now);
}

function readClaim(request: ApiRequest, authorization: V3Authorization | undefined): SignedClaim {
  switch (request.scheme) {
    case 'v1':
      return readV1Claim(request);
    case 'v3':
      return readV3Claim(request, authorization);
    case 'none':
      throw missingParameter('Signature');
  }
}

function activeKey(key: AccessKeyRecord | undefined): AccessKeyRecord {
  if (!key) throw apiError('InvalidAccessKeyId.NotFound');
  if (!key.active) throw apiError('InvalidAccessKeyId.Inactive');
  return key;
}

function checkSecurityToken(claim: SignedClaim, key: AccessKeyRecord): void {
  if (key.sts && !claim.securityToken) throw missingParameter(claim.names.securityToken);
  if (!key.sts && claim.securityToken) throw apiError('InvalidSecurityToken.MismatchWithAccessKey');
}

function checkSignature(claim: SignedClaim, key: AccessKeyRecord): void {
  const stringToSign = claim.stringToSign();
  if (!sameText(claim.sign(stringToSign, key.accessKeySecret), claim.receivedSignature)) {
    // The client's own secrets (a Password it sent) are masked: answers and logs must not echo them.
    throw signatureDoesNotMatch(redactStringToSign(stringToSign));
  }
}

function useNonce(claim: SignedClaim, key: AccessKeyRecord, nonces: NonceStore, now: number): void {
  if (!claim.nonce) throw missingParameter(claim.names.nonce);
  if (!nonces.use(key.accessKeyId, claim.nonce, now)) throw apiError('SignatureNonceUsed');
}

/**
 * Constant-time comparison, so response timing does not leak how much of a
 * signature was right. `expected` is base64 or hex, ASCII: a `received` of
 * another length in characters cannot have its bytes, so only the length
 * (public anyway) decides without comparing.
 */
function sameText(expected: string, received: string): boolean {
  if (expected.length !== received.length) return false;
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(received, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
