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

/**
 * Deepest nesting a control body may have. A fixture nests about ten levels;
 * without a bound, a body nested 100,000 deep overflowed the stack of the
 * schema check (a 500) instead of answering 400.
 */
export const MAX_JSON_DEPTH = 32;

/**
 * A control call's body, if it has one, must be declared JSON
 * (application/json or a `+json` type), whether or not the endpoint reads
 * it: a web page can send text/plain or a form across sites without the
 * browser asking first, but never a JSON content type.
 */
export function checkBodyType(body: unknown, contentType: string | undefined): void {
  if (typeof body !== 'string' || body.trim() === '' || isJsonType(contentType)) return;
  throw apiError('Emulator.UnsupportedMediaType', { description: `Got ${contentType === undefined ? 'no Content-Type' : `"${contentType}"`}.` });
}

/** An empty body is `{}`: every control body is optional or has defaults. */
export function parseJsonBody(body: unknown): unknown {
  if (typeof body !== 'string' || body.trim() === '') return {};
  try {
    // V8's parser is not recursive: depth is checked afterwards, by what uses the data.
    return JSON.parse(body);
  } catch (error) {
    throw invalidRequest(`The body is not valid JSON (${(error as Error).message}).`);
  }
}

function isJsonType(contentType: string | undefined): boolean {
  const type = contentType?.split(';')[0].trim().toLowerCase() ?? '';
  return type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type);
}

/**
 * Refuses data nested deeper than MAX_JSON_DEPTH (and so a cyclic object
 * given in process); it never recurses further than that itself. Every body
 * checker and the seed call it before anything walks the data.
 */
export function checkJsonDepth(data: unknown): void {
  const visit = (value: unknown, depth: number): void => {
    if (value === null || typeof value !== 'object') return;
    if (depth > MAX_JSON_DEPTH) throw invalidRequest(`The JSON nests deeper than ${MAX_JSON_DEPTH} levels.`);
    for (const item of Array.isArray(value) ? value : Object.values(value)) visit(item, depth + 1);
  };
  visit(data, 1);
}

/** A checker for one body shape, compiled once, on its first call. */
export function bodyChecker<T>(schema: object): (data: unknown) => T {
  let validate: ValidateFunction | undefined;
  return (data) => {
    validate ??= controlAjv().compile(schema);
    checkJsonDepth(data);
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
