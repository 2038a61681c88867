/**
 * Driving the load: one checked window against a server (its CPU read from
 * /proc), the points of a scenario, the baseline, the pacer and the
 * head-to-head comparisons.
 */
import fs from 'node:fs';
import path from 'node:path';
import { checkDeadline, CLI, ROOT, BASELINE, failures, log, median, SETTINGS, tmp, PACER_SEC, CONNECTIONS } from './context';
import { BIG_ACL_PAGES, bigAclPrefix, ROAM_PAIRS, listPrefix, PAGES, roamPath, roamPrefix, signedRoamPaths, userExistPath } from './fixtures';
import type { Expectation, LoadResult, LoadTool, Workload } from './load';
import { BASELINE_SCENARIO, expectation, HEAD_TO_HEAD_ROUNDS, HEAD_TO_HEAD_SEC, SCENARIOS, type FixtureFiles, type HeadToHeadPair, type Scenario } from './scenarios';
import type { HeadToHeadResult, Point, ScenarioResult } from './results';
import { cpuSeconds, LOAD_CPU, startServer, statusKb, stopServer, type Server } from './servers';

export class RoamCursor {
  next = 0;
  advance(by: number): void {
    this.next += by;
    if (this.next >= ROAM_PAIRS) throw new Error(`ran out of (user, destination) pairs (${ROAM_PAIRS}); raise DESTINATIONS`);
  }
}

/**
 * Upper bound on the answers per second of a signed window, to size its list of pre-signed
 * requests: 1.6 times the unsigned success scenario's rate (which runs first), else the
 * baseline's. Running out is reported as a failure, never measured.
 */
export const rateCeiling: Record<number, number> = { 1: 20_000, 10: 40_000, 50: 40_000 };

export function raiseCeiling(points: Point[], factor: number): void {
  for (const p of points) rateCeiling[p.connections] = p.reqPerSec * factor + 500;
}

export function workloadFor(scenario: Scenario, cursor: RoamCursor, connections: number, seconds: number): Workload {
  switch (scenario.kind) {
    case 'exists':
      return { kind: 'fixed', path: userExistPath(scenario.format) };
    case 'list':
      return { kind: 'pages', prefix: listPrefix(scenario.format), pages: PAGES };
    case 'big-acl':
      return { kind: 'pages', prefix: bigAclPrefix(), pages: BIG_ACL_PAGES };
    case 'roam': {
      if (!scenario.strict) return { kind: 'roam', prefix: roamPrefix(scenario.format), start: cursor.next };
      // Signed requests cannot be made in Lua: sign them now (fresh timestamp, one nonce each).
      const count = Math.ceil(rateCeiling[connections] * seconds) + 1000;
      const file = path.join(tmp, `signed-${scenario.id}-${cursor.next}.txt`);
      fs.writeFileSync(file, signedRoamPaths(scenario.format, cursor.next, count).join('\n'));
      return { kind: 'list', file, count };
    }
  }
}

export interface Window {
  result: LoadResult;
  cpuUsPerRequest: number;
  /** The kernel's part of cpuUsPerRequest (stime). */
  systemUsPerRequest: number;
}

/** One load window against `server`, its answers checked and its server CPU read from /proc. */
export async function loadWindow(
  tool: LoadTool, server: Server, where: string, workload: Workload, expect: Expectation, connections: number, seconds: number,
): Promise<Window> {
  checkDeadline();
  const before = cpuSeconds(server.pid);
  const result = await tool.run({ url: server.url, connections, durationSec: seconds, workload, expect, cpu: LOAD_CPU });
  const after = cpuSeconds(server.pid);
  const at = `${where} at ${connections} connection(s)`;
  if (result.unexpected > 0) failures.push({ where: at, detail: `${result.unexpected} unexpected answer(s); first: ${result.firstUnexpected}` });
  if (result.socketErrors > 0) failures.push({ where: at, detail: `${result.socketErrors} socket error(s)` });
  if (result.exhausted > 0) failures.push({ where: at, detail: `ran out of pre-signed requests (${result.exhausted} short)` });
  if (result.requests === 0) failures.push({ where: at, detail: 'no answers at all' });
  const answers = Math.max(1, result.requests);
  const user = after.user - before.user;
  const system = after.system - before.system;
  return { result, cpuUsPerRequest: ((user + system) * 1e6) / answers, systemUsPerRequest: (system * 1e6) / answers };
}

