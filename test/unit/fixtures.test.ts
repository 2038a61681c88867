import t from 'tap';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FixtureError, readFixtureFile, validateFixture, applyFixture } from '../../src/fixtures/loader';
import { openStore } from '../../src/storage/store';
import { DEFAULT_FIXTURES } from '../../src/config';

t.test('the default fixtures load and fill defaults', async (t) => {
  const fixture = readFixtureFile(DEFAULT_FIXTURES);
  const source = fixture.accounts[0].instances![0];
  t.equal(source.id, 'sag-m9uhqekwnqcnyy****');
  t.equal(source.instanceType, 'sag-software', 'default type');
  t.equal(source.maxBandwidth, 20000, 'default ceiling');
});

t.test('invalid fixtures name the file, the JSON path and the reason', async (t) => {
  const cases: [unknown, string, string][] = [
    [{}, '/', "must have required property 'accounts'"],
    [{ accounts: [{ id: '12' }] }, '/accounts/0/id', 'must match pattern "^[0-9]{16}$"'],
    [{ accounts: [{ id: '1000000000000009', instances: [{ id: 'sag-x', regionId: 'mars-1' }] }] }, '/accounts/0/instances/0/regionId', '"mars-1" is not one of "cn-shanghai", "cn-hongkong", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-5", "ap-northeast-1", "eu-central-1", "cn-shanghai-finance-1", "cn-hangzhou"'],
    [{ accounts: [{ id: '1000000000000009', instances: [{ id: 'sag-x', regionId: 'cn-hangzhou', cidrBlocks: ['10.0.0.1/24'] }] }] }, '/accounts/0/instances/0/cidrBlocks/0', '"10.0.0.1/24" is not a CIDR block (address must be the network address)'],
    [{ accounts: [{ id: '1000000000000009', instances: [{ id: 'sag-x', regionId: 'cn-hangzhou', instanceType: 'sag-1000', clientUsers: [{ userName: 'abc' }] }] }] }, '/accounts/0/instances/0/clientUsers', 'only sag-software (SAG APP) instances hold client accounts, this one is sag-1000'],
    [{ accounts: [{ id: '1000000000000009', instances: [{ id: 'sag-x', regionId: 'cn-hangzhou', cidrBlocks: ['10.0.0.0/24'], clientUsers: [{ userName: 'abc', clientIp: '10.0.0.0' }] }] }] }, '/accounts/0/instances/0/clientUsers/0/clientIp', "10.0.0.0 is not an assignable address of the instance's CIDR blocks"],
    [{ accounts: [{ id: '1000000000000009' }, { id: '1000000000000009' }] }, '/accounts/1/id', 'account 1000000000000009 is defined twice'],
  ];
  for (const [data, jsonPath, reason] of cases) {
    t.throws(() => validateFixture(data, 'f.json'), new FixtureError('f.json', jsonPath === '/' ? '' : jsonPath, reason), jsonPath);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fixture-'));
  const broken = path.join(dir, 'broken.json');
  fs.writeFileSync(broken, '{"accounts": [');
  t.throws(() => readFixtureFile(broken), { message: new RegExp(`^Invalid fixture ${broken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} at /: not valid JSON`) });
  t.throws(() => readFixtureFile(path.join(dir, 'missing.json')), { message: /cannot read the file \(ENOENT\)/ });
});

t.test('applying is all or nothing, and ensures the default account', async (t) => {
  const store = openStore(':memory:');
  t.teardown(() => store.close());
  applyFixture(store, validateFixture({ accounts: [] }, 'empty'), 1);
  t.same(store.accounts.list(), [{ id: '1000000000000001', name: 'default' }]);
  t.equal(store.accounts.findKey('testid')?.accountId, '1000000000000001');
  const before = store.snapshots.capture();
  // Valid by schema, but the second instance duplicates the first's primary key in another account's insert order.
  const fixture = validateFixture({ accounts: [{ id: '1000000000000005', accessKeys: [{ accessKeyId: 'testid', accessKeySecret: 'x' }] }] }, 'dup-key');
  t.throws(() => applyFixture(store, fixture, 1), /UNIQUE constraint failed/);
  t.same(store.snapshots.capture(), before, 'nothing half-applied');
});
