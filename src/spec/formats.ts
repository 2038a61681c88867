/**
 * The integer formats of the spec as ajv format definitions: the one
 * source for scripts/gen-validators.ts, which adds them to the ajv that
 * generates the request validators, and for the generated validators
 * themselves, which `require` this module (compiled, from dist) and call
 * `int32.validate` / `int64.validate`. Plain exports, no ajv at run time.
 */
import type { FormatDefinition } from 'ajv';

export const INT32_RANGE = { minimum: -2147483648, maximum: 2147483647 };

export const int32: FormatDefinition<number> = {
  type: 'number',
  validate: (n: number) => n >= INT32_RANGE.minimum && n <= INT32_RANGE.maximum,
};

/** Numbers are doubles: the emulator keeps 64-bit integers exactly only up to 2^53 - 1. */
export const int64: FormatDefinition<number> = {
  type: 'number',
  validate: (n: number) => Number.isSafeInteger(n),
};

/** Every format the request schemas use, by name. */
export const formats = { int32, int64 } as const;
