import t from 'tap';
import { testApp, call, ROAM_SAMPLE } from '../helpers/app';
import { control, expectControlError } from '../helpers/control';

const DEFAULT_ACCOUNT = '1000000000000001';

/** The same instance ids as the default account's: only the AccessKeyId tells them apart. */
const WORKER_FIXTURE = {
  instances: [
    {
      id: 'sag-m9uhqekwnqcnyy****',
      regionId: 'cn-shanghai',
      cidrBlocks: ['10.1.0.0/24'],
      userQuota: 5,
      clientUsers: [{ userName: 'worker1', userMail: 'worker1@example.com' }],
    },
    { id: 'sag-ghwa10ko6ndwug****', regionId: 'cn-hangzhou', cidrBlocks: ['10.2.0.0/24'], userQuota: 5 },
  ],
};

t.test('POST /_emulator/accounts makes an account with a fresh uid and key pair', async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  const response = await control(app, 'POST', '/accounts');
  t.equal(response.status, 201);
  t.equal(response.headers['content-type'], 'application/json; charset=utf-8');
  const created = response.json();
  t.strictSame(Object.keys(created), ['id', 'accessKeyId', 'accessKeySecret']);
  t.match(created.id, /^[1-9][0-9]{15}$/);
  t.match(created.accessKeyId, /^LTAI5t[A-Za-z0-9]{18}$/);
  t.match(created.accessKeySecret, /^[A-Za-z0-9]{30}$/);

  const { accounts } = app.emulator.store;
  t.strictSame(accounts.find(created.id), { id: created.id, name: '' });
  t.strictSame(accounts.keysOf(created.id), [{
    accessKeyId: created.accessKeyId,
    accountId: created.id,
    accessKeySecret: created.accessKeySecret,
    sts: false,
    active: true,
  }]);
  t.strictSame(app.emulator.store.instances.listOfAccount(created.id), []);

  const second = (await control(app, 'POST', '/accounts', {})).json();
  t.not(second.id, created.id);
  t.not(second.accessKeyId, created.accessKeyId);
  t.not(second.accessKeySecret, created.accessKeySecret);
});

t.test('a given uid and name, and a fixture for the account', async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  const response = await control(app, 'POST', '/accounts', { id: '1234567890123456', name: 'worker 1', fixture: WORKER_FIXTURE });
  t.equal(response.status, 201);
  const created = response.json();
  t.equal(created.id, '1234567890123456');
  t.strictSame(app.emulator.store.accounts.find('1234567890123456'), { id: '1234567890123456', name: 'worker 1' });
  const instances = app.emulator.store.instances.listOfAccount('1234567890123456');
  t.strictSame(instances.map((instance) => [instance.id, instance.regionId, instance.cidrBlocks, instance.userQuota]), [
    ['sag-m9uhqekwnqcnyy****', 'cn-shanghai', ['10.1.0.0/24'], 5],
    ['sag-ghwa10ko6ndwug****', 'cn-hangzhou', ['10.2.0.0/24'], 5],
  ], 'in creation order: the fixture\'s order');
  t.strictSame(
    app.emulator.store.clientUsers.listOfAccount('1234567890123456').map((user) => [user.instanceId, user.userName, user.bandwidth]),
    [['sag-m9uhqekwnqcnyy****', 'worker1', 2000]],
    'fixture defaults are filled in',
  );
});

t.test('GET /_emulator/accounts lists ids, names and AccessKeyIds, never secrets', async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  const created = (await control(app, 'POST', '/accounts', { id: '9000000000000009', name: 'ci' })).json();
  const response = await control(app, 'GET', '/accounts');
  t.equal(response.status, 200);
  t.strictSame(response.json(), {
    accounts: [
      { id: '1000000000000001', name: 'default', accessKeyIds: ['testid'] },
      { id: '1000000000000002', name: 'another tenant', accessKeyIds: ['otherid'] },
      { id: '9000000000000009', name: 'ci', accessKeyIds: [created.accessKeyId] },
    ],
  });
  t.notMatch(response.body, created.accessKeySecret);
  t.notMatch(response.body, 'testsecret');
});

