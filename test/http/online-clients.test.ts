import t from 'tap';
import { testApp, call, ROAM_SAMPLE } from '../helpers/app';
import { expectError, expectSuccess, expectXmlSuccess, invalidParameterError } from '../helpers/api-expect';
import { ACCOUNT, APP, AS_OTHER_ACCOUNT, E, OMIT, expectErrorCases, missing, unreachableCases } from '../helpers/client-accounts';
import { monthOf } from '../../src/families/client-accounts/traffic';

const CLIENTS = 'DescribeUserOnlineClients';
const KICK = 'KickOutClients';
const USER_STATS = 'DescribeUserOnlineClientStatistics';
const SAG_STATS = 'DescribeSagOnlineClientStatistics';
const FLOW = 'DescribeUserFlowStatistics';
const MODIFY_DNS = 'ModifyClientUserDNS';
const DESCRIBE_DNS = 'DescribeClientUserDNS';

const FIVE_GB = 5 * 1024 ** 3;

async function onlineClientsOf(app: Awaited<ReturnType<typeof testApp>>, userName: string) {
  return expectSuccess(t, CLIENTS, await call(app, CLIENTS, { ...APP, UserName: userName })).Users.User;
}

async function onlineCounts(app: Awaited<ReturnType<typeof testApp>>, ...userNames: string[]) {
  const params = Object.fromEntries(userNames.map((name, i) => [`UserNames.${i + 1}`, name]));
  const body = expectSuccess(t, USER_STATS, await call(app, USER_STATS, { ...APP, ...params }));
  return Object.fromEntries(body.UserStatistics.Statistics.map((s: { UserName: string; OnlineCount: string }) => [s.UserName, s.OnlineCount]));
}

async function sagCounts(app: Awaited<ReturnType<typeof testApp>>, params: Record<string, string> = {}) {
  const body = expectSuccess(t, SAG_STATS, await call(app, SAG_STATS, { RegionId: 'cn-shanghai', ...params }));
  return body.SagStatistics.Statistics;
}

t.test(`${CLIENTS}: the account's clients, oldest first`, async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  const clients = await onlineClientsOf(app, 'onlineuser');
  t.equal(clients.length, 2);
  t.same(clients[0], { ClientIp: '10.20.0.100', OnlineTime: '1717200000' }, 'the fixture time, in Unix seconds as text');
  t.equal(clients[1].ClientIp, '10.20.0.101');
  t.match(clients[1].OnlineTime, /^\d{10}$/, 'loaded without a time: online since loading');
  t.same(await onlineClientsOf(app, 'staticonline'), [{ ClientIp: '10.20.0.10', OnlineTime: clients[1].OnlineTime }]);
  t.same(await onlineClientsOf(app, 'idleuser'), []);
  t.same(await onlineClientsOf(app, 'nosuchuser'), [], 'a name without an account has no clients');
  const xml = await call(app, CLIENTS, { ...APP, UserName: 'onlineuser' }, { format: 'XML' });
  expectXmlSuccess(t, CLIENTS, xml, '<Users><User><ClientIp>10.20.0.100</ClientIp><OnlineTime>1717200000</OnlineTime></User><User>');
});

t.test(`${CLIENTS}: every error, JSON and XML`, async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  await expectErrorCases(t, app, CLIENTS, { ...APP, UserName: 'onlineuser' }, [
    ['UserName missing', { UserName: OMIT }, missing('UserName')],
    ['SmartAGId of spaces', { SmartAGId: ' ' }, E.instanceIdEmpty],
    ['UserName of spaces', { UserName: ' ' }, E.nameEmpty],
    ['UserName malformed', { UserName: 'online user' }, E.nameInvalid],
    ...unreachableCases(E.instanceNoFound),
  ]);
});

