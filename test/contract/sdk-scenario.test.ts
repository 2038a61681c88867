/**
 * Contract: one end-to-end scenario entirely through @alicloud/openapi-core
 * with its default v3 signature (ACS3-HMAC-SHA256), against an emulator
 * that checks signatures strictly and starts empty (only the default
 * account testid/testsecret).
 *
 * A CCN, two new SAG APP instances bound to it with client CIDR blocks and
 * one enterprise code, a client account created on the source and roamed
 * to the destination, which lists it and counts it against its quota of 5.
 *
 * The second variant puts the two instances in different regions, which is
 * what roaming is for. An instance binds only to a CCN of its own region,
 * so each gets its own CCN there; the enterprise code belongs to the
 * account, not a region, so the one code serves both.
 */
import t, { type Test } from 'tap';
import CoreClient, { $OpenApiUtil, AlibabaCloudError, ClientError } from '@alicloud/openapi-core';
import { RuntimeOptions } from '@alicloud/tea-util';
import { startEmulator, type StartedEmulator } from '../../src/index';
import { checkResponse } from '../../src/spec/response-check';
import { ERRORS, type ExpectedError } from '../helpers/api-expect';
import { E } from '../helpers/client-accounts';
import { API_VERSION, DEFAULT_KEY, UUID_UPPER, outcome } from './shared';

type Query = Record<string, string>;
type CoreRuntime = Parameters<CoreClient['callApi']>[2];

const CCN_ID = /^ccn-[a-z0-9]{18}$/;
const SAG_ID = /^sag-[a-z0-9]{18}$/;
const ORDER_ID = /^\d{15}$/;
const CODE = 'R0am5';
const NEW_APP = { Period: '1', AutoPay: 'true', ChargeType: 'PREPAY', DataPlan: '5' };
const ALICE = { UserName: 'alice.roams', Password: 'Passw0rd-1', UserMail: 'alice@example.com', Bandwidth: '2000' };
const BOB = { UserName: 'bob.roams', Password: 'Passw0rd-2', UserMail: 'bob@example.com', Bandwidth: '2000' };

/** The SDK as a generated Smartag client drives it: RPC, POST, every parameter in the query, v3 signature. */
function sdk(t: Test, emulator: StartedEmulator) {
  const client = new CoreClient(
    new $OpenApiUtil.Config({ ...DEFAULT_KEY, endpoint: `127.0.0.1:${emulator.port}`, protocol: 'http' }),
  );
  const send = (action: string, query: Query) =>
    client.callApi(
      new $OpenApiUtil.Params({
        action,
        version: API_VERSION,
        protocol: 'HTTP',
        pathname: '/',
        method: 'POST',
        authType: 'AK',
        style: 'RPC',
        reqBodyType: 'formData',
        bodyType: 'json',
      }),
      new $OpenApiUtil.OpenApiRequest({ query }),
      new RuntimeOptions({}) as unknown as CoreRuntime,
    ) as Promise<{ statusCode: number; headers: Record<string, string>; body: any }>;

  return {
    /** A 200 whose body passes the documented response schema; returns the body. */
    async ok(action: string, query: Query): Promise<Record<string, any>> {
      const result = await outcome(send(action, query));
      if (!result.ok) throw result.error;
      const { statusCode, headers, body } = result.value;
      t.equal(statusCode, 200, `${action}: status`);
      t.match(body.RequestId, UUID_UPPER, `${action}: RequestId`);
      t.equal(headers['x-acs-request-id'], body.RequestId, `${action}: x-acs-request-id`);
      t.same(checkResponse(action, body), [], `${action}: body matches the documented schema`);
      return body;
    },
    /** A ClientError carrying exactly this status, code and message. */
    async refused(action: string, query: Query, [status, code, message]: ExpectedError, label = `${action}: ${code}`) {
      const result = await outcome(send(action, query));
      t.notOk(result.ok, `${label}: throws`);
      if (result.ok) return;
      const error = result.error;
      t.ok(error instanceof ClientError, `${label}: a ClientError`);
      t.ok(error instanceof AlibabaCloudError, `${label}: an AlibabaCloudError`);
      t.equal(error.statusCode, status, `${label}: statusCode`);
      t.equal(error.code, code, `${label}: code`);
      t.equal(error.data.Message, message, `${label}: message`);
      t.match(error.requestId, UUID_UPPER, `${label}: requestId`);
      t.equal(error.message, `${code}: code: ${status}, ${message} request id: ${error.requestId}`, `${label}: error.message`);
    },
  };
}

interface Layout {
  origin: string;
  target: string;
  /** The CCN's blocks, per region (one CCN when both regions are the same). */
  ccnBlocks: Record<string, string>;
  sourceBlock: string;
  targetBlock: string;
}

