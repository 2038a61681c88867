/**
 * The request validators `npm run build` generates (scripts/gen-validators.ts,
 * ajv standalone code in dist/src/spec/validators) decide exactly as ajv
 * compiling the same schema at run time, with the options and formats
 * src/spec/validate.ts used when it compiled them itself.
 */
import t from 'tap';
import fs from 'node:fs';
import path from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { minimalValidParams } from '../../src/spec/examples';
import { formats, INT32_RANGE } from '../../src/spec/formats';
import { getOperation, operationNames, type ValueSpec } from '../../src/spec/index';
import { operationSchema } from '../../src/spec/param-schema';
import { precompiledValidator, validateParams, VALIDATORS_DIR } from '../../src/spec/validate';

type Values = Record<string, unknown>;

function runtimeAjv(): Ajv {
  const ajv = new Ajv({ allErrors: false });
  for (const [name, definition] of Object.entries(formats)) ajv.addFormat(name, definition);
  return ajv;
}

function firstError(error: ErrorObject | undefined) {
  if (!error) return undefined;
  const { keyword, instancePath, schemaPath, params, message } = error;
  return { keyword, instancePath, schemaPath, params, message };
}

function outcome(validate: ValidateFunction, data: Values) {
  const valid = validate(structuredClone(data));
  return { valid, error: valid ? undefined : firstError(validate.errors?.[0]) };
}

/** A value of the wrong JSON type for the spec. */
function wrongType(spec: ValueSpec): unknown {
  switch (spec.type) {
    case 'string':
      return 12345;
    case 'integer':
      return 'twelve';
    case 'boolean':
      return 'yes';
    default:
      return 'not-a-list-or-object';
  }
}

/** A value that passes the spec's own checks (as far as these inputs need). */
function goodValue(spec: ValueSpec): unknown {
  if (spec.enum) return spec.enum[0];
  switch (spec.type) {
    case 'integer':
      return spec.minimum ?? Math.min(1, spec.maximum ?? 1);
    case 'boolean':
      return true;
    case 'array':
      return [goodValue(spec.items!)];
    case 'object':
      return Object.fromEntries(Object.entries(spec.properties ?? {}).map(([name, property]) => [name, goodValue(property)]));
    default:
      return 'x'.repeat(Math.max(1, spec.minLength ?? 1));
  }
}

/** Values that break one check of the spec each: type, format, enum, range, length, list size, item shape. */
function badValues(spec: ValueSpec): [string, unknown][] {
  const bad: [string, unknown][] = [['wrong type', wrongType(spec)]];
  if (spec.type === 'integer') bad.push(['fraction', 1.5]);
  if (spec.format === 'int32') bad.push(['int32 + 1', INT32_RANGE.maximum + 1], ['int32 - 1', INT32_RANGE.minimum - 1]);
  if (spec.format === 'int64') bad.push(['2^53', 2 ** 53]);
  if (spec.enum) bad.push(['not in enum', spec.type === 'integer' ? 987654 : 'NotADocumentedValue']);
  if (spec.minimum !== undefined) bad.push(['below minimum', spec.minimum - 1]);
  if (spec.maximum !== undefined) bad.push(['above maximum', spec.maximum + 1]);
  if (spec.minLength) bad.push(['too short', '']);
  if (spec.maxLength !== undefined) bad.push(['too long', 'x'.repeat(spec.maxLength + 1)]);
  if (spec.maxItems !== undefined) bad.push(['too many items', Array.from({ length: spec.maxItems + 1 }, () => goodValue(spec.items!))]);
  if (spec.items) {
    for (const [label, item] of badValues(spec.items)) bad.push([`item: ${label}`, [item]]);
  }
  if (spec.properties) {
    if (Object.values(spec.properties).some((property) => property.required)) bad.push(['missing property', {}]);
    for (const [name, property] of Object.entries(spec.properties)) {
      for (const [label, value] of badValues(property)) bad.push([`${name}: ${label}`, { ...(goodValue(spec) as Values), [name]: value }]);
    }
  }
  return bad;
}

/** The typed parameters validate.ts passes to the validator for a minimal request, then each broken one way. */
function inputs(action: string): [string, Values][] {
  const operation = getOperation(action)!;
  const typed = validateParams(action, minimalValidParams(action), { strictParams: true });
  const cases: [string, Values][] = [['minimal valid', typed]];
  for (const parameter of operation.parameters) {
    if (parameter.required) {
      const { [parameter.name]: _omitted, ...rest } = typed;
      cases.push([`${parameter.name} removed`, rest]);
    } else {
      cases.push([`${parameter.name} valid`, { ...typed, [parameter.name]: goodValue(parameter) }]);
    }
    for (const [label, value] of badValues(parameter)) cases.push([`${parameter.name}: ${label}`, { ...typed, [parameter.name]: value }]);
  }
  return cases;
}

t.test('every operation: the precompiled validator and a runtime ajv.compile agree', async (t) => {
  const ajv = runtimeAjv();
  const keywords = new Set<string>();
  let checked = 0;
  for (const action of operationNames()) {
    const runtime = ajv.compile(operationSchema(getOperation(action)!));
    const precompiled = precompiledValidator(action);
    const cases = inputs(action);
    const got = cases.map(([label, data]) => ({ label, ...outcome(precompiled, data) }));
    const wanted = cases.map(([label, data]) => ({ label, ...outcome(runtime, data) }));
    t.same(got, wanted, action);
    t.equal(got[0].valid, true, `${action}: the minimal request is valid`);
    for (const { error } of got) if (error) keywords.add(error.keyword);
    checked += cases.length;
  }
  t.ok(checked > 2000, `${checked} inputs checked`);
  // The inputs reach every keyword the spec's request schemas use (no minLength/maxLength today).
  for (const keyword of ['required', 'type', 'format', 'enum', 'minimum', 'maximum', 'maxItems']) t.ok(keywords.has(keyword), `some input fails on ${keyword}`);
});

t.test('every operation in the spec has a generated validator file, and no other operation does', async (t) => {
  const wanted = operationNames().map((action) => `${action}.js`).sort();
  const files = fs.readdirSync(VALIDATORS_DIR).filter((file) => file.endsWith('.js')).sort();
  t.same(files, wanted);
  t.equal(files.length, 205);
  for (const action of operationNames()) {
    t.equal(typeof precompiledValidator(action), 'function', action);
  }
});

t.test('the validators take the int32/int64 formats from dist/src/spec/formats.js, and never load ajv', async (t) => {
  const source = fs.readFileSync(path.join(VALIDATORS_DIR, 'DescribeSmartAccessGateways.js'), 'utf8');
  t.match(source, 'require("../formats.js")');
  const requires = new Set<string>();
  for (const file of fs.readdirSync(VALIDATORS_DIR)) {
    for (const [, module] of fs.readFileSync(path.join(VALIDATORS_DIR, file), 'utf8').matchAll(/require\("([^"]+)"\)/g)) requires.add(module);
  }
  // ucs2length is ajv's 20-line helper for string lengths in code points, not ajv itself.
  t.same([...requires].filter((module) => module !== '../formats.js' && module !== 'ajv/dist/runtime/ucs2length'), []);
});

t.test('a missing validator says to run npm run build', async (t) => {
  t.throws(() => precompiledValidator('NoSuchOperation'), { message: /NoSuchOperation\.js\) is missing: run `npm run build`/ });
});