t.test('errors leave no account behind', async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  const before = app.emulator.store.accounts.list();

  expectControlError(t, await control(app, 'POST', '/accounts', { id: DEFAULT_ACCOUNT }),
    'Emulator.AccountExists', 'Account 1000000000000001 already exists.');
  expectControlError(t, await control(app, 'POST', '/accounts', { id: '12345' }),
    'Emulator.InvalidRequest', 'At /id: must match pattern "^[0-9]{16}$".');
  expectControlError(t, await control(app, 'POST', '/accounts', { region: 'cn-hangzhou' }),
    'Emulator.InvalidRequest', 'At /: must NOT have additional properties (region).');
  expectControlError(t, await control(app, 'POST', '/accounts', { fixture: { accounts: [] } }),
    'Emulator.InvalidFixture', 'At /fixture: must NOT have additional properties (accounts).');
  expectControlError(t, await control(app, 'POST', '/accounts', { fixture: { accessKeys: [] } }),
    'Emulator.InvalidRequest', "At /fixture: accessKeys is the account's own field; give id and name beside fixture, keys are made fresh.");
  expectControlError(t, await control(app, 'POST', '/accounts', [1]),
    'Emulator.InvalidRequest', 'At /: must be object.');

  const badJson = await control(app, 'POST', '/accounts', '{"name": ');
  expectControlError(t, badJson, 'Emulator.InvalidRequest', badJson.json().Description);
  t.match(badJson.json().Description, /^The body is not valid JSON \(.+\)\.$/);

  expectControlError(t, await control(app, 'POST', '/accounts', { fixture: { instances: [{ id: 'SAG-1', regionId: 'cn-hangzhou' }] } }),
    'Emulator.InvalidFixture', 'At /fixture/instances/0/id: must match pattern "^sag-[a-z0-9*]+$".');
  expectControlError(t, await control(app, 'POST', '/accounts', { fixture: { instances: [{ id: 'sag-x1', regionId: 'cn-hangzhou', cidrBlocks: ['10.1.0.1/24'] }] } }),
    'Emulator.InvalidFixture', 'At /fixture/instances/0/cidrBlocks/0: "10.1.0.1/24" is not a CIDR block (address must be the network address).');

  t.strictSame(app.emulator.store.accounts.list(), before, 'no account was added');
});

t.test('each AccessKeyId sees its own account only (unsigned calls, lenient mode)', async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  const worker = (await control(app, 'POST', '/accounts', { fixture: WORKER_FIXTURE })).json();
  const asWorker = { AccessKeyId: worker.accessKeyId };

  const roamed = await call(app, 'RoamClientUser', { ...ROAM_SAMPLE, UserName: 'worker1', ...asWorker });
  t.equal(roamed.status, 200, 'the worker roams its own user between its own instances');
  t.equal(roamed.headers['x-emulator-auth-failure'], 'MissingSignature: Signature is mandatory for this action.', 'lenient: reported, served');
  t.ok(app.emulator.store.clientUsers.find(worker.id, 'sag-ghwa10ko6ndwug****', 'worker1'));

  const notTheirs = await call(app, 'RoamClientUser', { ...ROAM_SAMPLE, ...asWorker });
  t.equal(notTheirs.json().Code, 'ResourceNotFound.User', "the default account's test1 is invisible to the worker");
  const fromDefault = await call(app, 'RoamClientUser', { ...ROAM_SAMPLE, UserName: 'worker1' });
  t.equal(fromDefault.json().Code, 'ResourceNotFound.User', "the worker's user is invisible to the default account");
  const otherAccount = await call(app, 'RoamClientUser', { ...ROAM_SAMPLE, TargetSmartAGId: 'sag-otheraccount01', UserName: 'worker1', ...asWorker });
  t.equal(otherAccount.json().Code, 'SAG.InstanceNoFound');

  t.equal(app.emulator.store.clientUsers.count(DEFAULT_ACCOUNT, 'sag-ghwa10ko6ndwug****'), 1, 'the default account is unchanged');
  const journal = (await control(app, 'GET', `/requests?account=${worker.id}`)).json().requests;
  t.equal(journal.length, 3, 'the journal attributes calls to the worker account');
  t.equal(journal[0].params.AccessKeyId, worker.accessKeyId);
});
