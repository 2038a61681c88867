/**
 * The three --auth modes as the official clients meet them: a client with
 * the wrong secret is refused in strict mode, served and reported in
 * lenient mode, and served silently with auth off. Either way the call lands
 * in the account its AccessKeyId names.
 */
import t from 'tap';
import RPCClient from '@alicloud/pop-core';
import OpenApi, { $OpenApiUtil } from '@alicloud/openapi-core';
import { RuntimeOptions } from '@alicloud/tea-util';
import { startEmulator, type StartedEmulator } from '../../src/index';
import type { AuthMode } from '../../src/protocol/auth';
import { ROAM_SAMPLE, WRONG_SECRET } from './shared';

function popCore(emulator: StartedEmulator) {
  return new RPCClient({ ...WRONG_SECRET, endpoint: emulator.url, apiVersion: '2018-03-13' });
}

function openApiCore(emulator: StartedEmulator) {
  return new OpenApi(new $OpenApiUtil.Config({ ...WRONG_SECRET, endpoint: `127.0.0.1:${emulator.port}`, protocol: 'http' }));
}

const roamParams = () => new $OpenApiUtil.Params({
  action: 'RoamClientUser', version: '2018-03-13', protocol: 'HTTP', pathname: '/',
  method: 'POST', authType: 'AK', style: 'RPC', reqBodyType: 'formData', bodyType: 'json',
});

/** The code each client gets for the documented sample sent with the wrong secret. */
async function outcomes(emulator: StartedEmulator) {
  const pop = await popCore(emulator).request('RoamClientUser', { ...ROAM_SAMPLE }, { method: 'POST' })
    .then(() => 'OK', (error: { code: string }) => error.code);
  // openapi-core is typed for its own RuntimeOptions; tea-util's has the same fields.
  const runtime = new RuntimeOptions({}) as unknown as Parameters<OpenApi['callApi']>[2];
  const core = await openApiCore(emulator).callApi(roamParams(), new $OpenApiUtil.OpenApiRequest({ query: { ...ROAM_SAMPLE } }), runtime)
    .then(() => 'OK', (error: { code: string }) => error.code);
  return { pop, core };
}

for (const [mode, expected] of [
  ['strict', { pop: 'SignatureDoesNotMatch', core: 'SignatureDoesNotMatch' }],
  ['lenient', { pop: 'OK', core: 'ClientUser.UserExist' }],
  ['off', { pop: 'OK', core: 'ClientUser.UserExist' }],
] as const) {
  t.test(`--auth ${mode}: the wrong secret`, async (t) => {
    const emulator = await startEmulator({ auth: mode as AuthMode });
    t.teardown(() => emulator.close());
    // pop-core goes first: in the serving modes it roams test1, so openapi-core then meets UserExist.
    t.same(await outcomes(emulator), expected);
    const journal = emulator.requests({ action: 'RoamClientUser' });
    t.equal(journal.length, 2);
    for (const entry of journal) t.equal(entry.accountId, '1000000000000001', 'the key\'s account');
    const failures = journal.map((entry) => entry.authFailure?.split(':')[0] ?? null);
    if (mode === 'lenient') t.same(failures, ['SignatureDoesNotMatch', 'SignatureDoesNotMatch'], 'lenient reports what failed');
    else t.same(failures, [null, null], `${mode}: nothing reported`);
    if (mode !== 'strict') t.equal(journal[1].code, 'ClientUser.UserExist');
    const destinationUsers = emulator.app.emulator.store.clientUsers.count('1000000000000001', ROAM_SAMPLE.TargetSmartAGId);
    t.equal(destinationUsers, mode === 'strict' ? 1 : 2, 'refused calls change nothing; served ones roam once');
  });
}
