/**
 * What keeps a web page, a careless client or a hostile body from misusing the control plane:
 * Host and Origin checks (DNS rebinding, cross-site requests), JSON-only bodies, a depth bound
 * on JSON, limits on snapshots and fault rules, and a Host header that cannot inject a server URL.
 */
import t from 'tap';
import { testApp, call } from '../helpers/app';
import { control, expectControlError, type ControlMethod } from '../helpers/control';

// The documented limits (README, "Control plane for tests"), stated here as the README states them.
const MAX_JSON_DEPTH = 32;
const MAX_SNAPSHOTS = 100;
const MAX_FAULT_RULES = 100;

/** One call per guarded endpoint, each of which would change or reveal state. */
const GUARDED: [ControlMethod, string][] = [
  ['GET', '/state'],
  ['GET', '/accounts'],
  ['POST', '/accounts'],
  ['POST', '/reset'],
  ['POST', '/seed'],
  ['GET', '/snapshots'],
  ['POST', '/snapshots/s1'],
  ['GET', '/requests'],
  ['POST', '/faults'],
  ['DELETE', '/faults'],
];

const SEED = { accounts: [{ id: '3000000000000003' }] };

t.test('without a token: a Host that is not loopback or the configured host is refused (DNS rebinding)', async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  const accounts = app.emulator.store.accounts.list().length;
  for (const host of ['attacker.example', 'attacker.example:8080', '127.0.0.1.attacker.example', 'localhost.attacker.example', '10.0.0.5:8080']) {
    for (const [method, path] of GUARDED) {
      expectControlError(t, await control(app, method, path, undefined, { host }), 'Emulator.HostNotAllowed', `Host "${host}".`);
    }
  }
  t.equal(app.emulator.store.snapshots.list().length, 0, 'no snapshot was made');
  t.equal(app.emulator.store.accounts.list().length, accounts, 'no account was made');
  for (const host of ['localhost', 'localhost:8080', 'LOCALHOST:1', '127.0.0.1:8080', '127.3.2.1', '[::1]:8080', '[::1]']) {
    t.equal((await control(app, 'GET', '/faults', undefined, { host })).status, 200, host);
  }
  for (const path of ['/health', '/openapi.json']) {
    t.equal((await control(app, 'GET', path, undefined, { host: 'attacker.example' })).status, 200, `${path} stays open to any Host`);
  }
  t.equal((await call(app, 'DescribeRegions', {}, { headers: { host: 'attacker.example' } })).status, 200, 'the API itself takes any Host');
});

t.test('the configured host counts as loopback; with a token any Host is accepted', async (t) => {
  const named = await testApp({ host: '127.0.0.7' });
  t.teardown(() => named.close());
  t.equal((await control(named, 'GET', '/faults', undefined, { host: '127.0.0.7:9000' })).status, 200);

  const tokenised = await testApp({ host: '0.0.0.0', adminToken: 'tok' });
  t.teardown(() => tokenised.close());
  t.equal((await control(tokenised, 'GET', '/faults', undefined, { host: 'smartag:8080', 'x-emulator-token': 'tok' })).status, 200,
    'a compose service name, with the token');
});

t.test('a cross-site Origin or Sec-Fetch-Site is refused, with or without a token', async (t) => {
  const open = await testApp();
  const tokenised = await testApp({ adminToken: 'tok' });
  t.teardown(() => Promise.all([open.close(), tokenised.close()]));
  const accounts = open.emulator.store.accounts.list().length;
  for (const [app, extra] of [[open, {}], [tokenised, { 'x-emulator-token': 'tok' }]] as const) {
    for (const origin of ['https://attacker.example', 'http://127.0.0.1.attacker.example:8080', 'null', 'not a url']) {
      for (const [method, path] of GUARDED) {
        expectControlError(t, await control(app, method, path, undefined, { origin, ...extra }), 'Emulator.OriginNotAllowed', `Origin "${origin}".`);
      }
    }
    expectControlError(t, await control(app, 'POST', '/reset', undefined, { 'sec-fetch-site': 'cross-site', ...extra }),
      'Emulator.OriginNotAllowed', 'Sec-Fetch-Site "cross-site".');
    for (const origin of ['http://localhost:3000', 'http://127.0.0.1:8080', 'http://[::1]:5173']) {
      t.equal((await control(app, 'GET', '/faults', undefined, { origin, ...extra })).status, 200, `${origin} is this machine`);
    }
    t.equal((await control(app, 'GET', '/faults', undefined, { 'sec-fetch-site': 'same-origin', ...extra })).status, 200);
  }
  t.equal(open.emulator.store.accounts.list().length, accounts, 'nothing was created');
});

t.test('a body must be declared JSON, on every endpoint; an empty body needs no type', async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  const body = JSON.stringify(SEED);
  for (const [method, path] of GUARDED.filter(([method]) => method !== 'GET')) {
    for (const type of ['text/plain', 'text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      expectControlError(t, await control(app, method, path, body, { 'content-type': type }), 'Emulator.UnsupportedMediaType', `Got "${type}".`);
    }
  }
  const untyped = await app.inject({ method: 'POST', url: '/_emulator/seed', payload: body });
  expectControlError(t, { status: untyped.statusCode, headers: untyped.headers, body: untyped.body, json: () => untyped.json() },
    'Emulator.UnsupportedMediaType', 'Got no Content-Type.');
  t.notOk(app.emulator.store.accounts.find('3000000000000003'), 'no seed went through');

  t.equal((await control(app, 'POST', '/seed', body, { 'content-type': 'application/json; charset=utf-8' })).status, 200);
  t.equal((await control(app, 'POST', '/seed', body, { 'content-type': 'application/vnd.smartag+json' })).status, 200, 'a +json type');
  t.equal((await control(app, 'POST', '/reset')).status, 200, 'no body, no content type');
  t.equal((await control(app, 'POST', '/snapshots/s1', '', { 'content-type': 'text/plain' })).status, 200, 'an empty body is no body');
});

