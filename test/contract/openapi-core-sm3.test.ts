/**
 * Contract (issue 16, item 13): @alicloud/openapi-core with
 * `signatureAlgorithm: 'ACS3-HMAC-SM3'` against a strict emulator. The
 * client hashes the canonical request and the payload with SM3 (the payload's
 * hash still travels in x-acs-content-sha256) and signs with HMAC-SM3; the
 * emulator verifies all three.
 */
import t from 'tap';
import CoreClient, { $OpenApiUtil, ClientError } from '@alicloud/openapi-core';
import { RuntimeOptions } from '@alicloud/tea-util';
import { startEmulator, type StartedEmulator } from '../../src/index';
import { API_VERSION, DEFAULT_KEY, ROAM_SAMPLE, SIGNATURE_MISMATCH_PREFIX, UUID_UPPER, WRONG_SECRET } from './shared';

type CoreRuntime = Parameters<CoreClient['callApi']>[2];
type Key = { accessKeyId: string; accessKeySecret: string };

function sm3Client(emulator: StartedEmulator, key: Key): CoreClient {
  return new CoreClient(new $OpenApiUtil.Config({ ...key, endpoint: `127.0.0.1:${emulator.port}`, protocol: 'http', signatureAlgorithm: 'ACS3-HMAC-SM3' }));
}

const roamParams = () => new $OpenApiUtil.Params({
  action: 'RoamClientUser', version: API_VERSION, protocol: 'HTTP', pathname: '/', method: 'POST', authType: 'AK', style: 'RPC', reqBodyType: 'formData', bodyType: 'json',
});

async function roam(emulator: StartedEmulator, key: Key, where: 'query' | 'body') {
  const request = new $OpenApiUtil.OpenApiRequest(where === 'query' ? { query: { ...ROAM_SAMPLE } } : { body: { ...ROAM_SAMPLE } });
  return sm3Client(emulator, key).callApi(roamParams(), request, new RuntimeOptions({}) as unknown as CoreRuntime) as Promise<{ statusCode: number; body: any }>;
}

for (const where of ['query', 'body'] as const) {
  t.test(`ACS3-HMAC-SM3, parameters in the ${where}: verified and served`, async (t) => {
    const emulator = await startEmulator({ auth: 'strict' });
    t.teardown(() => emulator.close());
    const answer = await roam(emulator, DEFAULT_KEY, where);
    t.equal(answer.statusCode, 200);
    t.same(Object.keys(answer.body), ['RequestId'], 'RoamClientUser answers its RequestId only');
    t.match(answer.body.RequestId, UUID_UPPER);
  });
}

t.test('ACS3-HMAC-SM3 with a wrong secret: SignatureDoesNotMatch, quoting the SM3 string to sign', async (t) => {
  const emulator = await startEmulator({ auth: 'strict' });
  t.teardown(() => emulator.close());
  const error = await roam(emulator, WRONG_SECRET, 'body').then(() => undefined, (caught: unknown) => caught);
  t.type(error, ClientError);
  const { code, statusCode, data } = error as ClientError & { data: { Message: string } };
  t.equal(code, 'SignatureDoesNotMatch');
  t.equal(statusCode, 400);
  t.match(data.Message, new RegExp(`^${SIGNATURE_MISMATCH_PREFIX.replace(/\./g, '\\.')}ACS3-HMAC-SM3\\n[0-9a-f]{64}$`));
});
