/**
 * The read-answer cache (dispatcher.ts, store.readAnswers): a read's answer
 * is served again, without running its handler, until any row changes; a
 * write through the API or the control plane ends it (a failed group
 * commit empties every cache: storage/read-cache.ts); accounts never share an answer; a read that depends on the clock is
 * never cached.
 */
import t, { type Test } from 'tap';
import { call, testApp } from '../helpers/app';
import { control } from '../helpers/control';
import { operations } from '../../src/families';
import { renderRepeatedSuccess, renderSuccess } from '../../src/protocol/render';

const HZ = 'cn-hangzhou';
const INSTANCE = 'sag-ghwa10ko6ndwug****';

/** Counts the handler's runs of `action` for the rest of the test. */
function countRuns(t: Test, action: string): () => number {
  const operation = operations.get(action)!;
  const original = operation.handle;
  let runs = 0;
  operation.handle = (params, context) => {
    runs += 1;
    return original.call(operation, params, context);
  };
  t.teardown(() => { operation.handle = original; });
  return () => runs;
}

const withoutRequestId = (body: string) => body.replace(/"RequestId":"[^"]+"/, '');

t.test('a read is answered from the cache until a write, then read again', async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  const runs = countRuns(t, 'DescribeSmartAccessGateways');
  const list = () => call(app, 'DescribeSmartAccessGateways', { RegionId: HZ });

  const first = await list();
  const second = await list();
  t.equal(runs(), 1, 'the second read did not run the handler');
  t.equal(withoutRequestId(second.body), withoutRequestId(first.body), 'the same answer');
  t.not(second.json().RequestId, first.json().RequestId, 'with its own RequestId');
  const xml = await call(app, 'DescribeSmartAccessGateways', { RegionId: HZ }, { format: 'XML' });
  t.match(xml.body, /^<\?xml version="1.0" encoding="UTF-8"\?><DescribeSmartAccessGatewaysResponse><RequestId>/, 'XML from the same cached body');
  t.equal(runs(), 1);

  const renamed = await call(app, 'ModifySmartAccessGateway', { RegionId: HZ, SmartAGId: INSTANCE, Name: 'renamed-by-test' });
  t.equal(renamed.status, 200);
  const after = (await list()).json();
  t.equal(runs(), 2, 'the write ended the cached answer');
  const item = after.SmartAccessGateways.SmartAccessGateway.find((one: { SmartAGId: string }) => one.SmartAGId === INSTANCE);
  t.equal(item.Name, 'renamed-by-test', 'the read after the write shows it');

  const reset = await control(app, 'POST', '/reset');
  t.equal(reset.status, 200);
  const afterReset = (await list()).json();
  t.equal(runs(), 3, 'a reset ended it too');
  t.not(afterReset.SmartAccessGateways.SmartAccessGateway.find((one: { SmartAGId: string }) => one.SmartAGId === INSTANCE).Name, 'renamed-by-test');
});

t.test('an answer rendered once is byte for byte what the renderer writes for it, JSON and XML', async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  const { store, defaultAccountId } = app.emulator;
  const body = operations.get('DescribeSmartAccessGateways')!.handle({ RegionId: HZ }, { requestId: 'x', accountId: defaultAccountId, store, now: Date.now });
  for (const format of ['JSON', 'XML'] as const) {
    for (const requestId of ['11111111-2222-3333-4444-555555555555', 'AAAAAAAA-BBBB-CCCC-DDDD-EEEEEEEEEEEE']) {
      const repeated = renderRepeatedSuccess('DescribeSmartAccessGateways', requestId, body, format);
      const fresh = renderSuccess('DescribeSmartAccessGateways', requestId, body, format);
      t.same(repeated, fresh, `${format}, ${requestId}`);
    }
  }
  const empty = {};
  t.same(renderRepeatedSuccess('DeleteACL', 'X-1', empty, 'JSON'), renderSuccess('DeleteACL', 'X-1', empty, 'JSON'), 'a body of RequestId only');
});

t.test('accounts never share a cached answer', async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  const runs = countRuns(t, 'DescribeSmartAccessGateways');
  const mine = (await call(app, 'DescribeSmartAccessGateways', { RegionId: HZ })).json();
  const theirs = (await call(app, 'DescribeSmartAccessGateways', { RegionId: HZ, AccessKeyId: 'otherid' })).json();
  t.equal(runs(), 2, 'one run per account');
  const ids = (body: Record<string, any>) => (body.SmartAccessGateways.SmartAccessGateway as { SmartAGId: string }[]).map((one) => one.SmartAGId);
  t.ok(ids(mine).includes(INSTANCE));
  t.notOk(ids(theirs).includes(INSTANCE), "the other account's answer is its own");
});

t.test('different parameters are different answers', async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  const runs = countRuns(t, 'DescribeSmartAccessGateways');
  const all = (await call(app, 'DescribeSmartAccessGateways', { RegionId: HZ })).json();
  const one = (await call(app, 'DescribeSmartAccessGateways', { RegionId: HZ, SmartAGId: INSTANCE })).json();
  t.equal(runs(), 2);
  t.ok(all.TotalCount > 1);
  t.equal(one.TotalCount, 1);
});

t.test('a read that depends on the clock runs every time', async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  const runs = countRuns(t, 'DescribeUserFlowStatistics');
  for (let i = 0; i < 2; i++) {
    const answer = await call(app, 'DescribeUserFlowStatistics', { RegionId: 'cn-shanghai', SmartAGId: 'sag-m9uhqekwnqcnyy****', 'UserNames.1': 'test1' });
    t.equal(answer.status, 200);
  }
  t.equal(runs(), 2);
});

