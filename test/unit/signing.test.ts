import t from 'tap';
import {
  EMPTY_PAYLOAD_SHA256,
  encodeForm,
  formatTimestamp,
  headerValue,
  parseV3Authorization,
  percentEncode,
  sha256Hex,
  signedV1Params,
  signedV3Headers,
  signV1,
  signV3,
  v1CanonicalQuery,
  v1StringToSign,
  v3CanonicalHeaders,
  v3CanonicalQuery,
  v3CanonicalRequest,
  v3StringToSign,
} from '../../src/protocol/signing';

// The DescribeRegions request of Alibaba Cloud's RPC signature documentation.
const PUBLISHED_V1_PARAMS = {
  AccessKeyId: 'testid',
  Action: 'DescribeRegions',
  Format: 'XML',
  SignatureMethod: 'HMAC-SHA1',
  SignatureNonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf',
  SignatureVersion: '1.0',
  Timestamp: '2016-02-23T12:46:24Z',
  Version: '2014-05-26',
};

t.test('v1 reproduces the published test vector', async (t) => {
  t.equal(
    v1StringToSign('GET', PUBLISHED_V1_PARAMS),
    'GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1' +
      '%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0' +
      '%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26',
  );
  t.equal(signV1('GET', PUBLISHED_V1_PARAMS, 'testsecret'), 'OLeaidS1JvxuMvnyHOwuJ+uX5qY=');
  t.equal(
    signV1('GET', { ...PUBLISHED_V1_PARAMS, Signature: 'anything' }, 'testsecret'),
    'OLeaidS1JvxuMvnyHOwuJ+uX5qY=',
    'the Signature parameter itself is not signed',
  );
  t.not(signV1('POST', PUBLISHED_V1_PARAMS, 'testsecret'), 'OLeaidS1JvxuMvnyHOwuJ+uX5qY=', 'the method is signed');
});

t.test('percentEncode follows RFC 3986', async (t) => {
  t.equal(percentEncode("*!'()~"), '%2A%21%27%28%29~');
  t.equal(percentEncode('a b'), 'a%20b');
  t.equal(percentEncode('a+b'), 'a%2Bb');
  t.equal(percentEncode('AZaz09-_.~'), 'AZaz09-_.~');
  t.equal(percentEncode('/?=&:'), '%2F%3F%3D%26%3A');
  t.equal(percentEncode('héllo ✓'), 'h%C3%A9llo%20%E2%9C%93');
  t.equal(percentEncode('😀'), '%F0%9F%98%80');
  t.equal(percentEncode(''), '');
});

t.test('v1 sorts keys by code unit, not by locale', async (t) => {
  const params = { b: '1', B: '2', a: '3', A: '4', _x: '5', Ä: '6' };
  t.equal(v1CanonicalQuery(params), 'A=4&B=2&_x=5&a=3&b=1&%C3%84=6');
  t.equal(v1CanonicalQuery({ 'UserNames.10': 'j', 'UserNames.2': 'b' }), 'UserNames.10=j&UserNames.2=b');
});

t.test('v3 reproduces the published RunInstances example', async (t) => {
  const headers = {
    host: 'ecs.cn-shanghai.aliyuncs.com',
    'x-acs-action': 'RunInstances',
    'x-acs-content-sha256': EMPTY_PAYLOAD_SHA256,
    'x-acs-date': '2023-10-26T10:22:32Z',
    'x-acs-signature-nonce': '3156853299f313e23d1673dc12e1703d',
    'x-acs-version': '2014-05-26',
  };
  const input = {
    method: 'POST',
    path: '/',
    query: { ImageId: 'win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd', RegionId: 'cn-shanghai' },
    headers,
    signedHeaders: Object.keys(headers),
    hashedPayload: EMPTY_PAYLOAD_SHA256,
  };
  t.equal(
    v3CanonicalRequest(input),
    [
      'POST',
      '/',
      'ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai',
      'host:ecs.cn-shanghai.aliyuncs.com',
      'x-acs-action:RunInstances',
      `x-acs-content-sha256:${EMPTY_PAYLOAD_SHA256}`,
      'x-acs-date:2023-10-26T10:22:32Z',
      'x-acs-signature-nonce:3156853299f313e23d1673dc12e1703d',
      'x-acs-version:2014-05-26',
      '',
      'host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version',
      EMPTY_PAYLOAD_SHA256,
    ].join('\n'),
  );
  t.equal(signV3(input, 'YourAccessKeySecret'), '06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0');
  t.equal(v3StringToSign('x'), `ACS3-HMAC-SHA256\n${sha256Hex('x')}`);
});

