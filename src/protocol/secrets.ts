/**
 * Parameters whose values are secrets: the journal masks them, and so does
 * the SignatureDoesNotMatch answer, which quotes the server's string to sign.
 */

export const REDACTED = '***';

// Md5Key: the OSPF authentication key of ModifySagRouteProtocolOspf and UpdateSmartAccessGatewayOspfRoute.
export const SECRET_PARAMS: ReadonlySet<string> = new Set(['Signature', 'SecurityToken', 'Password', 'AccessKeySecret', 'Md5Key']);

// In a v1 string to sign every `&` of the canonical query is `%26` and every `=` is `%3D`.
const SECRET_IN_STRING_TO_SIGN = new RegExp(`((?:&|%26)(?:${[...SECRET_PARAMS].join('|')})%3D).*?(?=%26|$)`, 'g');

/** A v1 string to sign (or a message quoting one) with the values of secret parameters masked. */
export function redactStringToSign(text: string): string {
  return text.replace(SECRET_IN_STRING_TO_SIGN, `$1${REDACTED}`);
}
