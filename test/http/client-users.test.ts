import t from 'tap';
import { testApp, call, ROAM_SAMPLE } from '../helpers/app';
import { expectError, expectSuccess, expectXmlSuccess, invalidParameterError } from '../helpers/api-expect';
import {
  ACCOUNT, APP, AS_OTHER_ACCOUNT, E, OMIT, expectErrorCases, missing, unreachableCases, type ErrorCase,
} from '../helpers/client-accounts';
import { verifyPassword } from '../../src/model/passwords';

const CREATE = 'CreateSmartAccessGatewayClientUser';
const DESCRIBE = 'DescribeSmartAccessGatewayClientUsers';
const MODIFY = 'ModifySmartAccessGatewayClientUser';
const DELETE = 'DeleteSmartAccessGatewayClientUser';
const RESET = 'ResetSmartAccessGatewayClientUserPassword';
const ENABLE = 'EnableSmartAccessGatewayUser';
const DISABLE = 'DisableSmartAccessGatewayUser';
const ACCELERATE = 'UpdateSmartAGUserAccelerateConfig';

const NEW_USER = { ...APP, UserName: 'newuser01', Password: 'Passw0rd_new', UserMail: 'new01@example.com', Bandwidth: '3000' };
const FIXTURE_USERS = ['onlineuser', 'staticonline', 'idleuser', 'disableduser'];

async function userNames(app: Awaited<ReturnType<typeof testApp>>, params: Record<string, string> = APP): Promise<string[]> {
  const body = expectSuccess(t, DESCRIBE, await call(app, DESCRIBE, { ...params, PageSize: '50' }));
  return body.Users.User.map((user: { UserName: string }) => user.UserName);
}

t.test(`${CREATE}: with name and password`, async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  const body = expectSuccess(t, CREATE, await call(app, CREATE, NEW_USER));
  t.same(Object.keys(body).sort(), ['Bandwidth', 'ClientIp', 'RequestId', 'UserMail', 'UserName']);
  t.match(body, { UserName: 'newuser01', UserMail: 'new01@example.com', Bandwidth: 3000, ClientIp: '' });
  const stored = app.emulator.store.clientUsers.find(ACCOUNT, APP.SmartAGId, 'newuser01')!;
  t.match(stored, { userMail: 'new01@example.com', bandwidth: 3000, clientIp: null, state: 0, accelerateBandwidth: null });
  t.ok(verifyPassword('Passw0rd_new', stored.passwordHash), 'the password is stored hashed');
  t.not(stored.passwordHash, 'Passw0rd_new');
  t.same(await userNames(app), [...FIXTURE_USERS, 'newuser01'], 'listed last');
});

t.test(`${CREATE}: with neither name nor password the mail is the name and a password is generated`, async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  const { UserName: _n, Password: _p, ...withoutCredentials } = NEW_USER;
  const body = expectSuccess(t, CREATE, await call(app, CREATE, withoutCredentials));
  t.equal(body.UserName, 'new01@example.com');
  const stored = app.emulator.store.clientUsers.find(ACCOUNT, APP.SmartAGId, 'new01@example.com')!;
  t.match(stored.passwordHash, /^scrypt\$/);
});

t.test(`${CREATE}: a static IP, and the XML answer`, async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  const response = await call(app, CREATE, { ...NEW_USER, ClientIp: '10.20.0.254' }, { format: 'XML' });
  expectXmlSuccess(t, CREATE, response, '<UserName>newuser01</UserName>', '<UserMail>new01@example.com</UserMail>', '<Bandwidth>3000</Bandwidth>', '<ClientIp>10.20.0.254</ClientIp>');
  const listed = expectSuccess(t, DESCRIBE, await call(app, DESCRIBE, { ...APP, UserName: 'newuser01' })).Users.User[0];
  t.match(listed, { ClientIp: '10.20.0.254', IsStaticIp: 1 });
  expectError(t, await call(app, CREATE, { ...NEW_USER, UserName: 'newuser02', ClientIp: '10.20.0.254' }), E.invalidClientIp, 'the address is now taken');
});

