/**
 * The journal keeps calls in columns and their text as bytes in slots
 * (control/journal.ts): whatever is recorded must read back exactly, whether
 * it fits its slot or not, across wrap-around, chunk boundaries and clear().
 */
import t from 'tap';
import { Journal, type RecordedCall } from '../../src/control/journal';
import { rereadParams } from '../../src/protocol/read-request';

const LIMITS = { maxParameters: 1000, maxParameterLength: 100_000 };

function journal(capacity: number): Journal {
  return new Journal(capacity, (url, body) => rereadParams(url, body, LIMITS));
}

let counter = 0;
function call(overrides: Partial<RecordedCall> = {}): RecordedCall {
  counter += 1;
  return {
    time: Date.UTC(2026, 10, 28, 0, 0, 0, counter),
    requestId: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    action: 'RoamClientUser',
    accountId: '1000000000000001',
    method: 'GET',
    url: `/?Action=RoamClientUser&UserName=user${counter}&Version=2018-03-13`,
    body: '',
    status: 200,
    code: null,
    durationMs: 0.1234567,
    synthesized: false,
    authFailure: null,
    fault: null,
    ...overrides,
  };
}

t.test('a call reads back as it was recorded, parameters parsed again and redacted', async (t) => {
  const j = journal(10);
  const recorded = call({
    method: 'POST',
    url: '/?Format=XML',
    body: 'Action=CreateSmartAccessGatewayClientUser&Password=s3cret&UserMail=a%40b.c&Name=%E4%BD%A0',
    status: 400,
    code: 'ClientUser.UserExist',
    synthesized: true,
    authFailure: 'SignatureDoesNotMatch: x',
    fault: 'f1',
  });
  j.record(recorded);
  const [entry] = j.list();
  t.strictSame(entry, {
    seq: 1,
    time: new Date(recorded.time).toISOString(),
    requestId: recorded.requestId,
    action: 'RoamClientUser',
    accountId: '1000000000000001',
    method: 'POST',
    params: { Format: 'XML', Action: 'CreateSmartAccessGatewayClientUser', Password: '***', UserMail: 'a@b.c', Name: '你' },
    status: 400,
    code: 'ClientUser.UserExist',
    durationMs: 0.123,
    synthesized: true,
    authFailure: 'SignatureDoesNotMatch: x',
    fault: 'f1',
  });
});

t.test('text that does not fit a slot, or is not Latin-1, is kept as it came', async (t) => {
  const j = journal(4);
  const long = call({ method: 'POST', url: '/', body: `Action=X&Pad=${'y'.repeat(5000)}` });
  const unicode = call({ url: '/?Action=X&Name=你好' });
  const oddId = call({ requestId: 'not-a-uuid' });
  const unread = call({ url: undefined, body: 'Action=ignored', status: 413, code: 'RequestEntityTooLarge' });
  for (const one of [long, unicode, oddId, unread]) j.record(one);
  const entries = j.list();
  t.equal(entries[0].params.Pad, 'y'.repeat(5000));
  t.equal(entries[1].params.Name, '你好');
  t.equal(entries[2].requestId, 'not-a-uuid');
  t.strictSame(entries[3].params, {}, 'a request that could not be read has no parameters');
  t.equal(entries[3].code, 'RequestEntityTooLarge');

  // The slots are reused: what fits now must not show what the slot held before.
  for (let i = 0; i < 4; i++) j.record(call({ url: `/?Action=Y&N=${i}` }));
  t.strictSame(j.list().map((entry) => entry.params), [0, 1, 2, 3].map((i) => ({ Action: 'Y', N: String(i) })));
});

t.test('wrap-around, slots past the first chunk, filters and clear()', async (t) => {
  const capacity = 1500; // more than one chunk of slots
  const j = journal(capacity);
  const calls = Array.from({ length: 4000 }, (_, i) => call({
    action: i % 2 ? 'DescribeRegions' : 'RoamClientUser',
    code: i % 3 ? null : 'ClientUser.UserExist',
    url: `/?Action=${i % 2 ? 'DescribeRegions' : 'RoamClientUser'}&I=${i}`,
  }));
  for (const one of calls) j.record(one);
  const entries = j.list();
  t.equal(entries.length, capacity);
  t.strictSame(entries.map((entry) => entry.seq), calls.slice(-capacity).map((_, i) => 4000 - capacity + 1 + i));
  t.strictSame(entries.map((entry) => entry.params.I), calls.slice(-capacity).map((_, i) => String(4000 - capacity + i)));
  t.strictSame(entries.map((entry) => entry.requestId), calls.slice(-capacity).map((one) => one.requestId));
  t.equal(j.count({ action: 'DescribeRegions' }), capacity / 2);
  t.equal(j.count({ code: 'ClientUser.UserExist' }), calls.slice(-capacity).filter((one) => one.code !== null).length);
  t.equal(j.count({ since: '3999' }), 1);
  t.equal(j.clear(), capacity);
  t.strictSame(j.list(), []);
  j.record(call());
  t.equal(j.list()[0].seq, 4001, 'sequence numbers keep counting after clear()');
});

t.test('a journal of size 0 records nothing', async (t) => {
  const j = journal(0);
  j.record(call());
  t.strictSame(j.list(), []);
  t.equal(j.count(), 0);
});
