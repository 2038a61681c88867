/**
 * The real CLI as a child process, for the crash and secrets tests: started
 * on a free loopback port, its whole output kept, killed in teardown.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { Test } from 'tap';

export const CLI = path.resolve(__dirname, '..', '..', 'src', 'cli.js');

export interface RunningCli {
  child: ChildProcess;
  url: string;
  port: number;
  /** stdout and stderr so far, interleaved as they arrived. */
  output(): string;
  /** Resolves with how the process ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const LISTENING = /listening (?:at|on) (http:\/\/127\.0\.0\.1:(\d+))/;

/**
 * Starts `node dist/src/cli.js ...args` and resolves once it logs its URL.
 * The process is SIGKILLed in `t`'s teardown if still running.
 */
export function startCli(t: Test, args: string[], startTimeoutMs = 20_000): Promise<RunningCli> {
  const child = spawn(process.execPath, [CLI, '--host', '127.0.0.1', '--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  t.teardown(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
  });
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
    };
    const timer = setTimeout(() => settle(() => {
      child.kill('SIGKILL');
      reject(new Error(`the CLI did not start within ${startTimeoutMs} ms:\n${output}`));
    }), startTimeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = LISTENING.exec(output);
      if (match) settle(() => resolve({ child, url: match[1], port: Number(match[2]), output: () => output, exited }));
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then(({ code, signal }) => settle(() => reject(new Error(`the CLI exited (${code ?? signal}) before listening:\n${output}`))));
  });
}