const CREATE_ERRORS: ErrorCase[] = [
  ['RegionId missing', { RegionId: OMIT }, missing('RegionId')],
  ['SmartAGId missing', { SmartAGId: OMIT }, missing('SmartAGId')],
  ['UserMail missing', { UserMail: OMIT }, missing('UserMail')],
  ['Bandwidth missing', { Bandwidth: OMIT }, missing('Bandwidth')],
  ['Bandwidth not a number', { Bandwidth: 'fast' }, invalidParameterError('Bandwidth')],
  ['UserName of spaces', { UserName: '   ' }, E.nameEmpty],
  ['Password without UserName', { UserName: OMIT }, E.nameEmpty],
  ['UserName of 6 characters', { UserName: 'short1' }, E.nameInvalid],
  ['UserName of 34 characters', { UserName: 'a'.repeat(34) }, E.nameInvalid],
  ['UserName starting with a hyphen', { UserName: '-newuser01' }, E.nameInvalid],
  ['UserName with a space', { UserName: 'new user01' }, E.nameInvalid],
  ['UserName without Password', { Password: OMIT }, E.passwordInvalid],
  ['Password of 7 characters', { Password: 'Passw0r' }, E.passwordInvalid],
  ['Password starting with _', { Password: '_Passw0rd' }, E.passwordInvalid],
  ['Password with a dot', { Password: 'Passw0rd.new' }, E.passwordInvalid],
  ['UserMail of spaces', { UserMail: '  ' }, E.emailEmpty],
  ['UserMail without @', { UserMail: 'new01.example.com' }, E.emailInvalid],
  ['UserMail without a domain suffix', { UserMail: 'new01@example' }, E.emailInvalid],
  ['mail as name, longer than 33', { UserName: OMIT, Password: OMIT, UserMail: 'a.very.long.mailbox.name@example.com' }, E.nameInvalid],
  ['mail as name, with +', { UserName: OMIT, Password: OMIT, UserMail: 'new+01@example.com' }, E.nameInvalid],
  ['Bandwidth 0', { Bandwidth: '0' }, E.bandwidthInvalid],
  ['Bandwidth 20001', { Bandwidth: '20001' }, E.bandwidthInvalid],
  ['ClientIp of spaces', { ClientIp: ' ' }, E.ipEmpty],
  ['ClientIp with 3 parts', { ClientIp: '10.20.0' }, E.ipInvalid],
  ['ClientIp with 256', { ClientIp: '10.20.0.256' }, E.ipInvalid],
  ['ClientIp masked as in the documentation', { ClientIp: '10.0.XX.XX' }, E.ipInvalid],
  ...unreachableCases(E.instanceNoFound).filter(([label]) => label !== 'hardware instance'),
  ['hardware instance', { RegionId: 'cn-hangzhou', SmartAGId: 'sag-hardware0001' }, E.notSupportAction],
  ['instance without CIDR block', { RegionId: 'cn-hangzhou', SmartAGId: 'sag-nocidr0001' }, E.cidrEmpty],
  ['name taken', { UserName: 'idleuser' }, E.userExist],
  ['quota used up', { RegionId: 'cn-hangzhou', SmartAGId: 'sag-full0001' }, E.userOverLimit],
  ['above the instance ceiling of 1000', { RegionId: 'cn-hangzhou', SmartAGId: 'sag-lowbw0001', Bandwidth: '1001' }, E.bandwidthInvalid],
  ['ClientIp outside the CIDR blocks', { ClientIp: '192.168.10.5' }, E.invalidClientIp],
  ['ClientIp the network address', { ClientIp: '10.20.0.0' }, E.invalidClientIp],
  ['ClientIp the broadcast address', { ClientIp: '10.20.0.255' }, E.invalidClientIp],
  ["ClientIp another account's static IP", { ClientIp: '10.20.0.10' }, E.invalidClientIp],
];

