// RoamClientUser through @alicloud/openapi-client (the generated Smartag SDK sits on it; v3 signature by default).
// Run: node examples/openapi-client.js (against `npm start`; SMARTAG_PORT if it listens elsewhere).
const { default: OpenApi, Config, OpenApiRequest, Params } = require('@alicloud/openapi-client');
const { RuntimeOptions } = require('@alicloud/tea-util');

const client = new OpenApi(new Config({
  accessKeyId: 'testid',
  accessKeySecret: 'testsecret',
  endpoint: `127.0.0.1:${process.env.SMARTAG_PORT ?? 8080}`, // host:port only
  protocol: 'http', // without it the client tries TLS
  // signatureAlgorithm: 'v2', // the older HMAC-SHA1 (v1) signature
}));

const params = new Params({
  action: 'RoamClientUser', version: '2018-03-13', protocol: 'HTTP', pathname: '/',
  method: 'POST', authType: 'AK', style: 'RPC', reqBodyType: 'formData', bodyType: 'json',
});
const request = new OpenApiRequest({
  query: {
    RegionId: 'cn-hangzhou',
    OriginRegionId: 'cn-shanghai',
    OriginSmartAGId: 'sag-m9uhqekwnqcnyy****',
    TargetSmartAGId: 'sag-ghwa10ko6ndwug****',
    UserName: 'test1',
  },
});

async function main() {
  const { body } = await client.callApi(params, request, new RuntimeOptions({}));
  console.log('roamed:', body.RequestId);
  try {
    await client.callApi(params, request, new RuntimeOptions({}));
  } catch (err) {
    // err.code, err.statusCode (400), err.data (the error body plus statusCode)
    console.log('again:', err.code, err.statusCode, err.data.Message, err.data.RequestId);
  }
}
main().catch((err) => { console.error(err); process.exit(1); });
