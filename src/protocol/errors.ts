/**
 * The errors an API call can answer: the typed ApiError every handler throws,
 * and the functions that make one from the catalogue (./catalogue) or from
 * the gateway's parameter rules.
 */
import { catalogue, type CatalogueCode, type CatalogueEntry } from './catalogue';

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

export { catalogue, type CatalogueCode } from './catalogue';

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
