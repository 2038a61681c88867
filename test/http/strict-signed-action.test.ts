/**
 * Strict v3: every header the emulator acts on must be signed (issue 16,
 * item 1). A request signed by the official client (@alicloud/openapi-client,
 * captured on its way out) is served; the same request re-signed by a
 * careless signer that leaves x-acs-action (or x-acs-version) out of
 * SignedHeaders, its action then swapped in transit, is refused with
 * IncompleteSignature and changes nothing.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import t from 'tap';
import OpenApi, { Config, OpenApiRequest, Params } from '@alicloud/openapi-client';
import { RuntimeOptions } from '@alicloud/tea-util';
import { testApp, ROAM_SAMPLE } from '../helpers/app';
import { parseV3Authorization, signV3, V3_ALGORITHM } from '../../src/protocol/signing';

const KEY = { accessKeyId: 'testid', accessKeySecret: 'testsecret' };

interface Captured {
  method: 'POST';
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** What the official client sends for `action`, caught by a server that answers `{}`. */
async function capture(action: string, query: Record<string, string>): Promise<Captured> {
  let caught: Captured | undefined;
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      caught = { method: 'POST', url: request.url ?? '/', headers: request.headers as Record<string, string>, body: Buffer.concat(chunks).toString('utf8') };
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const client = new OpenApi(new Config({ ...KEY, endpoint: `127.0.0.1:${(server.address() as AddressInfo).port}`, protocol: 'http' }));
    await client.callApi(
      new Params({ action, version: '2018-03-13', protocol: 'HTTP', pathname: '/', method: 'POST', authType: 'AK', style: 'RPC', reqBodyType: 'formData', bodyType: 'json' }),
      new OpenApiRequest({ query }),
      new RuntimeOptions({}),
    );
  } finally {
    server.close();
  }
  if (!caught) throw new Error('the client sent nothing');
  return caught;
}

/** The captured request signed again, as a careless signer would, without `unsigned` in SignedHeaders. */
function resignWithout(request: Captured, unsigned: string): Captured {
  const authorization = parseV3Authorization(request.headers.authorization);
  if (!authorization) throw new Error('the client sent no v3 Authorization');
  const signedHeaders = authorization.signedHeaders.filter((name) => name !== unsigned);
  const url = new URL(request.url, 'http://x');
  const signature = signV3(
    {
      method: request.method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: request.headers,
      signedHeaders,
      hashedPayload: request.headers['x-acs-content-sha256'],
    },
    KEY.accessKeySecret,
  );
  const headers = { ...request.headers, authorization: `${V3_ALGORITHM} Credential=${KEY.accessKeyId},SignedHeaders=${signedHeaders.join(';')},Signature=${signature}` };
  return { ...request, headers };
}

t.test('strict v3: an unsigned x-acs-action or x-acs-version is refused, so a signed call cannot be swapped for another', async (t) => {
  const app = await testApp({ auth: 'strict' });
  t.teardown(() => app.close());
  const roamed = () => app.emulator.store.db.prepare('SELECT count(*) FROM client_users WHERE roamed_from_instance_id IS NOT NULL').pluck().get() as number;
  const send = (request: Captured) => app.inject({ method: request.method, url: request.url, headers: request.headers, payload: request.body });

  const signedRead = await capture('DescribeSmartAccessGatewayClientUsers', { RegionId: ROAM_SAMPLE.OriginRegionId, SmartAGId: ROAM_SAMPLE.OriginSmartAGId });
  t.ok(parseV3Authorization(signedRead.headers.authorization)?.signedHeaders.includes('x-acs-action'), 'the official client signs x-acs-action');

  for (const name of ['x-acs-action', 'x-acs-version']) {
    const careless = resignWithout(signedRead, name);
    const swapped = name === 'x-acs-action' ? { ...careless, headers: { ...careless.headers, 'x-acs-action': 'RoamClientUser' } } : careless;
    const response = await send(swapped);
    t.equal(response.statusCode, 400, `${name} unsigned: refused`);
    const body = response.json();
    t.equal(body.Code, 'IncompleteSignature', name);
    t.equal(body.Message, 'The request signature does not conform to Aliyun standards.', name);
    t.match(response.body, `Header ${name} must be listed in SignedHeaders.`, `${name}: the answer names the header`);
  }
  t.equal(roamed(), 0, 'the swapped-in RoamClientUser did nothing');

  const response = await send(signedRead);
  t.equal(response.statusCode, 200, 'the request as the official client signed it is served');
  t.equal(response.json().Code, undefined);
});
