import t from 'tap';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { testApp, call, ROAM_SAMPLE } from '../helpers/app';
import { control } from '../helpers/control';

const DESTINATION = 'sag-ghwa10ko6ndwug****';

t.test('with --db, accounts, keys, resources, snapshots and reset points survive a restart', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'smartag-control-'));
  t.teardown(() => fs.rmSync(dir, { recursive: true, force: true }));
  const db = path.join(dir, 'state.db');

  const first = await testApp({ db });
  const worker = (await control(first, 'POST', '/accounts', {
    name: 'persisted worker',
    fixture: {
      instances: [
        { id: 'sag-m9uhqekwnqcnyy****', regionId: 'cn-shanghai', cidrBlocks: ['10.1.0.0/24'], clientUsers: [{ userName: 'worker1' }] },
        { id: DESTINATION, regionId: 'cn-hangzhou', cidrBlocks: ['10.2.0.0/24'] },
      ],
    },
  })).json();
  t.equal((await call(first, 'RoamClientUser', ROAM_SAMPLE)).status, 200, 'a roamed user in the default account');
  const saved = (await control(first, 'POST', '/snapshots/after-roam')).json();
  t.equal((await call(first, 'RoamClientUser', { ...ROAM_SAMPLE, UserName: 'worker1', AccessKeyId: worker.accessKeyId })).status, 200);
  await control(first, 'POST', '/faults', { action: '*', error: {} });
  const stateBefore = (await control(first, 'GET', '/state')).json();
  await first.close();

  const second = await testApp({ db });
  t.teardown(() => second.close());
  t.strictSame((await control(second, 'GET', '/state')).json(), stateBefore, 'the whole state is back');
  t.match((await control(second, 'GET', '/accounts')).json().accounts, [
    { id: '1000000000000001' },
    { id: '1000000000000002' },
    { id: worker.id, name: 'persisted worker', accessKeyIds: [worker.accessKeyId] },
  ].sort((a, b) => a.id.localeCompare(b.id)));
  t.equal(second.emulator.store.accounts.findKey(worker.accessKeyId)?.accessKeySecret, worker.accessKeySecret, 'the secret too');
  t.ok(second.emulator.store.clientUsers.find('1000000000000001', DESTINATION, 'test1'), 'the roamed user');
  t.strictSame((await control(second, 'GET', '/snapshots')).json(), { snapshots: [saved] });

  t.strictSame((await control(second, 'GET', '/faults')).json(), { faults: [] }, 'fault rules are in memory only');
  t.strictSame((await control(second, 'GET', '/requests/count')).json(), { count: 0 }, 'so is the journal');

  t.equal((await control(second, 'POST', `/reset?account=${worker.id}`)).status, 200);
  t.notOk(second.emulator.store.clientUsers.find(worker.id, DESTINATION, 'worker1'), 'the reset point survived: back to as created');
  t.ok(second.emulator.store.clientUsers.find(worker.id, 'sag-m9uhqekwnqcnyy****', 'worker1'));

  t.equal((await control(second, 'POST', '/snapshots/after-roam/restore')).status, 200, 'a snapshot saved before the restart restores');
  t.ok(second.emulator.store.clientUsers.find('1000000000000001', DESTINATION, 'test1'));
  t.notOk(second.emulator.store.clientUsers.find(worker.id, DESTINATION, 'worker1'), 'as it was when saved');

  t.equal((await control(second, 'POST', '/reset')).status, 200);
  t.notOk(second.emulator.store.accounts.find(worker.id), 'a full reset still goes back to the fixtures');
  t.notOk(second.emulator.store.clientUsers.find('1000000000000001', DESTINATION, 'test1'));
});
