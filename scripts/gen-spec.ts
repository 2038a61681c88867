/**
 * Derives src/spec/smartag-2018-03-13.json from Alibaba Cloud's api-docs
 * metadata (see ../shared/smartag-api/SOURCE.md). Only facts cross over:
 * names, types, ranges, list shapes, response structure with example
 * values, error codes with their exact messages, endpoints. Titles,
 * summaries, descriptions and any example written in Chinese stay behind,
 * and groups get English names from the hand-written map below.
 *
 * Run: npm run gen:spec   (SMARTAG_API_DOCS overrides the metadata path)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type {
  EndpointSpec,
  ErrorSpecEntry,
  GroupSpec,
  IntegerFormat,
  OperationSpec,
  OperationType,
  ParameterSpec,
  ParameterStyle,
  ResponseSchema,
  Spec,
  ValueSpec,
  ValueType,
} from '../src/spec/types';

/** The metadata as far as the generator reads it. */
interface DocsSchema {
  type: string;
  format?: string;
  required?: boolean;
  enum?: string[];
  minimum?: string | number;
  maximum?: string | number;
  minLength?: string | number;
  maxLength?: string | number;
  maxItems?: string | number;
  items?: DocsSchema;
  properties?: Record<string, DocsSchema>;
  default?: string;
  example?: string;
}

interface DocsParameter {
  name: string;
  in: string;
  style?: string;
  schema: DocsSchema;
}

interface DocsErrorCode {
  errorCode: string;
  errorMessage: string;
}

interface DocsApi {
  methods: string[];
  operationType?: string;
  deprecated?: boolean;
  parameters: DocsParameter[];
  responses: Record<string, { schema: DocsSchema }>;
  errorCodes?: Record<string, DocsErrorCode[]>;
}

interface DocsDirectory {
  id: number;
  children: Array<string | DocsDirectory>;
}

export interface ApiDocs {
  info: { product: string; version: string };
  directories: DocsDirectory[];
  apis: Record<string, DocsApi>;
  endpoints: EndpointSpec[];
}

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const SPEC_PATH = path.join(REPO_ROOT, 'src', 'spec', 'smartag-2018-03-13.json');

/** The metadata file: $SMARTAG_API_DOCS (relative to the repo root) or the shared copy. */
export function apiDocsPath(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(REPO_ROOT, env.SMARTAG_API_DOCS ?? path.join('..', 'shared', 'smartag-api', 'api-docs.json'));
}

/**
 * English names for the metadata's directories (whose titles are Chinese),
 * keyed by directory id. An operation takes the name of the directory that
 * lists it; directories that only hold other directories need no entry.
 */
const GROUP_NAMES: Record<number, string> = {
  74745: 'SAG instances',
  185275: 'CCN bindings',
  185277: 'VBR bindings',
  74750: 'SNAT and DNAT',
  74865: 'Route distribution strategies',
  74869: 'Health checks',
  185257: 'Access points',
  74878: 'Application identification (DPI)',
  185224: 'Probe monitoring',
  74754: 'SAG instance information',
  185250: 'Device routing',
  74730: 'Dynamic routing',
  74735: 'Static routing',
  74875: 'Device ports',
  185222: 'WAN ports',
  185255: 'LAN ports',
  185256: 'Management port',
  74849: 'Express Connect subinterfaces',
  185278: 'High availability',
  185297: 'Device DNS',
  185298: 'Device Wi-Fi',
  185273: 'Device management',
  181735: 'SCG5000 devices',
  185299: 'SAG APP instances',
  185274: 'Client accounts',
  74740: 'Enterprise codes',
  74812: 'Cloud connect networks',
  74821: 'Access control lists',
  185251: 'QoS policies',
  74839: 'QoS rate limit rules',
  74844: 'QoS traffic classification rules',
  74854: 'Flow logs',
  185223: 'Application bandwidth packages',
};

const OTHER_GROUP = 'Other';

/** The directory of the other CCN operations, where the two operations below belong. */
const CLOUD_CONNECT_NETWORKS_DIRECTORY = 74812;

/**
 * Two operations newer than the metadata (SOURCE.md), written in its own
 * format so they take the same path through the generator.
 */
function ccnCenOperation(): DocsApi {
  const requiredString: DocsSchema = { type: 'string', required: true };
  return {
    methods: ['post', 'get'],
    operationType: 'write',
    deprecated: false,
    parameters: [
      { name: 'RegionId', in: 'query', schema: requiredString },
      { name: 'CcnInstanceId', in: 'query', schema: requiredString },
      { name: 'CenId', in: 'query', schema: requiredString },
      { name: 'CenUid', in: 'query', schema: { type: 'string', required: false } },
    ],
    responses: { 200: { schema: { type: 'object', properties: { RequestId: { type: 'string' } } } } },
  };
}

