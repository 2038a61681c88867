import t from 'tap';
import { testApp, call, ROAM_SAMPLE } from '../helpers/app';
import { control, expectControlError } from '../helpers/control';
import { FaultRules } from '../../src/control/faults';

type App = Awaited<ReturnType<typeof testApp>>;

const DEFAULT_ACCOUNT = '1000000000000001';
const DESTINATION = 'sag-ghwa10ko6ndwug****';
/** Fails the same way every time, whatever the state: ResourceNotFound.User. */
const UNKNOWN_USER = { ...ROAM_SAMPLE, UserName: 'nosuchuser' };
const THROTTLING_MESSAGE = 'Request was denied due to user flow control.';
const UNAVAILABLE_MESSAGE = 'The request has failed due to a temporary failure of the server.';

async function addFault(app: App, rule: object) {
  const response = await control(app, 'POST', '/faults', rule);
  if (response.status !== 201) throw new Error(`POST /faults: ${response.status} ${response.body}`);
  return response.json();
}

const roamed = (app: App) => app.emulator.store.clientUsers.find(DEFAULT_ACCOUNT, DESTINATION, 'test1') !== undefined;

async function codes(app: App, times: number, params = UNKNOWN_USER) {
  const seen: string[] = [];
  for (let i = 0; i < times; i++) seen.push((await call(app, 'RoamClientUser', params)).json().Code);
  return seen;
}

t.test('an error fault: Throttling.User with x-acs-retry-after, before the call runs', async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  const created = await control(app, 'POST', '/faults', { action: 'RoamClientUser', error: { code: 'Throttling.User' } });
  t.equal(created.status, 201);
  t.strictSame(created.json(), {
    id: 'f1',
    action: 'RoamClientUser',
    error: { code: 'Throttling.User', status: 400, message: THROTTLING_MESSAGE, retryAfter: 1 },
    calls: 0,
    fired: 0,
  });

  const response = await call(app, 'RoamClientUser', ROAM_SAMPLE);
  t.equal(response.status, 400);
  t.equal(response.headers['x-acs-retry-after'], '1');
  t.equal(response.headers['x-emulator-fault'], 'f1');
  const body = response.json();
  t.strictSame(body, {
    RequestId: body.RequestId,
    HostId: 'smartag.aliyuncs.com',
    Code: 'Throttling.User',
    Message: THROTTLING_MESSAGE,
    Recommend: `https://api.aliyun.com/troubleshoot?q=Throttling.User&product=Smartag&requestId=${body.RequestId}`,
  });
  t.notOk(roamed(app), 'the call did not run');

  const [entry] = (await control(app, 'GET', '/requests')).json().requests;
  t.match(entry, { action: 'RoamClientUser', status: 400, code: 'Throttling.User', fault: 'f1' });
  t.match((await control(app, 'GET', '/faults')).json(), { faults: [{ id: 'f1', calls: 1, fired: 1 }] });

  const xml = await call(app, 'RoamClientUser', ROAM_SAMPLE, { format: 'XML' });
  t.match(xml.body, '<Code>Throttling.User</Code>', 'rendered in the format asked for');
});