t.test(`${CREATE}: every error, JSON and XML, changes nothing`, async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  await expectErrorCases(t, app, CREATE, NEW_USER, CREATE_ERRORS);
  t.equal(app.emulator.store.clientUsers.count(ACCOUNT, APP.SmartAGId), FIXTURE_USERS.length);
});

t.test(`${CREATE}: checks apply in order, parameters before the instance`, async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  const codeOf = async (change: Record<string, string>) => (await call(app, CREATE, { ...NEW_USER, ...change })).json().Code;
  t.equal(await codeOf({ UserName: 'short1', Password: 'bad' }), E.nameInvalid[1], 'name before password');
  t.equal(await codeOf({ Password: 'bad', UserMail: '  ' }), E.passwordInvalid[1], 'password before mail');
  t.equal(await codeOf({ UserMail: 'bad', Bandwidth: '0' }), E.emailInvalid[1], 'mail before bandwidth');
  t.equal(await codeOf({ Bandwidth: '0', ClientIp: 'bad' }), E.bandwidthInvalid[1], 'bandwidth before IP');
  t.equal(await codeOf({ ClientIp: 'bad', SmartAGId: 'sag-doesnotexist' }), E.ipInvalid[1], 'IP format before the instance');
  t.equal(await codeOf({ RegionId: 'cn-hangzhou', SmartAGId: 'sag-full0001', UserName: 'fulluser1' }), E.userExist[1], 'name taken before quota');
  t.equal(await codeOf({ RegionId: 'cn-hangzhou', SmartAGId: 'sag-full0001', ClientIp: '10.0.0.1' }), E.userOverLimit[1], 'quota before static IP');
  t.equal(await codeOf({ RegionId: 'cn-hangzhou', SmartAGId: 'sag-lowbw0001', Bandwidth: '2000', ClientIp: '10.0.0.1' }), E.bandwidthInvalid[1], 'ceiling before static IP');
});

t.test(`${CREATE}: the quota counts every account, and another account's instance takes its own`, async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  for (let n = FIXTURE_USERS.length + 1; n <= 10; n++) {
    expectSuccess(t, CREATE, await call(app, CREATE, { ...NEW_USER, UserName: `newuser${n}` }), `account ${n} of 10`);
  }
  expectError(t, await call(app, CREATE, { ...NEW_USER, UserName: 'newuser11' }), E.userOverLimit);
  const other = { RegionId: 'cn-hangzhou', SmartAGId: 'sag-otheraccount01', ...AS_OTHER_ACCOUNT };
  expectSuccess(t, CREATE, await call(app, CREATE, { ...NEW_USER, ...other, UserName: 'newuser01', ClientIp: '10.10.0.5' }));
  t.same(await userNames(app, other), ['newuser01']);
  t.notOk(app.emulator.store.clientUsers.find('1000000000000002', APP.SmartAGId, 'newuser01'));
});

t.test(`${DESCRIBE}: every documented field, oldest first`, async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  const body = expectSuccess(t, DESCRIBE, await call(app, DESCRIBE, APP));
  t.match(body, { TotalCount: 4, PageNumber: 1, PageSize: 10 });
  t.same(body.Users.User, [
    { UserName: 'onlineuser', UserMail: 'online@example.com', Bandwidth: 2000, State: 0, ClientIp: '', IsStaticIp: 0, AccelerateBandwidth: 5000 },
    { UserName: 'staticonline', UserMail: 'staticonline@example.com', Bandwidth: 2000, State: 0, ClientIp: '10.20.0.10', IsStaticIp: 1, AccelerateBandwidth: 5000 },
    { UserName: 'idleuser', UserMail: 'idle@example.com', Bandwidth: 2000, State: 0, ClientIp: '', IsStaticIp: 0, AccelerateBandwidth: 2000 },
    { UserName: 'disableduser', UserMail: 'disabled@example.com', Bandwidth: 2000, State: 1, ClientIp: '', IsStaticIp: 0, AccelerateBandwidth: 5000 },
  ]);
  const xml = await call(app, DESCRIBE, APP, { format: 'XML' });
  expectXmlSuccess(t, DESCRIBE, xml, '<TotalCount>4</TotalCount>', '<Users><User><UserName>onlineuser</UserName>', '<IsStaticIp>1</IsStaticIp>');
});

