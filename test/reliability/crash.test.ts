/**
 * Crash safety of a file database: the real CLI under a write-heavy load of
 * RoamClientUser successes is killed mid-load (SIGKILL), then stopped
 * cleanly (SIGTERM). After each, it restarts on the same file, the file
 * passes SQLite's integrity check, and every roam whose success the client
 * received is there.
 */
import t, { type Test } from 'tap';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { startCli, type RunningCli } from './cli';
import { checkAnswer } from './envelope';

const ACCOUNT = '1000000000000001';
const SOURCE = 'sag-crashsource01';
const TARGET = 'sag-crashtarget01';
const USERS = 2000;
const CONCURRENCY = 8;
const userName = (i: number) => `user${String(i).padStart(4, '0')}`;

function writeFixture(dir: string): string {
  const file = path.join(dir, 'fixture.json');
  fs.writeFileSync(file, JSON.stringify({
    accounts: [{
      id: ACCOUNT,
      accessKeys: [{ accessKeyId: 'testid', accessKeySecret: 'testsecret' }],
      instances: [
        {
          id: SOURCE, regionId: 'cn-shanghai', cidrBlocks: ['10.0.0.0/16'], userQuota: 5000,
          clientUsers: Array.from({ length: USERS }, (_, i) => ({ userName: userName(i), userMail: `${userName(i)}@example.com` })),
        },
        { id: TARGET, regionId: 'cn-hangzhou', cidrBlocks: ['10.1.0.0/16'], userQuota: 5000 },
      ],
    }],
  }));
  return file;
}

function roamPath(i: number): string {
  const params = new URLSearchParams({
    Action: 'RoamClientUser', Version: '2018-03-13', RegionId: 'cn-hangzhou',
    OriginRegionId: 'cn-shanghai', OriginSmartAGId: SOURCE, TargetSmartAGId: TARGET, UserName: userName(i),
  });
  return `/?${params}`;
}

interface LoadResult {
  /** Users whose roam the client saw succeed. */
  acknowledged: Set<string>;
  /** Answers other than success, by status and code, e.g. "400 ClientUser.UserExist". */
  otherAnswers: Map<string, number>;
  /** Requests that got no answer (the connection was reset or refused). */
  unanswered: number;
}

/**
 * CONCURRENCY keep-alive clients roam users `from`, `from + 1`, ... each
 * once; `onProgress` sees the number of successes after each one. A worker
 * stops at its first unanswered request (the server is gone).
 */
