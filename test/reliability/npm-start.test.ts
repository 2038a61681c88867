/**
 * `npm start` as a newcomer runs it: with nothing changed it does not build
 * again, and SIGTERM to npm stops the server too (no orphan left listening).
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import t from 'tap';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const BUILT_MARKER = path.join(ROOT, 'dist', 'src', 'fixtures', 'fixture-validator.js');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

t.test('npm start: no rebuild when nothing changed; SIGTERM stops npm and the server', async (t) => {
  const builtBefore = fs.statSync(BUILT_MARKER).mtimeMs;
  const npm = spawn('npm', ['start', '--', '--port', '0', '--fixtures', 'none'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const listening = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (/listening on http:\/\/127\.0\.0\.1:\d+/.test(output)) resolve();
    };
    npm.stdout.on('data', onData);
    npm.stderr.on('data', onData);
    npm.once('exit', (code) => reject(new Error(`npm start exited (${code}) before listening:\n${output}`)));
  });
  const exited = new Promise<number | null>((resolve) => npm.once('exit', (code) => resolve(code)));
  t.teardown(() => { if (npm.exitCode === null) npm.kill('SIGKILL'); });
  await listening;
  t.equal(fs.statSync(BUILT_MARKER).mtimeMs, builtBefore, 'the build was not run again');
  const [server] = execFileSync('pgrep', ['-P', String(npm.pid)]).toString().trim().split('\n').map(Number);
  t.match(execFileSync('ps', ['-o', 'args=', '-p', String(server)]).toString(), /^node scripts\/start\.js/, "the server is npm's own child, no shell between");
  npm.kill('SIGTERM');
  t.equal(await exited, 0, 'npm exits 0');
  for (let waited = 0; alive(server) && waited < 2000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
  t.notOk(alive(server), 'the server stopped with it');
});
