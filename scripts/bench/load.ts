/**
 * The load generator: wrk (installed from Debian's packages when missing)
 * with one Lua script for every workload, or autocannon when wrk cannot be
 * had. Each run is bounded by its duration and a socket timeout, and every
 * answer is checked: a status other than the expected one (or a body
 * without the expected text) is counted, and so are socket errors.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { roamPair, SOURCE_USERS } from './fixtures';

/** How the paths of a run are made. */
export type Workload =
  | { kind: 'fixed'; path: string }
  /** Roam i, i = start, start+1, ... (see fixtures.ts roamPair). */
  | { kind: 'roam'; prefix: string; start: number }
  /** prefix + `&PageNumber=n`, n cycling 1..pages. */
  | { kind: 'pages'; prefix: string; pages: number }
  /** Each line of a file once, in order (pre-signed requests). */
  | { kind: 'list'; file: string; count: number }
  /** The lines of a small file, cycled in order (a read's pages or rows). */
  | { kind: 'cycle'; file: string };

export interface Expectation {
  status: number;
  /** Text every answer's body must contain. */
  text?: string;
}

export interface LoadResult {
  requests: number;
  durationSec: number;
  reqPerSec: number;
  /** Microseconds. */
  p50: number;
  p99: number;
  /** Answers that did not match the expectation. */
  unexpected: number;
  firstUnexpected: string | null;
  /** connect, read, write and timeout errors. */
  socketErrors: number;
  /** Requests generated in this run, those in flight at the end included: how far a counting workload got. */
  generated: number;
  /** A `list` workload ran out of paths. */
  exhausted: number;
}

export interface LoadTool {
  name: string;
  version: string;
  run(options: RunOptions): Promise<LoadResult>;
}

export interface RunOptions {
  url: string;
  connections: number;
  durationSec: number;
  workload: Workload;
  expect: Expectation;
  /** CPU the load generator is pinned to, or null. */
  cpu: number | null;
}

/** wrk if present or installable with apt-get, else autocannon if installed; throws otherwise. `dir` holds wrk's script. */
export function findLoadTool(log: (line: string) => void, dir: string): LoadTool {
  if (!hasCommand('wrk') && process.platform === 'linux' && hasCommand('apt-get')) {
    log('wrk not found: installing it with apt-get (apt-get update && apt-get install -y wrk)');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const options = { stdio: 'inherit' as const, env, timeout: 300_000 };
    const updated = spawnSync('apt-get', ['update'], options);
    if (updated.status === 0) spawnSync('apt-get', ['install', '-y', 'wrk'], options);
  }
  if (hasCommand('wrk')) return wrkTool(dir);
  try {
    const autocannon = require('autocannon');
    const version = (require('autocannon/package.json') as { version: string }).version;
    log('wrk is not available: using autocannon instead (runs inside the bench process)');
    return autocannonTool(autocannon, version);
  } catch {
    throw new Error('Neither wrk (apt-get install wrk) nor autocannon (npm i -D autocannon) is available.');
  }
}

