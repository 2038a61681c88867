/**
 * Turns the flat parameters of a request (`UserNames.1=a`, `Tag.1.Key=k`,
 * all strings) into the operation's documented parameters, typed and
 * checked against the spec, or throws the gateway's error for the first
 * problem: Missing<Name>, InvalidParameter, or (strict mode)
 * InvalidParameter.Unknown.
 *
 * Reading a value (folding lists, converting text to numbers and booleans)
 * is done here by hand because the wire rules are the gateway's, not JSON
 * Schema's; checking the typed result (types, enums, ranges, list sizes,
 * required fields) is ajv's, with one schema per operation
 * (./param-schema.ts) compiled at build time: `npm run build` writes
 * dist/src/spec/validators/<Action>.js (scripts/gen-validators.ts), so
 * neither start-up nor a request loads or runs ajv's compiler.
 */
import { join } from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Params } from '../protocol/api-request';
import { catalogue, customError, invalidParameter, missingParameter, type ApiError } from '../protocol/errors';
import { INT32_RANGE } from './formats';
import { getOperation, type ParameterSpec, type ValueSpec } from './index';

export interface ValidateOptions {
  /** Reject parameters the operation does not define (the real gateway ignores them). */
  strictParams: boolean;
}

/**
 * Parameters any action may carry: the RPC common parameters of every
 * client (protocol.md section 1) and the owner parameters the SDKs send.
 * They are never reported as unknown; an operation that documents one of
 * them (most document RegionId) still gets it validated and returned.
 */
const COMMON_PARAMETERS: ReadonlySet<string> = new Set([
  'Action',
  'Version',
  'Format',
  'AccessKeyId',
  'Signature',
  'SignatureMethod',
  'SignatureVersion',
  'SignatureNonce',
  'SignatureType',
  'Timestamp',
  'SecurityToken',
  'BearerToken',
  'RegionId',
  'OwnerId',
  'OwnerAccount',
  'ResourceOwnerId',
  'ResourceOwnerAccount',
  'CallerParentId',
]);

/**
 * pop-core sends a parameter whose value is `undefined` as the literal text
 * "undefined" (it stringifies every value). For an optional parameter that
 * can only mean "not given", so it counts as absent. A required parameter
 * keeps the text: the real gateway would take it at its word.
 */
const POP_CORE_UNDEFINED = 'undefined';

const INTEGER_TEXT = /^[+-]?\d+$/;
const BOOLEAN_TEXT: Readonly<Record<string, boolean>> = { true: true, false: false };
const LIST_INDEX_TEXT = /^[1-9]\d*$/;

/** Where the build writes one standalone validator module per operation. */
export const VALIDATORS_DIR = join(__dirname, 'validators');

/** Reads one documented parameter out of the flat request parameters. */
interface ParameterReader {
  /** Whether a flat key belongs to this parameter (`Name`, `Name.1`, `Name.1.Key`). */
  claims(key: string): boolean;
  /** The typed value, or undefined when the request does not give one. */
  read(params: Params): unknown;
  name: string;
}

interface CompiledOperation {
  readers: ParameterReader[];
  validate: ValidateFunction;
}

const compiledOperations = new Map<string, CompiledOperation>();

/** The operation's documented parameters from a request's flat ones, typed; absent optional ones omitted. */
export function validateParams(action: string, params: Params, options: ValidateOptions): Record<string, unknown> {
  const { readers, validate } = compiledOperation(action);
  if (options.strictParams) rejectUnknownParams(readers, params);
  const values: Record<string, unknown> = {};
  for (const reader of readers) {
    const value = reader.read(params);
    if (value !== undefined) values[reader.name] = value;
  }
  if (!validate(values)) throw toApiError(validate.errors![0]);
  return values;
}

/** Loaded on first use, then cached: start-up never pays for 205 validators. */
function compiledOperation(action: string): CompiledOperation {
  let compiled = compiledOperations.get(action);
  if (!compiled) {
    const operation = getOperation(action);
    if (!operation) throw new Error(`Unknown action: ${action}`);
    compiled = {
      readers: operation.parameters.map(parameterReader),
      validate: precompiledValidator(action),
    };
    compiledOperations.set(action, compiled);
  }
  return compiled;
}

/** The build's standalone validator of an operation (a spec name, never request text, names the file). */
export function precompiledValidator(action: string): ValidateFunction {
  const file = join(VALIDATORS_DIR, `${action}.js`);
  try {
    return require(file) as ValidateFunction;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND' && (error as Error).message.includes(file)) {
      throw new Error(`The request validator of ${action} (${file}) is missing: run \`npm run build\`, which generates the validators after tsc.`);
    }
    throw error;
  }
}

function rejectUnknownParams(readers: ParameterReader[], params: Params): void {
  const unknown = Object.keys(params).filter(
    (key) => !COMMON_PARAMETERS.has(key) && !readers.some((reader) => reader.claims(key)),
  );
  if (unknown.length > 0) {
    const { status, message } = catalogue['InvalidParameter.Unknown'];
    throw customError('InvalidParameter.Unknown', status, `${message} ${unknown.join(', ')}`);
  }
}

// ---- Reading the flat parameters ----------------------------------------

function parameterReader(parameter: ParameterSpec): ParameterReader {
  return parameter.type === 'array' ? listReader(parameter) : scalarReader(parameter);
}

