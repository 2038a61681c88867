// Roam a client account between two new SAG APP instances, through @alicloud/openapi-core (v3 signature).
// Run against an empty emulator, `npm start -- --auth strict --fixtures none`, then: node examples/roaming-setup.js
const { default: Client, $OpenApiUtil } = require('@alicloud/openapi-core');
const { RuntimeOptions } = require('@darabonba/typescript');

const client = new Client(new $OpenApiUtil.Config({
  accessKeyId: 'testid', accessKeySecret: 'testsecret',
  endpoint: `127.0.0.1:${process.env.SMARTAG_PORT ?? 8080}`, protocol: 'http',
}));
async function call(action, query) {
  const params = new $OpenApiUtil.Params({
    action, version: '2018-03-13', protocol: 'HTTP', pathname: '/', method: 'POST',
    authType: 'AK', style: 'RPC', reqBodyType: 'formData', bodyType: 'json',
  });
  const { body } = await client.callApi(params, new $OpenApiUtil.OpenApiRequest({ query }), new RuntimeOptions({}));
  return body;
}

async function main() {
  const origin = 'cn-hangzhou', target = 'cn-shanghai'; // the same region works too, with one CCN
  const app = { Period: 1, AutoPay: true, ChargeType: 'PREPAY', DataPlan: 5 };
  // One CCN per region (an instance binds only to a CCN of its own region), one enterprise code per account.
  const { CcnId: ccnA } = await call('CreateCloudConnectNetwork', { RegionId: origin, Name: 'east', CidrBlock: '10.1.0.0/16' });
  const { CcnId: ccnB } = await call('CreateCloudConnectNetwork', { RegionId: target, Name: 'west', CidrBlock: '10.2.0.0/16' });
  const { SmartAGId: source } = await call('CreateSmartAccessGatewaySoftware', { RegionId: origin, ...app, UserCount: 10 });
  const { SmartAGId: dest } = await call('CreateSmartAccessGatewaySoftware', { RegionId: target, ...app, UserCount: 5 });
  await call('CreateEnterpriseCode', { RegionId: origin, EnterpriseCode: 'R0am5' });
  for (const [RegionId, CcnId, SmartAGId, CidrBlock] of [[origin, ccnA, source, '10.1.1.0/24'], [target, ccnB, dest, '10.2.1.0/24']]) {
    await call('BindSmartAccessGateway', { RegionId, CcnId, SmartAGId });
    await call('ModifySmartAccessGateway', { RegionId, SmartAGId, CidrBlock });
    await call('UpdateSmartAGEnterpriseCode', { RegionId, SmartAGId, EnterpriseCode: 'R0am5' });
  }
  await call('CreateSmartAccessGatewayClientUser', {
    RegionId: origin, SmartAGId: source, UserName: 'alice.roams', Password: 'Passw0rd-1', UserMail: 'alice@example.com', Bandwidth: 2000,
  });
  // RegionId and TargetSmartAGId name the destination; OriginRegionId and OriginSmartAGId the source.
  const roam = { RegionId: target, TargetSmartAGId: dest, OriginRegionId: origin, OriginSmartAGId: source };
  await call('RoamClientUser', { ...roam, UserName: 'alice.roams' });
  const listed = await call('DescribeSmartAccessGatewayClientUsers', { RegionId: target, SmartAGId: dest });
  console.log(listed.TotalCount, listed.Users.User[0]);
  // 1 { UserName: 'alice.roams', UserMail: 'alice@example.com', Bandwidth: 2000, State: 0, ... }

  // The roamed account uses one of the destination's 5 seats: fill the other 4, and the next one is refused.
  for (let i = 1; i <= 4; i++) {
    await call('CreateSmartAccessGatewayClientUser', { RegionId: target, SmartAGId: dest, UserMail: `user${i}@example.com`, Bandwidth: 1000 });
  }
  await call('CreateSmartAccessGatewayClientUser', {
    RegionId: origin, SmartAGId: source, UserName: 'bob.roams', Password: 'Passw0rd-2', UserMail: 'bob@example.com', Bandwidth: 2000,
  });
  try {
    await call('RoamClientUser', { ...roam, UserName: 'bob.roams' });
  } catch (err) { // a ClientError: err.code, err.statusCode, err.data (the error body)
    console.log(err.name, err.statusCode, err.code, err.data.Message);
    // ClientError 400 ClientUser.UserOverLimit The maximum number of users is exceeded.
  }
}
main().catch((err) => { console.error(err); process.exit(1); });