/** Warm-up, then SETTINGS.windows windows per connection count; each figure is the median of its windows. */
export async function measurePoints(name: string, run: (connections: number, seconds: number) => Promise<Window>): Promise<Point[]> {
  log(`${name}: warm-up ${SETTINGS.warmupSec} s at 50 connections`);
  await run(50, SETTINGS.warmupSec);
  const points: Point[] = [];
  for (const connections of CONNECTIONS) {
    const windows: Window[] = [];
    for (let w = 0; w < SETTINGS.windows; w++) windows.push(await run(connections, SETTINGS.windowSec));
    const point: Point = {
      connections,
      reqPerSec: median(windows.map((w) => w.result.reqPerSec)),
      p50: median(windows.map((w) => w.result.p50)),
      p99: median(windows.map((w) => w.result.p99)),
      cpuUsPerRequest: median(windows.map((w) => w.cpuUsPerRequest)),
      systemUsPerRequest: median(windows.map((w) => w.systemUsPerRequest)),
      requests: windows.reduce((sum, w) => sum + w.result.requests, 0),
    };
    log(`${name} c=${connections}: ${point.reqPerSec.toFixed(0)} req/s, p50 ${point.p50} us, p99 ${point.p99} us, ${point.cpuUsPerRequest.toFixed(1)} us CPU/req`);
    points.push(point);
  }
  return points;
}


export async function runBaseline(tool: LoadTool): Promise<ScenarioResult> {
  const server = await startServer('baseline', BASELINE, []);
  try {
    const idleRssKb = statusKb(server.pid, 'VmRSS');
    // The same request line as a RoamClientUser call; the route ignores it and answers 200.
    const workload: Workload = { kind: 'fixed', path: roamPath('JSON', 0) };
    const points = await measurePoints('baseline', (connections, seconds) =>
      loadWindow(tool, server, 'baseline', workload, { status: 200, text: '"RequestId"' }, connections, seconds));
    return { scenario: BASELINE_SCENARIO, points, peakRssKb: statusKb(server.pid, 'VmHWM'), idleRssKb, logBytesPerRequest: 0, accountsWritten: 0 };
  } finally {
    await stopServer(server);
  }
}

/**
 * The machine's speed drifts by 20-60% within minutes (BENCHMARKS.md), so a baseline measured
 * only at the start and the end of a run can meet a different machine than a scenario in the
 * middle. The pacer is a second baseline server, kept running (idle, pinned like the others)
 * for the whole run: a window of it just before and just after each scenario's 50-connection
 * window gives that scenario a baseline of its own moment, and the CPU targets are read
 * against it.
 */
export interface Pacer {
  /** CPU µs per request of one pacer window at 50 connections. */
  measure(): Promise<number>;
  stop(): Promise<void>;
}

export const PACED_CONNECTIONS = 50;

export async function startPacer(tool: LoadTool): Promise<Pacer> {
  const server = await startServer('pacer', BASELINE, []);
  const workload: Workload = { kind: 'fixed', path: roamPath('JSON', 0) };
  const expect = { status: 200, text: '"RequestId"' };
  const window = (seconds: number) => loadWindow(tool, server, 'pacer', workload, expect, PACED_CONNECTIONS, seconds);
  await window(SETTINGS.warmupSec);
  return {
    async measure() {
      return (await window(PACER_SEC)).cpuUsPerRequest;
    },
    stop: () => stopServer(server),
  };
}
export function scenarioArgs(scenario: Scenario, fixtures: FixtureFiles, name: string): string[] {
  const args = ['--fixtures', fixtures[scenario.fixture ?? 'load']];
  if (scenario.db === 'file') {
    const dbFile = path.join(tmp, `${name}.db`);
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(dbFile + suffix, { force: true });
    args.push('--db', dbFile);
  }
  if (scenario.strict) args.push('--auth', 'strict');
  return args;
}

export function implementedActions(): Set<string> {
  // The compiled registry, as the server under test loads it.
  const registry = require(path.join(ROOT, 'dist', 'src', 'families', 'index.js')) as { operations: ReadonlyMap<string, unknown> };
  return new Set(registry.operations.keys());
}

