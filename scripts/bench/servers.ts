/** Server processes of a run: pinned spawns, health waits, CPU and memory read from /proc, one-off requests. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { checkDeadline, children, CLI, PROFILE, ROOT, tmp } from './context';
import { hasCommand } from './load';

export const cpuCount = os.cpus().length;
export const PINNED = cpuCount >= 2 && hasCommand('taskset');
export const SERVER_CPU = PINNED ? 0 : null;
export const LOAD_CPU = PINNED ? 1 : null;
export const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout?.trim()) || 100;

/** utime and stime of a process, in seconds. */
export function cpuSeconds(pid: number): { user: number; system: number } {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 14 and 15 of proc(5); the slice starts at field 3.
  return { user: Number(fields[11]) / CLOCK_TICKS, system: Number(fields[12]) / CLOCK_TICKS };
}

export function statusKb(pid: number, name: 'VmHWM' | 'VmRSS'): number {
  const match = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) : NaN;
}

export interface Server {
  name: string;
  child: ChildProcess;
  pid: number;
  port: number;
  url: string;
  logFile: string;
  /** Milliseconds from spawn to the first 200 of GET /_emulator/health. */
  startMs: number;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export async function startServer(name: string, script: string, args: string[]): Promise<Server> {
  checkDeadline();
  const port = await freePort();
  const logFile = path.join(tmp, `${name}-${port}.log`);
  const out = fs.openSync(logFile, 'w');
  const nodeArgs = PROFILE && script === CLI ? ['--cpu-prof', '--cpu-prof-dir', path.join(tmp, 'profiles')] : [];
  const command = [process.execPath, ...nodeArgs, script, '--port', String(port), ...args];
  const pinned = SERVER_CPU === null ? command : ['taskset', '-c', String(SERVER_CPU), ...command];
  const spawnedAt = performance.now();
  const child = spawn(pinned[0], pinned.slice(1), { stdio: ['ignore', out, out], cwd: ROOT });
  fs.closeSync(out);
  children.add(child);
  child.once('exit', () => children.delete(child));
  const url = `http://127.0.0.1:${port}`;
  const startMs = await waitHealthy(child, url, logFile, spawnedAt);
  return { name, child, pid: child.pid!, port, url, logFile, startMs };
}

export async function waitHealthy(child: ChildProcess, url: string, logFile: string, spawnedAt: number): Promise<number> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`server exited before answering (${child.exitCode ?? child.signalCode}):\n${tail(logFile)}`);
    }
    const status = await httpStatus('GET', `${url}/_emulator/health`).catch(() => 0);
    if (status === 200) return performance.now() - spawnedAt;
    await sleep(2);
  }
  throw new Error(`server not healthy within 120 s:\n${tail(logFile)}`);
}

export function tail(file: string): string {
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  return text.split('\n').slice(-20).join('\n');
}

export async function stopServer(server: Server): Promise<void> {
  const { child } = server;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

export const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** One request; resolves with the status once the body is read. */
export function httpStatus(method: string, url: string, keepAlive = false): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method, agent: keepAlive ? agent : false, timeout: 10_000 }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', reject);
    request.end();
  });
}

