import t from 'tap';
import { testApp, call, ROAM_SAMPLE } from '../helpers/app';
import { control, expectControlError } from '../helpers/control';

const DEFAULT_ACCOUNT = '1000000000000001';
const OTHER_ACCOUNT = '1000000000000002';
const SOURCE = 'sag-m9uhqekwnqcnyy****';
const DESTINATION = 'sag-ghwa10ko6ndwug****';

const WORKER_FIXTURE = {
  instances: [
    { id: SOURCE, regionId: 'cn-shanghai', cidrBlocks: ['10.1.0.0/24'], clientUsers: [{ userName: 'worker1' }] },
    { id: DESTINATION, regionId: 'cn-hangzhou', cidrBlocks: ['10.2.0.0/24'] },
  ],
};

const SEED = {
  accounts: [
    {
      id: OTHER_ACCOUNT,
      name: 'reseeded tenant',
      accessKeys: [{ accessKeyId: 'otherid', accessKeySecret: 'othersecret' }],
      instances: [{ id: 'sag-seeded0001', regionId: 'cn-shanghai', cidrBlocks: ['10.9.0.0/24'] }],
    },
    {
      id: '3000000000000003',
      name: 'seeded',
      accessKeys: [{ accessKeyId: 'seedid', accessKeySecret: 'seedsecret' }],
      instances: [
        { id: SOURCE, regionId: 'cn-shanghai', cidrBlocks: ['10.3.0.0/24'], clientUsers: [{ userName: 'seeduser' }] },
        { id: DESTINATION, regionId: 'cn-hangzhou', cidrBlocks: ['10.4.0.0/24'] },
      ],
    },
  ],
};

async function stateOf(app: Awaited<ReturnType<typeof testApp>>) {
  return (await control(app, 'GET', '/state')).json();
}

t.test('POST /_emulator/reset: everything back to the fixtures, journal and faults cleared, snapshots kept', async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  const initial = await stateOf(app);

  t.equal((await call(app, 'RoamClientUser', ROAM_SAMPLE)).status, 200);
  const worker = (await control(app, 'POST', '/accounts')).json();
  t.equal((await control(app, 'POST', '/faults', { action: 'RoamClientUser', latencyMs: 0 })).status, 201);
  t.equal((await control(app, 'POST', '/snapshots/changed')).status, 200);
  t.notSame(await stateOf(app), initial);

  const response = await control(app, 'POST', '/reset');
  t.equal(response.status, 200);
  t.strictSame(response.json(), { reset: true });
  t.strictSame(await stateOf(app), initial, 'the state is the baseline again');
  t.notOk(app.emulator.store.accounts.find(worker.id), 'created accounts are gone');
  t.strictSame((await control(app, 'GET', '/requests/count')).json(), { count: 0 });
  t.strictSame((await control(app, 'GET', '/faults')).json(), { faults: [] });
  t.strictSame((await control(app, 'GET', '/snapshots')).json().snapshots.map((s: { name: string }) => s.name), ['changed']);
});

t.test('POST /_emulator/reset?account=ID: a fixture account back to the baseline, others untouched', async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  const worker = (await control(app, 'POST', '/accounts', { fixture: WORKER_FIXTURE })).json();
  t.equal((await call(app, 'RoamClientUser', ROAM_SAMPLE)).status, 200);
  t.equal((await call(app, 'RoamClientUser', { ...ROAM_SAMPLE, UserName: 'worker1', AccessKeyId: worker.accessKeyId })).status, 200);
  await control(app, 'POST', '/faults', { action: 'RoamClientUser', latencyMs: 0 });

  const response = await control(app, 'POST', `/reset?account=${DEFAULT_ACCOUNT}`);
  t.equal(response.status, 200);
  t.strictSame(response.json(), { reset: true, account: DEFAULT_ACCOUNT });
  const users = app.emulator.store.clientUsers;
  t.notOk(users.find(DEFAULT_ACCOUNT, DESTINATION, 'test1'), "the default account's roamed user is gone");
  t.ok(users.find(DEFAULT_ACCOUNT, SOURCE, 'test1'));
  t.ok(users.find(worker.id, DESTINATION, 'worker1'), "the worker's roamed user stays");
  t.equal((await control(app, 'GET', '/requests/count')).json().count, 2, 'the journal is untouched');
  t.equal((await control(app, 'GET', '/faults')).json().faults.length, 1, 'fault rules are untouched');
  t.equal((await call(app, 'RoamClientUser', ROAM_SAMPLE)).status, 200, 'the sample works again');
});

