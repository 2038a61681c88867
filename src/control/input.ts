/**
 * What the control plane reads: JSON bodies checked by a schema, and query
 * strings with a fixed set of names. Every problem is one
 * Emulator.InvalidRequest whose Description says where and why. The same
 * checks serve the HTTP routes and the in-process API.
 */
import type Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import { apiError, type ApiError } from '../protocol/errors';

/**
 * Made on first use, as are the checkers: compiling schemas at module load
 * cost ~40 ms of start-up, and ajv itself is required only then, so loading
 * the control plane does not load it.
 */
let ajv: Ajv | undefined;

function controlAjv(): Ajv {
  if (!ajv) {
    const { default: AjvClass } = require('ajv') as { default: typeof Ajv };
    ajv = new AjvClass({ allErrors: false, strict: true });
  }
  return ajv;
}

export function invalidRequest(reason: string): ApiError {
  return apiError('Emulator.InvalidRequest', { description: reason });
}

/** A fixture problem, at its JSON path in the request body. */
export function invalidFixture(jsonPath: string, reason: string): ApiError {
  return apiError('Emulator.InvalidFixture', { description: `At ${jsonPath || '/'}: ${reason}.` });
}

/** An empty body is `{}`: every control body is optional or has defaults. */
export function parseJsonBody(body: unknown): unknown {
  if (typeof body !== 'string' || body.trim() === '') return {};
  try {
    return JSON.parse(body);
  } catch (error) {
    throw invalidRequest(`The body is not valid JSON (${(error as Error).message}).`);
  }
}

/** A checker for one body shape, compiled once, on its first call. */
export function bodyChecker<T>(schema: object): (data: unknown) => T {
  let validate: ValidateFunction | undefined;
  return (data) => {
    validate ??= controlAjv().compile(schema);
    if (validate(data)) return data as T;
    const [first] = validate.errors ?? [];
    const extra = first?.keyword === 'additionalProperties' ? ` (${String(first.params.additionalProperty)})` : '';
    throw invalidRequest(`At ${first?.instancePath || '/'}: ${first?.message ?? 'not valid'}${extra}.`);
  };
}

/** The query string of a control URL; a name outside `allowed` is refused, a typo never filters silently. */
export function readQuery(url: string, allowed: readonly string[]): Record<string, string> {
  const query: Record<string, string> = {};
  const start = url.indexOf('?');
  if (start === -1) return query;
  for (const [name, value] of new URLSearchParams(url.slice(start + 1))) {
    if (!allowed.includes(name)) {
      throw invalidRequest(`Unknown query parameter "${name}"; this endpoint takes ${allowed.length ? allowed.join(', ') : 'none'}.`);
    }
    query[name] = value;
  }
  return query;
}

export const ACCOUNT_ID_PATTERN = '^[0-9]{16}$';
