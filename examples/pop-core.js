// RoamClientUser through @alicloud/pop-core, the documented sample, then the same call again.
// Run: node examples/pop-core.js (against `npm start`; SMARTAG_PORT if it listens elsewhere).
const RPCClient = require('@alicloud/pop-core');

const client = new RPCClient({
  accessKeyId: 'testid',
  accessKeySecret: 'testsecret',
  endpoint: `http://127.0.0.1:${process.env.SMARTAG_PORT ?? 8080}`, // the scheme is required
  apiVersion: '2018-03-13',
});

const params = {
  RegionId: 'cn-hangzhou',
  OriginRegionId: 'cn-shanghai',
  OriginSmartAGId: 'sag-m9uhqekwnqcnyy****',
  TargetSmartAGId: 'sag-ghwa10ko6ndwug****',
  UserName: 'test1',
};

async function main() {
  const result = await client.request('RoamClientUser', params, { method: 'POST' });
  console.log('roamed:', result.RequestId);
  try {
    await client.request('RoamClientUser', params, { method: 'POST' });
  } catch (err) {
    // err.code: 'ClientUser.UserExist'; err.data: the whole error body; err.message: `${Message}, URL: ...`
    console.log('again:', err.code, err.data.Message, err.data.RequestId);
  }
}
main().catch((err) => { console.error(err); process.exit(1); });