t.test('error defaults and overrides', async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  const unavailable = await addFault(app, { action: 'RoamClientUser', params: { UserName: 'a1' }, error: {} });
  t.strictSame(unavailable.error, { code: 'ServiceUnavailable', status: 503, message: UNAVAILABLE_MESSAGE });
  const retry = await addFault(app, { action: 'RoamClientUser', params: { UserName: 'a2' }, error: { code: 'ServiceUnavailable', retryAfter: 7 } });
  t.strictSame(retry.error, { code: 'ServiceUnavailable', status: 503, message: UNAVAILABLE_MESSAGE, retryAfter: 7 });
  const custom = await addFault(app, { action: 'RoamClientUser', params: { UserName: 'a3' }, error: { code: 'OperationConflict' } });
  t.strictSame(custom.error, { code: 'OperationConflict', status: 400, message: 'The request has failed (fault injected by the emulator).' });
  const told = await addFault(app, { action: 'RoamClientUser', params: { UserName: 'a4' }, error: { code: 'SAG.InstanceNoFound', status: 404, message: 'gone' } });
  t.strictSame(told.error, { code: 'SAG.InstanceNoFound', status: 404, message: 'gone' });

  const a1 = await call(app, 'RoamClientUser', { ...ROAM_SAMPLE, UserName: 'a1' });
  t.equal(a1.status, 503);
  t.equal(a1.json().Message, UNAVAILABLE_MESSAGE);
  t.equal(a1.headers['x-acs-retry-after'], undefined);
  const a2 = await call(app, 'RoamClientUser', { ...ROAM_SAMPLE, UserName: 'a2' });
  t.equal(a2.headers['x-acs-retry-after'], '7');
  const a4 = await call(app, 'RoamClientUser', { ...ROAM_SAMPLE, UserName: 'a4' });
  t.equal(a4.status, 404);
  t.match(a4.json(), { Code: 'SAG.InstanceNoFound', Message: 'gone' });
});

t.test('error faults come after routing and authentication, before validation', async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  await addFault(app, { action: '*', error: {} });
  const { RegionId: _r, ...withoutRegion } = ROAM_SAMPLE;
  t.equal((await call(app, 'RoamClientUser', withoutRegion)).json().Code, 'ServiceUnavailable', 'before validation');
  t.equal((await call(app, 'NoSuchAction', {})).json().Code, 'InvalidAction.NotFound', 'after routing');
  t.equal((await call(app, 'RoamClientUser', { ...ROAM_SAMPLE, Version: '2017-01-01' })).json().Code, 'InvalidVersion');

  const strict = await testApp({ auth: 'strict' });
  t.teardown(() => strict.close());
  await addFault(strict, { action: '*', error: {} });
  t.equal((await call(strict, 'RoamClientUser', ROAM_SAMPLE)).json().Code, 'MissingSignature', 'after authentication');
});

t.test('nth: only the nth matching call', async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  await addFault(app, { action: 'RoamClientUser', nth: 3, error: {} });
  t.strictSame(await codes(app, 5), ['ResourceNotFound.User', 'ResourceNotFound.User', 'ServiceUnavailable', 'ResourceNotFound.User', 'ResourceNotFound.User']);
  t.match((await control(app, 'GET', '/faults')).json().faults[0], { nth: 3, calls: 5, fired: 1 });
});

t.test('times: the next N matching calls', async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  await addFault(app, { action: 'RoamClientUser', times: 2, error: { code: 'Throttling.User' } });
  t.strictSame(await codes(app, 4), ['Throttling.User', 'Throttling.User', 'ResourceNotFound.User', 'ResourceNotFound.User']);
  t.match((await control(app, 'GET', '/faults')).json().faults[0], { times: 2, calls: 4, fired: 2 });
});

t.test('probability 0 never fires, 1 always does', async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  const never = await addFault(app, { action: 'RoamClientUser', probability: 0, error: { code: 'Never' } });
  t.strictSame(new Set(await codes(app, 20)), new Set(['ResourceNotFound.User']));
  await control(app, 'DELETE', `/faults/${never.id}`);
  await addFault(app, { action: 'RoamClientUser', probability: 1, error: {} });
  t.strictSame(new Set(await codes(app, 20)), new Set(['ServiceUnavailable']));
});

t.test('a probability compares against the random source', async (t) => {
  const rules = new FaultRules(() => 0.3);
  rules.add({ action: 'RoamClientUser', probability: 0.2, error: { code: 'Low' } });
  rules.add({ action: 'RoamClientUser', probability: 0.5, error: { code: 'High' } });
  const fired = rules.match({ action: 'RoamClientUser', accountId: DEFAULT_ACCOUNT, params: {} });
  t.equal(fired?.id, 'f2');
  t.match(rules.list(), [{ id: 'f1', calls: 1, fired: 0 }, { id: 'f2', calls: 1, fired: 1 }]);
});

