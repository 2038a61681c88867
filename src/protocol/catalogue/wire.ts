/** Emulator-only: conditions the real gateway meets before any product code (listed in the README). */
import type { CatalogueEntry } from './entry';

export const wireErrors = {
  'InvalidParameter.Encoding': { status: 400, message: 'The request contains malformed percent-encoding or invalid UTF-8.' },
  'UnsupportedMediaType': { status: 415, message: 'The request body must be application/x-www-form-urlencoded.' },
  'RequestEntityTooLarge': { status: 413, message: 'The request body is larger than the emulator accepts.' },
  'RequestHeaderFieldsTooLarge': { status: 431, message: 'The request line and headers (a GET query string included) are larger than the emulator accepts (16 KiB).' },
  'InvalidParameter.TooLong': { status: 400, message: 'A parameter is longer than the emulator accepts.' },
  'InvalidParameter.TooMany': { status: 400, message: 'The request has more parameters than the emulator accepts.' },
  'MalformedRequest': { status: 400, message: 'The HTTP request could not be read.' },
  'ExpectationFailed': { status: 417, message: 'The Expect header asks for an expectation the emulator does not meet (only 100-continue is known).' },
  'RequestTimeout': { status: 408, message: 'The request was not received completely in time.' },
  'InvalidParameter.Unknown': { status: 400, message: 'This action does not define these parameters (strict parameter checking is on):' },
  'NotImplemented': { status: 501, message: 'This action has no stateful implementation in the emulator; start it with --unimplemented example to get a synthesised answer.' },
  'InvalidParameter.ContentSHA256': { status: 400, message: 'The x-acs-content-sha256 header does not match the SHA-256 of the request body.' },
} satisfies Record<string, CatalogueEntry>;
