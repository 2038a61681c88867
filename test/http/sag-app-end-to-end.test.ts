/**
 * End to end through the API only: a CCN, two SAG APP instances bound to it
 * with client blocks and one enterprise code, a client account that roams
 * from one to the other, then everything taken down again.
 */
import t from 'tap';
import { call, testApp } from '../helpers/app';
import { ERRORS, expectError, expectSuccess } from '../helpers/api-expect';

const REGION = 'cn-hangzhou';
const CONFIG_DIFFERENT = [400, 'EnterpriseCode.ConfigDifferent', 'The target smart access gateway enterprise code or idaas configuration is not the same.'] as const;

t.test('a client account roams between two new SAG APP instances', async (t) => {
  const app = await testApp({ fixtures: null });
  t.teardown(() => app.close());
  const api = (action: string, params: Record<string, string>) => call(app, action, { RegionId: REGION, ...params });
  const ok = async (action: string, params: Record<string, string>) => expectSuccess(t, action, await api(action, params));

  const { CcnId: ccnId } = await ok('CreateCloudConnectNetwork', { Name: 'branches', CidrBlock: '10.0.0.0/8' });
  const newApp = { Period: '1', AutoPay: 'true', ChargeType: 'PREPAY', UserCount: '10', DataPlan: '5' };
  const { SmartAGId: first } = await ok('CreateSmartAccessGatewaySoftware', newApp);
  const { SmartAGId: second } = await ok('CreateSmartAccessGatewaySoftware', newApp);

  for (const [id, block] of [[first, '10.1.0.0/24'], [second, '10.2.0.0/24']]) {
    await ok('BindSmartAccessGateway', { CcnId: ccnId, SmartAGId: id });
    await ok('ModifySmartAccessGateway', { SmartAGId: id, CidrBlock: block, Name: `office-${block.split('.')[1]}` });
  }
  expectError(t, await api('ModifySmartAccessGateway', { SmartAGId: second, CidrBlock: '10.1.0.128/25' }), ERRORS.cidrOverlap, 'blocks stay apart within the CCN');

  await ok('CreateSmartAccessGatewayClientUser', {
    SmartAGId: first, UserName: 'alice.roams', Password: 'Passw0rd-1', UserMail: 'alice@example.com', Bandwidth: '2000',
  });
  const roam = { OriginRegionId: REGION, OriginSmartAGId: first, TargetSmartAGId: second, UserName: 'alice.roams' };

  await ok('CreateEnterpriseCode', { EnterpriseCode: 'Br4nc' });
  await ok('UpdateSmartAGEnterpriseCode', { SmartAGId: first, EnterpriseCode: 'Br4nc' });
  expectError(t, await api('RoamClientUser', roam), CONFIG_DIFFERENT, 'the destination has no code yet');
  await ok('UpdateSmartAGEnterpriseCode', { SmartAGId: second, EnterpriseCode: 'Br4nc' });

  await ok('RoamClientUser', roam);
  const roamed = app.emulator.store.clientUsers.find(app.emulator.defaultAccountId, second, 'alice.roams');
  t.ok(roamed, 'the destination holds the account');
  t.equal(roamed!.roamedFromInstanceId, first);
  await ok('UpdateSmartAGEnterpriseCode', { SmartAGId: second, EnterpriseCode: 'Br4nc' });
  t.pass('a roamed copy is the same person: no user name conflict under the code');

  const listed = await ok('DescribeSmartAccessGateways', { AssociatedCcnId: ccnId });
  t.same(listed.SmartAccessGateways.SmartAccessGateway.map((item: { SmartAGId: string; EnterpriseCode: string; CidrBlock: string }) =>
    [item.SmartAGId, item.EnterpriseCode, item.CidrBlock]), [[first, 'Br4nc', '10.1.0.0/24'], [second, 'Br4nc', '10.2.0.0/24']]);

  expectError(t, await api('DeleteEnterpriseCode', { EnterpriseCode: 'Br4nc' }), ERRORS.codeBeingUsed);
  expectError(t, await api('DeleteCloudConnectNetwork', { CcnId: ccnId }), ERRORS.alreadyBoundSmartag);
  for (const id of [first, second]) {
    expectError(t, await api('DeleteSmartAccessGateway', { InstanceId: id }), ERRORS.businessStateNotSupport);
    await ok('UnbindSmartAccessGateway', { CcnId: ccnId, SmartAGId: id });
    await ok('DeleteSmartAccessGateway', { InstanceId: id });
  }
  await ok('DeleteCloudConnectNetwork', { CcnId: ccnId });
  await ok('DeleteEnterpriseCode', { EnterpriseCode: 'Br4nc' });
  const left = await ok('DescribeSmartAccessGateways', {});
  t.equal(left.TotalCount, 0, 'nothing left');
  t.same(app.emulator.store.clientUsers.listOfAccount(app.emulator.defaultAccountId), [], 'the client accounts went with their instances');
});