t.test(`${KICK}: ends every session of the account, and only those`, async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  t.same(await onlineCounts(app, 'onlineuser', 'staticonline'), { onlineuser: '2', staticonline: '1' });
  t.same(await sagCounts(app, { 'SmartAGIds.1': APP.SmartAGId }), [{ SmartAGId: APP.SmartAGId, OnlineCount: '3' }]);
  const body = expectSuccess(t, KICK, await call(app, KICK, { ...APP, Username: 'onlineuser' }));
  t.same(Object.keys(body), ['RequestId']);
  t.same(await onlineClientsOf(app, 'onlineuser'), []);
  t.same(await onlineCounts(app, 'onlineuser', 'staticonline'), { onlineuser: '0', staticonline: '1' });
  t.same(await sagCounts(app, { 'SmartAGIds.1': APP.SmartAGId }), [{ SmartAGId: APP.SmartAGId, OnlineCount: '1' }]);
  expectXmlSuccess(t, KICK, await call(app, KICK, { ...APP, Username: 'staticonline' }, { format: 'XML' }));
  t.same(await sagCounts(app, { 'SmartAGIds.1': APP.SmartAGId }), [{ SmartAGId: APP.SmartAGId, OnlineCount: '0' }]);
  expectSuccess(t, KICK, await call(app, KICK, { ...APP, Username: 'onlineuser' }), 'nothing left to end: still a success');
  expectSuccess(t, KICK, await call(app, KICK, { ...APP, Username: 'nosuchuser' }), 'no such account: nothing to end');
  t.equal(app.emulator.store.clientUsers.count(ACCOUNT, APP.SmartAGId), 4, 'the accounts stay');
});

t.test(`${KICK}: every error, JSON and XML, changes nothing`, async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  await expectErrorCases(t, app, KICK, { ...APP, Username: 'onlineuser' }, [
    ['Username missing', { Username: OMIT }, missing('Username')],
    ['UserName instead of Username', { Username: OMIT, UserName: 'onlineuser' }, missing('Username')],
    ['Username of spaces', { Username: ' ' }, E.nameEmpty],
    ['Username malformed', { Username: 'online user' }, E.nameInvalid],
    ...unreachableCases(E.instanceNoFound),
  ]);
  t.equal(app.emulator.store.onlineClients.countOfInstance(ACCOUNT, APP.SmartAGId), 3);
});

t.test(`${USER_STATS}: one entry per distinct name, in request order`, async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  const body = expectSuccess(t, USER_STATS, await call(app, USER_STATS, {
    ...APP, 'UserNames.1': 'staticonline', 'UserNames.2': 'onlineuser, idleuser', 'UserNames.3': 'nosuchuser', 'UserNames.4': 'staticonline',
  }));
  t.same(body.UserStatistics.Statistics, [
    { UserName: 'staticonline', OnlineCount: '1' },
    { UserName: 'onlineuser', OnlineCount: '2' },
    { UserName: 'idleuser', OnlineCount: '0' },
    { UserName: 'nosuchuser', OnlineCount: '0' },
  ]);
  const xml = await call(app, USER_STATS, { ...APP, 'UserNames.1': 'onlineuser' }, { format: 'XML' });
  expectXmlSuccess(t, USER_STATS, xml, '<UserStatistics><Statistics><UserName>onlineuser</UserName><OnlineCount>2</OnlineCount></Statistics></UserStatistics>');
});

t.test(`${USER_STATS}: every error, JSON and XML`, async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  await expectErrorCases(t, app, USER_STATS, { ...APP, 'UserNames.1': 'onlineuser' }, [
    ['UserNames missing', { 'UserNames.1': OMIT }, missing('UserNames')],
    ['UserNames without an index', { 'UserNames.1': OMIT, UserNames: 'onlineuser' }, invalidParameterError('UserNames')],
    ['51 names', Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`UserNames.${i + 1}`, `user${i}`])), invalidParameterError('UserNames')],
    ['SmartAGId of spaces', { SmartAGId: ' ' }, E.instanceIdEmpty],
    ['a name of spaces', { 'UserNames.2': '  ' }, E.nameEmpty],
    ['an empty name between commas', { 'UserNames.1': 'onlineuser,,idleuser' }, E.nameEmpty],
    ['a malformed name', { 'UserNames.2': 'idle user' }, E.nameInvalid],
    ...unreachableCases(E.instanceNoFound),
  ]);
});

