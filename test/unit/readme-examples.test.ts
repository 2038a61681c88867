/**
 * The README's code snippets are the files in examples/, byte for byte: each
 * snippet follows a `<!-- example: examples/FILE -->` line, and every file
 * there is shown. test/contract/examples.test.ts runs the files, so a
 * snippet a reader copies is one that runs.
 */
import t from 'tap';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
const MARKED_BLOCK = /^<!-- example: (\S+) -->\n```[a-z]*\n([\s\S]*?)^```$/gm;

t.test('each marked README block is its example file, and every example is shown', async (t) => {
  const shown = new Map<string, string>();
  for (const [, file, block] of readme.matchAll(MARKED_BLOCK)) {
    t.notOk(shown.has(file), `${file} is shown once`);
    shown.set(file, block);
  }
  const files = fs.readdirSync(path.join(root, 'examples')).filter((name) => name !== 'README.md').map((name) => `examples/${name}`).sort();
  t.strictSame([...shown.keys()].sort(), files, 'the README shows exactly the files in examples/');
  for (const [file, block] of shown) {
    t.equal(block, fs.readFileSync(path.join(root, file), 'utf8'), `the README block of ${file} equals the file`);
  }
  t.equal(readme.match(/^<!-- example: /gm)?.length, shown.size, 'no marker without its block');
});

t.test('no README snippet uses an environment variable the emulator does not have', async (t) => {
  for (const [, name] of readme.matchAll(/process\.env\.([A-Z_]+)/g)) t.match(name, /^SMARTAG_/, name);
});
