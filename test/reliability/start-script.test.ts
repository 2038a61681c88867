/**
 * `npm start` (scripts/start.js) on a built tree: no rebuild, the server
 * runs in the start script's own process (a signal stops it, no orphan),
 * and the package builds itself on install (prepare).
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import t from 'tap';

const root = path.resolve(__dirname, '..', '..', '..');
const START = path.join(root, 'scripts', 'start.js');

// Its start-up time is a bench figure (npm run bench), not a timed assertion here.
t.test('nothing changed: no build', async (t) => {
  // The test itself runs from dist/, so the tree is built; build once more if a source moved since.
  spawnSync(process.execPath, [START, '--version'], { encoding: 'utf8' });
  const marker = path.join(root, 'dist', 'src', 'fixtures', 'fixture-validator.js');
  const builtBefore = fs.statSync(marker).mtimeMs;
  const result = spawnSync(process.execPath, [START, '--version'], { encoding: 'utf8', timeout: 15_000 });
  t.equal(result.status, 0);
  t.equal(result.stdout, `${JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version}\n`, 'only the version: no build output');
  t.equal(fs.statSync(marker).mtimeMs, builtBefore, 'the build was not run');
});

t.test('the server is the start script itself: SIGTERM stops it', async (t) => {
  const child = spawn(process.execPath, [START, '--port', '0', '--fixtures', 'none', '--log-format', 'json'], { stdio: ['ignore', 'pipe', 'pipe'] });
  t.teardown(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const first = await new Promise<Record<string, unknown>>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.includes('\n')) resolve(JSON.parse(output.split('\n')[0]) as Record<string, unknown>);
    });
    void exited.then(() => reject(new Error(`exited before listening: ${output}`)));
  });
  t.equal(first.pid, child.pid, 'the process that listens is the one npm start runs');
  t.match(first.msg, /listening on http:\/\/127\.0\.0\.1:\d+$/);
  child.kill('SIGTERM');
  t.same(await exited, { code: 0, signal: null });
});

t.test('installing the package builds it', async (t) => {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string>; files: string[]; bin: Record<string, string>; main: string };
  t.equal(pkg.scripts.prepare, 'npm run build --silent', 'npm install from git or a tarball runs prepare');
  t.equal(pkg.bin['smartag-emulator'], 'dist/src/cli.js');
  t.equal(pkg.main, 'dist/src/index.js');
  t.ok(pkg.files.includes('dist/src'));
  t.match(fs.readFileSync(path.join(root, pkg.bin['smartag-emulator']), 'utf8'), /^#!\/usr\/bin\/env node\n/, 'npx can run the bin');
});
