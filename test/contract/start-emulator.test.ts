/**
 * The in-process API, as the README shows it: one emulator per test file,
 * an account of its own per worker, snapshots, faults and the journal,
 * with the official pop-core client signing every call.
 */
import t from 'tap';
import RPCClient from '@alicloud/pop-core';
import { startEmulator } from '../../src/index';

const ROAM = {
  RegionId: 'cn-hangzhou',
  OriginRegionId: 'cn-shanghai',
  OriginSmartAGId: 'sag-src0001',
  TargetSmartAGId: 'sag-dst0001',
  UserName: 'alice',
};

t.test('a worker account, a snapshot, a fault and the journal through pop-core', async (t) => {
  const emulator = await startEmulator();
  t.teardown(() => emulator.close());

  // An isolated account with its own key pair and resources: no reset between workers needed.
  const worker = emulator.createAccount({
    name: 'worker-1',
    fixture: {
      instances: [
        { id: 'sag-src0001', regionId: 'cn-shanghai', cidrBlocks: ['10.1.0.0/24'], clientUsers: [{ userName: 'alice' }] },
        { id: 'sag-dst0001', regionId: 'cn-hangzhou', cidrBlocks: ['10.2.0.0/24'] },
      ],
    },
  });
  const client = new RPCClient({
    accessKeyId: worker.accessKeyId,
    accessKeySecret: worker.accessKeySecret,
    endpoint: emulator.url,
    apiVersion: '2018-03-13',
  });
  const roam = () => client.request<{ RequestId: string }>('RoamClientUser', ROAM, { method: 'POST' });

  emulator.snapshot('clean');
  t.match(await roam(), { RequestId: /^[0-9A-F-]{36}$/ });
  await t.rejects(roam(), { code: 'ClientUser.UserExist' }, 'the user is already on the destination');

  emulator.restore('clean');
  t.match(await roam(), { RequestId: String }, 'after the restore the roam works again');

  emulator.restore('clean');
  emulator.addFault({ action: 'RoamClientUser', times: 1, error: { code: 'Throttling.User' } });
  await t.rejects(roam(), { code: 'Throttling.User' }, 'the fault answers once');
  t.match(await roam(), { RequestId: String }, 'then calls go through');

  const calls = emulator.requests({ account: worker.id, action: 'RoamClientUser' });
  t.strictSame(calls.map((entry) => [entry.code, entry.fault]), [
    [null, null],
    ['ClientUser.UserExist', null],
    [null, null],
    ['Throttling.User', 'f1'],
    [null, null],
  ]);
  t.equal(calls[0].authFailure, null, 'pop-core signed with the worker secret');
  t.equal(calls[0].params.Signature, '***', 'the signature is redacted');

  emulator.reset({ account: worker.id });
  t.match(await roam(), { RequestId: String }, 'the worker account back to as created');
});

t.test('in-process calls fail with the control-plane codes, the whole explanation in the message', async (t) => {
  const emulator = await startEmulator();
  t.teardown(() => emulator.close());
  t.throws(() => emulator.restore('missing'), {
    name: 'ApiError',
    code: 'Emulator.SnapshotNotFound',
    status: 404,
    message: 'Emulator.SnapshotNotFound: The specified snapshot does not exist. No snapshot named "missing".',
  });
  t.throws(() => emulator.seed({ accounts: [{ id: '42' }] }), {
    code: 'Emulator.InvalidFixture',
    message: 'Emulator.InvalidFixture: The fixture is not valid. At /accounts/0/id: must match pattern "^[0-9]{16}$".',
    details: { description: 'At /accounts/0/id: must match pattern "^[0-9]{16}$".' },
  });
  t.throws(() => emulator.requests({ since: 'soon' }), {
    code: 'Emulator.InvalidRequest',
    message: 'Emulator.InvalidRequest: The control-plane request is not valid. At ?since: expected a sequence number or an ISO 8601 time.',
  });
  t.throws(() => emulator.addFault({ action: 'NoSuchAction', latencyMs: 1 }), {
    message: 'Emulator.InvalidRequest: The control-plane request is not valid. At /action: "NoSuchAction" is not an Action of Smartag 2018-03-13 (use "*" for every action).',
  });
  t.strictSame(emulator.seed({ accounts: [{ id: '3000000000000003' }] }), { accounts: ['3000000000000003'] });
  emulator.reset();
  t.equal(emulator.requests().length, 0);
});

t.test("fixtures: 'none' starts with only the default account, as --fixtures none does", async (t) => {
  const emulator = await startEmulator({ fixtures: 'none' });
  t.teardown(() => emulator.close());
  const response = await fetch(`${emulator.url}/_emulator/accounts`);
  t.strictSame(((await response.json()) as { accounts: { id: string }[] }).accounts.map((account) => account.id), ['1000000000000001']);
  emulator.reset();
  t.equal(emulator.app.emulator.store.accounts.list().length, 1, 'reset goes back to the same empty start');
});
