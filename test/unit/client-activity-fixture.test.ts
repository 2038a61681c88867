import t from 'tap';
import { FixtureError, validateFixture, applyFixture } from '../../src/fixtures/loader';
import { openStore } from '../../src/storage/store';

const ACCOUNT = '1000000000000009';

/** One SAG APP instance (10.0.0.0/24, 2 Mbps acceleration) with `users`, plus `instance` changes. */
function fixtureWith(users: object[], instance: object = {}) {
  return { accounts: [{ id: ACCOUNT, instances: [{ id: 'sag-x', regionId: 'cn-hangzhou', cidrBlocks: ['10.0.0.0/24'], accelerateBandwidth: 2, clientUsers: users, ...instance }] }] };
}

t.test('online clients, traffic and settings a fixture cannot have', async (t) => {
  const users = '/accounts/0/instances/0/clientUsers';
  const cases: [unknown, string, string][] = [
    [fixtureWith([{ userName: 'abc', onlineClients: [{ clientIp: '10.0.1.5' }] }]), `${users}/0/onlineClients/0/clientIp`, "10.0.1.5 is not an assignable address of the instance's CIDR blocks"],
    [fixtureWith([{ userName: 'abc', onlineClients: [{ clientIp: '10.0.0.5' }, { clientIp: '10.0.0.5' }] }]), `${users}/0/onlineClients/1/clientIp`, '10.0.0.5 is held by another client or account of the instance'],
    [fixtureWith([{ userName: 'abc', clientIp: '10.0.0.9' }, { userName: 'def', onlineClients: [{ clientIp: '10.0.0.9' }] }]), `${users}/1/onlineClients/0/clientIp`, '10.0.0.9 is held by another client or account of the instance'],
    [fixtureWith([{ userName: 'abc', clientIp: '10.0.0.9', onlineClients: [{ clientIp: '10.0.0.8' }] }]), `${users}/0/onlineClients/0/clientIp`, 'the account always connects with its static IP 10.0.0.9'],
    [fixtureWith([{ userName: 'abc', accelerateBandwidth: 2001 }]), `${users}/0/accelerateBandwidth`, "exceeds the instance's accelerateBandwidth of 2 Mbps (2000 Kbps)"],
    [fixtureWith([{ userName: 'abc', traffic: [{ month: '202401', totalBytes: 1 }, { month: '202401', totalBytes: 2 }] }]), `${users}/0/traffic/1/month`, 'the traffic of 202401 is given twice'],
    [fixtureWith([{ userName: 'abc', traffic: [{ month: '202413', totalBytes: 1 }] }]), `${users}/0/traffic/0/month`, 'must match pattern "^[0-9]{4}(0[1-9]|1[0-2])$"'],
    [fixtureWith([], { appDns: ['10.0.0.300'] }), '/accounts/0/instances/0/appDns/0', '10.0.0.300 is not an IPv4 address'],
    [fixtureWith([], { recoveredDns: ['1.1.1.1', '2.2.2.2', '3.3.3.3'] }), '/accounts/0/instances/0/recoveredDns', 'must NOT have more than 2 items'],
  ];
  for (const [data, jsonPath, reason] of cases) {
    t.throws(() => validateFixture(data, 'f.json'), new FixtureError('f.json', jsonPath, reason), `${jsonPath}: ${reason}`);
  }
});

t.test('what a fixture stages lands in the store', async (t) => {
  const store = openStore(':memory:');
  t.teardown(() => store.close());
  const now = Date.UTC(2024, 4, 15);
  const fixture = validateFixture(fixtureWith([
    { userName: 'abc', clientIp: '10.0.0.9', accelerateBandwidth: 1500, onlineClients: [{ clientIp: '10.0.0.9', onlineTime: 1700000000 }], traffic: [{ totalBytes: 7 }, { month: '202312', totalBytes: 9 }] },
    { userName: 'def', onlineClients: [{ clientIp: '10.0.0.20' }] },
  ], { appDns: ['100.100.2.136'] }), 'f.json');
  applyFixture(store, fixture, now);
  t.same(store.onlineClients.listOfInstance(ACCOUNT, 'sag-x'), [
    { accountId: ACCOUNT, instanceId: 'sag-x', userName: 'abc', clientIp: '10.0.0.9', onlineAt: 1_700_000_000_000 },
    { accountId: ACCOUNT, instanceId: 'sag-x', userName: 'def', clientIp: '10.0.0.20', onlineAt: now },
  ]);
  t.equal(store.clientTraffic.totalBytes(ACCOUNT, 'sag-x', 'abc', '202405'), 7, 'no month: the month of loading');
  t.equal(store.clientTraffic.totalBytes(ACCOUNT, 'sag-x', 'abc', '202312'), 9);
  t.equal(store.clientUsers.find(ACCOUNT, 'sag-x', 'abc')!.accelerateBandwidth, 1500);
  t.equal(store.clientUsers.find(ACCOUNT, 'sag-x', 'def')!.accelerateBandwidth, null);
  t.same(store.appClientSettings.get(ACCOUNT, 'sag-x'), { appDns: ['100.100.2.136'], recoveredDns: [], accelerateBandwidth: 2 });
});
