// RoamClientUser through @alicloud/openapi-core (the runtime of the newer generated SDKs; v3 signature).
// Run: node examples/openapi-core.js (against `npm start`; SMARTAG_PORT if it listens elsewhere).
const { default: Client, $OpenApiUtil } = require('@alicloud/openapi-core');
const { RuntimeOptions } = require('@darabonba/typescript');

const client = new Client(new $OpenApiUtil.Config({
  accessKeyId: 'testid',
  accessKeySecret: 'testsecret',
  endpoint: `127.0.0.1:${process.env.SMARTAG_PORT ?? 8080}`, // host:port only
  protocol: 'http',
}));

const params = new $OpenApiUtil.Params({
  action: 'RoamClientUser', version: '2018-03-13', protocol: 'HTTP', pathname: '/',
  method: 'POST', authType: 'AK', style: 'RPC', reqBodyType: 'formData', bodyType: 'json',
});
const request = new $OpenApiUtil.OpenApiRequest({
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
    // A ClientError (4xx; ServerError for 5xx, ThrottlingError for throttling): code, statusCode, requestId, data
    console.log('again:', err.name, err.code, err.statusCode, err.data.Message, err.requestId);
  }
}
main().catch((err) => { console.error(err); process.exit(1); });