t.test(`${DESCRIBE}: an instance without acceleration gives its accounts 0, one below 5 Mbps its own peak`, async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  const sample = { RegionId: 'cn-shanghai', SmartAGId: ROAM_SAMPLE.OriginSmartAGId, UserName: 'test1' };
  t.equal(expectSuccess(t, DESCRIBE, await call(app, DESCRIBE, sample)).Users.User[0].AccelerateBandwidth, 0);
  app.emulator.store.appClientSettings.setAccelerateBandwidth(ACCOUNT, ROAM_SAMPLE.OriginSmartAGId, 4);
  t.equal(expectSuccess(t, DESCRIBE, await call(app, DESCRIBE, sample)).Users.User[0].AccelerateBandwidth, 4000);
});

t.test(`${DESCRIBE}: filters`, async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  const names = async (filter: Record<string, string>) => userNames(app, { ...APP, ...filter });
  t.same(await names({ UserName: 'idleuser' }), ['idleuser']);
  t.same(await names({ UserMail: 'disabled@example.com' }), ['disableduser']);
  t.same(await names({ UserName: 'idleuser', UserMail: 'disabled@example.com' }), [], 'both must match');
  t.same(await names({ UserName: 'idle' }), [], 'exact match only');
  const none = expectSuccess(t, DESCRIBE, await call(app, DESCRIBE, { ...APP, UserName: 'nobody' }));
  t.match(none, { TotalCount: 0, Users: { User: [] } });
  expectXmlSuccess(t, DESCRIBE, await call(app, DESCRIBE, { ...APP, UserName: 'nobody' }, { format: 'XML' }), '<TotalCount>0</TotalCount>', '<Users/>');
});

t.test(`${DESCRIBE}: paging`, async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  for (let n = 5; n <= 7; n++) expectSuccess(t, CREATE, await call(app, CREATE, { ...NEW_USER, UserName: `newuser0${n}` }));
  const page = async (number: string, size: string) => expectSuccess(t, DESCRIBE, await call(app, DESCRIBE, { ...APP, PageNumber: number, PageSize: size }));
  const second = await page('2', '3');
  t.match(second, { TotalCount: 7, PageNumber: 2, PageSize: 3 });
  t.same(second.Users.User.map((user: { UserName: string }) => user.UserName), ['disableduser', 'newuser05', 'newuser06']);
  t.same((await page('3', '3')).Users.User.map((user: { UserName: string }) => user.UserName), ['newuser07']);
  t.match(await page('4', '3'), { TotalCount: 7, PageNumber: 4, Users: { User: [] } }, 'past the end: empty');
  t.equal((await page('1', '50')).Users.User.length, 7);
});

const DESCRIBE_ERRORS: ErrorCase[] = [
  ['SmartAGId missing', { SmartAGId: OMIT }, missing('SmartAGId')],
  ['SmartAGId of spaces', { SmartAGId: '  ' }, E.instanceIdEmpty],
  ['PageSize 51', { PageSize: '51' }, invalidParameterError('PageSize')],
  ['PageSize 0', { PageSize: '0' }, invalidParameterError('PageSize')],
  ['PageNumber 0', { PageNumber: '0' }, invalidParameterError('PageNumber')],
  ...unreachableCases(E.instanceNoFound),
];

t.test(`${DESCRIBE}: every error, JSON and XML`, async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  await expectErrorCases(t, app, DESCRIBE, APP, DESCRIBE_ERRORS);
});

