/** Start-up times (bare Fastify, default fixtures, a large fixture) and snapshot-restore times. */
import { BASELINE, CLI, failures, median, SETTINGS, STARTUP_CLIENT_ACCOUNTS } from './context';
import { documentedRoamPath } from './fixtures';
import type { RestoreResult, StartupResult } from './results';
import { httpStatus, startServer, stopServer } from './servers';

export async function measureStartups(largeFixture: string): Promise<StartupResult[]> {
  const kinds = [
    { name: 'bare Fastify (baseline)', script: BASELINE, args: [] as string[] },
    { name: 'emulator, default fixtures', script: CLI, args: [] as string[] },
    { name: `emulator, ${STARTUP_CLIENT_ACCOUNTS.toLocaleString('en')}-account fixture`, script: CLI, args: ['--fixtures', largeFixture] },
  ];
  const runs = kinds.map(() => [] as number[]);
  // Interleaved, so a slow moment of the machine is spread over all three.
  for (let r = 0; r < SETTINGS.startupRuns; r++) {
    for (const [k, kind] of kinds.entries()) {
      const server = await startServer(`startup${k}`, kind.script, kind.args);
      runs[k].push(server.startMs);
      await stopServer(server);
    }
  }
  return kinds.map((kind, k) => ({ name: kind.name, medianMs: median(runs[k]), runs: runs[k] }));
}

export async function timed(method: string, url: string, expected = 200): Promise<number> {
  const t0 = performance.now();
  const status = await httpStatus(method, url, true);
  const ms = performance.now() - t0;
  if (status !== expected) failures.push({ where: `${method} ${url}`, detail: `status ${status}, expected ${expected}` });
  return ms;
}

export async function measureRestore(): Promise<RestoreResult[]> {
  const server = await startServer('restore', CLI, []);
  try {
    const results: RestoreResult[] = [];
    // Each restore undoes one write, so it never restores an unchanged state only.
    const write = `${server.url}${documentedRoamPath()}`;
    const snapshotStatus = await httpStatus('POST', `${server.url}/_emulator/snapshots/bench`, true);
    if (snapshotStatus === 200 || snapshotStatus === 201) {
      const times: number[] = [];
      for (let r = 0; r < SETTINGS.restoreRuns; r++) {
        await timed('GET', write);
        times.push(await timed('POST', `${server.url}/_emulator/snapshots/bench/restore`));
      }
      results.push({ what: 'POST /_emulator/snapshots/{name}/restore', medianMs: median(times), maxMs: Math.max(...times), runs: times.length, note: 'default fixtures; round trip seen by the client' });
    }
    const times: number[] = [];
    for (let r = 0; r < SETTINGS.restoreRuns; r++) {
      await timed('GET', write);
      times.push(await timed('POST', `${server.url}/_emulator/reset`));
    }
    results.push({
      what: 'POST /_emulator/reset',
      medianMs: median(times),
      maxMs: Math.max(...times),
      runs: times.length,
      note: results.length === 0
        ? `snapshot routes absent (POST /_emulator/snapshots/bench answered ${snapshotStatus}): reset, which restores the baseline image, measured instead`
        : 'restores the baseline image of the default fixtures',
    });
    return results;
  } finally {
    await stopServer(server);
  }
}

