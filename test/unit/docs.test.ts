import t from 'tap';
import fs from 'node:fs';
import path from 'node:path';
import { coverageMarkdown, fillReadme } from '../../src/docs/generated';
import { spec } from '../../src/spec';

const root = path.resolve(__dirname, '..', '..', '..');

t.test('COVERAGE.md is current (npm run gen:docs)', async (t) => {
  t.equal(fs.readFileSync(path.join(root, 'COVERAGE.md'), 'utf8'), coverageMarkdown());
});

t.test('the README\'s generated sections are current (npm run gen:docs)', async (t) => {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  t.equal(readme, fillReadme(readme));
  t.match(readme, '<!-- BEGIN GENERATED: actions -->');
  t.match(readme, '<!-- BEGIN GENERATED: settings -->');
});

t.test('coverage lists every operation once', async (t) => {
  const rows = coverageMarkdown().split('\n').filter((line) => /^\| [A-Z]/.test(line) && !line.startsWith('| Action'));
  t.equal(rows.length, Object.keys(spec.operations).length);
  t.equal(new Set(rows.map((row) => row.split('|')[1].trim())).size, rows.length);
});