t.test(`${DESCRIBE}: a roamed account is listed on the destination and counts against its quota`, async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  t.equal((await call(app, 'RoamClientUser', ROAM_SAMPLE)).status, 200);
  const destination = { RegionId: ROAM_SAMPLE.RegionId, SmartAGId: ROAM_SAMPLE.TargetSmartAGId };
  const body = expectSuccess(t, DESCRIBE, await call(app, DESCRIBE, destination));
  t.equal(body.TotalCount, 2);
  t.same(body.Users.User.map((user: { UserName: string }) => user.UserName), ['shareduser', 'test1']);
  t.match(body.Users.User[1], { UserMail: 'test1@example.com', Bandwidth: 2000, State: 0, IsStaticIp: 0 });
  const limit = await call(app, 'GetSmartAccessGatewayUseLimit', { RegionId: ROAM_SAMPLE.RegionId });
  expectSuccess(t, 'GetSmartAccessGatewayUseLimit', limit);
  // The destination's quota is 10: 2 used, so 8 more fit and the 11th does not.
  for (let n = 3; n <= 10; n++) {
    expectSuccess(t, CREATE, await call(app, CREATE, { ...NEW_USER, ...destination, UserName: `newuser${n}` }));
  }
  expectError(t, await call(app, CREATE, { ...NEW_USER, ...destination, UserName: 'newuser11' }), E.userOverLimit);
  t.equal(expectSuccess(t, DESCRIBE, await call(app, DESCRIBE, destination)).TotalCount, 10);
});

t.test(`${MODIFY}: bandwidth, mail, both or neither`, async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  const user = { ...APP, UserName: 'staticonline' };
  const bandwidth = expectSuccess(t, MODIFY, await call(app, MODIFY, { ...user, Bandwidth: '500' }));
  t.same(bandwidth, { RequestId: bandwidth.RequestId, UserName: 'staticonline', UserMail: 'staticonline@example.com', Bandwidth: 500, ClientIp: '10.20.0.10' });
  const mail = expectSuccess(t, MODIFY, await call(app, MODIFY, { ...user, Email: 'changed@example.com' }));
  t.match(mail, { UserMail: 'changed@example.com', Bandwidth: 500 });
  const both = await call(app, MODIFY, { ...user, Bandwidth: '20000', Email: 'both@example.com' }, { format: 'XML' });
  expectXmlSuccess(t, MODIFY, both, '<UserMail>both@example.com</UserMail>', '<Bandwidth>20000</Bandwidth>', '<ClientIp>10.20.0.10</ClientIp>');
  const neither = expectSuccess(t, MODIFY, await call(app, MODIFY, user));
  t.match(neither, { UserMail: 'both@example.com', Bandwidth: 20000 });
  t.match(app.emulator.store.clientUsers.find(ACCOUNT, APP.SmartAGId, 'staticonline'), { userMail: 'both@example.com', bandwidth: 20000, clientIp: '10.20.0.10' });
});

t.test(`${MODIFY}: every error, JSON and XML, changes nothing`, async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  const lowCeiling = { RegionId: 'cn-hangzhou', SmartAGId: 'sag-lowbw0001' };
  expectSuccess(t, CREATE, await call(app, CREATE, { ...NEW_USER, ...lowCeiling, Bandwidth: '1000' }));
  const before = app.emulator.store.clientUsers.list(ACCOUNT, APP.SmartAGId);
  await expectErrorCases(t, app, MODIFY, { ...APP, UserName: 'idleuser', Bandwidth: '100' }, [
    ['UserName missing', { UserName: OMIT }, missing('UserName')],
    ['SmartAGId of spaces', { SmartAGId: ' ' }, E.instanceIdEmpty],
    ['UserName of spaces', { UserName: ' ' }, E.nameEmpty],
    ['UserName malformed', { UserName: 'idle user' }, E.nameInvalid],
    ['Bandwidth 0', { Bandwidth: '0' }, E.bandwidthInvalid],
    ['Bandwidth 20001', { Bandwidth: '20001' }, E.bandwidthInvalid],
    ['Email malformed', { Email: 'nobody' }, E.emailInvalid],
    ...unreachableCases(E.instanceNoFound),
    ['no such account', { UserName: 'nosuchuser' }, E.userNotFound],
    ['above the instance ceiling of 1000', { ...lowCeiling, UserName: 'newuser01', Bandwidth: '1001' }, E.bandwidthInvalid],
  ]);
  t.same(app.emulator.store.clientUsers.list(ACCOUNT, APP.SmartAGId), before);
});

