/** The read table's part of the report: every stateful read against UserExist, default fixtures and 1,000 rows, and its targets. */
import type { ReadPoint, ReadResult } from './reads';
import type { Target } from './report';

/** Issue target: a read costs at most this many times RoamClientUser's UserExist path. */
export const READ_LIMIT = 1.5;

const ratioOf = (p: ReadPoint | undefined) => (p ? p.cpuUsPerRequest / p.userExistUs : undefined);
const cell = (p: ReadPoint | undefined) => (p ? `${p.cpuUsPerRequest.toFixed(1)} | ${ratioOf(p)!.toFixed(2)}x` : 'not measured | ');

/** `windowSec`: the length of the read table's windows (BENCH_READ_SEC). */
export function renderReads(reads: ReadResult[], windowSec: number): string[] {
  if (reads.length === 0) return [];
  const lines: string[] = [];
  lines.push('');
  lines.push('### Reads');
  lines.push('');
  lines.push(`Every stateful read (Describe*, List*, Get*, View* of the operations registry), JSON, 50 connections: on the default fixtures, and on a fixture with 1,000 rows of its kind read at the documented maximum page (scripts/bench/families). One server per fixture; ${windowSec} s windows alternate RoamClientUser's UserExist path and a read on that server, and each read is divided by the faster UserExist window around it. Target: at most ${READ_LIMIT}x UserExist.`);
  lines.push('');
  lines.push('| read | family | default: CPU µs/req | x UserExist | 1,000 rows: CPU µs/req | x UserExist | 1,000 rows vs default | |');
  lines.push('|---|---|---:|---:|---:|---:|---:|---|');
  for (const r of reads) {
    const ratios = [ratioOf(r.default), ratioOf(r.large)];
    const growth = r.default && r.large ? `${(r.large.cpuUsPerRequest / r.default.cpuUsPerRequest).toFixed(2)}x` : '';
    const verdict = ratios.some((x) => x === undefined) ? '—' : ratios.every((x) => x! <= READ_LIMIT) ? 'met' : '**missed**';
    lines.push(`| ${r.action} | ${r.family} | ${cell(r.default)} | ${cell(r.large)} | ${growth} | ${verdict} |`);
  }
  return lines;
}

/** DescribeSmartAccessGateways on the default fixtures (the case), the worst read of each fixture, and how many meet the limit. */
export function readTargets(reads: ReadResult[]): Target[] {
  if (reads.length === 0) return [];
  const list: Target[] = [];
  const limit = `<= ${READ_LIMIT}x`;
  const add = (what: string, value: number | undefined) =>
    list.push(value === undefined ? { what, value: 'not measured', limit, met: null } : { what, value: `${value.toFixed(2)}x`, limit, met: value <= READ_LIMIT });
  const instances = reads.find((r) => r.action === 'DescribeSmartAccessGateways');
  if (instances) add('CPU/request, DescribeSmartAccessGateways, default fixtures, vs UserExist on the same server', ratioOf(instances.default));
  for (const [fixture, label] of [['default', 'default fixtures'], ['large', '1,000 rows']] as const) {
    const measured = reads.filter((r) => r[fixture] !== undefined);
    if (measured.length === 0) continue;
    const worst = measured.reduce((a, b) => (ratioOf(a[fixture])! >= ratioOf(b[fixture])! ? a : b));
    const within = measured.filter((r) => ratioOf(r[fixture])! <= READ_LIMIT).length;
    add(`CPU/request, worst stateful read on ${label} (${worst.action}; ${within} of ${measured.length} within), vs UserExist`, ratioOf(worst[fixture]));
  }
  return list;
}
