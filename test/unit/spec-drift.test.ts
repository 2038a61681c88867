import { existsSync, readFileSync } from 'node:fs';
import t from 'tap';
import { apiDocsPath, generateSpec, serializeSpec, SPEC_PATH, type ApiDocs } from '../../scripts/gen-spec';
import { endpoints, getOperation, operationNames, regions, spec } from '../../src/spec/index';

const committed = readFileSync(SPEC_PATH, 'utf8');
const metadataPath = apiDocsPath();
const metadataMissing = existsSync(metadataPath)
  ? false
  : `metadata not found at ${metadataPath}: drift not checked (set SMARTAG_API_DOCS to point at api-docs.json)`;

/** Han, kana, Hangul and CJK/full-width punctuation. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;

function* stringsIn(value: unknown): Generator<string> {
  if (typeof value === 'string') yield value;
  else if (Array.isArray(value)) for (const item of value) yield* stringsIn(item);
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      yield key;
      yield* stringsIn(item);
    }
  }
}

t.test('regenerating from the metadata gives exactly the committed spec', { skip: metadataMissing }, async (t) => {
  const apiDocs = JSON.parse(readFileSync(metadataPath, 'utf8')) as ApiDocs;
  const first = serializeSpec(generateSpec(apiDocs));
  t.equal(first, committed, 'run `npm run gen:spec` and commit the result');
  t.equal(serializeSpec(generateSpec(apiDocs)), first, 'deterministic');
});

t.test('the committed spec is 2-space JSON with a trailing newline', async (t) => {
  t.equal(committed, serializeSpec(JSON.parse(committed)));
  t.ok(committed.endsWith('}\n'));
});

t.test('no string in the committed spec contains CJK characters', async (t) => {
  const leaked = [...stringsIn(spec)].filter((text) => CJK.test(text));
  t.same(leaked, []);
});

t.test('205 operations: the 203 of the metadata plus the two CCN-CEN ones', async (t) => {
  t.equal(operationNames().length, 205);
  t.same(operationNames(), [...operationNames()].sort(), 'sorted by name');
  for (const name of ['AttachCcnInstanceToCen', 'DetachCcnInstanceFromCen']) {
    const operation = getOperation(name)!;
    t.equal(operation.group, 'Cloud connect networks', `${name} sits with the other CCN operations`);
    t.same(operation.parameters, [
      { name: 'RegionId', type: 'string', required: true },
      { name: 'CcnInstanceId', type: 'string', required: true },
      { name: 'CenId', type: 'string', required: true },
      { name: 'CenUid', type: 'string', required: false },
    ]);
    t.same(operation.response, { type: 'object', properties: { RequestId: { type: 'string' } } });
  }
  const grouped = spec.groups.flatMap((group) => group.operations).sort();
  t.same(grouped, operationNames(), 'every operation is in exactly one group');
  t.notOk(spec.groups.some((group) => group.name === 'Other'), 'every directory has an English name');
});

t.test('top level: product, version, endpoints', async (t) => {
  t.same(Object.keys(spec), ['product', 'version', 'endpoints', 'groups', 'operations']);
  t.equal(spec.product, 'Smartag');
  t.equal(spec.version, '2018-03-13');
  t.equal(endpoints.length, 10);
  t.same(endpoints[0], { regionId: 'cn-shanghai', endpoint: 'smartag.cn-shanghai.aliyuncs.com' });
  t.ok(regions.includes('cn-hangzhou'));
});

t.test('RoamClientUser entry', async (t) => {
  const operation = getOperation('RoamClientUser')!;
  t.same(Object.keys(operation), ['group', 'methods', 'operationType', 'deprecated', 'parameters', 'response', 'errors']);
  t.equal(operation.group, 'Client accounts');
  t.same(operation.parameters.map((parameter) => parameter.name), ['RegionId', 'OriginSmartAGId', 'TargetSmartAGId', 'OriginRegionId', 'UserName']);
  t.ok(operation.parameters.every((parameter) => parameter.required && parameter.type === 'string'));
  t.same(operation.errors[0], { code: 'SAG.InstanceNoFound', status: 400, message: 'The specified SAG instance does not exist.' });
  t.equal(operation.errors.length, 10);
});

t.test('typed facts: ranges and defaults are numbers, examples stay wire text, styles kept', async (t) => {
  const probeInterval = getOperation('CreateHealthCheck')!.parameters.find((parameter) => parameter.name === 'ProbeInterval');
  t.same(probeInterval, {
    name: 'ProbeInterval', type: 'integer', format: 'int32', required: false, minimum: 1000, maximum: 60000, default: 2000, example: '2000',
  });
  const tag = getOperation('DescribeCloudConnectNetworks')!.parameters.find((parameter) => parameter.name === 'Tag');
  t.same(tag, {
    name: 'Tag',
    type: 'array',
    required: false,
    style: 'repeatList',
    maxItems: 20,
    items: {
      type: 'object',
      properties: {
        Key: { type: 'string', required: false, example: 'test' },
        Value: { type: 'string', required: false, example: 'test' },
      },
    },
  });
  const configs = getOperation('AssociateSmartAGWithApplicationBandwidthPackage')!.parameters.find((parameter) => parameter.name === 'AssociateConfigs');
  t.equal(configs?.style, 'flat');
});

t.test('error messages are verbatim, stray whitespace included', async (t) => {
  const messages = Object.values(spec.operations).flatMap((operation) => operation.errors);
  t.ok(messages.some((error) => error.code === 'SagConfiguring' && error.message === 'Sag is configuring.\t'));
  t.ok(messages.some((error) => error.code === 'InvalidId.SMARTAG' && error.message.startsWith(' The specified')));
  t.ok(messages.every((error) => Number.isInteger(error.status)));
});
