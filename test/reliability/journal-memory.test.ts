/**
 * The journal is bounded in bytes, not only in entries. A bounded load over
 * loopback (300 POSTs of about 1 MiB each, one at a time on one keep-alive
 * connection) must not grow the heap by what it sent, and GET
 * /_emulator/requests must still answer every entry, each saying it was
 * truncated. Before the bound, 1000 such POSTs held 1.1 GB and the listing
 * answered 500 (`Invalid string length`).
 */
import t from 'tap';
import http from 'node:http';
import v8 from 'node:v8';
import vm from 'node:vm';
import { startEmulator } from '../../src/index';

const CALLS = 300;
const PARAMS_PER_CALL = 16;
const VALUE_CHARS = 65_000; // under --max-parameter-length (65536): each call is read, and journalled
/** What the heap may grow by; the calls carry 300 MiB. */
const HEAP_GROWTH_LIMIT = 64 * 1024 * 1024;

v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

function heapBytes(): number {
  collectGarbage();
  collectGarbage();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.external;
}

function post(agent: http.Agent, port: number, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request({
      host: '127.0.0.1', port, method: 'POST', path: '/', agent, timeout: 30_000,
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) },
    }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', reject);
    request.end(body);
  });
}

function getText(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port, path, timeout: 30_000 }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    }).on('error', reject);
  });
}

t.test(`${CALLS} POSTs of about 1 MiB: the heap stays bounded and the journal still lists them`, async (t) => {
  const emulator = await startEmulator({ logLevel: 'silent' });
  t.teardown(() => emulator.close());
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  t.teardown(() => agent.destroy());

  const value = 'x'.repeat(VALUE_CHARS);
  const body = ['Action=DescribeRegions', 'Version=2018-03-13', ...Array.from({ length: PARAMS_PER_CALL }, (_, i) => `Pad${i}=${value}`)].join('&');
  t.ok(Buffer.byteLength(body) > 1_000_000 && Buffer.byteLength(body) <= 1024 * 1024, 'each body is about 1 MiB, within --body-limit');

  const before = heapBytes();
  for (let i = 0; i < CALLS; i++) {
    const status = await post(agent, emulator.port, body);
    if (status !== 200) t.fail(`call ${i + 1} answered ${status}`);
  }
  const growth = heapBytes() - before;
  t.ok(growth < HEAP_GROWTH_LIMIT, `the heap grew by ${(growth / 1048576).toFixed(1)} MiB for ${CALLS} calls of 1 MiB (limit ${HEAP_GROWTH_LIMIT / 1048576} MiB)`);

  const listing = await getText(emulator.port, '/_emulator/requests');
  t.equal(listing.status, 200);
  const entries = JSON.parse(listing.body).requests as { action: string; truncated: boolean; params: Record<string, string> }[];
  t.equal(entries.length, CALLS, 'every call is listed');
  t.ok(entries.every((entry) => entry.action === 'DescribeRegions' && entry.truncated), 'each entry says it was truncated');
  const newest = entries.at(-1)!;
  t.equal(newest.params.Action, 'DescribeRegions', 'the first parameters are kept');
  t.equal(newest.params.Pad0, 'x'.repeat(1024), 'a long value is cut to 1024 characters');
  t.ok(listing.body.length < CALLS * 20 * 1024, `the listing is ${(listing.body.length / 1048576).toFixed(1)} MiB`);
});