export function hasCommand(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

// ---------------------------------------------------------------------------
// wrk

const LUA = `
-- Written by scripts/bench/load.ts. One thread (-t1); globals are per thread.
local threads = {}
function setup(thread) table.insert(threads, thread) end

function init(args)
  mode = args[1]
  expectStatus = tonumber(args[2])
  expectText = args[3] ~= "-" and args[3] or nil
  count, start, bad, exhausted, firstBad = 0, 0, 0, 0, nil
  if mode == "fixed" then
    fixed = wrk.format("GET", args[4])
  elseif mode == "roam" then
    prefix, users, start = args[4], tonumber(args[5]), tonumber(args[6])
  elseif mode == "pages" then
    prefix, pages = args[4], tonumber(args[5])
  elseif mode == "list" then
    -- Read a line per request, never the whole file: a Lua table of 400,000 request lines made
    -- this wrk stall for tens of milliseconds at a time (p99 60-80 ms against 10-12 ms with
    -- 100,000 lines, the same server and requests), which the list scenarios' p99 then showed.
    paths = assert(io.open(args[4], "r"))
  elseif mode == "cycle" then
    -- A few dozen lines at most: kept as prepared requests.
    cycle = {}
    for line in io.lines(args[4]) do table.insert(cycle, wrk.format("GET", line)) end
  end
end

function request()
  if mode == "fixed" then return fixed end
  local n = count
  if mode == "cycle" then
    count = count + 1
    return cycle[n % #cycle + 1]
  end
  count = count + 1
  if mode == "roam" then
    n = start + n
    return wrk.format("GET", prefix .. "&TargetSmartAGId=sag-benchdest" .. (math.floor(n / users) + 1)
      .. "&UserName=benchuser" .. (n % users + 1))
  elseif mode == "pages" then
    return wrk.format("GET", prefix .. "&PageNumber=" .. (n % pages + 1))
  end
  local p = paths:read("*l")
  if p == nil then
    -- Out of signed paths: answered 400 (MissingVersion), counted, and reported.
    exhausted = exhausted + 1
    return wrk.format("GET", "/?Action=RoamClientUser")
  end
  return wrk.format("GET", p)
end

function response(status, headers, body)
  if status ~= expectStatus or (expectText and not string.find(body, expectText, 1, true)) then
    bad = bad + 1
    if firstBad == nil then firstBad = status .. " " .. string.sub(body, 1, 400) end
  end
end

function done(summary, latency, requests)
  local t = threads[1]
  local e = summary.errors
  io.write(string.format("BENCH_RESULT %.0f %.0f %.0f %.0f %.0f %.0f %.0f %.0f %.0f %.0f %.0f\\n",
    summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50), latency:percentile(99), t:get("bad"), t:get("count"), t:get("exhausted"),
    e.timeout, e.read, e.connect))
  local fb = t:get("firstBad")
  if fb ~= nil then io.write("BENCH_FIRST_BAD " .. string.gsub(fb, "[\\r\\n]", " ") .. "\\n") end
end
`;

function wrkTool(dir: string): LoadTool {
  const version = (spawnSync('wrk', ['--version'], { encoding: 'utf8' }).stdout || '').split('\n')[0].trim();
  const script = path.join(dir, 'workload.lua');
  fs.writeFileSync(script, LUA);
  return {
    name: 'wrk',
    version: version.replace(/^wrk /, '').replace(/ Copyright.*$/, ''),
    async run(options) {
      const args = [
        '-t1', `-c${options.connections}`, `-d${options.durationSec}s`, '--timeout', '5s', '-s', script,
        options.url, '--', ...luaArgs(options),
      ];
      const command = options.cpu === null ? ['wrk', ...args] : ['taskset', '-c', String(options.cpu), 'wrk', ...args];
      const output = await runBounded(command, (options.durationSec + 60) * 1000);
      return parseWrk(output);
    },
  };
}

function luaArgs({ workload, expect }: RunOptions): string[] {
  const common = [String(expect.status), expect.text ?? '-'];
  switch (workload.kind) {
    case 'fixed':
      return ['fixed', ...common, workload.path];
    case 'roam':
      return ['roam', ...common, workload.prefix, String(SOURCE_USERS), String(workload.start)];
    case 'pages':
      return ['pages', ...common, workload.prefix, String(workload.pages)];
    case 'list':
      return ['list', ...common, workload.file];
    case 'cycle':
      return ['cycle', ...common, workload.file];
  }
}

function parseWrk(output: string): LoadResult {
  const line = output.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
  if (!line) throw new Error(`wrk printed no result:\n${output}`);
  const [requests, durationUs, socketErrors, p50, p99, unexpected, generated, exhausted] = line.split(' ').slice(1).map(Number);
  const firstBad = output.split('\n').find((l) => l.startsWith('BENCH_FIRST_BAD '));
  const durationSec = durationUs / 1e6;
  return {
    requests,
    durationSec,
    reqPerSec: requests / durationSec,
    p50,
    p99,
    unexpected,
    firstUnexpected: firstBad ? firstBad.slice('BENCH_FIRST_BAD '.length) : null,
    socketErrors,
    generated,
    exhausted,
  };
}

/** Runs a command to its end or kills it (by its own pid) after `timeoutMs`. */
function runBounded(command: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command[0], command.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (out += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else reject(new Error(`${command[0]} exited with ${code}:\n${out}`));
    });
  });
}

// ---------------------------------------------------------------------------
// autocannon (fallback; runs in this process, which the bench pins to the load CPU)

interface AutocannonResult {
  requests: { total: number };
  latency: { p50: number; p99: number };
  duration: number;
  errors: number;
  timeouts: number;
}

type Autocannon = (options: Record<string, unknown>, done: (error: Error | null, result: AutocannonResult) => void) => unknown;

function autocannonTool(autocannon: Autocannon, version: string): LoadTool {
  return {
    name: 'autocannon',
    version,
    run(options) {
      const next = pathGenerator(options.workload);
      let generated = 0;
      let unexpected = 0;
      let exhausted = 0;
      let firstUnexpected: string | null = null;
      return new Promise((resolve, reject) => {
        autocannon({
          url: options.url,
          connections: options.connections,
          duration: options.durationSec,
          timeout: 5,
          requests: [{
            method: 'GET',
            setupRequest: (request: Record<string, unknown>) => {
              const p = next(generated++);
              if (p === undefined) exhausted++;
              return { ...request, path: p ?? '/?Action=RoamClientUser' };
            },
            onResponse: (status: number, body: string) => {
              const ok = status === options.expect.status && (!options.expect.text || body.includes(options.expect.text));
              if (!ok) {
                unexpected++;
                firstUnexpected ??= `${status} ${body.slice(0, 400)}`;
              }
            },
          }],
        }, (error, result) => {
          if (error) return reject(error);
          resolve({
            requests: result.requests.total,
            durationSec: result.duration,
            reqPerSec: result.requests.total / result.duration,
            // autocannon reports milliseconds.
            p50: result.latency.p50 * 1000,
            p99: result.latency.p99 * 1000,
            unexpected,
            firstUnexpected,
            socketErrors: result.errors + result.timeouts,
            generated,
            exhausted,
          });
        });
      });
    },
  };
}

function pathGenerator(workload: Workload): (n: number) => string | undefined {
  switch (workload.kind) {
    case 'fixed':
      return () => workload.path;
    case 'roam':
      return (n) => {
        const pair = roamPair(workload.start + n);
        return `${workload.prefix}&TargetSmartAGId=${pair.TargetSmartAGId}&UserName=${pair.UserName}`;
      };
    case 'pages':
      return (n) => `${workload.prefix}&PageNumber=${(n % workload.pages) + 1}`;
    case 'list': {
      const paths = fs.readFileSync(workload.file, 'utf8').split('\n');
      return (n) => (n < workload.count ? paths[n] : undefined);
    }
    case 'cycle': {
      const paths = fs.readFileSync(workload.file, 'utf8').split('\n').filter((line) => line !== '');
      return (n) => paths[n % paths.length];
    }
  }
}
