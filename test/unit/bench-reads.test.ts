/**
 * The read table of `npm run bench` (scripts/bench/families): every stateful
 * read of the operations registry has an entry, no entry names anything
 * else, and every entry's calls answer as the bench expects, on the default
 * fixtures and on the 1,000-row fixture, before any load is spent on them.
 */
import t from 'tap';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { operations } from '../../src/families';
import { DEFAULT_FIXTURES } from '../../src/config';
import { largeReadFixture, READ_ACTION, readEntries, FAMILY_BENCHES } from '../../scripts/bench/families';
import { MAX_PAGE_SIZE, ROWS } from '../../scripts/bench/families/types';
import { readTargets, renderReads } from '../../scripts/bench/report-reads';
import type { ReadResult } from '../../scripts/bench/reads';
import { call, testApp } from '../helpers/app';

const statefulReads = [...operations.keys()].filter((action) => READ_ACTION.test(action)).sort();
const entries = readEntries();

t.test('every stateful read has exactly one bench entry, and every entry is a stateful read', async (t) => {
  const benched = entries.map((entry) => entry.action).sort();
  t.same(statefulReads.filter((action) => !benched.includes(action)), [], 'reads without an entry: add them to their family in scripts/bench/families');
  t.same(benched.filter((action) => !statefulReads.includes(action)), [], 'entries that are not stateful reads');
  t.equal(new Set(benched).size, benched.length, 'no read twice');
  t.ok(statefulReads.length >= 19, `the registry has ${statefulReads.length} reads`);
});

t.test('every family module names a folder of src/families', async (t) => {
  const root = path.resolve(__dirname, '..', '..', '..', 'src', 'families');
  for (const bench of FAMILY_BENCHES) t.ok(fs.existsSync(path.join(root, bench.family, 'index.ts')), bench.family);
});

t.test('every read answers as the bench expects on the default fixtures', async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  for (const entry of entries) {
    const answer = await call(app, entry.action, entry.onDefault);
    t.equal(answer.status, 200, `${entry.action}: ${answer.body.slice(0, 300)}`);
    t.ok(answer.body.includes(entry.expectDefault), `${entry.action} holds ${entry.expectDefault}: ${answer.body.slice(0, 300)}`);
  }
});

t.test('every read answers as the bench expects on the 1,000-row fixture, pages full', async (t) => {
  const fixture = largeReadFixture(JSON.parse(fs.readFileSync(DEFAULT_FIXTURES, 'utf8')));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-reads-'));
  t.teardown(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'large.json');
  fs.writeFileSync(file, JSON.stringify(fixture));
  const app = await testApp({ fixtures: file });
  t.teardown(() => app.close());
  for (const entry of entries) {
    t.ok(entry.onLarge.length > 0, `${entry.action} has large calls`);
    for (const params of entry.onLarge) {
      const answer = await call(app, entry.action, params);
      const where = `${entry.action} ${JSON.stringify(params).slice(0, 120)}`;
      t.equal(answer.status, 200, `${where}: ${answer.body.slice(0, 300)}`);
      t.ok(answer.body.includes(entry.expectLarge), `${where} holds ${entry.expectLarge}`);
      // A paged read's every page is full: the table, not the page, is what grew.
      if (params.PageSize !== undefined) t.equal(JSON.stringify(answer.json()).split('"PageSize":')[1]?.split(/[,}]/)[0], String(MAX_PAGE_SIZE), `${where} pages at ${MAX_PAGE_SIZE}`);
    }
  }
  t.equal(ROWS, 1000);
});

t.test('the read table in the report: figures, ratios to UserExist, growth, verdicts and targets', async (t) => {
  const point = (cpuUsPerRequest: number, userExistUs: number) => ({ cpuUsPerRequest, userExistUs, reqPerSec: 1, p99: 1 });
  const reads: ReadResult[] = [
    { action: 'DescribeSmartAccessGateways', family: 'instances', default: point(60, 50), large: point(150, 50) },
    { action: 'DescribeRegions', family: 'instances', default: point(40, 50), large: point(45, 50) },
    { action: 'GetAclAttribute', family: 'acls', default: point(50, 50) },
  ];
  const lines = renderReads(reads, 3);
  t.ok(lines.some((line) => line.includes('3 s windows alternate')), 'names the window length');
  t.ok(lines.includes('| DescribeSmartAccessGateways | instances | 60.0 | 1.20x | 150.0 | 3.00x | 2.50x | **missed** |'));
  t.ok(lines.includes('| DescribeRegions | instances | 40.0 | 0.80x | 45.0 | 0.90x | 1.13x | met |'));
  t.ok(lines.includes('| GetAclAttribute | acls | 50.0 | 1.00x | not measured |  |  | — |'));
  t.same(readTargets(reads), [
    { what: 'CPU/request, DescribeSmartAccessGateways, default fixtures, vs UserExist on the same server', value: '1.20x', limit: '<= 1.5x', met: true },
    { what: 'CPU/request, worst stateful read on default fixtures (DescribeSmartAccessGateways; 3 of 3 within), vs UserExist', value: '1.20x', limit: '<= 1.5x', met: true },
    { what: 'CPU/request, worst stateful read on 1,000 rows (DescribeSmartAccessGateways; 1 of 2 within), vs UserExist', value: '3.00x', limit: '<= 1.5x', met: false },
  ]);
  t.same(renderReads([], 3), [], 'nothing when no read ran');
});