t.test(`${DELETE}: the account, its figures and its sessions go`, async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  const { store } = app.emulator;
  store.clientTraffic.set(ACCOUNT, APP.SmartAGId, 'idleuser', '202001', 1000);
  const body = expectSuccess(t, DELETE, await call(app, DELETE, { ...APP, UserName: 'idleuser' }));
  t.same(Object.keys(body), ['RequestId']);
  t.same(await userNames(app), ['onlineuser', 'staticonline', 'disableduser']);
  t.equal(store.clientTraffic.totalBytes(ACCOUNT, APP.SmartAGId, 'idleuser', '202001'), 0, 'traffic figures go with it');
  expectXmlSuccess(t, DELETE, await call(app, DELETE, { ...APP, UserName: 'disableduser' }, { format: 'XML' }));
  t.same(await userNames(app), ['onlineuser', 'staticonline']);
  expectError(t, await call(app, DELETE, { ...APP, UserName: 'idleuser' }), E.userNotFound, 'a second delete');
  expectSuccess(t, CREATE, await call(app, CREATE, { ...NEW_USER, UserName: 'idleuser' }), 'the name is free again');
});

t.test(`${DELETE}: every error, JSON and XML, changes nothing`, async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  await expectErrorCases(t, app, DELETE, { ...APP, UserName: 'idleuser' }, [
    ['UserName missing', { UserName: OMIT }, missing('UserName')],
    ['SmartAGId of spaces', { SmartAGId: ' ' }, E.instanceIdEmpty],
    ['UserName of spaces', { UserName: ' ' }, E.nameEmpty],
    ['UserName malformed', { UserName: '@idleuser' }, E.nameInvalid],
    ...unreachableCases(E.instanceNoFound),
    ['no such account', { UserName: 'nosuchuser' }, E.userNotFound],
    ['traffic this month', { UserName: 'onlineuser' }, E.userInUsing],
    ['a client online', { UserName: 'staticonline' }, E.userInUsing],
  ]);
  t.equal(app.emulator.store.clientUsers.count(ACCOUNT, APP.SmartAGId), FIXTURE_USERS.length);
});

t.test(`${DELETE}: traffic of an earlier month only does not keep an account`, async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  const { store } = app.emulator;
  expectSuccess(t, 'KickOutClients', await call(app, 'KickOutClients', { ...APP, Username: 'staticonline' }));
  store.clientTraffic.set(ACCOUNT, APP.SmartAGId, 'staticonline', '202001', 5);
  expectSuccess(t, DELETE, await call(app, DELETE, { ...APP, UserName: 'staticonline' }));
});

t.test(`${RESET}: the given password, or a generated one`, async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  const { clientUsers } = app.emulator.store;
  const hashOf = () => clientUsers.find(ACCOUNT, APP.SmartAGId, 'idleuser')!.passwordHash;
  const body = expectSuccess(t, RESET, await call(app, RESET, { ...APP, UserName: 'idleuser', Password: 'Brand-new-1' }));
  t.same(Object.keys(body), ['RequestId']);
  t.ok(verifyPassword('Brand-new-1', hashOf()));
  const response = await call(app, RESET, { ...APP, UserName: 'idleuser' }, { format: 'XML' });
  expectXmlSuccess(t, RESET, response);
  t.notOk(verifyPassword('Brand-new-1', hashOf()), 'replaced by a generated one');
  t.match(hashOf(), /^scrypt\$/);
});

