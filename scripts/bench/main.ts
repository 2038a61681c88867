/**
 * `npm run bench`: the emulator's throughput, latency, CPU and memory under
 * load, start-up time and snapshot-restore time, each beside a bare Fastify
 * server measured in the same run (baseline.ts), and the CPU per request of
 * every stateful read against RoamClientUser's UserExist path (reads.ts).
 * Results go to BENCHMARKS.md between the generated-block markers; the
 * hand-written text outside them is kept.
 *
 * Method: the server under test (compiled JS, default settings unless the
 * scenario says otherwise, logging at info to a file) is pinned to CPU 0,
 * the load generator and this script to CPU 1. Each scenario gets a fresh
 * server process: warm-up, then windows at 1, 10 and 50 connections.
 * Server CPU per request is the utime+stime delta of /proc/<pid>/stat over
 * a window divided by the answers counted in it; peak RSS is VmHWM at the
 * end of the scenario. A second baseline server (the pacer) is measured just
 * before and just after each scenario's 50-connection window; the CPU
 * targets read each scenario against those windows (results.ts,
 * pacedBaseline). XML against JSON and signed against unsigned are measured
 * head to head (scenarios.ts, HEAD_TO_HEAD). Every answer is checked; any
 * unexpected one, socket error or missing result fails the run (exit 1,
 * BENCHMARKS.md untouched). The knobs are listed in context.ts.
 *
 * Files: context.ts (paths, knobs, log), servers.ts (process control),
 * load.ts (wrk), fixtures.ts (generated fixtures and request paths),
 * scenarios.ts (data), runner.ts (windows, baseline, pacer, head to head),
 * reads.ts with families/ (the read table), startup.ts, results.ts
 * (statistics), report.ts (Markdown).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { BASELINE, CLI, DEFAULT_FIXTURES, failures, log, ONLY, PROFILE, REPORT, ROOT, started, STARTUP_CLIENT_ACCOUNTS, tmp, WRITE, children } from './context';
import { aclWithRules } from './families/acls';
import { BIG_ACL_ID, BIG_ACL_RULES, bigAclFixture, largeStartupFixture, loadFixture, writeJson } from './fixtures';
import { runReads } from './reads';
import { findLoadTool } from './load';
import { SCENARIOS, HEAD_TO_HEAD, type FixtureFiles } from './scenarios';
import type { HeadToHeadResult, ScenarioResult } from './results';
import { implementedActions, raiseCeiling, runBaseline, runHeadToHead, runScenario, startPacer } from './runner';
import { LOAD_CPU, PINNED } from './servers';
import { measureRestore, measureStartups } from './startup';
import { render, writeReport } from './report';

async function main(): Promise<void> {
  for (const file of [CLI, BASELINE]) {
    if (!fs.existsSync(file)) throw new Error(`${path.relative(ROOT, file)} is missing: run npm run build first`);
  }
  if (LOAD_CPU !== null) spawnSync('taskset', ['-pc', String(LOAD_CPU), String(process.pid)], { stdio: 'ignore' });
  const tool = findLoadTool(log, tmp);
  log(`load generator: ${tool.name} ${tool.version}; ${PINNED ? 'server on CPU 0, load on CPU 1' : 'no CPU pinning'}; temp dir ${tmp}`);
  const fixtures: FixtureFiles = {
    load: writeJson(tmp, 'load-fixture.json', loadFixture()),
    'big-acl': writeJson(tmp, 'big-acl-fixture.json', bigAclFixture(aclWithRules(BIG_ACL_ID, 'cn-hangzhou', BIG_ACL_RULES))),
  };
  const largeFixture = writeJson(tmp, 'startup-fixture.json', largeStartupFixture(DEFAULT_FIXTURES, STARTUP_CLIENT_ACCOUNTS));
  const implemented = implementedActions();

  const baseline = await runBaseline(tool);
  raiseCeiling(baseline.points, 1);
  const results: ScenarioResult[] = [];
  const pacer = await startPacer(tool);
  try {
    for (const scenario of SCENARIOS) {
      if (ONLY && !ONLY.includes(scenario.id)) continue;
      const result = await runScenario(tool, scenario, fixtures, implemented, pacer);
      if (scenario.id === 'roam-json' && !result.skipped) raiseCeiling(result.points, 1.6);
      results.push(result);
    }
  } finally {
    await pacer.stop();
  }
  const headToHead: HeadToHeadResult[] = [];
  for (const pair of HEAD_TO_HEAD) {
    const ran = (id: string) => results.some((r) => r.scenario.id === id && !r.skipped);
    if (ran(pair.base) && ran(pair.other)) headToHead.push(await runHeadToHead(tool, pair, fixtures));
  }
  const reads = await runReads(tool);
  const baselineEnd = await runBaseline(tool);
  log('start-up times');
  const startups = await measureStartups(largeFixture);
  log('restore times');
  const restores = await measureRestore();

  const report = render(tool, baseline, baselineEnd, results, headToHead, reads, startups, restores, (Date.now() - started) / 1000);
  process.stdout.write(`${report}\n`);
  if (failures.length > 0) {
    process.stdout.write(`\nFAILED: ${failures.length} problem(s); BENCHMARKS.md not written.\n`);
    for (const f of failures) process.stdout.write(`- ${f.where}: ${f.detail}\n`);
    process.exitCode = 1;
    return;
  }
  if (WRITE) {
    writeReport(report);
    log(`wrote ${path.relative(ROOT, REPORT)}`);
  }
  if (PROFILE) log(`CPU profiles in ${path.join(tmp, 'profiles')}`);
}

function cleanup(): void {
  for (const child of children) child.kill('SIGKILL');
  if (!PROFILE) fs.rmSync(tmp, { recursive: true, force: true });
}

process.once('SIGINT', () => {
  cleanup();
  process.exit(130);
});

main()
  .catch((error: unknown) => {
    process.stderr.write(`bench: ${String((error as Error)?.stack ?? error)}\n`);
    process.exitCode = 1;
  })
  .finally(cleanup);