t.test('v3 canonical parts', async (t) => {
  t.equal(EMPTY_PAYLOAD_SHA256, 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  t.equal(
    v3CanonicalQuery({ b: 'x y', A: "*!'()~", c: 'é', 'L.1': '' }),
    'A=%2A%21%27%28%29~&L.1=&b=x%20y&c=%C3%A9',
    'decoded values are re-encoded, keys sorted by code unit',
  );
  t.equal(v3CanonicalQuery({}), '');
  t.equal(
    v3CanonicalHeaders({ host: '127.0.0.1:8080', 'x-acs-a': '  padded  ', 'x-acs-b': ['1', '2'] }, ['host', 'x-acs-a', 'x-acs-b', 'x-acs-absent']),
    'host:127.0.0.1:8080\nx-acs-a:padded\nx-acs-b:1,2\nx-acs-absent:\n',
  );
  t.equal(headerValue({ a: ['x', 'y'] }, 'a'), 'x,y');
  t.equal(headerValue({}, 'a'), undefined);
});

t.test('parseV3Authorization', async (t) => {
  t.strictSame(parseV3Authorization('ACS3-HMAC-SHA256 Credential=AK,SignedHeaders=host;X-Acs-Date,Signature=ab12'), {
    algorithm: 'ACS3-HMAC-SHA256',
    accessKeyId: 'AK',
    signedHeaders: ['host', 'x-acs-date'],
    signature: 'ab12',
  });
  t.strictSame(
    parseV3Authorization('ACS3-HMAC-SM3  Credential=AK, SignedHeaders=host, Signature=ab12'),
    { algorithm: 'ACS3-HMAC-SM3', accessKeyId: 'AK', signedHeaders: ['host'], signature: 'ab12' },
    'spaces around commas are tolerated',
  );
  t.equal(parseV3Authorization('ACS3-HMAC-SHA256 Credential=,SignedHeaders=host,Signature=ab')?.accessKeyId, '', 'empty Credential is reported later');
  for (const malformed of [
    '',
    'ACS3-HMAC-SHA256',
    'ACS3-HMAC-SHA256 garbage',
    'ACS3-HMAC-SHA256 SignedHeaders=host,Signature=ab',
    'ACS3-HMAC-SHA256 Credential=AK,Signature=ab',
    'ACS3-HMAC-SHA256 Credential=AK,SignedHeaders=host,Signature=',
    'ACS3-HMAC-SHA256 Credential=AK,SignedHeaders=host;;date,Signature=ab',
  ]) {
    t.equal(parseV3Authorization(malformed), undefined, malformed || '(empty)');
  }
});

t.test('formatTimestamp and encodeForm', async (t) => {
  t.equal(formatTimestamp(new Date(Date.UTC(2026, 10, 28, 3, 9, 41, 131))), '2026-11-28T03:09:41Z');
  t.equal(encodeForm({ 'A b': "x*y z+~", 'L.1': 'é' }), 'A%20b=x%2Ay%20z%2B~&L.1=%C3%A9');
});

t.test('signedV1Params builds a complete, verifiable v1 request', async (t) => {
  const params = signedV1Params({
    method: 'POST',
    accessKeyId: 'AK',
    accessKeySecret: 'SK',
    securityToken: 'TOKEN',
    action: 'DescribeThing',
    version: '2018-03-13',
    params: { Name: 'a b', SignatureMethod: 'HMAC-SHA256' },
    timestamp: '2026-11-28T03:09:41Z',
    nonce: 'n-1',
  });
  const { Signature, ...unsigned } = params;
  t.strictSame(unsigned, {
    Action: 'DescribeThing',
    Format: 'JSON',
    Version: '2018-03-13',
    AccessKeyId: 'AK',
    SignatureMethod: 'HMAC-SHA256',
    SignatureVersion: '1.0',
    SignatureNonce: 'n-1',
    Timestamp: '2026-11-28T03:09:41Z',
    SecurityToken: 'TOKEN',
    Name: 'a b',
  });
  t.equal(Signature, signV1('POST', unsigned, 'SK'));
  const defaults = signedV1Params({ method: 'GET', accessKeyId: 'AK', accessKeySecret: 'SK', action: 'X', version: 'V' });
  t.match(defaults.SignatureNonce, /^[0-9a-f]{32}$/);
  t.match(defaults.Timestamp, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  t.notOk('SecurityToken' in defaults);
});

t.test('signedV3Headers builds a complete, verifiable v3 request', async (t) => {
  const body = 'Name=a%20b';
  const headers = signedV3Headers({
    method: 'POST',
    host: '127.0.0.1:8080',
    accessKeyId: 'AK',
    accessKeySecret: 'SK',
    securityToken: 'TOKEN',
    action: 'DescribeThing',
    version: '2018-03-13',
    query: { RegionId: 'cn-shanghai' },
    body,
    date: '2026-11-28T03:09:41Z',
    nonce: 'n-1',
  });
  const { authorization, ...signed } = headers;
  t.strictSame(signed, {
    host: '127.0.0.1:8080',
    'x-acs-action': 'DescribeThing',
    'x-acs-version': '2018-03-13',
    'x-acs-date': '2026-11-28T03:09:41Z',
    'x-acs-signature-nonce': 'n-1',
    'x-acs-content-sha256': sha256Hex(body),
    'content-type': 'application/x-www-form-urlencoded',
    'x-acs-accesskey-id': 'AK',
    'x-acs-security-token': 'TOKEN',
  });
  const parsed = parseV3Authorization(authorization);
  t.strictSame(parsed?.signedHeaders, Object.keys(signed).sort());
  t.equal(parsed?.accessKeyId, 'AK');
  const expected = signV3(
    { method: 'POST', path: '/', query: { RegionId: 'cn-shanghai' }, headers, signedHeaders: Object.keys(signed).sort(), hashedPayload: sha256Hex(body) },
    'SK',
  );
  t.equal(parsed?.signature, expected);

  const bodiless = signedV3Headers({ method: 'GET', host: 'h', accessKeyId: 'AK', accessKeySecret: 'SK', action: 'X', version: 'V' });
  t.notOk('content-type' in bodiless, 'no content-type without a body');
  t.equal(bodiless['x-acs-content-sha256'], EMPTY_PAYLOAD_SHA256);
  t.match(bodiless.authorization, /^ACS3-HMAC-SHA256 Credential=AK,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=[0-9a-f]{64}$/);
});