function scalarReader(parameter: ParameterSpec): ParameterReader {
  return {
    name: parameter.name,
    claims: (key) => key === parameter.name,
    read: (params) => {
      const text = params[parameter.name];
      return isAbsent(text, parameter.required) ? undefined : fromText(text, parameter);
    },
  };
}

/**
 * A repeat list: `Name.1`, `Name.2`, ... for scalar items, `Name.1.Key`,
 * `Name.1.Value`, ... for object items, folded into an array in index order.
 */
function listReader(parameter: ParameterSpec): ParameterReader {
  const items = parameter.items!;
  const propertyNames = Object.keys(items.properties ?? {});
  const prefix = escapeRegExp(parameter.name);
  // Group 1 is the index (checked later, so a bad one is reported, not ignored); group 2 the property.
  const keyPattern = items.type === 'object'
    ? new RegExp(`^${prefix}\\.([^.]*)\\.(${propertyNames.map(escapeRegExp).join('|')})$`)
    : new RegExp(`^${prefix}\\.([^.]*)$`);
  return {
    name: parameter.name,
    claims: (key) => key === parameter.name || keyPattern.test(key),
    read: (params) => {
      rejectUnindexedList(parameter.name, params[parameter.name]);
      const elements = new Map<number, unknown>();
      for (const [key, text] of Object.entries(params)) {
        const match = keyPattern.exec(key);
        if (!match) continue;
        const index = listIndex(parameter.name, key, match[1]);
        if (items.type === 'object') {
          setProperty(elements, index, match[2], text, items.properties![match[2]]);
        } else {
          elements.set(index, fromText(text, items));
        }
      }
      return elements.size === 0 ? undefined : inIndexOrder(parameter.name, elements);
    },
  };
}

/** An empty property counts as absent, like an empty parameter. */
function setProperty(elements: Map<number, unknown>, index: number, property: string, text: string, spec: ValueSpec): void {
  const element = (elements.get(index) ?? {}) as Record<string, unknown>;
  if (text !== '') element[property] = fromText(text, spec);
  elements.set(index, element);
}

/** `Name=value` for a list would silently be lost: say how lists are sent instead. */
function rejectUnindexedList(name: string, text: string | undefined): void {
  if (!isAbsent(text, false)) {
    throw invalidParameter(name, `a list is sent as ${name}.1, ${name}.2, ... (one parameter per item)`);
  }
}

function listIndex(name: string, key: string, text: string): number {
  if (!LIST_INDEX_TEXT.test(text)) {
    throw invalidParameter(name, `${key} has no valid index: list items are numbered 1, 2, 3, ...`);
  }
  return Number(text);
}

function inIndexOrder(name: string, elements: Map<number, unknown>): unknown[] {
  const indexes = [...elements.keys()].sort((a, b) => a - b);
  const gap = indexes.findIndex((index, position) => index !== position + 1);
  if (gap !== -1) {
    throw invalidParameter(name, `${name}.${gap + 1} is missing: list items are numbered 1, 2, 3, ... without gaps`);
  }
  return indexes.map((index) => elements.get(index));
}

function isAbsent(text: string | undefined, required: boolean): boolean {
  return text === undefined || text === '' || (!required && text === POP_CORE_UNDEFINED);
}

/**
 * The typed value of a wire text. Text that does not convert stays text,
 * so the schema check reports it with the parameter's name.
 */
function fromText(text: string, spec: ValueSpec): unknown {
  if (spec.type === 'integer') return INTEGER_TEXT.test(text) ? Number(text) : text;
  if (spec.type === 'boolean') return BOOLEAN_TEXT[text.toLowerCase()] ?? text;
  return text;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// ---- Checking the typed values ------------------------------------------

/** ajv's first error as the gateway's error, named the way the client sent it (`Tag.1.Key`). */
function toApiError(error: ErrorObject): ApiError {
  const path = wireName(error.instancePath);
  if (error.keyword === 'required') {
    const missing = (error.params as { missingProperty: string }).missingProperty;
    return missingParameter(path ? `${path}.${missing}` : missing);
  }
  return invalidParameter(path, reason(error));
}

/** `/Tag/0/Key` -> `Tag.1.Key`: array positions become the 1-based wire index. */
function wireName(instancePath: string): string {
  return instancePath
    .split('/')
    .slice(1)
    .map((segment) => (/^\d+$/.test(segment) ? String(Number(segment) + 1) : segment))
    .join('.');
}

function reason(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'type':
      return params.type === 'integer' ? 'must be an integer' : params.type === 'boolean' ? 'must be true or false' : `must be of type ${params.type}`;
    case 'format':
      return params.format === 'int32'
        ? `must be an integer from ${INT32_RANGE.minimum} to ${INT32_RANGE.maximum}`
        : `must be an integer from ${Number.MIN_SAFE_INTEGER} to ${Number.MAX_SAFE_INTEGER} (the emulator's range for 64-bit integers)`;
    case 'enum':
      return `must be one of: ${(params.allowedValues as string[]).join(', ')}`;
    case 'minimum':
      return `must be at least ${params.limit}`;
    case 'maximum':
      return `must be at most ${params.limit}`;
    case 'minLength':
      return `must be at least ${params.limit} characters long`;
    case 'maxLength':
      return `must be at most ${params.limit} characters long`;
    case 'maxItems':
      return `must have at most ${params.limit} items`;
    default:
      return error.message ?? 'is not valid';
  }
}
