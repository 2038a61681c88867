/**
 * The read table: every stateful read (scripts/bench/families) on the
 * default fixtures and on the 1,000-row fixture, each against
 * RoamClientUser's UserExist path on the same server. One server per
 * fixture; its 50-connection windows alternate UserExist, read, UserExist,
 * read, ..., every read warmed up first, and each read's CPU per request is
 * divided by the faster of the two UserExist windows around it
 * (interference only adds CPU time, as with the pacer).
 */
import fs from 'node:fs';
import path from 'node:path';
import { CLI, DEFAULT_FIXTURES, failures, log, READ_SEC, readSelected, ROOT, tmp } from './context';
import { actionPath, defaultUserExistPath, writeJson } from './fixtures';
import { largeReadFixture, READ_ACTION, readEntries } from './families';
import type { Params, ReadEntry } from './families/types';
import type { LoadTool, Workload } from './load';
import { loadWindow, type Window } from './runner';
import { startServer, stopServer, type Server } from './servers';

const CONNECTIONS = 50;
const USER_EXIST = { status: 400, text: '"Code":"ClientUser.UserExist"' };

export type ReadFixture = 'default' | 'large';

export interface ReadPoint {
  cpuUsPerRequest: number;
  /** The faster UserExist window around it. */
  userExistUs: number;
  reqPerSec: number;
  p99: number;
}

export interface ReadResult {
  action: string;
  family: string;
  default?: ReadPoint;
  large?: ReadPoint;
}

/**
 * Every read of the compiled registry (as the server under test loads it) must have an entry: a
 * read without one fails the run, as test/unit/bench-reads.test.ts fails the tests.
 */
function checkEveryReadHasAnEntry(): void {
  const registry = require(path.join(ROOT, 'dist', 'src', 'families', 'index.js')) as { operations: ReadonlyMap<string, unknown> };
  const benched = new Set(readEntries().map((entry) => entry.action));
  for (const action of registry.operations.keys()) {
    if (READ_ACTION.test(action) && !benched.has(action)) {
      failures.push({ where: 'read table', detail: `${action} has no entry in scripts/bench/families` });
    }
  }
}

export async function runReads(tool: LoadTool): Promise<ReadResult[]> {
  checkEveryReadHasAnEntry();
  const entries = readEntries().filter((entry) => readSelected(entry.action));
  if (entries.length === 0) return [];
  const large = writeJson(tmp, 'reads-large-fixture.json', largeReadFixture(JSON.parse(fs.readFileSync(DEFAULT_FIXTURES, 'utf8'))));
  const results = entries.map((entry) => ({ action: entry.action, family: entry.family } as ReadResult));
  for (const [fixture, file] of [['default', DEFAULT_FIXTURES], ['large', large]] as const) {
    const server = await startServer(`reads-${fixture}`, CLI, ['--fixtures', file]);
    try {
      await measureOn(tool, server, fixture, entries, results);
    } finally {
      await stopServer(server);
    }
  }
  return results;
}

async function measureOn(tool: LoadTool, server: Server, fixture: ReadFixture, entries: ReadEntry[], results: ReadResult[]): Promise<void> {
  const userExist: Workload = { kind: 'fixed', path: defaultUserExistPath() };
  const window = (name: string, workload: Workload, expect: typeof USER_EXIST, seconds = READ_SEC): Promise<Window> =>
    loadWindow(tool, server, `reads ${fixture} ${name}`, workload, expect, CONNECTIONS, seconds);
  log(`reads on the ${fixture} fixture: ${entries.length} reads, ${READ_SEC} s windows alternating with UserExist`);
  await window('UserExist warm-up', userExist, USER_EXIST);
  let before = (await window('UserExist', userExist, USER_EXIST)).cpuUsPerRequest;
  for (const [i, entry] of entries.entries()) {
    const calls = fixture === 'default' ? [entry.onDefault] : entry.onLarge;
    const workload = workloadOf(entry.action, calls, fixture);
    const expect = { status: 200, text: fixture === 'default' ? entry.expectDefault : entry.expectLarge };
    await window(`${entry.action} warm-up`, workload, expect, 1);
    const read = await window(entry.action, workload, expect);
    const after = (await window('UserExist', userExist, USER_EXIST)).cpuUsPerRequest;
    const point: ReadPoint = {
      cpuUsPerRequest: read.cpuUsPerRequest,
      userExistUs: Math.min(before, after),
      reqPerSec: read.result.reqPerSec,
      p99: read.result.p99,
    };
    results[i][fixture] = point;
    log(`${entry.action} (${fixture}): ${point.cpuUsPerRequest.toFixed(1)} us CPU/req, ${(point.cpuUsPerRequest / point.userExistUs).toFixed(2)}x UserExist`);
    before = after;
  }
}

function workloadOf(action: string, calls: Params[], fixture: ReadFixture): Workload {
  const paths = calls.map((params) => actionPath(action, params));
  if (paths.length === 1) return { kind: 'fixed', path: paths[0] };
  const file = path.join(tmp, `read-${action}-${fixture}.txt`);
  fs.writeFileSync(file, paths.join('\n'));
  return { kind: 'cycle', file };
}
