import t from 'tap';
import { testApp, call, ROAM_MESSAGES, ROAM_SAMPLE, UUID_UPPER } from '../helpers/app';

/** Each documented error, with the fixture instance or user that triggers it. */
const ERROR_CASES: [string, Record<string, string>, string][] = [
  ['check 2: malformed name', { UserName: '-test1' }, 'ClientUser.NameInvalid'],
  ['check 2: name over 33 characters', { UserName: 'a'.repeat(34) }, 'ClientUser.NameInvalid'],
  ['check 2: name with a space', { UserName: 'test 1' }, 'ClientUser.NameInvalid'],
  ['check 3: unknown destination', { TargetSmartAGId: 'sag-doesnotexist' }, 'SAG.InstanceNoFound'],
  ['check 3: unknown source', { OriginSmartAGId: 'sag-doesnotexist' }, 'SAG.InstanceNoFound'],
  ['check 3: destination in another region', { RegionId: 'cn-shanghai' }, 'SAG.InstanceNoFound'],
  ['check 3: source in another region', { OriginRegionId: 'cn-hangzhou' }, 'SAG.InstanceNoFound'],
  ['check 3: another account\'s instance', { TargetSmartAGId: 'sag-otheraccount01' }, 'SAG.InstanceNoFound'],
  ['check 4: hardware destination', { TargetSmartAGId: 'sag-hardware0001' }, 'ClientUser.NotSupportAction'],
  ['check 5: unknown user', { UserName: 'nosuchuser' }, 'ResourceNotFound.User'],
  ['check 6: enterprise code differs', { TargetSmartAGId: 'sag-entcode0001' }, 'EnterpriseCode.ConfigDifferent'],
  ['check 7: destination without CIDR', { TargetSmartAGId: 'sag-nocidr0001' }, 'SAG.CidrEmpty'],
  ['check 8: CIDR overlap', { TargetSmartAGId: 'sag-overlap0001' }, 'SAG.CidrOverlap'],
  ['check 9: name exists on destination', { UserName: 'shareduser' }, 'ClientUser.UserExist'],
  ['check 10: destination quota used up', { TargetSmartAGId: 'sag-full0001' }, 'ClientUser.UserOverLimit'],
  ['check 11: bandwidth above the ceiling', { TargetSmartAGId: 'sag-lowbw0001' }, 'ClientUser.BandwidthInvalid'],
  ['check 12: static IP outside destination CIDR', { UserName: 'staticipuser' }, 'ClientUser.InvalidClientIp'],
];

t.test('the documented sample succeeds once, then answers UserExist', async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  const first = await call(app, 'RoamClientUser', ROAM_SAMPLE);
  t.equal(first.status, 200);
  t.equal(first.headers['content-type'], 'application/json;charset=utf-8');
  const body = first.json();
  t.same(Object.keys(body), ['RequestId']);
  t.match(body.RequestId, UUID_UPPER);
  t.equal(first.headers['x-acs-request-id'], body.RequestId);

  const second = await call(app, 'RoamClientUser', ROAM_SAMPLE);
  t.equal(second.status, 400);
  t.equal(second.json().Code, 'ClientUser.UserExist');
  t.equal(second.json().Message, 'The specified user already exists.');
});

t.test('success copies the account to the destination, marked as roamed', async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  const { store } = app.emulator;
  const before = store.clientUsers.find('1000000000000001', 'sag-m9uhqekwnqcnyy****', 'test1')!;
  t.equal((await call(app, 'RoamClientUser', ROAM_SAMPLE, { method: 'POST' })).status, 200);
  const roamed = store.clientUsers.find('1000000000000001', 'sag-ghwa10ko6ndwug****', 'test1')!;
  t.ok(roamed, 'the destination holds the account');
  t.equal(roamed.userMail, before.userMail);
  t.equal(roamed.bandwidth, before.bandwidth);
  t.equal(roamed.clientIp, before.clientIp);
  t.equal(roamed.passwordHash, before.passwordHash);
  t.equal(roamed.state, before.state);
  t.equal(roamed.roamedFromRegionId, 'cn-shanghai');
  t.equal(roamed.roamedFromInstanceId, 'sag-m9uhqekwnqcnyy****');
  t.same(store.clientUsers.find('1000000000000001', 'sag-m9uhqekwnqcnyy****', 'test1'), before, 'the source is unchanged');
  t.equal(store.clientUsers.count('1000000000000001', 'sag-ghwa10ko6ndwug****'), 2, 'counts against the quota');
});

t.test('XML success body matches the documented sample', async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  const response = await call(app, 'RoamClientUser', ROAM_SAMPLE, { format: 'XML' });
  t.equal(response.status, 200);
  t.equal(response.headers['content-type'], 'text/xml;charset=utf-8');
  t.match(response.body, /^<\?xml version="1\.0" encoding="UTF-8"\?><RoamClientUserResponse><RequestId>[0-9A-F-]{36}<\/RequestId><\/RoamClientUserResponse>$/);
});

