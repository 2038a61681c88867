/**
 * Checks a response body against the documented response schema: the same
 * field names, nesting and JSON types, every documented field present and
 * nothing undocumented. Stateful operations are tested with it.
 */
import Ajv, { type ValidateFunction } from 'ajv';
import { getOperation } from './index';
import type { ResponseSchema } from './types';

const ajv = new Ajv({ allErrors: true, strict: false });
const cache = new Map<string, ValidateFunction>();

function toJsonSchema(schema: ResponseSchema): object {
  switch (schema.type) {
    case 'object': {
      const properties = schema.properties ?? {};
      return {
        type: 'object',
        properties: Object.fromEntries(Object.entries(properties).map(([name, inner]) => [name, toJsonSchema(inner)])),
        required: Object.keys(properties),
        additionalProperties: false,
      };
    }
    case 'array':
      return { type: 'array', items: schema.items ? toJsonSchema(schema.items) : {} };
    default:
      return { type: schema.type };
  }
}

/** Problems with `body` (RequestId included) as readable strings; empty when it conforms. */
export function checkResponse(action: string, body: unknown): string[] {
  let validate = cache.get(action);
  if (!validate) {
    const operation = getOperation(action);
    if (!operation) return [`unknown action ${action}`];
    validate = ajv.compile(toJsonSchema(operation.response));
    cache.set(action, validate);
  }
  if (validate(body)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}${e.params && 'additionalProperty' in e.params ? ` (${e.params.additionalProperty})` : ''}`);
}
