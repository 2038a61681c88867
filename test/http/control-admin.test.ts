import t from 'tap';
import { testApp, call, ROAM_SAMPLE } from '../helpers/app';
import { control, expectControlError, type ControlMethod } from '../helpers/control';
import { controlAccess, isLoopback } from '../../src/control/admin';

const TOKEN = 's3cret-token';

/** One call per guarded endpoint. */
const GUARDED: [ControlMethod, string, unknown?][] = [
  ['GET', '/state'],
  ['GET', '/accounts'],
  ['POST', '/accounts', {}],
  ['POST', '/reset'],
  ['POST', '/reset?account=1000000000000001'],
  ['POST', '/seed', { accounts: [] }],
  ['GET', '/snapshots'],
  ['POST', '/snapshots/s1'],
  ['POST', '/snapshots/s1/restore'],
  ['DELETE', '/snapshots/s1'],
  ['GET', '/requests'],
  ['GET', '/requests/count'],
  ['DELETE', '/requests'],
  ['GET', '/faults'],
  ['POST', '/faults', { action: '*', latencyMs: 1 }],
  ['DELETE', '/faults'],
  ['DELETE', '/faults/f1'],
];

t.test('beyond loopback without a token: the control plane is refused, health stays open', async (t) => {
  const app = await testApp({ host: '0.0.0.0' });
  t.teardown(() => app.close());
  const health = await control(app, 'GET', '/health');
  t.equal(health.status, 200);
  t.match(health.json(), { status: 'ok', controlPlane: 'disabled' });
  for (const [method, path, body] of GUARDED) {
    expectControlError(t, await control(app, method, path, body), 'Emulator.ControlPlaneDisabled');
  }
  expectControlError(t, await control(app, 'GET', '/state', undefined, { 'x-emulator-token': 'anything' }), 'Emulator.ControlPlaneDisabled');
  t.equal((await call(app, 'RoamClientUser', ROAM_SAMPLE)).status, 200, 'the API itself is unaffected');
  t.equal((await control(app, 'GET', '/snapshots')).status, 403);
  t.equal(app.emulator.store.snapshots.list().length, 0, 'nothing was done');
});

t.test('with a token: required on every control endpoint but health', async (t) => {
  const app = await testApp({ host: '0.0.0.0', adminToken: TOKEN });
  t.teardown(() => app.close());
  const health = await control(app, 'GET', '/health');
  t.equal(health.status, 200);
  t.match(health.json(), { controlPlane: 'token' });

  for (const [method, path, body] of GUARDED) {
    const missing = await control(app, method, path, body);
    expectControlError(t, missing, 'Emulator.Unauthorized', 'No token was sent.');
    t.equal(missing.headers['www-authenticate'], 'Bearer');
    expectControlError(t, await control(app, method, path, body, { 'x-emulator-token': 'wrong' }), 'Emulator.Unauthorized', 'The token does not match.');
    expectControlError(t, await control(app, method, path, body, { authorization: `Bearer ${TOKEN}x` }), 'Emulator.Unauthorized', 'The token does not match.');
  }
  t.equal(app.emulator.store.snapshots.list().length, 0, 'nothing was done');

  const byHeader = await control(app, 'POST', '/snapshots/s1', undefined, { 'x-emulator-token': TOKEN });
  t.equal(byHeader.status, 200);
  const byBearer = await control(app, 'GET', '/snapshots', undefined, { authorization: `Bearer ${TOKEN}` });
  t.equal(byBearer.status, 200);
  t.equal(byBearer.json().snapshots.length, 1);
  t.equal((await control(app, 'POST', '/reset', undefined, { authorization: `bearer  ${TOKEN}` })).status, 200, 'scheme in any case');
  expectControlError(t, await control(app, 'GET', '/state', undefined, { authorization: `Basic ${TOKEN}` }), 'Emulator.Unauthorized', 'No token was sent.');
});

t.test('a token is required on loopback too, once set', async (t) => {
  const app = await testApp({ adminToken: TOKEN });
  t.teardown(() => app.close());
  expectControlError(t, await control(app, 'GET', '/faults'), 'Emulator.Unauthorized', 'No token was sent.');
  t.equal((await control(app, 'GET', '/faults', undefined, { 'x-emulator-token': TOKEN })).status, 200);
});

t.test('loopback without a token: open', async (t) => {
  const app = await testApp({ host: '127.0.0.1' });
  t.teardown(() => app.close());
  t.match((await control(app, 'GET', '/health')).json(), { controlPlane: 'open' });
  t.equal((await control(app, 'GET', '/faults')).status, 200);
});

t.test('which addresses are loopback', async (t) => {
  for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', 'LOCALHOST', '::1', '[::1]', '::ffff:127.0.0.1']) t.ok(isLoopback(host), host);
  for (const host of ['0.0.0.0', '::', '192.168.1.10', '10.0.0.1', 'example.com', '128.0.0.1', '::ffff:10.0.0.1']) t.notOk(isLoopback(host), host);
  t.equal(controlAccess({ host: '0.0.0.0', adminToken: null }), 'disabled');
  t.equal(controlAccess({ host: '0.0.0.0', adminToken: 't' }), 'token');
  t.equal(controlAccess({ host: '127.0.0.1', adminToken: null }), 'open');
});
