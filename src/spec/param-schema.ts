/**
 * The JSON Schema of an operation's typed parameters (what
 * src/spec/validate.ts builds from the flat request), derived from the
 * spec. scripts/gen-validators.ts compiles one per operation at build
 * time; nothing compiles them at run time.
 */
import type { OperationSpec, ValueSpec } from './types';

export function operationSchema(operation: OperationSpec): object {
  return {
    type: 'object',
    // Listed in documented order, so the first missing one is the first the documentation names.
    required: operation.parameters.filter((parameter) => parameter.required).map((parameter) => parameter.name),
    properties: Object.fromEntries(operation.parameters.map((parameter) => [parameter.name, valueSchema(parameter)])),
  };
}

export function valueSchema(spec: ValueSpec): object {
  const schema: Record<string, unknown> = { type: spec.type };
  for (const keyword of ['format', 'enum', 'minimum', 'maximum', 'minLength', 'maxLength', 'maxItems'] as const) {
    if (spec[keyword] !== undefined) schema[keyword] = spec[keyword];
  }
  if (spec.items) schema.items = valueSchema(spec.items);
  if (spec.properties) {
    const properties = Object.entries(spec.properties);
    schema.properties = Object.fromEntries(properties.map(([name, property]) => [name, valueSchema(property)]));
    schema.required = properties.filter(([, property]) => property.required).map(([name]) => name);
  }
  return schema;
}
