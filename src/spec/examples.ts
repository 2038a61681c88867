/**
 * Requests built from the spec alone, for tests: the smallest parameter
 * set each operation accepts.
 */
import type { Params } from '../protocol/api-request';
import { getOperation, regions, type ParameterSpec, type ValueSpec } from './index';

const INTEGER_TEXT = /^-?\d+$/;

/** What validation accepts per format (int64: what a double holds exactly). */
const FORMAT_RANGES = {
  int32: { minimum: -2147483648, maximum: 2147483647 },
  int64: { minimum: Number.MIN_SAFE_INTEGER, maximum: Number.MAX_SAFE_INTEGER },
};

/**
 * Every required parameter of the action and nothing else, as flat wire
 * parameters (`UserNames.1=...`), with the documented example wherever it
 * passes the parameter's own checks (one int64 example has 19 digits,
 * more than the emulator keeps exactly). RegionId is always a documented
 * region (one example in the metadata is misspelt).
 */
export function minimalValidParams(action: string): Params {
  const operation = getOperation(action);
  if (!operation) throw new Error(`Unknown action: ${action}`);
  const params: Params = {};
  for (const parameter of operation.parameters) {
    if (parameter.required) Object.assign(params, wireParams(parameter));
  }
  return params;
}

/** A list gets one item; an object item its required properties (or its first, if none is). */
function wireParams(parameter: ParameterSpec): Params {
  const { name } = parameter;
  if (parameter.type !== 'array') {
    return { [name]: name === 'RegionId' ? regionText(parameter) : validText(parameter) };
  }
  const items = parameter.items!;
  if (items.type !== 'object') return { [`${name}.1`]: validText(items) };
  const properties = Object.entries(items.properties ?? {});
  const required = properties.filter(([, property]) => property.required);
  const chosen = required.length > 0 ? required : properties.slice(0, 1);
  return Object.fromEntries(chosen.map(([property, spec]) => [`${name}.1.${property}`, validText(spec)]));
}

function regionText(parameter: ParameterSpec): string {
  return parameter.example !== undefined && regions.includes(parameter.example) ? parameter.example : regions[0];
}

/** The documented example if it is valid for the value's type, enum and range; else a valid stand-in. */
function validText(spec: ValueSpec): string {
  const { example } = spec;
  if (spec.enum) return example !== undefined && spec.enum.includes(example) ? example : spec.enum[0];
  switch (spec.type) {
    case 'integer':
      return example !== undefined && isIntegerInRange(example, spec) ? example : String(spec.minimum ?? Math.min(1, spec.maximum ?? 1));
    case 'boolean':
      return example === 'true' || example === 'false' ? example : 'false';
    default:
      return example || 'example';
  }
}

function isIntegerInRange(text: string, spec: ValueSpec): boolean {
  if (!INTEGER_TEXT.test(text)) return false;
  const value = Number(text);
  const formatRange = spec.format ? FORMAT_RANGES[spec.format] : { minimum: -Infinity, maximum: Infinity };
  return value >= Math.max(spec.minimum ?? -Infinity, formatRange.minimum) && value <= Math.min(spec.maximum ?? Infinity, formatRange.maximum);
}
