/**
 * An OpenAPI 3.1 description of the whole API, generated from the spec.
 *
 * Every RPC operation is served at `/` and told apart only by its Action
 * parameter, but OpenAPI keys path items by path and a key cannot repeat.
 * Each operation therefore gets the key `/#Action=<Name>`, the convention of
 * the published OpenAPI descriptions of other Action-style APIs (AWS's query
 * APIs among them): a path must not hold a query (`?`, which linters refuse),
 * while a fragment is never sent, so a client calls `/` exactly as the
 * gateway expects. The Action itself travels as a required query parameter
 * whose only allowed value is the operation's name.
 */
import { spec, type OperationSpec, type ParameterSpec, type ResponseSchema, type ValueSpec } from './index';
import { typedExample } from './synthesize';

type JsonObject = Record<string, unknown>;

const ERROR_SCHEMA_REF = { $ref: '#/components/schemas/Error' };

/** The gateway answers these for any operation before its own codes. */
const GATEWAY_PARAMETER_ERRORS = [
  '`Missing<Parameter>`: <Parameter> is mandatory for this action.',
  '`InvalidParameter`: Specified parameter <Parameter> is not valid.',
];

let cachedDocument: JsonObject | undefined;

/**
 * The document, built on first use. `serverUrl` (e.g. the emulator's own
 * address) becomes the only server; without it the real regional endpoints
 * are listed.
 */
export function buildOpenApiDocument(serverUrl?: string): object {
  cachedDocument ??= buildDocument();
  const { openapi, info, ...rest } = cachedDocument;
  return { openapi, info, servers: servers(serverUrl), ...rest };
}

function buildDocument(): JsonObject {
  return {
    openapi: '3.1.0',
    info: {
      title: `${spec.product} API (emulated)`,
      version: spec.version,
      description: 'Alibaba Cloud Smart Access Gateway RPC API as the emulator serves it. '
        + 'Parameters travel in the query string (or a form body on POST); lists are flattened as Name.1, Name.2, ...',
    },
    tags: spec.groups.map((group) => ({ name: group.name })),
    paths: Object.fromEntries(Object.entries(spec.operations).map(([name, operation]) => [operationPath(name), pathItem(name, operation)])),
    components: { schemas: { Error: errorSchema() } },
  };
}

/** The key of an operation's path item. */
function operationPath(action: string): string {
  return `/#Action=${action}`;
}

function servers(serverUrl: string | undefined): JsonObject[] {
  if (serverUrl) return [{ url: serverUrl }];
  return spec.endpoints.map((endpoint) => ({ url: `https://${endpoint.endpoint}`, description: endpoint.regionId }));
}

function pathItem(name: string, operation: OperationSpec): JsonObject {
  const item: JsonObject = {
    parameters: [...commonParameters(name), ...operation.parameters.map(queryParameter)],
  };
  const operationResponses = responses(operation);
  for (const method of operation.methods) {
    item[method] = {
      operationId: `${method}${name}`,
      tags: [operation.group],
      ...(operation.deprecated ? { deprecated: true } : {}),
      responses: operationResponses,
    };
  }
  return item;
}

function commonParameters(name: string): JsonObject[] {
  return [
    { name: 'Action', in: 'query', required: true, schema: { type: 'string', enum: [name] } },
    { name: 'Version', in: 'query', required: true, schema: { type: 'string', enum: [spec.version] } },
    { name: 'Format', in: 'query', required: false, schema: { type: 'string', enum: ['JSON', 'XML'], default: 'JSON' } },
  ];
}

function queryParameter(parameter: ParameterSpec): JsonObject {
  const { name, required } = parameter;
  if (parameter.type !== 'array') return { name, in: 'query', required, schema: valueSchema(parameter) };
  return { name, in: 'query', required, ...listSerialization(parameter) };
}

/**
 * OpenAPI has no style for `Name.1=a&Name.2=b`. A form-style exploded
 * object parameter is sent as one `key=value` pair per property, so an
 * object whose property names are the flattened keys describes the wire
 * exactly; the description says how the keys are formed.
 */
function listSerialization(parameter: ParameterSpec): JsonObject {
  const items = parameter.items!;
  const properties = Object.entries(items.properties ?? {});
  const isObjectList = items.type === 'object';
  const keys = isObjectList
    ? properties.map(([property, spec]) => `${parameter.name}.N.${property} (${spec.type}${spec.required ? ', required' : ''})`).join(', ')
    : `${parameter.name}.N (${items.type})`;
  const limit = parameter.maxItems === undefined ? '' : `; at most ${parameter.maxItems} items`;
  const schema: JsonObject = {
    type: 'object',
    additionalProperties: isObjectList ? true : valueSchema(items),
  };
  if (parameter.maxItems !== undefined) schema.maxProperties = parameter.maxItems * (isObjectList ? properties.length : 1);
  return {
    description: `A list, sent as ${keys} with N = 1, 2, 3, ... and no gaps${limit}.`,
    style: 'form',
    explode: true,
    schema,
  };
}

function valueSchema(spec: ValueSpec): JsonObject {
  const schema: JsonObject = { type: spec.type };
  for (const keyword of ['format', 'enum', 'minimum', 'maximum', 'minLength', 'maxLength', 'default'] as const) {
    if (spec[keyword] !== undefined) schema[keyword] = spec[keyword];
  }
  const example = typedExample(spec);
  if (example !== undefined) schema.example = example;
  return schema;
}

function responses(operation: OperationSpec): JsonObject {
  const result: JsonObject = {
    200: { description: 'Success', content: { 'application/json': { schema: successSchema(operation.response) } } },
  };
  for (const [status, lines] of errorLinesByStatus(operation)) {
    result[status] = {
      description: `Error codes:\n- ${lines.join('\n- ')}`,
      content: { 'application/json': { schema: ERROR_SCHEMA_REF } },
    };
  }
  return result;
}

/** Documented codes by HTTP status, with the gateway's parameter errors under 400. */
function errorLinesByStatus(operation: OperationSpec): Map<number, string[]> {
  const byStatus = new Map<number, string[]>([[400, [...GATEWAY_PARAMETER_ERRORS]]]);
  for (const error of operation.errors) {
    byStatus.set(error.status, [...(byStatus.get(error.status) ?? []), `\`${error.code}\`: ${error.message}`]);
  }
  return new Map([...byStatus].sort(([a], [b]) => a - b));
}

function successSchema(response: ResponseSchema): JsonObject {
  const schema = responseSchema(response);
  schema.properties = { RequestId: { type: 'string' }, ...(schema.properties as JsonObject | undefined) };
  schema.required = ['RequestId'];
  return schema;
}

function responseSchema(response: ResponseSchema): JsonObject {
  const schema: JsonObject = { type: response.type };
  if (response.format) schema.format = response.format;
  if (response.enum) schema.enum = response.enum;
  if (response.properties) {
    schema.properties = Object.fromEntries(Object.entries(response.properties).map(([name, property]) => [name, responseSchema(property)]));
  }
  if (response.items) schema.items = responseSchema(response.items);
  const example = typedExample(response);
  if (example !== undefined) schema.example = example;
  return schema;
}

function errorSchema(): JsonObject {
  const text = { type: 'string' };
  return {
    type: 'object',
    required: ['RequestId', 'HostId', 'Code', 'Message', 'Recommend'],
    properties: {
      RequestId: text,
      HostId: text,
      Code: text,
      Message: text,
      Recommend: { type: 'string', format: 'uri' },
      Description: text,
    },
  };
}
