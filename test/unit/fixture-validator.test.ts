/**
 * The fixture validator `npm run build` generates
 * (dist/src/fixtures/fixture-validator.js) decides, reports and fills
 * defaults exactly as ajv compiling fixtures/fixture.schema.json at run time
 * with the options the loader always used.
 */
import t from 'tap';
import fs from 'node:fs';
import Ajv, { type ValidateFunction } from 'ajv';
import { DEFAULT_FIXTURES } from '../../src/config';
import { FIXTURE_AJV_OPTIONS, FIXTURE_SCHEMA_PATH, FIXTURE_VALIDATOR_PATH, validateFixture } from '../../src/fixtures/loader';

const runtime = new Ajv({ useDefaults: true, allErrors: false, strict: false }).compile(JSON.parse(fs.readFileSync(FIXTURE_SCHEMA_PATH, 'utf8')));
const precompiled = require(FIXTURE_VALIDATOR_PATH) as ValidateFunction;

/** Valid or not, the first error, and the data as validation left it (defaults filled in). */
function outcome(validate: ValidateFunction, data: unknown) {
  const copy = structuredClone(data);
  const valid = validate(copy);
  const error = valid ? undefined : validate.errors?.[0];
  return {
    valid,
    error: error && { keyword: error.keyword, instancePath: error.instancePath, schemaPath: error.schemaPath, params: error.params, message: error.message },
    data: copy,
  };
}

const ACCOUNT = '1000000000000009';
const instance = (extra: object) => ({ accounts: [{ id: ACCOUNT, instances: [{ id: 'sag-x', regionId: 'cn-hangzhou', ...extra }] }] });
const user = (extra: object) => instance({ clientUsers: [{ userName: 'alice', ...extra }] });

const CASES: [string, unknown][] = [
  ['default fixture', JSON.parse(fs.readFileSync(DEFAULT_FIXTURES, 'utf8'))],
  ['empty accounts', { accounts: [] }],
  ['minimal instance (defaults)', instance({})],
  ['minimal client user (defaults)', user({})],
  ['minimal key, code, CCN (defaults)', { accounts: [{ id: ACCOUNT, accessKeys: [{ accessKeyId: 'k', accessKeySecret: 's' }], enterpriseCodes: [{ code: 'AB123' }], ccns: [{ id: 'ccn-x', regionId: 'cn-hangzhou' }] }] }],
  ['no accounts', {}],
  ['not an object', []],
  ['unknown top-level property', { accounts: [], extra: 1 }],
  ['short account id', { accounts: [{ id: '12' }] }],
  ['unknown region', instance({ regionId: 'mars-1' })],
  ['userQuota not an integer', instance({ userQuota: 'many' })],
  ['maxBandwidth too high', instance({ maxBandwidth: 20001 })],
  ['too many CIDR blocks', instance({ cidrBlocks: ['10.0.0.0/24', '10.0.1.0/24', '10.0.2.0/24', '10.0.3.0/24', '10.0.4.0/24', '10.0.5.0/24'] })],
  ['name too long', instance({ name: 'n'.repeat(129) })],
  ['enterpriseCode a number', instance({ enterpriseCode: 5 })],
  ['bad password', user({ password: 'short' })],
  ['state not 0 or 1', user({ state: 2 })],
  ['accelerateBandwidth 0', user({ accelerateBandwidth: 0 })],
  ['traffic without totalBytes', user({ traffic: [{ month: '202401' }] })],
  ['online client bad address', user({ onlineClients: [{ clientIp: 'here' }] })],
  ['three DNS servers', instance({ appDns: ['1.1.1.1', '8.8.8.8', '9.9.9.9'] })],
  ['enterprise code without a digit', { accounts: [{ id: ACCOUNT, enterpriseCodes: [{ code: 'ABCDE' }] }] }],
  ['access key property unknown', { accounts: [{ id: ACCOUNT, accessKeys: [{ accessKeyId: 'k', accessKeySecret: 's', role: 'admin' }] }] }],
];

t.test('the precompiled fixture validator and a runtime compile agree', async (t) => {
  t.same(FIXTURE_AJV_OPTIONS, { useDefaults: true, allErrors: false, strict: false }, 'the loader still states the options compiled with');
  for (const [label, data] of CASES) t.same(outcome(precompiled, data), outcome(runtime, data), label);
  t.equal(outcome(precompiled, CASES[0][1]).valid, true, 'the default fixture is valid');
  t.equal(CASES.filter(([, data]) => !outcome(precompiled, data).valid).length, CASES.length - 5, 'every broken fixture is refused');
});

t.test('the precompiled validator fills the schema defaults (useDefaults)', async (t) => {
  const data = user({}) as { accounts: { instances: Record<string, unknown>[] }[] };
  t.equal(precompiled(data), true);
  const [filled] = data.accounts[0].instances;
  t.match(filled, {
    instanceType: 'sag-software', status: 'Active', cidrBlocks: [], userQuota: 5, maxBandwidth: 20000, enterpriseCode: null,
    idaasInstanceId: null, ccnId: null, dataPlan: 5, serialNumber: '', softwareVersion: '', accelerateBandwidth: 0,
  });
  // No password default in the schema: the loader keeps the user's previous hash on a re-seed, else DEFAULT_FIXTURE_PASSWORD.
  t.same((filled.clientUsers as unknown[])[0], {
    userName: 'alice', userMail: '', bandwidth: 2000, clientIp: null, state: 0, accelerateBandwidth: null,
  });
  const other = instance({}) as typeof data;
  precompiled(other);
  t.not(other.accounts[0].instances[0].cidrBlocks, filled.cidrBlocks, 'an array default is a fresh array each time');
  const loaded = validateFixture(instance({}), 'defaults.json');
  t.equal(loaded.accounts[0].instances![0].maxBandwidth, 20000, 'the loader gets the defaults too');
});

t.test('the loader reports the precompiled first error byte for byte', async (t) => {
  t.throws(() => validateFixture(instance({ status: 'Sleeping' }), 'f.json'), {
    message: 'Invalid fixture f.json at /accounts/0/instances/0/status: "Sleeping" is not one of "Ordered", "Shipped", "Init", "Active", "Offline", "Locked", "Deleting", "Deleted"',
  });
  t.throws(() => validateFixture({ accounts: [], x: 1 }, 'f.json'), { message: 'Invalid fixture f.json at /: must NOT have additional properties' });
});