t.test(`${SAG_STATS}: every SAG APP instance of the region, or the ones named`, async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  t.same(await sagCounts(app), [
    { SmartAGId: 'sag-m9uhqekwnqcnyy****', OnlineCount: '0' },
    { SmartAGId: APP.SmartAGId, OnlineCount: '3' },
  ], 'in creation order: the fixture\'s order');
  t.same(await sagCounts(app, { 'SmartAGIds.1': APP.SmartAGId, 'SmartAGIds.2': 'sag-m9uhqekwnqcnyy****', 'SmartAGIds.3': APP.SmartAGId }), [
    { SmartAGId: APP.SmartAGId, OnlineCount: '3' },
    { SmartAGId: 'sag-m9uhqekwnqcnyy****', OnlineCount: '0' },
  ], 'request order, each once');
  const hangzhou = await sagCounts(app, { RegionId: 'cn-hangzhou' });
  t.notOk(hangzhou.some((s: { SmartAGId: string }) => s.SmartAGId === 'sag-hardware0001'), 'no hardware instance');
  t.ok(hangzhou.every((s: { OnlineCount: string }) => s.OnlineCount === '0'));
  t.same(await sagCounts(app, { RegionId: 'cn-hangzhou', ...AS_OTHER_ACCOUNT }), [{ SmartAGId: 'sag-otheraccount01', OnlineCount: '0' }], "only the caller's instances");
  t.same(await sagCounts(app, { RegionId: 'eu-central-1' }), [], 'a region without instances');
  const xml = await call(app, SAG_STATS, { RegionId: 'cn-shanghai', 'SmartAGIds.1': APP.SmartAGId }, { format: 'XML' });
  expectXmlSuccess(t, SAG_STATS, xml, '<SagStatistics><Statistics><SmartAGId>sag-appclients01</SmartAGId><OnlineCount>3</OnlineCount></Statistics></SagStatistics>');
});

t.test(`${SAG_STATS}: every error, JSON and XML`, async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  const named = { RegionId: 'cn-shanghai', 'SmartAGIds.1': APP.SmartAGId };
  await expectErrorCases(t, app, SAG_STATS, named, [
    ['RegionId missing', { RegionId: OMIT }, missing('RegionId')],
    ['unknown instance', { 'SmartAGIds.2': 'sag-doesnotexist' }, E.invalidSmartagIdNotExist],
    ['instance of another region', { 'SmartAGIds.1': 'sag-ghwa10ko6ndwug****' }, E.invalidSmartagIdNotExist],
    ['instance of another account', AS_OTHER_ACCOUNT, E.invalidSmartagIdNotExist],
    ['hardware instance', { RegionId: 'cn-hangzhou', 'SmartAGIds.1': 'sag-hardware0001' }, E.invalidSmartagIdNotExist],
  ]);
});

t.test(`${FLOW}: traffic and what is left of the free 5 GB`, async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  const figures = async (params: Record<string, string>) => expectSuccess(t, FLOW, await call(app, FLOW, { ...APP, ...params })).SagStatistics.Statistics;
  t.same(await figures({ 'UserNames.1': 'onlineuser', 'UserNames.2': 'idleuser', 'UserNames.3': 'nosuchuser' }), [
    { UserName: 'onlineuser', TotalBytes: String(1024 ** 3), TotalLeaveBytes: String(4 * 1024 ** 3) },
    { UserName: 'idleuser', TotalBytes: '0', TotalLeaveBytes: String(FIVE_GB) },
    { UserName: 'nosuchuser', TotalBytes: '0', TotalLeaveBytes: '0' },
  ], 'the current month by default; no account, no plan');
  t.same(await figures({ 'UserNames.1': 'onlineuser', StatisticsDate: monthOf(Date.now()) }), await figures({ 'UserNames.1': 'onlineuser' }));
  t.same(await figures({ 'UserNames.1': 'onlineuser', StatisticsDate: '202405' }), [
    { UserName: 'onlineuser', TotalBytes: String(6 * 1024 ** 3), TotalLeaveBytes: '0' },
  ], 'more than the plan: nothing left');
  t.same(await figures({ 'UserNames.1': 'onlineuser', StatisticsDate: '202406' }), [
    { UserName: 'onlineuser', TotalBytes: '0', TotalLeaveBytes: String(FIVE_GB) },
  ]);
  expectSuccess(t, KICK, await call(app, KICK, { ...APP, Username: 'onlineuser' }));
  t.same(await figures({ 'UserNames.1': 'onlineuser', StatisticsDate: '202405' }), [
    { UserName: 'onlineuser', TotalBytes: String(6 * 1024 ** 3), TotalLeaveBytes: '0' },
  ], 'ending sessions keeps the traffic');
  const xml = await call(app, FLOW, { ...APP, 'UserNames.1': 'idleuser' }, { format: 'XML' });
  expectXmlSuccess(t, FLOW, xml, `<SagStatistics><Statistics><UserName>idleuser</UserName><TotalBytes>0</TotalBytes><TotalLeaveBytes>${FIVE_GB}</TotalLeaveBytes></Statistics></SagStatistics>`);
});

