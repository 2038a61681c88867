/**
 * Start-up failures of the real CLI: a --db that cannot be used (missing
 * directory, not a database, damaged pages, a newer schema, read-only) and a
 * port in use each exit 2 with one line naming the file or port, the cause
 * and the fix; never a stack, never a server answering 500 on a bad file.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import t, { type Test } from 'tap';
import { CLI, startCli } from './cli';

function runCli(args: string[]): { status: number | null; stderr: string; stdout: string } {
  const result = spawnSync(process.execPath, [CLI, '--host', '127.0.0.1', '--port', '0', '--fixtures', 'none', ...args], { encoding: 'utf8', timeout: 15_000 });
  return { status: result.status, stderr: result.stderr, stdout: result.stdout };
}

function expectOneLine(t: Test, args: string[], line: string) {
  const result = runCli(args);
  t.equal(result.status, 2, 'exit code 2');
  t.equal(result.stderr, `smartag-emulator: ${line}\n`, 'one line: what, why, and the fix');
  t.equal(result.stdout, '', 'nothing else');
}

function tempDir(t: Test): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'smartag-startup-'));
  t.teardown(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

t.test('a --db in a directory that does not exist', async (t) => {
  const dir = tempDir(t);
  const file = path.join(dir, 'missing', 'state.db');
  expectOneLine(t, ['--db', file], `--db ${file}: the directory ${path.join(dir, 'missing')} does not exist; create it, or choose a file in an existing directory.`);
});

t.test('a --db that is not an SQLite database', async (t) => {
  const file = path.join(tempDir(t), 'garbage.db');
  fs.writeFileSync(file, 'this is not a database, only some text long enough to look like a header'.repeat(100));
  expectOneLine(t, ['--db', file], `--db ${file}: the file is not an SQLite database; delete it to start empty, or choose another file.`);
});

t.test('a --db whose pages were overwritten, after a clean run and a restart', async (t) => {
  const file = path.join(tempDir(t), 'state.db');
  const cli = await startCli(t, ['--db', file, '--fixtures', 'fixtures/default.json']);
  cli.child.kill('SIGTERM');
  t.same(await cli.exited, { code: 0, signal: null }, 'the first run stops cleanly');
  const descriptor = fs.openSync(file, 'r+');
  fs.writeSync(descriptor, Buffer.alloc(2 * 4096, 0x41), 0, 2 * 4096, 3 * 4096);
  fs.closeSync(descriptor);
  expectOneLine(t, ['--db', file], `--db ${file}: the database is damaged; restore a copy, or delete it to start empty.`);
});

t.test('a --db written by a newer emulator', async (t) => {
  const file = path.join(tempDir(t), 'newer.db');
  const db = new Database(file);
  db.pragma('user_version = 999');
  db.close();
  const result = runCli(['--db', file]);
  t.equal(result.status, 2);
  t.match(result.stderr, new RegExp(`^smartag-emulator: --db ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: it was written by a newer smartag-emulator \\(schema 999; this one knows up to \\d+\\); run that version, or choose another file\\.\\n$`));
});

t.test('a read-only --db', { skip: process.getuid?.() === 0 ? 'root ignores file permissions' : false }, async (t) => {
  const file = path.join(tempDir(t), 'readonly.db');
  new Database(file).close();
  fs.chmodSync(file, 0o444);
  expectOneLine(t, ['--db', file], `--db ${file}: the file is not readable and writable by this user; change its permissions, or choose another file.`);
});

t.test('a port in use', async (t) => {
  const first = await startCli(t, ['--fixtures', 'none']);
  const result = spawnSync(process.execPath, [CLI, '--host', '127.0.0.1', '--port', String(first.port), '--fixtures', 'none'], { encoding: 'utf8', timeout: 15_000 });
  t.equal(result.status, 2);
  t.equal(result.stderr, `smartag-emulator: cannot listen on 127.0.0.1:${first.port}: the port is in use; stop what uses it, or choose another with --port (SMARTAG_PORT).\n`);
});
