/**
 * What every part of a bench run shares: where things are, the knobs read
 * from the environment, the run's temp dir, its log, its deadline and the
 * list of failures that stop the report from being written.
 *
 * Environment:
 *   BENCH_QUICK=1     smoke run: 2 s windows, 1 per point, 1 s read windows, one head-to-head round
 *                     (about 6 minutes)
 *   BENCH_WRITE=1     also write BENCHMARKS.md after a quick run
 *   BENCH_ONLY=a,b    only these scenario ids (with the baseline, start-up and restore); no write.
 *                     `reads` names the whole read table, `read:<Action>` one read of it.
 *   BENCH_PROFILE=1   run emulator servers with --cpu-prof (profiles in the temp dir)
 *   BENCH_WINDOWS=NxS N windows of S seconds per point (default 1x9; quick 1x2)
 *   BENCH_READ_SEC=S  seconds per read window (default 3; quick 1)
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const CLI = path.join(ROOT, 'dist', 'src', 'cli.js');
export const BASELINE = path.join(ROOT, 'dist', 'scripts', 'bench', 'baseline.js');
export const DEFAULT_FIXTURES = path.join(ROOT, 'fixtures', 'default.json');
export const REPORT = path.join(ROOT, 'BENCHMARKS.md');

export const QUICK = process.env.BENCH_QUICK === '1';
export const ONLY = process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(',').map((s) => s.trim()) : null;
export const PROFILE = process.env.BENCH_PROFILE === '1';
export const WRITE = ONLY === null && (!QUICK || process.env.BENCH_WRITE === '1');

/**
 * One long window per point by default, not several short ones: every wrk run opens its
 * connections afresh, and Node 20's libuv accepts one connection per turn of the event loop,
 * so a server that is already busy takes 50 turns to take on 50 connections, the last ones
 * waiting for all of them. That start of a run is the same for every server but lasts longer
 * the slower the turns are, and in a 3 s window it decided the p99 (BENCHMARKS.md, p99).
 * BENCH_WINDOWS=3x3 measures the old way (3 windows of 3 s, medians).
 */
export const WINDOWS = /^(\d+)x(\d+)$/.exec(process.env.BENCH_WINDOWS ?? '');
export const SETTINGS = {
  ...(QUICK
    ? { windowSec: 2, windows: 1, warmupSec: 1, startupRuns: 3, restoreRuns: 10 }
    : { windowSec: 9, windows: 1, warmupSec: 3, startupRuns: 7, restoreRuns: 50 }),
  ...(WINDOWS ? { windows: Number(WINDOWS[1]), windowSec: Number(WINDOWS[2]) } : {}),
};
/**
 * As long as a scenario's window: every wrk run opens its 50 connections afresh, and a short
 * window's CPU per request carries more of that (a 1 s baseline window read 25-35 µs where
 * 9 s windows read 20-21), which would flatter every ratio to it.
 */
export const PACER_SEC = SETTINGS.windowSec;
export const CONNECTIONS = [1, 10, 50] as const;
export const STARTUP_CLIENT_ACCOUNTS = 10_000;
/** Whole-run guard: every wait below is bounded too. */
export const RUN_DEADLINE_MS = 40 * 60 * 1000;

export const started = Date.now();
export const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'smartag-bench-'));
export const children = new Set<ChildProcess>();

export function log(line: string): void {
  const seconds = ((Date.now() - started) / 1000).toFixed(0).padStart(4);
  process.stderr.write(`[bench ${seconds}s] ${line}\n`);
}

export function checkDeadline(): void {
  if (Date.now() - started > RUN_DEADLINE_MS) throw new Error(`bench exceeded ${RUN_DEADLINE_MS / 60000} minutes`);
}

export interface Failure {
  where: string;
  detail: string;
}
export const failures: Failure[] = [];

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The roam cursor of a scenario: the next fresh (user, destination) pair. */

/**
 * Seconds per window of the read table. Its windows alternate (UserExist, a
 * read, UserExist, ...) and are all this long, so the cost of opening the
 * connections, larger in a short window, weighs on both sides of a ratio.
 */
export const READ_SEC = Number(process.env.BENCH_READ_SEC) || (QUICK ? 1 : 3);

/** Whether the read table measures `action`: always without BENCH_ONLY; with it, `reads` (all) or `read:<Action>`. */
export function readSelected(action: string): boolean {
  return ONLY === null || ONLY.includes('reads') || ONLY.includes(`read:${action}`);
}
