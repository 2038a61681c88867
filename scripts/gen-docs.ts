/**
 * Writes COVERAGE.md and the generated sections of README.md.
 * `--check` writes nothing and exits 1 when either is out of date.
 */
import fs from 'node:fs';
import path from 'node:path';
import { coverageMarkdown, fillReadme } from '../src/docs/generated';

const root = path.resolve(__dirname, '..', '..');
const targets = [
  { file: path.join(root, 'COVERAGE.md'), render: () => coverageMarkdown() },
  { file: path.join(root, 'README.md'), render: () => fillReadme(fs.readFileSync(path.join(root, 'README.md'), 'utf8')) },
];

const check = process.argv.includes('--check');
let stale = 0;
for (const { file, render } of targets) {
  const wanted = render();
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  if (current === wanted) continue;
  stale++;
  if (check) console.error(`${path.basename(file)} is out of date: run npm run gen:docs`);
  else fs.writeFileSync(file, wanted);
}
if (check && stale > 0) process.exit(1);