t.test(`${RESET}: every error, JSON and XML, changes nothing`, async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  const before = app.emulator.store.clientUsers.find(ACCOUNT, APP.SmartAGId, 'idleuser');
  await expectErrorCases(t, app, RESET, { ...APP, UserName: 'idleuser', Password: 'Brand-new-1' }, [
    ['UserName missing', { UserName: OMIT }, missing('UserName')],
    ['SmartAGId of spaces', { SmartAGId: ' ' }, E.instanceIdEmpty],
    ['UserName of spaces', { UserName: ' ' }, E.nameEmpty],
    ['UserName malformed', { UserName: 'idle/user' }, E.nameInvalid],
    ['Password too short', { Password: 'Short-1' }, E.passwordInvalid],
    ['Password with a space', { Password: 'Brand new 1' }, E.passwordInvalid],
    ...unreachableCases(E.instanceNoFound),
    ['no such account', { UserName: 'nosuchuser' }, E.userNotFound],
  ]);
  t.same(app.emulator.store.clientUsers.find(ACCOUNT, APP.SmartAGId, 'idleuser'), before);
});

t.test(`${ENABLE} and ${DISABLE}: State 0 and 1; disabling ends the account's sessions`, async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  const stateOf = async (userName: string) => expectSuccess(t, DESCRIBE, await call(app, DESCRIBE, { ...APP, UserName: userName })).Users.User[0].State;
  const { onlineClients } = app.emulator.store;
  t.same(Object.keys(expectSuccess(t, DISABLE, await call(app, DISABLE, { ...APP, UserName: 'staticonline' }))), ['RequestId']);
  t.equal(await stateOf('staticonline'), 1);
  t.equal(onlineClients.countOfUser(ACCOUNT, APP.SmartAGId, 'staticonline'), 0, 'its client is gone');
  t.equal(onlineClients.countOfUser(ACCOUNT, APP.SmartAGId, 'onlineuser'), 2, "other accounts' clients stay");
  expectXmlSuccess(t, DISABLE, await call(app, DISABLE, { ...APP, UserName: 'staticonline' }, { format: 'XML' }));
  t.equal(await stateOf('staticonline'), 1, 'disabling twice changes nothing');
  expectSuccess(t, ENABLE, await call(app, ENABLE, { ...APP, UserName: 'staticonline' }));
  t.equal(await stateOf('staticonline'), 0);
  expectXmlSuccess(t, ENABLE, await call(app, ENABLE, { ...APP, UserName: 'disableduser' }, { format: 'XML' }));
  t.equal(await stateOf('disableduser'), 0);
});

for (const action of [ENABLE, DISABLE]) {
  t.test(`${action}: every error, JSON and XML, changes nothing`, async (t) => {
    const app = await testApp();
    t.teardown(() => app.close());
    const before = app.emulator.store.clientUsers.list(ACCOUNT, APP.SmartAGId);
    await expectErrorCases(t, app, action, { ...APP, UserName: 'idleuser' }, [
      ['UserName missing', { UserName: OMIT }, missing('UserName')],
      ['UserName of spaces', { UserName: ' ' }, E.nameEmpty],
      ['UserName malformed', { UserName: 'idle user' }, E.nameInvalid],
      ...unreachableCases(E.instanceNoFound),
      ['no such account', { UserName: 'nosuchuser' }, E.userNotFound],
    ]);
    t.same(app.emulator.store.clientUsers.list(ACCOUNT, APP.SmartAGId), before);
  });
}