async function roamLoad(cli: RunningCli, from: number, onProgress: (acknowledged: number) => void): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const result: LoadResult = { acknowledged: new Set(), otherAnswers: new Map(), unanswered: 0 };
  let next = from;
  const one = (i: number) => new Promise<boolean>((resolve) => {
    const request = http.get({ host: '127.0.0.1', port: cli.port, path: roamPath(i), agent, timeout: 10_000 }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => { body += chunk; });
      response.on('error', () => resolve(false));
      response.on('end', () => {
        void (async () => {
          if (response.statusCode === 200) {
            result.acknowledged.add(userName(i));
            onProgress(result.acknowledged.size);
          } else {
            let code = '(not an envelope)';
            try {
              code = (await checkAnswer({ status: response.statusCode ?? 0, headers: response.headers, body }, ['RoamClientUser'])).code ?? '';
            } catch {
              code = `(not an envelope: ${body.slice(0, 80)})`;
            }
            const key = `${response.statusCode} ${code}`;
            result.otherAnswers.set(key, (result.otherAnswers.get(key) ?? 0) + 1);
          }
          resolve(true);
        })();
      });
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => {
      result.unanswered++;
      resolve(false);
    });
  });
  const worker = async () => {
    while (next < USERS) {
      if (!(await one(next++))) return;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  agent.destroy();
  return result;
}

async function getJson(cli: RunningCli, urlPath: string): Promise<any> {
  const response = await fetch(`${cli.url}${urlPath}`);
  if (response.status !== 200) throw new Error(`GET ${urlPath}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** Names of the client users the running emulator reports on an instance. */
async function usersOn(cli: RunningCli, instanceId: string): Promise<Set<string>> {
  const state = await getJson(cli, '/_emulator/state');
  const account = state.accounts.find((a: { id: string }) => a.id === ACCOUNT);
  const instance = account?.instances.find((i: { id: string }) => i.id === instanceId);
  if (!instance) throw new Error(`instance ${instanceId} missing from /_emulator/state`);
  return new Set(instance.clientUsers.map((u: { userName: string }) => u.userName));
}

/** SQLite's own checks on the file, with no server running. */
function checkFile(t: Test, file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    t.equal(db.pragma('integrity_check', { simple: true }), 'ok', 'PRAGMA integrity_check is ok');
    t.same(db.pragma('foreign_key_check'), [], 'PRAGMA foreign_key_check finds nothing');
    return db.prepare('SELECT count(*) FROM client_users WHERE instance_id = ?').pluck().get(TARGET) as number;
  } finally {
    db.close();
  }
}

t.test('crash safety of a file database', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'smartag-crash-'));
  t.teardown(() => fs.rmSync(dir, { recursive: true, force: true }));
  const fixture = writeFixture(dir);
  const db = path.join(dir, 'state.db');
  const cliArgs = ['--db', db, '--fixtures', fixture, '--log-level', 'info'];
  let roamed = new Set<string>();
  let nextUser = 0;

  await t.test('SIGKILL mid-load loses no acknowledged roam', async (t) => {
    const cli = await startCli(t, cliArgs);
    const started = performance.now();
    const load = await roamLoad(cli, 0, (acknowledged) => {
      if (acknowledged === 400) cli.child.kill('SIGKILL');
    });
    const exit = await cli.exited;
    t.equal(exit.signal, 'SIGKILL', 'killed');
    t.comment(`${load.acknowledged.size} acknowledged, ${load.unanswered} unanswered in ${(performance.now() - started).toFixed(0)} ms; others ${JSON.stringify([...load.otherAnswers])}`);
    t.ok(load.acknowledged.size >= 400, 'the load was running when the server died');
    t.ok(load.unanswered > 0, 'requests were in flight when it died');
    t.same([...load.otherAnswers], [], 'every answer before the kill was a success');

    const restarted = await startCli(t, cliArgs);
    const present = await usersOn(restarted, TARGET);
    const lost = [...load.acknowledged].filter((name) => !present.has(name));
    t.same(lost, [], 'every acknowledged roam survived the kill');
    const unacknowledged = [...present].filter((name) => !load.acknowledged.has(name));
    t.ok(unacknowledged.length <= CONCURRENCY, `at most one unacknowledged commit per connection in flight (${unacknowledged.length})`);
    t.equal((await usersOn(restarted, SOURCE)).size, USERS, 'the source instance is intact');
    const health = await getJson(restarted, '/_emulator/health');
    t.equal(health.status, 'ok', 'the restarted server is healthy');

    restarted.child.kill('SIGTERM');
    t.same(await restarted.exited, { code: 0, signal: null }, 'the restarted server exits 0 on SIGTERM');
    t.equal(checkFile(t, db), present.size, 'the file holds exactly what the server reported');
    roamed = present;
    nextUser = Math.max(...[...present].map((name) => Number(name.slice(4)))) + 1;
  });

  await t.test('SIGTERM mid-load: clean exit, every acknowledged roam kept, nothing half-done', async (t) => {
    const cli = await startCli(t, cliArgs);
    t.same(await usersOn(cli, TARGET), roamed, 'the state of the previous run is kept (fixtures are not reloaded)');
    const load = await roamLoad(cli, nextUser, (acknowledged) => {
      if (acknowledged === 400) cli.child.kill('SIGTERM');
    });
    const exit = await cli.exited;
    t.same(exit, { code: 0, signal: null }, 'exit code 0 after SIGTERM');
    t.comment(`${load.acknowledged.size} acknowledged, ${load.unanswered} unanswered; others ${JSON.stringify([...load.otherAnswers])}`);
    t.ok(load.acknowledged.size >= 400, 'the load was running when the signal came');
    t.same([...load.otherAnswers], [], 'requests already sent when the signal came were answered, not refused');
    t.match(cli.output(), /"msg":"shutting down"/, 'the shutdown is logged');

    const restarted = await startCli(t, cliArgs);
    const present = await usersOn(restarted, TARGET);
    const expected = new Set([...roamed, ...load.acknowledged]);
    t.same([...present].sort(), [...expected].sort(), 'exactly the acknowledged roams are stored: none lost, none committed unanswered');
    restarted.child.kill('SIGTERM');
    t.same(await restarted.exited, { code: 0, signal: null }, 'exits 0');
    t.equal(checkFile(t, db), expected.size, 'the file agrees');
    roamed = expected;
  });

  await t.test('a request under way at SIGTERM is served in full, and its write kept', async (t) => {
    const cli = await startCli(t, cliArgs);
    const user = [...Array(USERS).keys()].map(userName).find((name) => !roamed.has(name))!;
    const socket = net.connect(cli.port, '127.0.0.1');
    t.teardown(() => socket.destroy());
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => { received += chunk; });
    socket.on('error', () => undefined);
    const closed = new Promise((resolve) => socket.once('close', resolve));
    await new Promise((resolve) => socket.once('connect', resolve));
    // Half the headers before the signal, the rest after it: the connection is busy, so
    // the server neither drops it as idle nor answers before the request is whole.
    socket.write(`GET ${roamPath(Number(user.slice(4)))} HTTP/1.1\r\nHost: 127.0.0.1\r\n`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    cli.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 200));
    socket.write('\r\n');
    await closed;
    t.same(await cli.exited, { code: 0, signal: null }, 'exit code 0');
    t.match(received, /^HTTP\/1\.1 200 /, 'the request was served (no 503)');
    t.match(received, /\r\nconnection: close\r\n/i, 'with Connection: close');
    const body = received.slice(received.indexOf('\r\n\r\n') + 4);
    t.match(JSON.parse(body), { RequestId: /^[0-9A-F-]{36}$/ }, 'its real answer');

    const restarted = await startCli(t, cliArgs);
    t.ok((await usersOn(restarted, TARGET)).has(user), 'the write made while shutting down is kept');
    restarted.child.kill('SIGTERM');
    t.same(await restarted.exited, { code: 0, signal: null }, 'exits 0');
  });
});