const EXTRA_OPERATIONS: Record<string, DocsApi> = {
  AttachCcnInstanceToCen: ccnCenOperation(),
  DetachCcnInstanceFromCen: ccnCenOperation(),
};

/**
 * Fields newer than the metadata that the English reference and the Go SDK's
 * models document, and the Terraform provider sends and reads: a CCN's
 * IsDefault (CreateCloudConnectNetwork takes it, DescribeCloudConnectNetworks
 * answers it). Added to the metadata's own operations before generation.
 */
function withNewerFields(apis: Record<string, DocsApi>): Record<string, DocsApi> {
  const copy = structuredClone(apis);
  copy.CreateCloudConnectNetwork?.parameters.push({ name: 'IsDefault', in: 'query', schema: { type: 'boolean', required: false, example: 'true' } });
  const ccn = copy.DescribeCloudConnectNetworks?.responses['200'].schema.properties?.CloudConnectNetworks?.properties?.CloudConnectNetwork?.items;
  if (ccn?.properties) ccn.properties.IsDefault = { type: 'boolean', example: 'true' };
  return copy;
}

const VALUE_TYPES: readonly ValueType[] = ['string', 'integer', 'boolean', 'array', 'object'];
const INTEGER_FORMATS: readonly IntegerFormat[] = ['int32', 'int64'];
const PARAMETER_STYLES: readonly ParameterStyle[] = ['repeatList', 'flat'];
const OPERATION_TYPES: readonly OperationType[] = ['read', 'write', 'readAndWrite'];
const METHODS: readonly OperationSpec['methods'][number][] = ['get', 'post'];

/** Han, kana, Hangul, CJK and full-width punctuation: prose that must not be committed. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;

/** The committed spec, from the parsed metadata. Pure and deterministic. */
export function generateSpec(apiDocs: ApiDocs): Spec {
  const apis: Record<string, DocsApi> = { ...withNewerFields(apiDocs.apis), ...EXTRA_OPERATIONS };
  const groupOf = operationGroups(apiDocs.directories);
  const operations: Record<string, OperationSpec> = {};
  for (const name of Object.keys(apis).sort()) {
    operations[name] = toOperationSpec(name, apis[name], groupOf.get(name) ?? OTHER_GROUP);
  }
  return {
    product: apiDocs.info.product,
    version: apiDocs.info.version,
    endpoints: apiDocs.endpoints.map(({ regionId, endpoint }) => ({ regionId, endpoint })),
    groups: groupList(Object.keys(operations), groupOf),
    operations,
  };
}

/** Operation name -> English group name, extra operations included. */
function operationGroups(directories: DocsDirectory[]): Map<string, string> {
  const groupOf = new Map<string, string>();
  const visit = (directory: DocsDirectory): void => {
    const names = directory.children.filter((child): child is string => typeof child === 'string');
    if (directory.id === CLOUD_CONNECT_NETWORKS_DIRECTORY) names.push(...Object.keys(EXTRA_OPERATIONS));
    for (const name of names) groupOf.set(name, GROUP_NAMES[directory.id] ?? OTHER_GROUP);
    for (const child of directory.children) if (typeof child !== 'string') visit(child);
  };
  directories.forEach(visit);
  return groupOf;
}

/** Groups in the metadata's directory order, each listing its operations in that order. */
function groupList(operationNames: string[], groupOf: Map<string, string>): GroupSpec[] {
  const groups = new Map<string, string[]>();
  for (const [operation, group] of groupOf) groups.set(group, [...(groups.get(group) ?? []), operation]);
  const ungrouped = operationNames.filter((name) => !groupOf.has(name));
  if (ungrouped.length > 0) groups.set(OTHER_GROUP, [...(groups.get(OTHER_GROUP) ?? []), ...ungrouped]);
  return [...groups].map(([name, operations]) => ({ name, operations }));
}

function toOperationSpec(name: string, api: DocsApi, group: string): OperationSpec {
  return {
    group,
    methods: api.methods.map((method) => expectOneOf(method, METHODS, `${name} method`)),
    operationType: api.operationType === undefined ? null : expectOneOf(api.operationType, OPERATION_TYPES, `${name} operationType`),
    deprecated: api.deprecated ?? false,
    parameters: api.parameters.map((parameter) => toParameterSpec(name, parameter)),
    response: toResponseSchema(api.responses['200'].schema, `${name} response`),
    errors: toErrorList(api.errorCodes ?? {}),
  };
}