t.test('POST /_emulator/reset?account=ID: a created account back to its state as created', async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  const worker = (await control(app, 'POST', '/accounts', { name: 'w', fixture: WORKER_FIXTURE })).json();
  const asCreated = app.emulator.store.snapshots.captureAccount(worker.id);
  const sample = { ...ROAM_SAMPLE, UserName: 'worker1', AccessKeyId: worker.accessKeyId };
  t.equal((await call(app, 'RoamClientUser', sample)).status, 200);
  t.equal((await call(app, 'RoamClientUser', ROAM_SAMPLE)).status, 200);

  t.strictSame((await control(app, 'POST', `/reset?account=${worker.id}`)).json(), { reset: true, account: worker.id });
  t.strictSame(app.emulator.store.snapshots.captureAccount(worker.id), asCreated);
  t.ok(app.emulator.store.clientUsers.find(DEFAULT_ACCOUNT, DESTINATION, 'test1'), 'the default account keeps its change');
  t.equal((await call(app, 'RoamClientUser', sample)).status, 200, 'the key still works and the roam is possible again');
});

t.test('POST /_emulator/reset?account=ID: an account only a seed made is removed', async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  t.equal((await control(app, 'POST', '/seed', SEED)).status, 200);
  t.strictSame((await control(app, 'POST', '/reset?account=3000000000000003')).json(), { reset: true, account: '3000000000000003' });
  t.notOk(app.emulator.store.accounts.find('3000000000000003'));
  t.notOk(app.emulator.store.accounts.findKey('seedid'));
  t.equal(app.emulator.store.accounts.find(OTHER_ACCOUNT)?.name, 'reseeded tenant', 'the other seeded account stays');
});

t.test('reset errors', async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  expectControlError(t, await control(app, 'POST', '/reset?account=9999999999999999'),
    'Emulator.AccountNotFound', 'No account 9999999999999999.');
  expectControlError(t, await control(app, 'POST', '/reset?account=abc'),
    'Emulator.InvalidRequest', 'At ?account: "abc" is not a 16-digit account id.');
  expectControlError(t, await control(app, 'POST', '/reset?acount=1000000000000001'),
    'Emulator.InvalidRequest', 'Unknown query parameter "acount"; this endpoint takes account.');
  expectControlError(t, await control(app, 'GET', '/reset'), 'InvalidAction.NotFound');
});

t.test('POST /_emulator/seed applies a fixture; named accounts are replaced whole', async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  const defaultBefore = app.emulator.store.snapshots.captureAccount(DEFAULT_ACCOUNT);
  const response = await control(app, 'POST', '/seed', SEED);
  t.equal(response.status, 200);
  t.strictSame(response.json(), { accounts: [OTHER_ACCOUNT, '3000000000000003'] });

  const { store } = app.emulator;
  t.strictSame(store.instances.listOfAccount(OTHER_ACCOUNT).map((i) => i.id), ['sag-seeded0001'], 'sag-otheraccount01 is gone');
  t.equal(store.accounts.find(OTHER_ACCOUNT)?.name, 'reseeded tenant');
  t.strictSame(store.accounts.keysOf('3000000000000003').map((k) => [k.accessKeyId, k.active, k.sts]), [['seedid', true, false]], 'defaults filled');
  t.strictSame(store.snapshots.captureAccount(DEFAULT_ACCOUNT), defaultBefore, 'the default account is untouched');

  const roam = await call(app, 'RoamClientUser', { ...ROAM_SAMPLE, UserName: 'seeduser', AccessKeyId: 'seedid' });
  t.equal(roam.status, 200, "the seeded key sees the seeded account's instances");
});

