/**
 * Contract, strict mode with @alicloud/pop-core:
 * - a signed call captured on its way out is served once and refused as a
 *   replay, also after the server restarts on the same --db file (the nonce
 *   is in the file, not only in memory);
 * - SignatureDoesNotMatch quotes the string to sign with the Password the
 *   client sent masked.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import t from 'tap';
import RPCClient from '@alicloud/pop-core';
import { startEmulator } from '../../src/index';
import { API_VERSION, DEFAULT_KEY, ROAM_SAMPLE, SIGNATURE_MISMATCH_PREFIX, WRONG_SECRET } from './shared';

/** The path and query pop-core sends for a GET of `action`, caught by a server that answers `{}`. */
async function captureGet(action: string, params: Record<string, string>): Promise<string> {
  let caught: string | undefined;
  const server = http.createServer((request, response) => {
    caught = request.url;
    response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await new RPCClient({ ...DEFAULT_KEY, endpoint, apiVersion: API_VERSION }).request(action, params, { method: 'GET' });
  } finally {
    server.close();
  }
  if (caught === undefined) throw new Error('pop-core sent nothing');
  return caught;
}

async function replay(url: string): Promise<{ status: number; code: string | undefined }> {
  const response = await fetch(url);
  const body = (await response.json()) as { Code?: string };
  return { status: response.status, code: body.Code };
}

t.test('strict, --db FILE: a replayed signed call is refused before and after a restart', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'smartag-replay-'));
  t.teardown(() => fs.rmSync(dir, { recursive: true, force: true }));
  const db = path.join(dir, 'state.db');
  const signed = await captureGet('DescribeSmartAccessGatewayClientUsers', {
    RegionId: ROAM_SAMPLE.OriginRegionId,
    SmartAGId: ROAM_SAMPLE.OriginSmartAGId,
  });
  t.match(signed, /[?&]SignatureNonce=[^&]+/, 'pop-core signed it with a nonce');

  const first = await startEmulator({ auth: 'strict', db });
  t.same(await replay(`${first.url}${signed}`), { status: 200, code: undefined }, 'served the first time');
  t.same(await replay(`${first.url}${signed}`), { status: 400, code: 'SignatureNonceUsed' }, 'refused the second time');
  await first.close();

  const second = await startEmulator({ auth: 'strict', db });
  t.teardown(() => second.close());
  t.same(await replay(`${second.url}${signed}`), { status: 400, code: 'SignatureNonceUsed' }, 'still refused after the restart');
  const fresh = await captureGet('DescribeSmartAccessGatewayClientUsers', {
    RegionId: ROAM_SAMPLE.OriginRegionId,
    SmartAGId: ROAM_SAMPLE.OriginSmartAGId,
  });
  t.same(await replay(`${second.url}${fresh}`), { status: 200, code: undefined }, 'a new nonce is served after the restart');
});

t.test('strict: SignatureDoesNotMatch masks the Password it quotes', async (t) => {
  const emulator = await startEmulator({ auth: 'strict' });
  t.teardown(() => emulator.close());
  const password = 'Pw0rd-Leak-4e1b77';
  const client = new RPCClient({ ...WRONG_SECRET, endpoint: emulator.url, apiVersion: API_VERSION });
  for (const method of ['GET', 'POST'] as const) {
    const error = await client
      .request('CreateSmartAccessGatewayClientUser', {
        RegionId: ROAM_SAMPLE.OriginRegionId,
        SmartAGId: ROAM_SAMPLE.OriginSmartAGId,
        UserName: 'leakcheck',
        UserMail: 'leak@example.com',
        Password: password,
      }, { method })
      .then(() => undefined, (caught: unknown) => caught as { code: string; data: { Message: string } });
    t.equal(error?.code, 'SignatureDoesNotMatch', method);
    const message = error?.data.Message ?? '';
    t.ok(message.startsWith(SIGNATURE_MISMATCH_PREFIX), `${method}: the string to sign is quoted`);
    t.match(message, '%26Password%3D***%26', `${method}: the Password is masked`);
    t.notMatch(message, 'Pw0rd-Leak', `${method}: the password is not in the answer`);
    t.match(message, '%26UserName%3Dleakcheck', `${method}: other parameters are quoted as signed`);
  }
});
