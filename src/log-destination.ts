/**
 * Where the log goes: standard output, the lines of one turn of the event
 * loop written together at its end, with one synchronous write.
 *
 * pino's default destination writes asynchronously, through libuv's thread
 * pool: a thread hand-off and a completion wake-up for every write. A test
 * suite calling the emulator one request at a time paid that for every line
 * (bench, UserExist at 1 connection: 145-163 to 132-142 µs of server CPU per
 * call, 3 alternating pairs; at 50 connections about 3 µs less per call).
 * Written at the end of the turn, lines leave as soon as with an
 * asynchronous write, in order, and at most one turn's lines are lost to a
 * SIGKILL (an asynchronous write in flight is lost too). The cost: standard
 * output that blocks (a full pipe, a file on a slow disk) holds the server
 * up while it blocks, as console.log would; `--log-level warn` avoids it.
 */
import { destination } from 'pino';

const pending: string[] = [];
let output: { write(text: string): unknown } | undefined;

/** One stream for every app in the process: they share standard output. */
export const turnLogStream = {
  write(line: string): void {
    output ??= openOutput();
    if (pending.push(line) === 1) setImmediate(flushLog);
  },
};

/** Writes the lines still waiting (also at exit, so nothing logged before process.exit is lost). */
export function flushLog(): void {
  if (pending.length === 0 || !output) return;
  const text = pending.length === 1 ? pending[0] : pending.join('');
  pending.length = 0;
  output.write(text);
}

function openOutput() {
  // sonic-boom in synchronous mode: partial writes and EAGAIN (a non-blocking pipe) are retried.
  const stream = destination({ dest: 1, sync: true });
  process.on('exit', flushLog);
  return stream;
}