t.test('seed errors: the JSON path and the reason, and nothing written', async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  const before = await stateOf(app);

  expectControlError(t, await control(app, 'POST', '/seed'),
    'Emulator.InvalidFixture', "At /: must have required property 'accounts'.");
  expectControlError(t, await control(app, 'POST', '/seed', { accounts: [{ id: '3000000000000003', instances: [{ id: 'sag-x1', regionId: 'cn-beijing' }] }] }),
    'Emulator.InvalidFixture', 'At /accounts/0/instances/0/regionId: "cn-beijing" is not one of "cn-shanghai", "cn-hongkong", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-5", "ap-northeast-1", "eu-central-1", "cn-shanghai-finance-1", "cn-hangzhou".');
  expectControlError(t, await control(app, 'POST', '/seed', { accounts: [SEED.accounts[1], SEED.accounts[1]] }),
    'Emulator.InvalidFixture', 'At /accounts/1/id: account 3000000000000003 is defined twice.');
  expectControlError(t, await control(app, 'POST', '/seed', {
    accounts: [SEED.accounts[1], { id: '4000000000000004', instances: [{ id: 'sag-hw1', regionId: 'cn-hangzhou', instanceType: 'sag-1000', clientUsers: [{ userName: 'x1' }] }] }],
  }), 'Emulator.InvalidFixture', 'At /accounts/1/instances/0/clientUsers: only sag-software (SAG APP) instances hold client accounts, this one is sag-1000.');
  expectControlError(t, await control(app, 'POST', '/seed', { accounts: [{ id: '3000000000000003', accessKeys: [{ accessKeyId: 'testid', accessKeySecret: 's' }] }] }),
    'Emulator.InvalidFixture', 'At /accounts/0/accessKeys/0/accessKeyId: AccessKey testid belongs to account 1000000000000001.');
  const badJson = await control(app, 'POST', '/seed', 'accounts: []');
  t.equal(badJson.json().Code, 'Emulator.InvalidRequest');

  t.strictSame(await stateOf(app), before, 'no error wrote anything');
});

t.test('seed may move a key between accounts it replaces', async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  const response = await control(app, 'POST', '/seed', {
    accounts: [
      { id: OTHER_ACCOUNT, accessKeys: [] },
      { id: '3000000000000003', accessKeys: [{ accessKeyId: 'otherid', accessKeySecret: 'othersecret' }] },
    ],
  });
  t.equal(response.status, 200);
  t.equal(app.emulator.store.accounts.findKey('otherid')?.accountId, '3000000000000003');
});

t.test('GET /_emulator/state feeds POST /_emulator/seed: the same state back, secrets and passwords kept', async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  const created = (await control(app, 'POST', '/accounts')).json();
  const before = await stateOf(app);
  const hashes = () => app.emulator.store.accounts.list().flatMap((account) => app.emulator.store.clientUsers.listOfAccount(account.id)).map((user) => `${user.instanceId}/${user.userName}=${user.passwordHash}`).sort();
  const hashesBefore = hashes();
  t.ok(hashesBefore.length > 0, 'the default fixtures hold client users');
  t.notOk(JSON.stringify(before).includes('accessKeySecret'), 'the dump carries no secret');
  t.notOk(JSON.stringify(before).includes('"password"'), 'the dump carries no password');

  const seeded = await control(app, 'POST', '/seed', before);
  t.equal(seeded.status, 200, seeded.body);
  t.strictSame(await stateOf(app), before, 'export then import gives the same state');
  t.strictSame(hashes(), hashesBefore, 'every client user keeps its password');
  t.equal(app.emulator.store.accounts.findKey(created.accessKeyId)?.accessKeySecret, created.accessKeySecret, 'a key keeps its secret');

  const withNewKey = structuredClone(before);
  withNewKey.accounts[0].accessKeys.push({ accessKeyId: 'brand-new-key' });
  expectControlError(t, await control(app, 'POST', '/seed', withNewKey), 'Emulator.InvalidFixture',
    'At /accounts/0/accessKeys/1: AccessKey brand-new-key is new: it needs its accessKeySecret.');
  t.strictSame(await stateOf(app), before, 'a refused seed writes nothing');
});