t.test(`${ACCELERATE}: an account's own peak, up to the instance's`, async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  const peakOf = async (userName: string) => expectSuccess(t, DESCRIBE, await call(app, DESCRIBE, { ...APP, UserName: userName })).Users.User[0].AccelerateBandwidth;
  const body = expectSuccess(t, ACCELERATE, await call(app, ACCELERATE, { ...APP, UserName: 'onlineuser', Bandwidth: '8000' }));
  t.same(Object.keys(body), ['RequestId']);
  t.equal(await peakOf('onlineuser'), 8000);
  expectXmlSuccess(t, ACCELERATE, await call(app, ACCELERATE, { ...APP, UserName: 'idleuser', Bandwidth: '10000', ClientToken: 'token-1' }, { format: 'XML' }));
  t.equal(await peakOf('idleuser'), 10000, 'the whole instance peak of 10 Mbps');
  expectError(t, await call(app, ACCELERATE, { ...APP, UserName: 'onlineuser', Bandwidth: '1', DryRun: 'true' }), E.dryRun);
  t.equal(await peakOf('onlineuser'), 8000, 'a DryRun call changes nothing');
  expectSuccess(t, ACCELERATE, await call(app, ACCELERATE, { ...APP, UserName: 'onlineuser', Bandwidth: '1', DryRun: 'false' }));
  t.equal(await peakOf('onlineuser'), 1);
});

t.test(`${ACCELERATE}: every error, JSON and XML, changes nothing`, async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  const before = app.emulator.store.clientUsers.list(ACCOUNT, APP.SmartAGId);
  const noAcceleration = { RegionId: 'cn-shanghai', SmartAGId: ROAM_SAMPLE.OriginSmartAGId, UserName: 'test1' };
  await expectErrorCases(t, app, ACCELERATE, { ...APP, UserName: 'idleuser', Bandwidth: '3000' }, [
    ['Bandwidth missing', { Bandwidth: OMIT }, missing('Bandwidth')],
    ['DryRun not a boolean', { DryRun: 'maybe' }, invalidParameterError('DryRun')],
    ['UserName of spaces', { UserName: ' ' }, E.nameEmpty],
    ['UserName malformed', { UserName: 'idle user' }, E.nameInvalid],
    ['Bandwidth 0', { Bandwidth: '0' }, invalidParameterError('Bandwidth')],
    ...unreachableCases(E.gatewayNotFound),
    ['no such account', { UserName: 'nosuchuser' }, E.userNotFound],
    ['above the instance peak of 10 Mbps', { Bandwidth: '10001' }, E.bandwidthExceeded],
    ['an instance without acceleration', { ...noAcceleration, Bandwidth: '1' }, E.bandwidthExceeded],
    ['a DryRun that would fail', { Bandwidth: '10001', DryRun: 'true' }, E.bandwidthExceeded],
  ]);
  t.same(app.emulator.store.clientUsers.list(ACCOUNT, APP.SmartAGId), before);
});

t.test('passwords never appear in an answer or in the state', async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  const secrets = ['Secret-Passw0rd', 'Other-Passw0rd9'];
  const bodies = [
    (await call(app, CREATE, { ...NEW_USER, Password: secrets[0] })).body,
    (await call(app, CREATE, { ...NEW_USER, UserName: 'newuser02', Password: secrets[0] }, { format: 'XML' })).body,
    (await call(app, RESET, { ...APP, UserName: 'newuser01', Password: secrets[1] })).body,
    (await call(app, RESET, { ...APP, UserName: 'newuser01' }, { format: 'XML' })).body,
    (await call(app, DESCRIBE, APP)).body,
    (await call(app, DESCRIBE, APP, { format: 'XML' })).body,
    (await call(app, MODIFY, { ...APP, UserName: 'newuser01' })).body,
    (await app.inject({ method: 'GET', url: '/_emulator/state' })).body,
  ];
  for (const body of bodies) {
    for (const secret of secrets) t.notOk(body.includes(secret), `no ${secret} in ${body.slice(0, 60)}`);
    t.notMatch(body, /"password|<password|scrypt/i, `no password field or hash in ${body.slice(0, 60)}`);
  }
});
