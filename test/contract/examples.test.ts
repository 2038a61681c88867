/**
 * Every script in examples/ runs, as a user would run it, against a live
 * emulator on loopback, and prints what its comments promise. The README's
 * snippets are these files (test/unit/docs.test.ts checks that), so this is
 * what proves the README's code works when saved and run.
 */
import t from 'tap';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { startEmulator } from '../../src/index';

const run = promisify(execFile);
const root = path.resolve(__dirname, '..', '..', '..');
const UUID = '[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}';

/** Runs an example with node; the emulator answers in this process, so the child runs asynchronously. */
async function example(file: string, env: Record<string, string>): Promise<string> {
  const { stdout } = await run(process.execPath, [path.join(root, 'examples', file)], {
    cwd: root,
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
  return stdout;
}

t.test('the SDK examples roam the documented sample, then meet ClientUser.UserExist', async (t) => {
  const emulator = await startEmulator();
  t.teardown(() => emulator.close());
  const env = { SMARTAG_PORT: String(emulator.port) };
  const expected: Record<string, RegExp> = {
    'pop-core.js': new RegExp(`^roamed: ${UUID}\nagain: ClientUser\\.UserExist The specified user already exists\\. ${UUID}\n$`),
    'openapi-client.js': new RegExp(`^roamed: ${UUID}\nagain: ClientUser\\.UserExist 400 The specified user already exists\\. ${UUID}\n$`),
    'openapi-core.js': new RegExp(`^roamed: ${UUID}\nagain: ClientError ClientUser\\.UserExist 400 The specified user already exists\\. ${UUID}\n$`),
  };
  for (const [file, output] of Object.entries(expected)) {
    emulator.reset();
    t.match(await example(file, env), output, file);
    t.strictSame(emulator.requests({ action: 'RoamClientUser' }).map((entry) => entry.code), [null, 'ClientUser.UserExist'], `${file}: the journal agrees`);
  }
});

t.test('the worked example builds the roaming setup on an empty strict emulator', async (t) => {
  const emulator = await startEmulator({ auth: 'strict', fixtures: 'none' });
  t.teardown(() => emulator.close());
  const output = await example('roaming-setup.js', { SMARTAG_PORT: String(emulator.port) });
  const lines = output.trimEnd().split('\n');
  t.match(lines[0], /^1 \{$/, 'one account listed on the destination');
  t.match(output, "UserName: 'alice.roams'");
  t.equal(lines.at(-1), 'ClientError 400 ClientUser.UserOverLimit The maximum number of users is exceeded.');
  t.equal(emulator.requests({ code: 'OK' }).filter((entry) => entry.authFailure !== null).length, 0, 'every call was signed correctly');
});

t.test('the in-process tap example passes', async (t) => {
  // The example imports the package by name, as a project that installed it does: a folder on
  // NODE_PATH holds a link named smartag-emulator to this checkout (package.json's main, dist/src).
  const modules = fs.mkdtempSync(path.join(os.tmpdir(), 'smartag-examples-'));
  t.teardown(() => fs.rmSync(modules, { recursive: true, force: true }));
  fs.symlinkSync(root, path.join(modules, 'smartag-emulator'), 'dir');
  const output = await example('in-process.test.js', { NODE_PATH: modules });
  // It exits 0 (execFile rejects otherwise) with both of its assertions passed.
  t.match(output, /^ {4}ok 1 - should be equal\n {4}ok 2 - expected to throw\n {4}1\.\.2\nok 1 - my code roams a user/m);
  t.notMatch(output, /not ok/);
});