t.test('the first rule that fires applies; every matching rule counts the call', async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  await addFault(app, { action: 'RoamClientUser', times: 1, error: { code: 'First' } });
  await addFault(app, { action: 'RoamClientUser', nth: 2, error: { code: 'Second' } });
  t.strictSame(await codes(app, 3), ['First', 'Second', 'ResourceNotFound.User']);
  t.match((await control(app, 'GET', '/faults')).json().faults, [{ calls: 3, fired: 1 }, { calls: 3, fired: 1 }]);
});

t.test('matching by account, region and parameter values', async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  const worker = (await control(app, 'POST', '/accounts')).json();
  await addFault(app, { action: 'RoamClientUser', account: worker.id, error: { code: 'WorkerOnly' } });
  await addFault(app, { action: 'RoamClientUser', region: 'cn-shanghai', error: { code: 'ShanghaiOnly' } });
  await addFault(app, { action: 'RoamClientUser', params: { UserName: 'test1', OriginRegionId: 'cn-shanghai' }, error: { code: 'Test1Only' } });
  const codeOf = async (params: Record<string, string>) => (await call(app, 'RoamClientUser', params)).json().Code;
  t.equal(await codeOf({ ...UNKNOWN_USER, AccessKeyId: worker.accessKeyId }), 'WorkerOnly');
  t.equal(await codeOf(UNKNOWN_USER), 'ResourceNotFound.User', 'the default account is not matched');
  t.equal(await codeOf({ ...UNKNOWN_USER, RegionId: 'cn-shanghai' }), 'ShanghaiOnly');
  t.equal(await codeOf(ROAM_SAMPLE), 'Test1Only');
  t.equal(await codeOf({ ...ROAM_SAMPLE, OriginRegionId: 'cn-hangzhou' }), 'SAG.InstanceNoFound', 'every listed parameter must match');
});

t.test('latency delays the answer; the call runs normally', async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  await addFault(app, { action: 'RoamClientUser', latencyMs: 300 });
  const started = Date.now();
  const response = await call(app, 'RoamClientUser', ROAM_SAMPLE);
  const elapsed = Date.now() - started;
  t.equal(response.status, 200);
  t.ok(elapsed >= 250, `answered after ${elapsed} ms`);
  t.ok(roamed(app));
  t.equal(response.headers['x-emulator-fault'], 'f1');

  await control(app, 'DELETE', '/faults');
  await addFault(app, { action: 'RoamClientUser', latencyMs: 300, error: { code: 'Throttling.User' } });
  const slowError = Date.now();
  t.equal((await call(app, 'RoamClientUser', UNKNOWN_USER)).json().Code, 'Throttling.User', 'latency and an error together');
  t.ok(Date.now() - slowError >= 250);
});

t.test('ambiguous success: committed, then an error; the retry meets the duplicate', async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  const rule = await addFault(app, { action: 'RoamClientUser', times: 1, ambiguous: {} });
  t.strictSame(rule.ambiguous, { code: 'ServiceUnavailable', status: 503, message: UNAVAILABLE_MESSAGE });

  const first = await call(app, 'RoamClientUser', ROAM_SAMPLE);
  t.equal(first.status, 503);
  t.equal(first.json().Code, 'ServiceUnavailable');
  t.ok(roamed(app), 'the change is committed although the client saw an error');
  const retry = await call(app, 'RoamClientUser', ROAM_SAMPLE);
  t.equal(retry.json().Code, 'ClientUser.UserExist', 'the retry collides with its own first attempt');

  const journal = (await control(app, 'GET', '/requests')).json().requests;
  t.match(journal, [{ status: 503, code: 'ServiceUnavailable', fault: 'f1' }, { code: 'ClientUser.UserExist', fault: null }]);
});

t.test('ambiguous success with throttling sends x-acs-retry-after', async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  await addFault(app, { action: 'RoamClientUser', ambiguous: { code: 'Throttling.User', retryAfter: 2 } });
  const response = await call(app, 'RoamClientUser', ROAM_SAMPLE);
  t.equal(response.json().Code, 'Throttling.User');
  t.equal(response.headers['x-acs-retry-after'], '2');
  t.ok(roamed(app));
});

