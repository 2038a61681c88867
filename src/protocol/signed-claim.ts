/**
 * What a signed request claims, read alike for both schemes (verify-v1.ts,
 * verify-v3.ts) so one sequence of checks (verify.ts) serves both.
 */

import type { ApiRequest } from './api-request';
import { headerValue } from './signing';

export interface SignedClaim {
  accessKeyId?: string;
  timestamp?: string;
  nonce?: string;
  securityToken?: string;
  /** How this scheme names the fields, for Missing{Name} errors. */
  names: { timestamp: string; nonce: string; securityToken: string };
  receivedSignature: string;
  /** Step 7; v1 has no payload hash. */
  checkPayload(): void;
  /** Step 8: the server's string to sign, and the signature it yields with a secret. */
  stringToSign(): string;
  sign(stringToSign: string, accessKeySecret: string): string;
}

/** A header's value, or undefined when absent or empty. */
export function header(request: ApiRequest, name: string): string | undefined {
  const value = headerValue(request.headers, name);
  return value === '' ? undefined : value;
}
