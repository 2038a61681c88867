// The emulator inside a tap test: its own port, a snapshot around the test, the journal to assert on.
// Run: node examples/in-process.test.js, or let tap run it (npx tap examples/in-process.test.js).
const t = require('tap');
const RPCClient = require('@alicloud/pop-core');
const { startEmulator } = require('smartag-emulator');

t.test('my code roams a user', async (t) => {
  const emulator = await startEmulator(); // loopback, a free port, the default fixtures
  t.teardown(() => emulator.close());
  const client = new RPCClient({
    accessKeyId: emulator.accessKeyId, accessKeySecret: emulator.accessKeySecret,
    endpoint: emulator.url, apiVersion: '2018-03-13',
  });
  emulator.snapshot('clean');
  await client.request('RoamClientUser', {
    RegionId: 'cn-hangzhou', OriginRegionId: 'cn-shanghai', UserName: 'test1',
    OriginSmartAGId: 'sag-m9uhqekwnqcnyy****', TargetSmartAGId: 'sag-ghwa10ko6ndwug****',
  });
  t.equal(emulator.requests({ action: 'RoamClientUser', code: 'OK' }).length, 1);
  emulator.restore('clean');
  t.throws(() => emulator.restore('missing'), { code: 'Emulator.SnapshotNotFound' });
});