t.test('an ambiguous rule lets a failing call fail as it would', async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  await addFault(app, { action: 'RoamClientUser', ambiguous: {} });
  t.equal((await call(app, 'RoamClientUser', UNKNOWN_USER)).json().Code, 'ResourceNotFound.User');
});

t.test('ambiguous success by a dropped connection', async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  const rule = await addFault(app, { action: 'RoamClientUser', ambiguous: { disconnect: true } });
  t.strictSame(rule.ambiguous, { disconnect: true });
  await t.rejects(call(app, 'RoamClientUser', ROAM_SAMPLE), /destroyed/);
  t.ok(roamed(app), 'the change is committed although no answer came');
  const [entry] = (await control(app, 'GET', '/requests')).json().requests;
  t.match(entry, { action: 'RoamClientUser', status: 0, code: null, fault: 'f1' });
});

t.test('GET, DELETE one, DELETE all', async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  await addFault(app, { action: 'RoamClientUser', error: {} });
  await addFault(app, { action: '*', latencyMs: 5, probability: 0.5 });
  const listed = await control(app, 'GET', '/faults');
  t.equal(listed.status, 200);
  t.strictSame(listed.json(), {
    faults: [
      { id: 'f1', action: 'RoamClientUser', error: { code: 'ServiceUnavailable', status: 503, message: UNAVAILABLE_MESSAGE }, calls: 0, fired: 0 },
      { id: 'f2', action: '*', probability: 0.5, latencyMs: 5, calls: 0, fired: 0 },
    ],
  });
  const deleted = await control(app, 'DELETE', '/faults/f1');
  t.equal(deleted.status, 200);
  t.strictSame(deleted.json(), { deleted: 'f1' });
  expectControlError(t, await control(app, 'DELETE', '/faults/f1'), 'Emulator.FaultNotFound', 'No fault rule "f1".');
  t.strictSame((await control(app, 'GET', '/faults')).json().faults.map((f: { id: string }) => f.id), ['f2']);
  t.strictSame((await control(app, 'DELETE', '/faults')).json(), { cleared: 1 });
  t.strictSame((await control(app, 'GET', '/faults')).json(), { faults: [] });
  t.equal((await addFault(app, { action: '*', latencyMs: 1 })).id, 'f3', 'ids are never reused');
});

t.test('rule errors', async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  const cases: [unknown, string][] = [
    [{ error: {} }, "At /: must have required property 'action'."],
    [{ action: 'RoamUser', error: {} }, 'At /action: "RoamUser" is not an Action of Smartag 2018-03-13 (use "*" for every action).'],
    [{ action: 'RoamClientUser', probability: 1.5, error: {} }, 'At /probability: must be <= 1.'],
    [{ action: 'RoamClientUser', nth: 0, error: {} }, 'At /nth: must be >= 1.'],
    [{ action: 'RoamClientUser', nth: 2, times: 2, error: {} }, 'Use at most one of probability, nth and times (got nth, times).'],
    [{ action: 'RoamClientUser' }, 'A rule needs an effect: error, ambiguous or latencyMs.'],
    [{ action: 'RoamClientUser', error: {}, ambiguous: {} }, 'A rule has either error or ambiguous, not both.'],
    [{ action: 'RoamClientUser', error: { status: 200 } }, 'At /error/status: must be >= 400.'],
    [{ action: 'RoamClientUser', error: { retry: 1 } }, 'At /error: must NOT have additional properties (retry).'],
    [{ action: 'RoamClientUser', account: '1', error: {} }, 'At /account: must match pattern "^[0-9]{16}$".'],
    [{ action: 'RoamClientUser', params: { UserName: 1 }, error: {} }, 'At /params/UserName: must be string.'],
  ];
  for (const [rule, description] of cases) {
    expectControlError(t, await control(app, 'POST', '/faults', rule as object), 'Emulator.InvalidRequest', description);
  }
  t.strictSame((await control(app, 'GET', '/faults')).json(), { faults: [] }, 'nothing was added');
});