t.test(`JSON nested deeper than ${MAX_JSON_DEPTH} levels is a 400, not a stack overflow`, async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  const deep = (levels: number) => `{"accounts":${'['.repeat(levels)}${']'.repeat(levels)}}`;
  for (const path of ['/seed', '/accounts', '/faults']) {
    expectControlError(t, await control(app, 'POST', path, deep(100_000)), 'Emulator.InvalidRequest', `The JSON nests deeper than ${MAX_JSON_DEPTH} levels.`);
  }
  expectControlError(t, await control(app, 'POST', '/seed', deep(MAX_JSON_DEPTH)), 'Emulator.InvalidRequest', `The JSON nests deeper than ${MAX_JSON_DEPTH} levels.`);
  // One level less is read, and judged as a fixture.
  expectControlError(t, await control(app, 'POST', '/seed', deep(MAX_JSON_DEPTH - 1)), 'Emulator.InvalidFixture', 'At /accounts/0: must be object.');
  const cyclic: Record<string, unknown> = { accounts: [] };
  cyclic.self = cyclic;
  t.throws(() => app.emulator.faults.add(cyclic), { code: 'Emulator.InvalidRequest', details: { description: `The JSON nests deeper than ${MAX_JSON_DEPTH} levels.` } },
    'in process, a cyclic object is refused the same way');
});

t.test(`at most ${MAX_SNAPSHOTS} snapshots; replacing one at the limit still works`, async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  for (let i = 0; i < MAX_SNAPSHOTS; i++) t.equal((await control(app, 'POST', `/snapshots/s${i}`)).status, 200);
  expectControlError(t, await control(app, 'POST', '/snapshots/one-more'), 'Emulator.SnapshotLimitExceeded',
    `${MAX_SNAPSHOTS} snapshots are kept; "one-more" would be one more.`);
  t.equal((await control(app, 'POST', '/snapshots/s7')).status, 200, 'an existing name is replaced');
  t.equal((await control(app, 'DELETE', '/snapshots/s0')).status, 200);
  t.equal((await control(app, 'POST', '/snapshots/one-more')).status, 200, 'after a delete there is room');
  t.equal((await control(app, 'GET', '/snapshots')).json().snapshots.length, MAX_SNAPSHOTS);
});

t.test(`at most ${MAX_FAULT_RULES} fault rules, each of bounded size`, async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  const rule = { action: 'DescribeRegions', latencyMs: 0 };
  for (let i = 0; i < MAX_FAULT_RULES; i++) t.equal((await control(app, 'POST', '/faults', rule)).status, 201);
  expectControlError(t, await control(app, 'POST', '/faults', rule), 'Emulator.FaultLimitExceeded', `${MAX_FAULT_RULES} rules are in place.`);
  await control(app, 'DELETE', '/faults/f1');
  t.equal((await control(app, 'POST', '/faults', rule)).status, 201, 'after a delete there is room');
  await control(app, 'DELETE', '/faults');

  const params = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`P${i}`, 'x']));
  expectControlError(t, await control(app, 'POST', '/faults', { ...rule, params }), 'Emulator.InvalidRequest', 'At /params: must NOT have more than 20 properties.');
  expectControlError(t, await control(app, 'POST', '/faults', { ...rule, params: { UserName: 'x'.repeat(1025) } }),
    'Emulator.InvalidRequest', 'At /params/UserName: must NOT have more than 1024 characters.');
  expectControlError(t, await control(app, 'POST', '/faults', { ...rule, region: 'r'.repeat(65) }),
    'Emulator.InvalidRequest', 'At /region: must NOT have more than 64 characters.');
  t.equal((await control(app, 'GET', '/faults')).json().faults.length, 0);
});

t.test("openapi.json takes its server from a plain Host only", async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  const servers = async (host: string) => (await app.inject({ url: '/_emulator/openapi.json', headers: { host } })).json().servers;
  t.strictSame(await servers('127.0.0.1:8080'), [{ url: 'http://127.0.0.1:8080' }]);
  t.strictSame(await servers('smartag:8080'), [{ url: 'http://smartag:8080' }]);
  t.strictSame(await servers('[::1]:8080'), [{ url: 'http://[::1]:8080' }]);
  for (const host of ['evil.example/path?x=', 'a@evil.example', 'x"><script>', 'host:99999999', `${'a'.repeat(64)}.example`]) {
    t.strictSame(await servers(host), [{ url: '/' }], `${host}: the document's own server`);
  }
});

t.test('HEAD /_emulator/health answers like GET, without a body', async (t) => {
  const app = await testApp({ host: '0.0.0.0' });
  t.teardown(() => app.close());
  const head = await app.inject({ method: 'HEAD', url: '/_emulator/health', headers: { host: 'anything.example' } });
  t.equal(head.statusCode, 200);
  t.equal(head.body, '');
  t.match(head.headers['content-type'], /^application\/json/);
});
