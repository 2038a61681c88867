/**
 * The journal keeps calls in columns and their text as bytes in slots
 * (control/journal.ts, journal-text.ts): whatever is recorded must read back
 * exactly when it fits its slot, cut as documented when it does not, within
 * a byte budget, across wrap-around, chunk boundaries and clear().
 */
import t from 'tap';
import { Journal, type RecordedCall } from '../../src/control/journal';
import { OVERFLOW_BUDGET_BYTES } from '../../src/control/journal-text';
import { rereadParams } from '../../src/protocol/read-request';

const LIMITS = { maxParameters: 1000, maxParameterLength: 100_000 };

function journal(capacity: number, keepBodies = false): Journal {
  return new Journal(capacity, (url, body) => rereadParams(url, body, LIMITS), keepBodies);
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
    truncated: false,
    responseBody: null,
  });
});

t.test('text that is not Latin-1 fits its slot as UTF-8; an odd request id or an unread request is kept too', async (t) => {
  const j = journal(4);
  const unicodeBody = call({ method: 'POST', url: '/', body: 'Action=X&Name=你好' });
  const unicodeUrl = call({ url: '/?Action=X&Name=你好' });
  const oddId = call({ requestId: 'not-a-uuid' });
  const unread = call({ url: undefined, body: 'Action=ignored', status: 413, code: 'RequestEntityTooLarge' });
  for (const one of [unicodeBody, unicodeUrl, oddId, unread]) j.record(one);
  const entries = j.list();
  t.equal(entries[0].params.Name, '你好');
  t.equal(entries[1].params.Name, '你好');
  t.equal(entries[2].requestId, 'not-a-uuid');
  t.strictSame(entries[3].params, {}, 'a request that could not be read has no parameters');
  t.equal(entries[3].code, 'RequestEntityTooLarge');
  t.ok(entries.every((entry) => !entry.truncated), 'nothing was cut');

  // The slots are reused: what fits now must not show what the slot held before.
  for (let i = 0; i < 4; i++) j.record(call({ url: `/?Action=Y&N=${i}` }));
  t.strictSame(j.list().map((entry) => entry.params), [0, 1, 2, 3].map((i) => ({ Action: 'Y', N: String(i) })));
  t.equal(j.overflowBytes, 0, 'what the overwritten slots held beyond their bytes is released');
});

t.test('a long call keeps each value cut to 1024 characters and 16 KiB of parameters in all, and says so', async (t) => {
  const j = journal(4);
  j.record(call({ method: 'POST', url: '/', body: `Action=X&Pad=${'y'.repeat(5000)}&After=1` }));
  const many = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`P${String(i).padStart(2, '0')}`, 'z'.repeat(1000)]));
  // Parameters the request reader already parsed are used as given (the URL and body are not read again).
  j.record(call({ url: `/?${'q'.repeat(2000)}`, body: '', params: { Action: 'Y', ...many } }));
  j.record(call({ url: `/?Action=Z&Pad=${'w'.repeat(1024)}` }));
  const [long, wide, exact] = j.list();
  t.strictSame(long.params, { Action: 'X', Pad: 'y'.repeat(1024), After: '1' });
  t.equal(long.truncated, true);
  t.equal(Object.keys(wide.params).length, 1 + 16, 'parameters past 16 KiB of names and values are dropped');
  t.strictSame(Object.keys(wide.params).slice(0, 3), ['Action', 'P00', 'P01'], 'in the order they came');
  t.equal(wide.truncated, true);
  t.equal(exact.params.Pad, 'w'.repeat(1024));
  t.equal(exact.truncated, false, 'a value of exactly 1024 characters is whole');
  t.ok(j.overflowBytes > 0 && j.overflowBytes < 3 * 40 * 1024);
});

t.test('long calls share a byte budget: past it, the oldest lose their parameters first', async (t) => {
  const j = journal(2000);
  const params = Object.fromEntries(Array.from({ length: 16 }, (_, i) => [`P${String(i).padStart(2, '0')}`, 'v'.repeat(1020)]));
  const calls = 1400; // about 33 KiB each: more than the 32 MiB budget holds
  for (let i = 0; i < calls; i++) j.record(call({ url: `/?Action=Long&I=${i}&${'p'.repeat(1100)}`, params: { Action: 'Long', I: String(i), ...params } }));
  t.ok(j.overflowBytes <= OVERFLOW_BUDGET_BYTES, `${j.overflowBytes} bytes kept, budget ${OVERFLOW_BUDGET_BYTES}`);
  const entries = j.list();
  t.equal(entries.length, calls, 'every entry stays');
  t.ok(entries.every((entry) => entry.truncated === (Object.keys(entry.params).length === 0)), 'truncated: exactly the entries that lost their parameters');
  const emptied = entries.filter((entry) => Object.keys(entry.params).length === 0).length;
  t.ok(emptied > 0 && emptied < calls / 2, `${emptied} entries lost their parameters`);
  t.strictSame(entries.slice(0, emptied).map((entry) => entry.params), entries.slice(0, emptied).map(() => ({})), 'the oldest ones');
  t.equal(entries.at(-1)!.params.I, String(calls - 1), 'the newest keep theirs');
  j.clear();
  t.equal(j.overflowBytes, 0, 'clear() releases everything');
});

t.test('response bodies: kept only when asked, cut at 4096 characters, string to sign redacted', async (t) => {
  const off = journal(4);
  off.record(call({ responseBody: '{"RequestId":"x"}' }));
  t.equal(off.list()[0].responseBody, null, 'not kept by default');

  const j = journal(4, true);
  j.record(call({ responseBody: '{"RequestId":"x","Name":"你好"}' }));
  j.record(call({ responseBody: `{"Pad":"${'r'.repeat(5000)}"}` }));
  j.record(call({
    status: 400,
    code: 'SignatureDoesNotMatch',
    responseBody: '{"Message":"Specified signature is not matched with our calculation. server string to sign is:GET&%2F&AccessKeyId%3Dtestid%26Password%3DHunter2-secret%26RegionId%3Dcn-shanghai"}',
  }));
  const [small, long, refused] = j.list();
  t.equal(small.responseBody, '{"RequestId":"x","Name":"你好"}');
  t.equal(small.truncated, false);
  t.equal(long.responseBody, `{"Pad":"${'r'.repeat(4096 - 8)}`);
  t.equal(long.truncated, true);
  t.equal(refused.responseBody, '{"Message":"Specified signature is not matched with our calculation. server string to sign is:GET&%2F&AccessKeyId%3Dtestid%26Password%3D***%26RegionId%3Dcn-shanghai"}');

  j.amend(3, 500, 'InternalError');
  t.match(j.list()[2], { status: 500, code: 'InternalError', responseBody: null }, 'an amended entry drops the body that no longer describes it');
});

t.test('select: the first or the newest n, oldest first either way', async (t) => {
  const j = journal(5);
  for (let i = 0; i < 8; i++) j.record(call({ code: i % 2 ? 'E' : null })); // seqs 4..8 kept
  t.strictSame(j.select({}, 2).map((one) => one.seq), [4, 5]);
  t.strictSame(j.select({}, 2, true).map((one) => one.seq), [7, 8]);
  t.strictSame(j.select({ code: 'OK' }, 2, true).map((one) => one.seq), [5, 7]);
  t.strictSame(j.select({ afterSeq: 6 }, 10).map((one) => one.seq), [7, 8]);
  const selected = j.select({}, 1);
  j.record(call());
  t.equal(j.entry(selected[0]), null, 'an entry that left the ring since it was selected reads as null');
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
  t.equal(j.count({ afterSeq: 3999 }), 1);
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
