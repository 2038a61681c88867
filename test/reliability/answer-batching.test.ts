/**
 * API answers are written at the end of the event loop's turn (app.ts,
 * sendAtEndOfTurn), several at once. Over real sockets: pipelined calls on
 * one connection are answered in order, each call on many simultaneous
 * connections gets its own answer, and a connection that goes away before
 * its answer is written costs nobody else theirs.
 */
import t from 'tap';
import net from 'node:net';
import { encodeParams, ROAM_SAMPLE } from '../helpers/app';
import { startEmulator } from '../../src/index';
import { catalogue } from '../../src/protocol/errors';
import { get, pipelined } from './sockets';

const VERSION = '2018-03-13';

function query(params: Record<string, string>): string {
  return `/?${encodeParams({ Version: VERSION, ...params })}`;
}

t.test('answers written together at the end of a turn', async (t) => {
  const emulator = await startEmulator({ logLevel: 'silent' });
  t.teardown(() => emulator.close());
  const { port } = emulator;

  t.test('pipelined calls on one connection are answered in order', async (t) => {
    const answers = await pipelined(port, [
      query({ Action: 'RoamClientUser', ...ROAM_SAMPLE, UserName: 'nosuchuser' }),
      query({ Action: 'DescribeRegions', Version: '2017-01-01' }),
      query({ Action: 'DescribeRegions' }),
      query({ Action: 'RoamClientUser' }),
    ]);
    const bodies = answers.map((answer) => JSON.parse(answer.body));
    t.equal(bodies.length, 4);
    t.equal(bodies[0].Code, 'ResourceNotFound.User');
    t.equal(bodies[1].Code, 'InvalidVersion');
    t.ok(Array.isArray(bodies[2].Regions?.Region), 'DescribeRegions answered third');
    t.equal(bodies[3].Code, 'MissingRegionId');
    t.equal(new Set(bodies.map((body) => body.RequestId)).size, 4, 'four distinct RequestIds');
  });

  t.test('200 simultaneous connections each get their own answer', async (t) => {
    const names = Array.from({ length: 200 }, (_, i) => `ghost${i}`);
    const answers = await Promise.all(names.map((name) => get(port, query({ Action: 'RoamClientUser', ...ROAM_SAMPLE, UserName: name }))));
    t.strictSame(answers.map((answer) => answer.status), names.map(() => catalogue['ResourceNotFound.User'].status));
    t.strictSame(answers.map((answer) => JSON.parse(answer.body).Code), names.map(() => 'ResourceNotFound.User'));
    const journal = emulator.requests({ action: 'RoamClientUser' });
    const byRequestId = new Map(journal.map((entry) => [entry.requestId, entry.params.UserName]));
    t.strictSame(answers.map((answer) => byRequestId.get(JSON.parse(answer.body).RequestId)), names,
      'each answer is the one its own request produced');
  });

  t.test('a client gone before its answer is written does not cost the others theirs', async (t) => {
    const rude = Array.from({ length: 20 }, () => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.write(`GET ${query({ Action: 'DescribeRegions' })} HTTP/1.1\r\nHost: x\r\n\r\n`);
        socket.destroy();
      });
      socket.on('error', () => undefined);
      return socket;
    });
    const polite = await Promise.all(Array.from({ length: 20 }, () => get(port, query({ Action: 'DescribeRegions' }))));
    t.strictSame(polite.map((answer) => answer.status), polite.map(() => 200));
    t.ok(rude.every((socket) => socket.destroyed));
    const health = await get(port, '/_emulator/health');
    t.equal(health.status, 200, 'the server is still answering');
  });
});
