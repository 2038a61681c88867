import t, { type Test } from 'tap';
import { Readable } from 'node:stream';
import { testApp, call, encodeParams, ROAM_SAMPLE, UUID_UPPER } from '../helpers/app';
import { operations } from '../../src/families';
import type { Operation } from '../../src/families/operation';

t.test('request shapes', async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());

  t.test('openapi v3: Action and Version in x-acs-* headers, params in the query', async (t) => {
    const response = await app.inject({
      method: 'POST',
      url: `/?${encodeParams({ ...ROAM_SAMPLE, UserName: 'widebanduser', TargetSmartAGId: 'sag-lowbw0001' })}`,
      headers: { 'x-acs-action': 'RoamClientUser', 'x-acs-version': '2018-03-13' },
    });
    t.equal(response.statusCode, 400);
    t.equal(response.json().Code, 'ClientUser.BandwidthInvalid');
  });

  t.test('openapi v1: params split between query and form body; body wins', async (t) => {
    const response = await app.inject({
      method: 'POST',
      url: `/?${encodeParams({ Action: 'RoamClientUser', Version: '2018-03-13', Format: 'json', UserName: 'ignored-by-body' })}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8' },
      payload: encodeParams({ ...ROAM_SAMPLE, UserName: 'nosuchuser' }),
    });
    t.equal(response.json().Code, 'ResourceNotFound.User');
  });

  t.test('a chunked form body', async (t) => {
    const body = encodeParams({ Action: 'RoamClientUser', Version: '2018-03-13', ...ROAM_SAMPLE, UserName: 'nosuchuser' });
    const response = await app.inject({
      method: 'POST',
      url: '/',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'transfer-encoding': 'chunked' },
      payload: Readable.from([body.slice(0, 20), body.slice(20)]),
    });
    t.equal(response.json().Code, 'ResourceNotFound.User');
  });

  t.test('+ is a space, and Format is case-insensitive', async (t) => {
    const response = await app.inject({
      method: 'GET',
      url: '/?Action=RoamClientUser&Version=2018-03-13&Format=xml&RegionId=cn-hangzhou&OriginRegionId=cn-shanghai'
        + '&OriginSmartAGId=sag-m9uhqekwnqcnyy****&TargetSmartAGId=sag-ghwa10ko6ndwug****&UserName=test+1',
    });
    t.equal(response.headers['content-type'], 'text/xml;charset=utf-8');
    t.match(response.body, '<Code>ClientUser.NameInvalid</Code>');
  });

  t.test('any path ending in / is the API root', async (t) => {
    const response = await app.inject({ method: 'GET', url: `/smartag/?${encodeParams({ Action: 'RoamClientUser', Version: '2018-03-13', ...ROAM_SAMPLE, UserName: 'nosuchuser' })}` });
    t.equal(response.json().Code, 'ResourceNotFound.User');
  });
});

t.test('protocol failures use the error envelope', async (t) => {
  const app = await testApp({ bodyLimit: 2048 });
  t.teardown(() => app.close());
  const expectError = async (t: Test, response: { statusCode: number; headers: Record<string, unknown>; body: string }, status: number, code: string, message?: string) => {
    t.equal(response.statusCode, status, 'status');
    t.equal(response.headers['content-type'], 'application/json;charset=utf-8');
    const body = JSON.parse(response.body);
    t.equal(body.Code, code, 'code');
    if (message) t.equal(body.Message, message, 'message');
    t.match(body.RequestId, UUID_UPPER);
    t.equal(response.headers['x-acs-request-id'], body.RequestId);
    t.equal(body.HostId, 'smartag.aliyuncs.com');
  };

  t.test('unknown Action', async (t) => {
    await expectError(t, await app.inject({ url: '/?Action=NoSuchThing&Version=2018-03-13' }), 404, 'InvalidAction.NotFound',
      'Specified api is not found, please check your url and method.');
  });
  t.test('missing Action', async (t) => {
    await expectError(t, await app.inject({ url: '/?Version=2018-03-13' }), 400, 'MissingAction', 'Action is mandatory for this action.');
  });
  t.test('missing and wrong Version', async (t) => {
    await expectError(t, await app.inject({ url: '/?Action=RoamClientUser' }), 400, 'MissingVersion');
    await expectError(t, await app.inject({ url: '/?Action=RoamClientUser&Version=2017-01-01' }), 400, 'InvalidVersion',
      'Specified parameter Version is not valid.');
  });
  t.test('malformed percent-encoding', async (t) => {
    await expectError(t, await app.inject({ url: '/?Action=RoamClientUser&Version=2018-03-13&UserName=%E0%A4%A' }), 400, 'InvalidParameter.Encoding');
    await expectError(t, await app.inject({ url: '/?Action=RoamClientUser&Version=2018-03-13&UserName=%FF' }), 400, 'InvalidParameter.Encoding');
  });
  t.test('unsupported content type', async (t) => {
    await expectError(t, await app.inject({ method: 'POST', url: '/', headers: { 'content-type': 'application/json' }, payload: '{"Action":"RoamClientUser"}' }),
      415, 'UnsupportedMediaType');
  });
  t.test('body too large', async (t) => {
    await expectError(t, await app.inject({ method: 'POST', url: '/', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: `A=${'x'.repeat(4096)}` }),
      413, 'RequestEntityTooLarge');
  });
  t.test('unknown path', async (t) => {
    await expectError(t, await app.inject({ url: '/nowhere' }), 404, 'InvalidAction.NotFound');
    await expectError(t, await app.inject({ url: '/_emulator/nowhere' }), 404, 'InvalidAction.NotFound');
  });
  t.test('method other than GET and POST', async (t) => {
    for (const method of ['PUT', 'DELETE', 'PATCH'] as const) {
      await expectError(t, await app.inject({ method, url: '/?Action=RoamClientUser&Version=2018-03-13' }), 403, 'UnsupportedHTTPMethod',
        'This http method not supported.');
    }
  });
  t.test('too many parameters', async (t) => {
    const many = Array.from({ length: 1001 }, (_, i) => `P${i}=x`).join('&');
    await expectError(t, await app.inject({ url: `/?Action=RoamClientUser&Version=2018-03-13&${many}` }), 400, 'InvalidParameter.TooMany');
  });
  t.test('an XML error when XML was asked', async (t) => {
    const response = await app.inject({ url: '/?Action=NoSuchThing&Version=2018-03-13&Format=XML' });
    t.equal(response.statusCode, 404);
    t.equal(response.headers['content-type'], 'text/xml;charset=utf-8');
    t.match(response.body, /^<\?xml version="1.0" encoding="UTF-8"\?><Error><RequestId>[0-9A-F-]{36}<\/RequestId><HostId>smartag.aliyuncs.com<\/HostId><Code>InvalidAction.NotFound<\/Code><Message>Specified api is not found, please check your url and method.<\/Message><Recommend>https:\/\/api.aliyun.com\/troubleshoot\?q=InvalidAction.NotFound&amp;product=Smartag&amp;requestId=/);
  });
});

t.test('an internal exception is a 500 InternalError without a stack', async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  const registry = operations as Map<string, Operation>;
  const original = registry.get('RoamClientUser')!;
  registry.set('RoamClientUser', { action: 'RoamClientUser', handle: () => { throw new Error('boom at /secret/path.ts'); } });
  t.teardown(() => { registry.set('RoamClientUser', original); });
  const response = await call(app, 'RoamClientUser', ROAM_SAMPLE);
  t.equal(response.status, 500);
  const body = response.json();
  t.equal(body.Code, 'InternalError');
  t.equal(body.Message, 'An error occurred while processing your request.');
  t.notMatch(response.body, /boom|secret|\.ts|at /);
});
