import t from 'tap';
import { getOperation, operationNames, spec } from '../../src/spec/index';
import { buildOpenApiDocument } from '../../src/spec/openapi';
import Ajv2020 from 'ajv/dist/2020';
// ESM only; Node 20 loads it with require().
import { Validator } from '@seriousme/openapi-schema-validator';

type Json = Record<string, any>;

const document = buildOpenApiDocument('http://127.0.0.1:8080') as Json;

function parameter(action: string, name: string): Json | undefined {
  return (document.paths[`/#Action=${action}`].parameters as Json[]).find((candidate) => candidate.name === name);
}

function* refsIn(value: unknown): Generator<string> {
  if (Array.isArray(value)) for (const item of value) yield* refsIn(item);
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === '$ref') yield item as string;
      else yield* refsIn(item);
    }
  }
}

t.test('a valid OpenAPI 3.1 document, by the OpenAPI schema validator', async (t) => {
  const validator = new Validator();
  const result = await validator.validate(JSON.parse(JSON.stringify(document)));
  t.strictSame(result, { valid: true });
  t.equal(validator.version, '3.1');
});

t.test('what linters check beyond the schema: no query in a path, valid JSON Schemas', async (t) => {
  const paths = Object.keys(document.paths);
  t.strictSame(paths.filter((path) => path.includes('?')), [], 'no path holds a query (Spectral path-not-include-query)');
  t.strictSame(paths.filter((path) => !/^\/#Action=[A-Za-z0-9]+$/.test(path)), [], 'every key is the Action as a fragment, which is never sent');
  // Every Schema Object must be valid JSON Schema 2020-12, the dialect of OpenAPI 3.1.
  const ajv = new Ajv2020({ strict: false });
  const schemas: unknown[] = [document.components.schemas.Error];
  for (const item of Object.values(document.paths) as Json[]) {
    for (const parameter of item.parameters as Json[]) schemas.push(parameter.schema);
    for (const method of ['get', 'post']) {
      for (const response of Object.values(item[method].responses) as Json[]) schemas.push(response.content['application/json'].schema);
    }
  }
  const invalid = schemas.filter((schema) => !ajv.validateSchema(schema as object));
  t.equal(invalid.length, 0, `${schemas.length} schemas, all valid JSON Schema`);
});

t.test('an OpenAPI 3.1 document with one path item per operation: 205', async (t) => {
  t.equal(document.openapi, '3.1.0');
  t.equal(document.info.version, '2018-03-13');
  t.same(document.servers, [{ url: 'http://127.0.0.1:8080' }]);
  const paths = Object.keys(document.paths);
  t.equal(paths.length, 205);
  t.same(paths, operationNames().map((name) => `/#Action=${name}`));
  t.ok(paths.every((path) => path.startsWith('/')));
});

t.test('GET and POST per operation, unique operation ids, tagged by group', async (t) => {
  const ids = new Set<string>();
  for (const name of operationNames()) {
    const item = document.paths[`/#Action=${name}`];
    t.same(Object.keys(item).filter((key) => key !== 'parameters').sort(), ['get', 'post'], name);
    for (const method of ['get', 'post']) {
      ids.add(item[method].operationId);
      t.same(item[method].tags, [getOperation(name)!.group]);
    }
  }
  t.equal(ids.size, 2 * 205);
  t.same(document.tags.map((tag: Json) => tag.name), spec.groups.map((group) => group.name));
});

t.test('query parameters: Action and Version fixed, documented ones typed', async (t) => {
  t.same(parameter('RoamClientUser', 'Action'), { name: 'Action', in: 'query', required: true, schema: { type: 'string', enum: ['RoamClientUser'] } });
  t.same(parameter('RoamClientUser', 'Version'), { name: 'Version', in: 'query', required: true, schema: { type: 'string', enum: ['2018-03-13'] } });
  t.same(parameter('RoamClientUser', 'UserName'), { name: 'UserName', in: 'query', required: true, schema: { type: 'string', example: 'nametest' } });
  t.same(parameter('ListSmartAGByAccessPoint', 'PageSize'), {
    name: 'PageSize', in: 'query', required: false, schema: { type: 'integer', format: 'int32', minimum: 1, maximum: 50, default: 10, example: 5 },
  });
  t.same(parameter('ListDpiConfigError', 'DpiConfigType')!.schema.enum, ['acl', 'qos']);
  t.same(parameter('DescribeSmartAccessGateways', 'CanAssociateQos')!.schema, { type: 'boolean', example: false });
});

t.test('repeat lists are exploded form objects whose keys are the flattened names', async (t) => {
  t.same(parameter('DescribeUserFlowStatistics', 'UserNames'), {
    name: 'UserNames',
    in: 'query',
    required: true,
    description: 'A list, sent as UserNames.N (string) with N = 1, 2, 3, ... and no gaps; at most 50 items.',
    style: 'form',
    explode: true,
    schema: { type: 'object', additionalProperties: { type: 'string', example: 'doctest' }, maxProperties: 50 },
  });
  const tag = parameter('DescribeCloudConnectNetworks', 'Tag')!;
  t.equal(tag.description, 'A list, sent as Tag.N.Key (string), Tag.N.Value (string) with N = 1, 2, 3, ... and no gaps; at most 20 items.');
  t.equal(tag.schema.maxProperties, 40);
});

t.test('200: the documented response plus a required RequestId', async (t) => {
  const schema = document.paths['/#Action=DescribeSmartAccessGateways'].post.responses['200'].content['application/json'].schema;
  t.same(schema.required, ['RequestId']);
  t.equal(Object.keys(schema.properties)[0], 'RequestId');
  const gateway = schema.properties.SmartAccessGateways.properties.SmartAccessGateway;
  t.equal(gateway.type, 'array');
  t.same(gateway.items.properties.CreateTime, { type: 'integer', format: 'int64', example: 1622617250000 });
  const attach = document.paths['/#Action=AttachCcnInstanceToCen'].get.responses['200'].content['application/json'].schema;
  t.same(attach, { type: 'object', properties: { RequestId: { type: 'string' } }, required: ['RequestId'] });
});

t.test('errors: the envelope schema, and each operation\'s codes in its responses by status', async (t) => {
  t.same(document.components.schemas.Error.required, ['RequestId', 'HostId', 'Code', 'Message', 'Recommend']);
  const roam = document.paths['/#Action=RoamClientUser'].post.responses;
  t.same(Object.keys(roam), ['200', '400']);
  t.same(roam['400'].content['application/json'].schema, { $ref: '#/components/schemas/Error' });
  const description: string = roam['400'].description;
  t.match(description, '- `Missing<Parameter>`: <Parameter> is mandatory for this action.');
  for (const error of getOperation('RoamClientUser')!.errors) t.match(description, `- \`${error.code}\`: ${error.message}`);
  const regions = document.paths['/#Action=DescribeRegions'].get.responses;
  t.match(regions['501'].description, '`InnerServiceFailed`: Call inner service failed.');
  const refs = [...new Set(refsIn(document))];
  t.same(refs, ['#/components/schemas/Error'], 'every $ref resolves');
});

t.test('built once: later calls reuse the cached document', async (t) => {
  const again = buildOpenApiDocument() as Json;
  t.equal(again.paths, document.paths);
  t.same(again.servers[0], { url: 'https://smartag.cn-shanghai.aliyuncs.com', description: 'cn-shanghai' }, 'real endpoints without a server URL');
  t.equal(again.servers.length, 10);
  t.doesNotThrow(() => JSON.stringify(again));
});