function toParameterSpec(operation: string, parameter: DocsParameter): ParameterSpec {
  const where = `${operation}.${parameter.name}`;
  const { type, format, ...constraints } = toValueSpec(parameter.schema, where, false);
  return compact({
    name: parameter.name,
    type,
    format,
    required: parameter.schema.required === true,
    style: parameter.style === undefined ? undefined : expectOneOf(parameter.style, PARAMETER_STYLES, `${where} style`),
    ...constraints,
  });
}

/** `isProperty`: only an object item's properties keep a required flag (items' own flags mean nothing). */
function toValueSpec(schema: DocsSchema, where: string, isProperty: boolean): ValueSpec {
  const type = expectOneOf(schema.type, VALUE_TYPES, `${where} type`);
  return compact({
    type,
    format: integerFormat(schema.format, where),
    required: isProperty ? schema.required === true : undefined,
    enum: schema.enum?.slice(),
    minimum: toNumber(schema.minimum, where),
    maximum: toNumber(schema.maximum, where),
    minLength: toNumber(schema.minLength, where),
    maxLength: toNumber(schema.maxLength, where),
    maxItems: toNumber(schema.maxItems, where),
    items: schema.items && toValueSpec(schema.items, `${where}[]`, false),
    properties: schema.properties && mapValues(schema.properties, (property, key) => toValueSpec(property, `${where}.${key}`, true)),
    default: schema.default === undefined ? undefined : typedDefault(schema.default, type, where),
    example: factualExample(schema.example),
  });
}

function toResponseSchema(schema: DocsSchema, where: string): ResponseSchema {
  return compact({
    type: expectOneOf(schema.type, VALUE_TYPES, `${where} type`),
    format: integerFormat(schema.format, where),
    enum: schema.enum?.slice(),
    properties: schema.properties && mapValues(schema.properties, (property, key) => toResponseSchema(property, `${where}.${key}`)),
    items: schema.items && toResponseSchema(schema.items, `${where}[]`),
    example: factualExample(schema.example),
  });
}

/** Every documented code, by ascending HTTP status, in the metadata's order within a status. */
function toErrorList(errorCodes: Record<string, DocsErrorCode[]>): ErrorSpecEntry[] {
  return Object.keys(errorCodes)
    .map(Number)
    .sort((a, b) => a - b)
    .flatMap((status) => errorCodes[String(status)].map((entry) => ({ code: entry.errorCode, status, message: entry.errorMessage })));
}

/** Examples in Chinese are prose, not facts: they are dropped. */
function factualExample(example: string | undefined): string | undefined {
  return example === undefined || CJK.test(example) ? undefined : example;
}

function typedDefault(value: string, type: ValueType, where: string): string | number | boolean {
  if (type === 'integer') return toNumber(value, where) as number;
  if (type === 'boolean') return expectOneOf(value, ['true', 'false'] as const, `${where} default`) === 'true';
  return value;
}

function integerFormat(format: string | undefined, where: string): IntegerFormat | undefined {
  return format === undefined ? undefined : expectOneOf(format, INTEGER_FORMATS, `${where} format`);
}

/** The metadata writes ranges as strings ("60000"). */
function toNumber(value: string | number | undefined, where: string): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number)) throw new Error(`${where}: expected an integer, got ${JSON.stringify(value)}`);
  return number;
}

/** Fails the generation on anything the emulator does not know how to handle. */
function expectOneOf<T extends string>(value: string, allowed: readonly T[], what: string): T {
  if (!(allowed as readonly string[]).includes(value)) throw new Error(`${what}: unexpected ${JSON.stringify(value)}`);
  return value as T;
}

function mapValues<T, U>(record: Record<string, T>, map: (value: T, key: string) => U): Record<string, U> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, map(value, key)]));
}

/** Drops undefined fields, keeping the order the object was written in. */
function compact<T extends object>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as T;
}

export function serializeSpec(spec: Spec): string {
  return `${JSON.stringify(spec, null, 2)}\n`;
}

export function main(): void {
  const source = apiDocsPath();
  const spec = generateSpec(JSON.parse(readFileSync(source, 'utf8')) as ApiDocs);
  writeFileSync(SPEC_PATH, serializeSpec(spec));
  console.log(`${path.relative(REPO_ROOT, SPEC_PATH)}: ${Object.keys(spec.operations).length} operations from ${source}`);
}

if (require.main === module) main();