for (const method of ['GET', 'POST'] as const) {
  for (const format of ['JSON', 'XML'] as const) {
    t.test(`every documented error, ${method} ${format}`, async (t) => {
      const app = await testApp();
      t.teardown(() => app.close());
      for (const [name, change, code] of ERROR_CASES) {
        const response = await call(app, 'RoamClientUser', { ...ROAM_SAMPLE, ...change }, { method, format });
        t.equal(response.status, 400, `${name}: status`);
        if (format === 'JSON') {
          const body = response.json();
          t.equal(body.Code, code, `${name}: code`);
          t.equal(body.Message, ROAM_MESSAGES[code], `${name}: message`);
          t.equal(body.HostId, 'smartag.aliyuncs.com');
          t.equal(body.Recommend, `https://api.aliyun.com/troubleshoot?q=${code}&product=Smartag&requestId=${body.RequestId}`);
          t.equal(response.headers['x-acs-request-id'], body.RequestId);
        } else {
          t.equal(response.headers['content-type'], 'text/xml;charset=utf-8');
          t.match(response.body, new RegExp(`^<\\?xml version="1.0" encoding="UTF-8"\\?><Error><RequestId>[0-9A-F-]{36}</RequestId><HostId>smartag.aliyuncs.com</HostId><Code>${code.replace('.', '\\.')}</Code><Message>`), `${name}: XML envelope`);
        }
      }
      const users = app.emulator.store.clientUsers;
      t.equal(users.count('1000000000000001', 'sag-ghwa10ko6ndwug****'), 1, 'no error changed the destination');
    });
  }
}

t.test('check 1: each required parameter missing or empty', async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  for (const name of Object.keys(ROAM_SAMPLE)) {
    const without: Record<string, string> = { ...ROAM_SAMPLE };
    delete without[name];
    const missing = await call(app, 'RoamClientUser', without);
    t.equal(missing.status, 400);
    t.equal(missing.json().Code, `Missing${name}`);
    t.equal(missing.json().Message, `${name} is mandatory for this action.`);
    const empty = await call(app, 'RoamClientUser', { ...ROAM_SAMPLE, [name]: '' });
    t.equal(empty.json().Code, `Missing${name}`, `${name} empty`);
  }
});

t.test('checks apply in the documented order', async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  const codeOf = async (change: Record<string, string>) => (await call(app, 'RoamClientUser', { ...ROAM_SAMPLE, ...change })).json().Code;
  t.equal(await codeOf({ UserName: '-bad', TargetSmartAGId: 'sag-doesnotexist' }), 'ClientUser.NameInvalid', 'name before instances');
  t.equal(await codeOf({ UserName: 'nosuchuser', TargetSmartAGId: 'sag-hardware0001' }), 'ClientUser.NotSupportAction', 'type before user');
  t.equal(await codeOf({ UserName: 'nosuchuser', TargetSmartAGId: 'sag-entcode0001' }), 'ResourceNotFound.User', 'user before enterprise code');
  t.equal(await codeOf({ TargetSmartAGId: 'sag-full0001', UserName: 'widebanduser' }), 'ClientUser.UserOverLimit', 'quota before bandwidth');
  t.equal(await codeOf({ UserName: 'staticipuser', TargetSmartAGId: 'sag-lowbw0001' }), 'ClientUser.InvalidClientIp', 'bandwidth fits, then the IP');
  t.equal(await codeOf({ UserName: 'widebanduser', TargetSmartAGId: 'sag-lowbw0001' }), 'ClientUser.BandwidthInvalid');
});

t.test('a static IP taken on the destination is refused', async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  const { store } = app.emulator;
  const account = '1000000000000001';
  const destination = store.instances.findInRegion(account, 'cn-hangzhou', 'sag-ghwa10ko6ndwug****')!;
  // Give the source user an address inside the destination's block, and have a destination user hold it.
  store.db.prepare("UPDATE instances SET cidr_blocks = '192.168.10.0/24,172.16.1.0/24' WHERE id = ?").run('sag-m9uhqekwnqcnyy****');
  store.db.prepare("UPDATE instances SET cidr_blocks = '172.16.1.0/24' WHERE id = ?").run(destination.id);
  store.db.prepare("UPDATE client_users SET client_ip = '172.16.1.9' WHERE instance_id = ? AND user_name = 'staticipuser'").run('sag-m9uhqekwnqcnyy****');
  store.db.prepare("UPDATE client_users SET client_ip = '172.16.1.9' WHERE instance_id = ? AND user_name = 'shareduser'").run(destination.id);
  const response = await call(app, 'RoamClientUser', { ...ROAM_SAMPLE, UserName: 'staticipuser' });
  t.equal(response.json().Code, 'SAG.CidrOverlap', 'the source block 172.16.1.0/24 overlaps first');
  store.db.prepare("UPDATE instances SET cidr_blocks = '192.168.10.0/24' WHERE id = ?").run('sag-m9uhqekwnqcnyy****');
  const taken = await call(app, 'RoamClientUser', { ...ROAM_SAMPLE, UserName: 'staticipuser' });
  t.equal(taken.json().Code, 'ClientUser.InvalidClientIp');
  store.db.prepare("UPDATE client_users SET client_ip = NULL WHERE instance_id = ? AND user_name = 'shareduser'").run(destination.id);
  const free = await call(app, 'RoamClientUser', { ...ROAM_SAMPLE, UserName: 'staticipuser' });
  t.equal(free.status, 200, 'once free, the same IP is accepted');
});

t.test('the sample without RegionId answers MissingRegionId', async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  const { RegionId: _omitted, ...withoutRegion } = ROAM_SAMPLE;
  const response = await call(app, 'RoamClientUser', withoutRegion);
  t.equal(response.status, 400);
  t.same(Object.keys(response.json()), ['RequestId', 'HostId', 'Code', 'Message', 'Recommend']);
  t.equal(response.json().Code, 'MissingRegionId');
  t.equal(response.json().Message, 'RegionId is mandatory for this action.');
});
