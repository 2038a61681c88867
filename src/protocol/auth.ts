/**
 * Who is calling: verifies a request's v1 or v3 signature (protocol.md
 * sections 3, 4 and 9) and maps its AccessKeyId to the account whose
 * resources it sees.
 *
 * Modes:
 * - strict: every check of verify.ts; the first failure is thrown.
 * - lenient: the same checks, but a failure is returned in `failure` and the
 *   call is served anyway (unknown keys see the default account).
 * - off: no checks; a known AccessKeyId still selects its account, so
 *   per-account isolation by key works in every mode.
 *
 * The ordered checks are in verify.ts.
 */

import type { ApiRequest } from './api-request';
import { ApiError, missingParameter } from './errors';
import type { NonceStore } from './nonce-store';
import { header } from './signed-claim';
import { parseV3Authorization } from './signing';
import { verifySignature } from './verify';

export type AuthMode = 'off' | 'lenient' | 'strict';

export interface AccessKeyRecord {
  accessKeyId: string;
  accessKeySecret: string;
  accountId: string;
  sts: boolean;
  active: boolean;
}

export interface AuthEnvironment {
  mode: AuthMode;
  findKey(accessKeyId: string): AccessKeyRecord | undefined;
  defaultAccountId: string;
  nonces: NonceStore;
  /** Milliseconds since the epoch; injectable for tests. */
  now(): number;
}

export interface AuthOutcome {
  accountId: string;
  /** Set when the request names a known key. */
  accessKeyId?: string;
  /** Lenient mode only: why strict mode would have refused the call. */
  failure?: ApiError;
}

/** Built once and only read: the answer to every unsigned call. */
const UNSIGNED = missingParameter('Signature');

export function authenticate(request: ApiRequest, env: AuthEnvironment): AuthOutcome {
  // Parsed once: it names the key, and verification reads the rest of it.
  const authorization = request.scheme === 'v3' ? parseV3Authorization(header(request, 'authorization') ?? '') : undefined;
  const claimedId = request.scheme === 'v3' ? authorization?.accessKeyId : request.params.AccessKeyId;
  const key = claimedId ? env.findKey(claimedId) : undefined;
  const identity: AuthOutcome = key
    ? { accountId: key.accountId, accessKeyId: key.accessKeyId }
    : { accountId: env.defaultAccountId };
  if (env.mode === 'off') return identity;
  // Step 1 for an unsigned call, the usual one in lenient mode, without a thrown error per call.
  if (request.scheme === 'none') {
    if (env.mode === 'strict') throw UNSIGNED;
    return { ...identity, failure: UNSIGNED };
  }
  try {
    verifySignature(request, env, claimedId, key, authorization);
    return identity;
  } catch (error) {
    if (env.mode === 'strict' || !(error instanceof ApiError)) throw error;
    return { ...identity, failure: error };
  }
}
