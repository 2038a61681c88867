/**
 * Group commit over real sockets (storage/store.ts, app.ts): the API calls
 * of one turn of the event loop share one transaction, committed before any
 * of their answers is written. A call still sees the writes of the calls
 * before it; an answer never reports a write that is not committed; a
 * commit that fails turns every answer of its group into InternalError, in
 * the journal too; and the fault paths that answer late or not at all
 * commit before they wait.
 */
import t from 'tap';
import { encodeParams, ROAM_SAMPLE } from '../helpers/app';
import { startEmulator, type StartedEmulator } from '../../src/index';
import { catalogue } from '../../src/protocol/errors';
import { checkAnswer } from './envelope';
import { get, pipelined } from './sockets';

const VERSION = '2018-03-13';
const TARGET = ROAM_SAMPLE.TargetSmartAGId;

function query(params: Record<string, string>): string {
  return `/?${encodeParams({ Version: VERSION, ...params })}`;
}

function roamedTo(emulator: StartedEmulator, userName: string): boolean {
  const { store, defaultAccountId } = emulator.app.emulator;
  return store.clientUsers.exists(defaultAccountId, TARGET, userName);
}

t.test('group commit', async (t) => {
  const emulator = await startEmulator({ logLevel: 'silent' });
  t.teardown(() => emulator.close());
  const { port } = emulator;
  const { store } = emulator.app.emulator;
  t.beforeEach(() => emulator.reset());

  t.test('calls of one turn see each other\'s writes, and every answered write is committed', async (t) => {
    const answers = await pipelined(port, [
      query({ Action: 'RoamClientUser', ...ROAM_SAMPLE }),
      query({ Action: 'RoamClientUser', ...ROAM_SAMPLE }),
      query({ Action: 'DescribeSmartAccessGatewayClientUsers', RegionId: 'cn-hangzhou', SmartAGId: TARGET, UserName: ROAM_SAMPLE.UserName }),
    ]);
    t.equal(answers[0].status, 200);
    t.equal(JSON.parse(answers[1].body).Code, 'ClientUser.UserExist', 'the second call sees the first call\'s account');
    t.equal(JSON.parse(answers[2].body).Users.User[0]?.UserName, ROAM_SAMPLE.UserName, 'so does the listing after it');
    t.equal(store.db.inTransaction, false, 'nothing is left uncommitted once the answers are out');
    t.equal(roamedTo(emulator, ROAM_SAMPLE.UserName), true);
  });

  t.test('a group whose commit fails: every call of it answers InternalError and nothing of it remains', async (t) => {
    // A deferred foreign key fails only at COMMIT: an account roamed into TARGET adds a row that breaks it.
    store.db.exec(`CREATE TABLE test_parent (id INTEGER PRIMARY KEY);
      CREATE TABLE test_child (parent INTEGER REFERENCES test_parent(id) DEFERRABLE INITIALLY DEFERRED);
      CREATE TEMP TRIGGER test_break_commit AFTER INSERT ON main.client_users BEGIN INSERT INTO test_child VALUES (42); END;`);
    const countBefore = store.clientUsers.count(emulator.app.emulator.defaultAccountId, TARGET);
    t.teardown(() => store.db.exec('DROP TRIGGER IF EXISTS temp.test_break_commit; DROP TABLE test_child; DROP TABLE test_parent;'));
    const answers = await pipelined(port, [
      query({ Action: 'DescribeRegions' }),
      query({ Action: 'RoamClientUser', ...ROAM_SAMPLE }),
      query({ Action: 'RoamClientUser', ...ROAM_SAMPLE, Format: 'XML' }),
    ]);
    const expected = catalogue.InternalError;
    t.strictSame(answers.map((answer) => answer.status), [expected.status, expected.status, expected.status],
      'the read-only call of the same group too: it ran inside the transaction that failed');
    const checked = await Promise.all(answers.map((answer) => checkAnswer(answer, ['DescribeRegions', 'RoamClientUser'], { serverError: true })));
    t.strictSame(checked.map((answer) => answer.code), ['InternalError', 'InternalError', 'InternalError']);
    t.strictSame(checked.map((answer) => answer.format), ['JSON', 'JSON', 'XML']);
    t.equal(checked[1].document.Message, expected.message);
    t.equal(roamedTo(emulator, ROAM_SAMPLE.UserName), false, 'the roam is not there');
    t.equal(store.clientUsers.count(emulator.app.emulator.defaultAccountId, TARGET), countBefore, 'nor in the quota count');
    const journal = emulator.requests({}).slice(-3);
    t.strictSame(journal.map((entry) => [entry.action, entry.status, entry.code]), [
      ['DescribeRegions', expected.status, 'InternalError'],
      ['RoamClientUser', expected.status, 'InternalError'],
      ['RoamClientUser', expected.status, 'InternalError'],
    ], 'the journal says what the clients were told');
    t.equal(journal.map((entry) => entry.requestId).join(), checked.map((answer) => answer.document.RequestId).join(),
      'each error carries its own call\'s RequestId');

    store.db.exec('DROP TRIGGER temp.test_break_commit');
    const retried = await get(port, query({ Action: 'RoamClientUser', ...ROAM_SAMPLE }));
    t.equal(retried.status, 200, 'the next group commits: a retry succeeds');
    t.equal(roamedTo(emulator, ROAM_SAMPLE.UserName), true);
  });

  t.test('a latency fault commits before it waits', async (t) => {
    emulator.addFault({ action: 'RoamClientUser', latencyMs: 400 });
    t.teardown(() => emulator.clearFaults());
    const pending = get(port, query({ Action: 'RoamClientUser', ...ROAM_SAMPLE }));
    await new Promise((resolve) => setTimeout(resolve, 150));
    t.equal(store.db.inTransaction, false, 'no transaction held open across the wait');
    t.equal(roamedTo(emulator, ROAM_SAMPLE.UserName), true, 'the write is committed while the answer waits');
    t.equal((await pending).status, 200);
  });

  t.test('an ambiguous disconnect commits before it drops the connection', async (t) => {
    emulator.addFault({ action: 'RoamClientUser', ambiguous: { disconnect: true } });
    t.teardown(() => emulator.clearFaults());
    const dropped = await get(port, query({ Action: 'RoamClientUser', ...ROAM_SAMPLE })).then(() => false, () => true);
    t.equal(dropped, true, 'no answer');
    t.equal(store.db.inTransaction, false);
    t.equal(roamedTo(emulator, ROAM_SAMPLE.UserName), true);
  });

  t.test('the control plane reads committed state', async (t) => {
    const answers = await pipelined(port, [
      query({ Action: 'RoamClientUser', ...ROAM_SAMPLE }),
      '/_emulator/state',
    ]);
    t.equal(answers[0].status, 200);
    t.equal(store.db.inTransaction, false);
    t.match(answers[1].body, new RegExp(`"${TARGET.replace(/\*/g, '\\*')}"`));
    t.equal(roamedTo(emulator, ROAM_SAMPLE.UserName), true);
  });
});
