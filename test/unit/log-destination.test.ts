/**
 * The log destination (src/log-destination.ts): the lines of one turn of the
 * event loop leave together, in order, in one write to standard output, and
 * lines still waiting when the process exits are written before it does.
 * Each case runs in a child process whose standard output is a pipe.
 */
import t from 'tap';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

const MODULE = path.resolve(__dirname, '..', '..', 'src', 'log-destination.js');

/** Runs `body` in a fresh node with fs.writeSync to fd 1 counted; the count goes to stderr at exit. */
function run(body: string): { stdout: string; writes: number } {
  const script = `
    const fs = require('node:fs');
    let writes = 0;
    const writeSync = fs.writeSync;
    fs.writeSync = function (fd, ...rest) { if (fd === 1) writes++; return writeSync.call(this, fd, ...rest); };
    const { turnLogStream, flushLog } = require(${JSON.stringify(MODULE)});
    // Registered after the module's own exit listener (added by its first line), so it counts that write too.
    let reporting = false;
    const reportAtExit = () => { if (!reporting) process.on('exit', () => process.stderr.write('writes=' + writes)); reporting = true; };
    ${body}
    reportAtExit();
  `;
  const child = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(child.stderr);
  return { stdout: child.stdout, writes: Number(/writes=(\d+)/.exec(child.stderr)?.[1]) };
}

t.test('the lines of one turn leave in one write, in order, after the turn', async (t) => {
  const { stdout, writes } = run(`
    for (let i = 0; i < 100; i++) turnLogStream.write('line ' + i + '\\n');
    setTimeout(() => turnLogStream.write('later\\n'), 5);
  `);
  const expected = [...Array.from({ length: 100 }, (_, i) => `line ${i}`), 'later'];
  t.strictSame(stdout.trimEnd().split('\n'), expected);
  t.equal(writes, 2, 'one write for the turn of 100 lines, one for the later line');
});

t.test('nothing is written before the turn ends', async (t) => {
  const { stdout } = run(`
    turnLogStream.write('first\\n');
    fs.writeSync(1, 'direct\\n');
  `);
  t.strictSame(stdout.split('\n').filter(Boolean), ['direct', 'first']);
});

t.test('lines waiting when the process exits are written', async (t) => {
  const { stdout, writes } = run(`
    turnLogStream.write('before exit 1\\n');
    turnLogStream.write('before exit 2\\n');
    reportAtExit();
    process.exit(0);
  `);
  t.strictSame(stdout.split('\n').filter(Boolean), ['before exit 1', 'before exit 2']);
  t.equal(writes, 1);
});

t.test('flushLog writes what waits at once, and nothing twice', async (t) => {
  const { stdout, writes } = run(`
    turnLogStream.write('a\\n');
    flushLog();
    flushLog();
    turnLogStream.write('b\\n');
  `);
  t.equal(stdout, 'a\nb\n');
  t.equal(writes, 2);
});