t.test(`${FLOW}: every error, JSON and XML`, async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  await expectErrorCases(t, app, FLOW, { ...APP, 'UserNames.1': 'onlineuser' }, [
    ['UserNames missing', { 'UserNames.1': OMIT }, missing('UserNames')],
    ['SmartAGId of spaces', { SmartAGId: ' ' }, E.instanceIdEmpty],
    ['a name of spaces', { 'UserNames.1': ' ' }, E.nameEmpty],
    ['a malformed name', { 'UserNames.1': 'online user' }, E.nameInvalid],
    ['StatisticsDate with a hyphen', { StatisticsDate: '2024-05' }, invalidParameterError('StatisticsDate')],
    ['StatisticsDate month 13', { StatisticsDate: '202413' }, invalidParameterError('StatisticsDate')],
    ...unreachableCases(E.instanceNoFound),
  ]);
});

t.test(`${MODIFY_DNS} and ${DESCRIBE_DNS}: both lists replaced whole`, async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  const dns = async (params: Record<string, string> = APP) => {
    const { RequestId: _r, ...lists } = expectSuccess(t, DESCRIBE_DNS, await call(app, DESCRIBE_DNS, params));
    return lists;
  };
  t.same(await dns(), { AppDNS: ['100.100.2.136', '100.100.2.138'], RecoveredDNS: [] }, 'the fixture');
  const source = { RegionId: 'cn-shanghai', SmartAGId: ROAM_SAMPLE.OriginSmartAGId };
  t.same(await dns(source), { AppDNS: [], RecoveredDNS: [] }, 'never set');
  const body = expectSuccess(t, MODIFY_DNS, await call(app, MODIFY_DNS, { ...APP, 'AppDNS.1': '10.0.0.53', 'RecoveredDNS.1': '223.5.5.5', 'RecoveredDNS.2': '223.6.6.6' }));
  t.same(Object.keys(body), ['RequestId']);
  t.same(await dns(), { AppDNS: ['10.0.0.53'], RecoveredDNS: ['223.5.5.5', '223.6.6.6'] });
  expectXmlSuccess(t, DESCRIBE_DNS, await call(app, DESCRIBE_DNS, APP, { format: 'XML' }), '<AppDNS>10.0.0.53</AppDNS><RecoveredDNS>223.5.5.5</RecoveredDNS><RecoveredDNS>223.6.6.6</RecoveredDNS>');
  expectXmlSuccess(t, MODIFY_DNS, await call(app, MODIFY_DNS, { ...APP, 'AppDNS.1': '100.100.2.136' }, { format: 'XML' }));
  t.same(await dns(), { AppDNS: ['100.100.2.136'], RecoveredDNS: [] }, 'RecoveredDNS left out: cleared');
  expectSuccess(t, MODIFY_DNS, await call(app, MODIFY_DNS, APP));
  t.same(await dns(), { AppDNS: [], RecoveredDNS: [] }, 'both left out: both cleared');
  t.same(await dns(source), { AppDNS: [], RecoveredDNS: [] }, 'other instances untouched');
});

