import t from 'tap';
import { testApp, call, ROAM_SAMPLE } from '../helpers/app';
import { control, expectControlError } from '../helpers/control';
import { SnapshotLibrary } from '../../src/control/snapshots';

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

async function stateOf(app: Awaited<ReturnType<typeof testApp>>) {
  return (await control(app, 'GET', '/state')).json();
}

t.test('save, list, restore, delete: a round trip', async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  const initial = await stateOf(app);

  const saved = await control(app, 'POST', '/snapshots/before.roam_1');
  t.equal(saved.status, 200);
  t.strictSame(Object.keys(saved.json()), ['name', 'createdAt']);
  t.equal(saved.json().name, 'before.roam_1');
  t.match(saved.json().createdAt, ISO_TIME);
  t.strictSame((await control(app, 'GET', '/snapshots')).json(), { snapshots: [saved.json()] });

  t.equal((await call(app, 'RoamClientUser', ROAM_SAMPLE)).status, 200);
  const worker = (await control(app, 'POST', '/accounts')).json();
  const changed = await stateOf(app);
  t.notSame(changed, initial);
  t.equal((await control(app, 'POST', '/snapshots/after-roam')).status, 200);

  const restored = await control(app, 'POST', '/snapshots/before.roam_1/restore');
  t.equal(restored.status, 200);
  t.strictSame(restored.json(), { restored: 'before.roam_1' });
  t.strictSame(await stateOf(app), initial);
  t.notOk(app.emulator.store.accounts.find(worker.id), 'an account created after the snapshot is gone');
  t.equal((await call(app, 'RoamClientUser', ROAM_SAMPLE)).status, 200, 'the roam works again');

  await control(app, 'POST', '/snapshots/after-roam/restore');
  t.strictSame(await stateOf(app), changed, 'a later snapshot brings the later state');
  t.equal((await call(app, 'RoamClientUser', { ...ROAM_SAMPLE, UserName: 'test1', AccessKeyId: worker.accessKeyId })).json().Code,
    'SAG.InstanceNoFound', "the restored account's key works again (and sees its own account, which has no instances)");

  t.strictSame((await control(app, 'GET', '/snapshots')).json().snapshots.map((s: { name: string }) => s.name), ['after-roam', 'before.roam_1'], 'sorted by name');
  const deleted = await control(app, 'DELETE', '/snapshots/after-roam');
  t.equal(deleted.status, 200);
  t.strictSame(deleted.json(), { deleted: 'after-roam' });
  t.strictSame((await control(app, 'GET', '/snapshots')).json().snapshots.map((s: { name: string }) => s.name), ['before.roam_1']);
  expectControlError(t, await control(app, 'POST', '/snapshots/after-roam/restore'), 'Emulator.SnapshotNotFound', 'No snapshot named "after-roam".');
});

t.test('saving under an existing name replaces the snapshot', async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  await control(app, 'POST', '/snapshots/s');
  await call(app, 'RoamClientUser', ROAM_SAMPLE);
  const changed = await stateOf(app);
  await control(app, 'POST', '/snapshots/s');
  await control(app, 'POST', '/reset');
  await control(app, 'POST', '/snapshots/s/restore');
  t.strictSame(await stateOf(app), changed);
  t.equal((await control(app, 'GET', '/snapshots')).json().snapshots.length, 1);
});

t.test('a snapshot not in memory is read from the database', async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  await call(app, 'RoamClientUser', ROAM_SAMPLE);
  const changed = await stateOf(app);
  await control(app, 'POST', '/snapshots/persisted');
  await control(app, 'POST', '/reset');
  new SnapshotLibrary(app.emulator.store).restore('persisted'); // a fresh library has nothing cached
  t.strictSame(await stateOf(app), changed);
});

t.test('restore leaves the journal and the fault rules alone', async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  await control(app, 'POST', '/snapshots/empty');
  await call(app, 'RoamClientUser', ROAM_SAMPLE);
  await control(app, 'POST', '/faults', { action: 'RoamClientUser', latencyMs: 0 });
  await control(app, 'POST', '/snapshots/empty/restore');
  t.equal((await control(app, 'GET', '/requests/count')).json().count, 1);
  t.equal((await control(app, 'GET', '/faults')).json().faults.length, 1);
});

t.test('errors', async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  const long = 'a'.repeat(65);
  expectControlError(t, await control(app, 'POST', `/snapshots/${long}`), 'Emulator.InvalidSnapshotName', `Got "${long}".`);
  expectControlError(t, await control(app, 'POST', '/snapshots/two%20words'), 'Emulator.InvalidSnapshotName', 'Got "two words".');
  expectControlError(t, await control(app, 'POST', '/snapshots/caf%C3%A9/restore'), 'Emulator.InvalidSnapshotName', 'Got "café".');
  expectControlError(t, await control(app, 'DELETE', '/snapshots/a:b'), 'Emulator.InvalidSnapshotName', 'Got "a:b".');
  expectControlError(t, await control(app, 'POST', '/snapshots/nothing/restore'), 'Emulator.SnapshotNotFound', 'No snapshot named "nothing".');
  expectControlError(t, await control(app, 'DELETE', '/snapshots/nothing'), 'Emulator.SnapshotNotFound', 'No snapshot named "nothing".');
  t.equal((await control(app, 'POST', `/snapshots/${'a'.repeat(64)}`)).status, 200, '64 characters is the limit');
  t.strictSame((await control(app, 'GET', '/snapshots')).json().snapshots.length, 1, 'no failed call saved anything');
});

t.test('restoring the default fixtures is fast', async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  await control(app, 'POST', '/snapshots/defaults');
  await call(app, 'RoamClientUser', ROAM_SAMPLE);
  const { snapshots } = app.emulator;
  const runs = 200;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    snapshots.restore('defaults');
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(runs / 2)];
  t.comment(`restore of the default fixtures: median ${median.toFixed(3)} ms, p95 ${times[Math.floor(runs * 0.95)].toFixed(3)} ms over ${runs} runs`);
  t.ok(median < 50, 'well under a test-suite hook budget (loose bound)');
});