async function roamScenario(t: Test, layout: Layout) {
  const emulator = await startEmulator({ auth: 'strict', fixtures: null });
  t.teardown(() => emulator.close());
  const { ok, refused } = sdk(t, emulator);
  const { origin, target } = layout;

  // 1. A CCN per region involved, each with its CIDR block.
  const ccns: Record<string, string> = {};
  for (const [regionId, block] of Object.entries(layout.ccnBlocks)) {
    const ccn = await ok('CreateCloudConnectNetwork', { RegionId: regionId, Name: `net-${regionId}`, CidrBlock: block });
    t.match(ccn.CcnId, CCN_ID, 'CcnId');
    t.strictSame(
      [ccn.Name, ccn.CidrBlock, ccn.SnatCidrBlock, ccn.Description, ccn.Status],
      [`net-${regionId}`, block, '', '', 'Active'],
      'the CCN as created',
    );
    ccns[regionId] = ccn.CcnId;
  }

  // 2. Two SAG APP instances; the destination has room for 5 client accounts.
  const created = await ok('CreateSmartAccessGatewaySoftware', { RegionId: origin, ...NEW_APP, UserCount: '10' });
  const source: string = created.SmartAGId;
  t.match(source, SAG_ID, 'source SmartAGId');
  t.match(created.OrderId, ORDER_ID, 'OrderId');
  const dest: string = (await ok('CreateSmartAccessGatewaySoftware', { RegionId: target, ...NEW_APP, UserCount: '5' })).SmartAGId;
  t.match(dest, SAG_ID, 'destination SmartAGId');
  t.not(dest, source);

  // 3. Each bound to the CCN of its region. A CCN of another region is refused either way round.
  if (origin !== target) {
    await refused('BindSmartAccessGateway', { RegionId: origin, CcnId: ccns[origin], SmartAGId: dest }, ERRORS.invalidSmartagId,
      'binding to a CCN of another region (RegionId of the CCN)');
    await refused('BindSmartAccessGateway', { RegionId: target, CcnId: ccns[origin], SmartAGId: dest }, ERRORS.invalidCcnId,
      'binding to a CCN of another region (RegionId of the instance)');
  }
  for (const [regionId, id] of [[origin, source], [target, dest]]) {
    t.strictSame(Object.keys(await ok('BindSmartAccessGateway', { RegionId: regionId, CcnId: ccns[regionId], SmartAGId: id })), ['RequestId']);
  }

  // 4. Client CIDR blocks: inside the CCN's, apart from each other.
  await ok('ModifySmartAccessGateway', { RegionId: origin, SmartAGId: source, CidrBlock: layout.sourceBlock });
  if (origin === target) {
    await refused('ModifySmartAccessGateway', { RegionId: target, SmartAGId: dest, CidrBlock: layout.sourceBlock }, ERRORS.cidrOverlap,
      'the same block as the other instance of the CCN');
  }
  await refused('ModifySmartAccessGateway', { RegionId: target, SmartAGId: dest, CidrBlock: '192.168.0.0/24' }, ERRORS.noBelongCcnCidr,
    'a block outside the CCN');
  await ok('ModifySmartAccessGateway', { RegionId: target, SmartAGId: dest, CidrBlock: layout.targetBlock });

  // 5. One enterprise code for both (codes belong to the account: created naming the origin region, used in any).
  t.strictSame(Object.keys(await ok('CreateEnterpriseCode', { RegionId: origin, EnterpriseCode: CODE })), ['RequestId']);
  await ok('UpdateSmartAGEnterpriseCode', { RegionId: origin, SmartAGId: source, EnterpriseCode: CODE });
  await ok('UpdateSmartAGEnterpriseCode', { RegionId: target, SmartAGId: dest, EnterpriseCode: CODE });
  for (const [regionId, id, block, userCount] of [[origin, source, layout.sourceBlock, 10], [target, dest, layout.targetBlock, 5]] as const) {
    const listed = await ok('DescribeSmartAccessGateways', { RegionId: regionId, SmartAGId: id });
    t.equal(listed.TotalCount, 1);
    const item = listed.SmartAccessGateways.SmartAccessGateway[0];
    t.strictSame(
      [item.SmartAGId, item.Status, item.CidrBlock, item.AssociatedCcnId, item.EnterpriseCode, item.UserCount, item.DataPlan],
      [id, 'Active', block, ccns[regionId], CODE, userCount, 5],
      `${id} as configured`,
    );
  }

  // 6. A client account on the source.
  const { RequestId: _, ...alice } = await ok('CreateSmartAccessGatewayClientUser', { RegionId: origin, SmartAGId: source, ...ALICE });
  t.strictSame(
    alice,
    { UserName: ALICE.UserName, UserMail: ALICE.UserMail, Bandwidth: 2000, ClientIp: '' },
    'the created account (no password)',
  );

  // 7. Roam it: RegionId/TargetSmartAGId name the destination, OriginRegionId/OriginSmartAGId the source.
  const roam = { RegionId: target, TargetSmartAGId: dest, OriginRegionId: origin, OriginSmartAGId: source };
  if (origin !== target) {
    await refused('RoamClientUser', { ...roam, RegionId: origin, UserName: ALICE.UserName }, ERRORS.instanceNoFound,
      'the destination named with the origin region');
  }
  t.strictSame(Object.keys(await ok('RoamClientUser', { ...roam, UserName: ALICE.UserName })), ['RequestId'], 'roamed');
  await refused('RoamClientUser', { ...roam, UserName: ALICE.UserName }, E.userExist, 'roaming again');

  // 8. The destination lists it, with its name, mail and bandwidth; the source still has it.
  const expectedAlice = {
    UserName: ALICE.UserName,
    UserMail: ALICE.UserMail,
    Bandwidth: 2000,
    State: 0,
    ClientIp: '',
    IsStaticIp: 0,
    AccelerateBandwidth: 0,
  };
  const onDest = await ok('DescribeSmartAccessGatewayClientUsers', { RegionId: target, SmartAGId: dest });
  t.equal(onDest.TotalCount, 1, 'destination: TotalCount 1');
  t.equal(onDest.PageNumber, 1);
  t.strictSame(onDest.Users.User, [expectedAlice], 'destination: the roamed account');
  const onSource = await ok('DescribeSmartAccessGatewayClientUsers', { RegionId: origin, SmartAGId: source });
  t.equal(onSource.TotalCount, 1, 'source: TotalCount 1');
  t.strictSame(onSource.Users.User, [expectedAlice], 'source: unchanged');
  if (origin !== target) {
    await refused('DescribeSmartAccessGatewayClientUsers', { RegionId: origin, SmartAGId: dest }, E.instanceNoFound,
      'the destination listed under the origin region');
  }

  // 9. The roamed account takes one of the destination's 5 seats: 4 more fill it.
  for (let i = 1; i <= 4; i++) {
    await ok('CreateSmartAccessGatewayClientUser', { RegionId: target, SmartAGId: dest, UserMail: `user${i}@example.com`, Bandwidth: '1000' });
  }
  await refused('CreateSmartAccessGatewayClientUser', { RegionId: target, SmartAGId: dest, UserMail: 'user5@example.com', Bandwidth: '1000' },
    E.userOverLimit, 'a sixth account created on the destination');
  await ok('CreateSmartAccessGatewayClientUser', { RegionId: origin, SmartAGId: source, ...BOB });
  await refused('RoamClientUser', { ...roam, UserName: BOB.UserName }, E.userOverLimit, 'a sixth account roamed to the destination');

  const full = await ok('DescribeSmartAccessGatewayClientUsers', { RegionId: target, SmartAGId: dest, PageSize: '50' });
  t.equal(full.TotalCount, 5, 'destination: 5 accounts, the quota');
  t.strictSame(
    full.Users.User.map((user: { UserName: string }) => user.UserName),
    [ALICE.UserName, 'user1@example.com', 'user2@example.com', 'user3@example.com', 'user4@example.com'],
    'oldest first; the refused ones are absent',
  );
  t.equal((await ok('DescribeSmartAccessGatewayClientUsers', { RegionId: origin, SmartAGId: source })).TotalCount, 2, 'source: alice and bob');

  // Every call was v3-signed and verified: the journal has no auth failure, and the refusals are the ones above.
  const journal = emulator.requests();
  t.ok(journal.length > 0);
  t.strictSame(journal.filter((entry) => entry.authFailure !== null), [], 'no call failed authentication');
  const refusals = journal.filter((entry) => entry.code !== null).map((entry) => `${entry.action}:${entry.code}`);
  t.strictSame(refusals, [
    ...(origin !== target
      ? ['BindSmartAccessGateway:InvalidId.SMARTAG', 'BindSmartAccessGateway:InvalidId.CCN']
      : ['ModifySmartAccessGateway:SAG.CidrOverlap']),
    'ModifySmartAccessGateway:SAG.InvalidCidr.NoBelongCcnCidr',
    ...(origin !== target ? ['RoamClientUser:SAG.InstanceNoFound'] : []),
    'RoamClientUser:ClientUser.UserExist',
    ...(origin !== target ? ['DescribeSmartAccessGatewayClientUsers:SAG.InstanceNoFound'] : []),
    'CreateSmartAccessGatewayClientUser:ClientUser.UserOverLimit',
    'RoamClientUser:ClientUser.UserOverLimit',
  ], 'the journal records exactly the expected refusals');
}

t.test('v3 SDK scenario: both instances in one region, one CCN', (t) =>
  roamScenario(t, {
    origin: 'cn-hangzhou',
    target: 'cn-hangzhou',
    ccnBlocks: { 'cn-hangzhou': '10.0.0.0/8' },
    sourceBlock: '10.1.0.0/24',
    targetBlock: '10.2.0.0/24',
  }));

t.test('v3 SDK scenario: across regions, each instance on a CCN of its own region', (t) =>
  roamScenario(t, {
    origin: 'cn-hangzhou',
    target: 'cn-shanghai',
    ccnBlocks: { 'cn-hangzhou': '10.1.0.0/16', 'cn-shanghai': '10.2.0.0/16' },
    sourceBlock: '10.1.1.0/24',
    targetBlock: '10.2.1.0/24',
  }));
