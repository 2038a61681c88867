/**
 * A documented-shape answer for an operation without a stateful
 * implementation (`--unimplemented example`): every field of the response
 * schema, with its documented example where there is one.
 */
import { getOperation, type ResponseSchema, type ValueType } from './index';

/** Stand-ins for fields without a usable example. */
const PLACEHOLDERS = { string: 'string', integer: 0, boolean: false } as const;

const INTEGER_TEXT = /^-?\d+$/;

const synthesized = new Map<string, Record<string, unknown>>();

/**
 * The operation's response body without RequestId (the renderer adds it):
 * documented nesting and JSON types, one element per list. Deterministic;
 * each call returns a fresh copy, so a caller may change it.
 */
export function synthesizeResponse(action: string): Record<string, unknown> {
  let body = synthesized.get(action);
  if (!body) {
    const operation = getOperation(action);
    if (!operation) throw new Error(`Unknown action: ${action}`);
    const { RequestId: _renderedSeparately, ...fields } = operation.response.properties ?? {};
    body = objectValue(fields);
    synthesized.set(action, body);
  }
  return structuredClone(body);
}

/**
 * The documented example in the field's own JSON type, or undefined when
 * there is none or it does not fit the type (the metadata masks some
 * numbers, e.g. "12****", and has a boolean documented as "fec").
 */
export function typedExample(schema: { type: ValueType; example?: string }): string | number | boolean | undefined {
  const { example } = schema;
  if (example === undefined) return undefined;
  switch (schema.type) {
    case 'integer':
      return INTEGER_TEXT.test(example) ? Number(example) : undefined;
    case 'boolean':
      return example === 'true' || example === 'false' ? example === 'true' : undefined;
    case 'string':
      return example;
    default:
      return undefined;
  }
}

function exampleValue(schema: ResponseSchema): unknown {
  switch (schema.type) {
    case 'object':
      return objectValue(schema.properties ?? {});
    case 'array':
      return schema.items ? [exampleValue(schema.items)] : [];
    default:
      return typedExample(schema) ?? PLACEHOLDERS[schema.type];
  }
}

function objectValue(properties: Record<string, ResponseSchema>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(properties).map(([name, property]) => [name, exampleValue(property)]));
}