t.test(`${MODIFY_DNS}: every error, JSON and XML, changes nothing`, async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  await expectErrorCases(t, app, MODIFY_DNS, { ...APP, 'AppDNS.1': '10.0.0.53' }, [
    ['SmartAGId missing', { SmartAGId: OMIT }, missing('SmartAGId')],
    ['three AppDNS', { 'AppDNS.2': '10.0.0.54', 'AppDNS.3': '10.0.0.55' }, invalidParameterError('AppDNS')],
    ['AppDNS not an address', { 'AppDNS.1': 'dns.example.com' }, E.invalidDnsIp],
    ['AppDNS masked', { 'AppDNS.1': '100.XX.XX.100' }, E.invalidDnsIp],
    ['RecoveredDNS out of range', { 'RecoveredDNS.1': '223.5.5.256' }, E.invalidDnsIp],
    ...unreachableCases(E.instanceNoFound),
  ]);
  t.same(app.emulator.store.appClientSettings.get(ACCOUNT, APP.SmartAGId).appDns, ['100.100.2.136', '100.100.2.138']);
});

t.test(`${DESCRIBE_DNS}: every error, JSON and XML`, async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  await expectErrorCases(t, app, DESCRIBE_DNS, APP, [
    ['SmartAGId missing', { SmartAGId: OMIT }, missing('SmartAGId')],
    ...unreachableCases(E.instanceNoFound),
  ]);
});

t.test('sessions staged through the store show everywhere, and reset brings the fixture ones back', async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  const { onlineClients } = app.emulator.store;
  onlineClients.add({ accountId: ACCOUNT, instanceId: APP.SmartAGId, userName: 'idleuser', clientIp: '10.20.0.7', onlineAt: 1_700_000_000_000 });
  t.same(await onlineClientsOf(app, 'idleuser'), [{ ClientIp: '10.20.0.7', OnlineTime: '1700000000' }]);
  t.same(await onlineCounts(app, 'idleuser'), { idleuser: '1' });
  expectError(t, await call(app, 'DeleteSmartAccessGatewayClientUser', { ...APP, UserName: 'idleuser' }), E.userInUsing);
  t.ok(onlineClients.remove(ACCOUNT, APP.SmartAGId, '10.20.0.7'));
  t.notOk(onlineClients.remove(ACCOUNT, APP.SmartAGId, '10.20.0.7'), 'already ended');
  expectSuccess(t, KICK, await call(app, KICK, { ...APP, Username: 'onlineuser' }));
  t.equal((await app.inject({ method: 'POST', url: '/_emulator/reset' })).statusCode, 200);
  t.equal((await onlineClientsOf(app, 'onlineuser')).length, 2, 'the fixture sessions are back');
});

t.test('GET /_emulator/state shows sessions, traffic and settings', async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  const instance = async () => {
    const state = JSON.parse((await app.inject({ method: 'GET', url: '/_emulator/state' })).body);
    const account = state.accounts.find((a: { id: string }) => a.id === ACCOUNT);
    return account.instances.find((i: { id: string }) => i.id === APP.SmartAGId);
  };
  const before = await instance();
  // The dump is in the fixture shape: client settings sit on the instance, session times in seconds.
  t.match(before, { appDns: ['100.100.2.136', '100.100.2.138'], recoveredDns: [], accelerateBandwidth: 10 });
  const onlineuser = before.clientUsers.find((u: { userName: string }) => u.userName === 'onlineuser');
  t.same(onlineuser.onlineClients[0], { clientIp: '10.20.0.100', onlineTime: 1_717_200_000 });
  t.same(onlineuser.traffic, [{ month: '202405', totalBytes: 6 * 1024 ** 3 }, { month: monthOf(Date.now()), totalBytes: 1024 ** 3 }]);
  expectSuccess(t, KICK, await call(app, KICK, { ...APP, Username: 'onlineuser' }));
  const after = (await instance()).clientUsers.find((u: { userName: string }) => u.userName === 'onlineuser');
  t.same(after.onlineClients, []);
});