export async function runScenario(
  tool: LoadTool, scenario: Scenario, fixtures: FixtureFiles, implemented: Set<string>, pacer: Pacer,
): Promise<ScenarioResult> {
  const empty = { scenario, points: [], peakRssKb: NaN, idleRssKb: NaN, logBytesPerRequest: NaN, accountsWritten: 0 };
  if (!implemented.has(scenario.action)) {
    log(`${scenario.id}: skipped: not implemented (${scenario.action} is not in src/families/index.ts)`);
    return { ...empty, skipped: 'not implemented' };
  }
  const args = scenarioArgs(scenario, fixtures, scenario.id);
  const server = await startServer(scenario.id, CLI, args);
  try {
    const idleRssKb = statusKb(server.pid, 'VmRSS');
    const cursor = new RoamCursor();
    const paced: number[] = [];
    const points = await measurePoints(scenario.id, async (connections, seconds) => {
      const workload = workloadFor(scenario, cursor, connections, seconds);
      const measured = connections === PACED_CONNECTIONS;
      if (measured) paced.push(await pacer.measure());
      const window = await loadWindow(tool, server, scenario.id, workload, expectation(scenario), connections, seconds);
      if (measured) paced.push(await pacer.measure());
      if (workload.kind === 'list') fs.rmSync(workload.file, { force: true });
      if (scenario.kind === 'roam') cursor.advance(window.result.generated);
      return window;
    });
    const peakRssKb = statusKb(server.pid, 'VmHWM');
    const requests = points.reduce((sum, p) => sum + p.requests, 0);
    const logBytesPerRequest = fs.statSync(server.logFile).size / Math.max(1, requests);
    return {
      scenario, points, peakRssKb, idleRssKb, logBytesPerRequest,
      accountsWritten: scenario.kind === 'roam' ? cursor.next : 0,
      // The first and the last: with several windows per point, the ones around the whole point.
      pacer: paced.length >= 2 ? { before: paced[0], after: paced[paced.length - 1] } : undefined,
    };
  } finally {
    await stopServer(server);
  }
}

export async function runHeadToHead(tool: LoadTool, pair: HeadToHeadPair, fixtures: FixtureFiles): Promise<HeadToHeadResult> {
  const [base, other] = [pair.base, pair.other].map((id) => SCENARIOS.find((s) => s.id === id)!);
  const servers: Server[] = [];
  try {
    for (const scenario of [base, other]) {
      const name = `h2h-${scenario.id}`;
      servers.push(await startServer(name, CLI, scenarioArgs(scenario, fixtures, name)));
    }
    const cursors = [new RoamCursor(), new RoamCursor()];
    const window = async (side: 0 | 1, seconds: number) => {
      const scenario = side === 0 ? base : other;
      const workload = workloadFor(scenario, cursors[side], PACED_CONNECTIONS, seconds);
      const measured = await loadWindow(tool, servers[side], servers[side].name, workload, expectation(scenario), PACED_CONNECTIONS, seconds);
      if (workload.kind === 'list') fs.rmSync(workload.file, { force: true });
      if (scenario.kind === 'roam') cursors[side].advance(measured.result.generated);
      return measured.cpuUsPerRequest;
    };
    log(`head to head ${pair.other} vs ${pair.base}: warm-up ${SETTINGS.warmupSec} s each, then ${HEAD_TO_HEAD_ROUNDS} rounds of ${HEAD_TO_HEAD_SEC} s windows`);
    await window(0, SETTINGS.warmupSec);
    await window(1, SETTINGS.warmupSec);
    const baseCpu = [await window(0, HEAD_TO_HEAD_SEC)];
    const otherCpu: number[] = [];
    for (let round = 0; round < HEAD_TO_HEAD_ROUNDS; round++) {
      otherCpu.push(await window(1, HEAD_TO_HEAD_SEC));
      baseCpu.push(await window(0, HEAD_TO_HEAD_SEC));
    }
    // Against the faster base window around it, for the reason pacedBaseline gives.
    const ratios = otherCpu.map((cpu, i) => cpu / Math.min(baseCpu[i], baseCpu[i + 1]));
    log(`head to head ${pair.other} vs ${pair.base}: ${ratios.map((r) => r.toFixed(2)).join(', ')}`);
    return { pair, baseCpu, otherCpu, ratios };
  } finally {
    for (const server of servers) await stopServer(server);
  }
}

