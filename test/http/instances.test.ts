/**
 * SAG instances: CreateSmartAccessGatewaySoftware, Upgrade/Downgrade...,
 * DescribeSmartAccessGateways, DescribeSmartAccessGatewayAttribute,
 * ModifySmartAccessGateway, DeleteSmartAccessGateway, DescribeRegions and
 * GetSmartAccessGatewayUseLimit, over the default fixtures.
 */
import t, { type Test } from 'tap';
import type { FastifyInstance } from 'fastify';
import { call, testApp } from '../helpers/app';
import { ERRORS, expectError, expectSuccess, expectXmlSuccess, invalidParameterError } from '../helpers/api-expect';

const ACCOUNT = '1000000000000001';
/** Unsigned calls land in the account of the AccessKeyId they name. */
const AS_OTHER_ACCOUNT = { AccessKeyId: 'otherid' };
const SHANGHAI_APP = 'sag-m9uhqekwnqcnyy****';
const HANGZHOU_APP = 'sag-ghwa10ko6ndwug****';
const HARDWARE = 'sag-hardware0001';
const OTHER_ACCOUNTS_APP = 'sag-otheraccount01';
const SAMPLE_CCN = 'ccn-sample00000000001';

const NEW_APP = { RegionId: 'cn-hangzhou', Period: '12', AutoPay: 'true', ChargeType: 'PREPAY', UserCount: '5', DataPlan: '5' };

async function appFor(t: Test): Promise<FastifyInstance> {
  const app = await testApp();
  t.teardown(() => app.close());
  return app;
}

async function createApp(t: Test, app: FastifyInstance, change: Record<string, string> = {}): Promise<string> {
  const body = expectSuccess(t, 'CreateSmartAccessGatewaySoftware', await call(app, 'CreateSmartAccessGatewaySoftware', { ...NEW_APP, ...change }));
  return body.SmartAGId;
}

function setColumn(app: FastifyInstance, id: string, column: string, value: string | number): void {
  app.emulator.store.db.prepare(`UPDATE instances SET ${column} = ? WHERE id = ?`).run(value, id);
}

function instance(app: FastifyInstance, regionId: string, id: string) {
  return app.emulator.store.instances.findInRegion(ACCOUNT, regionId, id);
}

/** The default account's instances in a region as the fixtures have them, oldest first. */
function fixtureInstances(app: FastifyInstance, regionId: string) {
  return app.emulator.store.instances.listInRegion(ACCOUNT, regionId);
}

/** Every not-found way for an instance: unknown id, another region, another account's instance. */
function notFoundCases(regionId: string, id: string): [string, Record<string, string>][] {
  return [
    ['unknown id', { RegionId: regionId, SmartAGId: 'sag-doesnotexist' }],
    ['another region', { RegionId: regionId === 'cn-hangzhou' ? 'cn-shanghai' : 'cn-hangzhou', SmartAGId: id }],
    ["another account's instance", { RegionId: 'cn-hangzhou', SmartAGId: OTHER_ACCOUNTS_APP }],
    ['an instance of the caller seen from another account', { RegionId: regionId, SmartAGId: id, ...AS_OTHER_ACCOUNT }],
  ];
}

t.test('CreateSmartAccessGatewaySoftware', async (t) => {
  t.test('creates an Active SAG APP instance with the bought quota', async (t) => {
    const app = await appFor(t);
    const before = Date.now();
    const body = expectSuccess(t, 'CreateSmartAccessGatewaySoftware', await call(app, 'CreateSmartAccessGatewaySoftware', { ...NEW_APP, UserCount: '15' }));
    t.same(Object.keys(body).sort(), ['OrderId', 'RequestId', 'ResourceGroupId', 'SmartAGId']);
    t.match(body.SmartAGId, /^sag-[a-z0-9]{18}$/);
    t.match(body.OrderId, /^[1-9][0-9]{14}$/);
    t.match(body.ResourceGroupId, /^rg-acfm[a-z0-9]{11}$/);
    const created = instance(app, 'cn-hangzhou', body.SmartAGId)!;
    t.equal(created.instanceType, 'sag-software');
    t.equal(created.status, 'Active');
    t.equal(created.userQuota, 15);
    t.equal(created.dataPlan, 5);
    t.equal(created.maxBandwidth, 20000);
    t.same(created.cidrBlocks, []);
    t.equal(created.ccnId, null);
    t.equal(created.enterpriseCode, null, 'the account has no default enterprise code');
    const [start, end] = [new Date(created.createdAt), new Date(created.endTime)];
    t.same([end.getUTCFullYear(), end.getUTCMonth()], [start.getUTCFullYear() + 1, start.getUTCMonth()], 'the subscription ends Period months later');
    t.ok(created.createdAt >= before);
  });

  t.test('ids are random and distinct; XML answers the same fields', async (t) => {
    const app = await appFor(t);
    const first = await createApp(t, app);
    const second = await createApp(t, app);
    t.not(first, second);
    const xml = await call(app, 'CreateSmartAccessGatewaySoftware', NEW_APP, { format: 'XML', method: 'POST' });
    expectXmlSuccess(t, 'CreateSmartAccessGatewaySoftware', xml, '<SmartAGId>sag-', '<OrderId>', '<ResourceGroupId>rg-');
  });

  t.test("a new instance takes the account's default enterprise code", async (t) => {
    const app = await appFor(t);
    expectSuccess(t, 'UpdateEnterpriseCode', await call(app, 'UpdateEnterpriseCode', { RegionId: 'cn-hangzhou', EnterpriseCode: 'EC001', IsDefault: 'true' }));
    const id = await createApp(t, app);
    t.equal(instance(app, 'cn-hangzhou', id)!.enterpriseCode, 'EC001');
  });

  t.test('another account creates in its own account', async (t) => {
    const app = await appFor(t);
    const id = await createApp(t, app, AS_OTHER_ACCOUNT);
    t.equal(instance(app, 'cn-hangzhou', id), undefined);
    t.ok(app.emulator.store.instances.findInRegion('1000000000000002', 'cn-hangzhou', id));
  });

  t.test('errors', async (t) => {
    const app = await appFor(t);
    const before = fixtureInstances(app, 'cn-hangzhou').length;
    const cases: [string, Record<string, string>, readonly [number, string, string]][] = [
      ['UserCount 0', { UserCount: '0' }, ERRORS.invalidUserCount],
      ['UserCount not a multiple of 5', { UserCount: '7' }, ERRORS.invalidUserCount],
      ['UserCount negative', { UserCount: '-5' }, ERRORS.invalidUserCount],
      ['UserCount above 100000', { UserCount: '100005' }, ERRORS.invalidUserCount],
      ['DataPlan other than 5', { DataPlan: '10' }, ERRORS.invalidDataPlan],
      ['Period 10 months', { Period: '10' }, invalidParameterError('Period')],
      ['ChargeType POSTPAY', { ChargeType: 'POSTPAY' }, invalidParameterError('ChargeType')],
      ['unknown region', { RegionId: 'cn-nowhere' }, ERRORS.invalidRegion],
      ['UserCount missing', { UserCount: '' }, [400, 'MissingUserCount', 'UserCount is mandatory for this action.']],
    ];
    for (const [name, change, expected] of cases) {
      expectError(t, await call(app, 'CreateSmartAccessGatewaySoftware', { ...NEW_APP, ...change }), expected, name);
    }
    expectError(t, await call(app, 'CreateSmartAccessGatewaySoftware', { ...NEW_APP, UserCount: '3' }, { format: 'XML' }), ERRORS.invalidUserCount, 'XML');
    t.equal(fixtureInstances(app, 'cn-hangzhou').length, before, 'no error created an instance');
  });
});

for (const [action, direction] of [['UpgradeSmartAccessGatewaySoftware', 'up'], ['DowngradeSmartAccessGatewaySoftware', 'down']] as const) {
  t.test(action, async (t) => {
    // The Shanghai sample holds 4 accounts of a quota of 50.
    const valid = { RegionId: 'cn-shanghai', SmartAGId: SHANGHAI_APP, AutoPay: 'true', DataPlan: '5', UserCount: direction === 'up' ? '100' : '10' };

    t.test('changes the quota and answers an order', async (t) => {
      const app = await appFor(t);
      const body = expectSuccess(t, action, await call(app, action, valid));
      t.match(body.OrderId, /^[0-9]{15}$/);
      t.equal(instance(app, 'cn-shanghai', SHANGHAI_APP)!.userQuota, Number(valid.UserCount));
      const xml = await call(app, action, { ...valid, UserCount: direction === 'up' ? '105' : '5' }, { format: 'XML' });
      expectXmlSuccess(t, action, xml, '<OrderId>');
      t.equal(instance(app, 'cn-shanghai', SHANGHAI_APP)!.userQuota, direction === 'up' ? 105 : 5);
    });

    t.test('errors', async (t) => {
      const app = await appFor(t);
      const cases: [string, Record<string, string>, readonly [number, string, string]][] = [
        ...notFoundCases('cn-shanghai', SHANGHAI_APP).map(([name, change]) => [name, change, ERRORS.instanceNoFound] as [string, Record<string, string>, readonly [number, string, string]]),
        ['a hardware instance', { RegionId: 'cn-hangzhou', SmartAGId: HARDWARE }, ERRORS.actionNotSupport],
        ['the same quota', { UserCount: '50' }, ERRORS.invalidUserCount],
        [direction === 'up' ? 'a lower quota' : 'a higher quota', { UserCount: direction === 'up' ? '45' : '55' }, ERRORS.invalidUserCount],
        ['not a multiple of 5', { UserCount: direction === 'up' ? '51' : '49' }, ERRORS.invalidUserCount],
        ['DataPlan other than 5', { DataPlan: '6' }, ERRORS.invalidDataPlan],
        ['unknown region', { RegionId: 'eu-nowhere' }, ERRORS.invalidRegion],
      ];
      for (const [name, change, expected] of cases) expectError(t, await call(app, action, { ...valid, ...change }), expected, name);
      expectError(t, await call(app, action, { ...valid, DataPlan: '6' }, { format: 'XML' }), ERRORS.invalidDataPlan, 'XML');
      t.equal(instance(app, 'cn-shanghai', SHANGHAI_APP)!.userQuota, 50, 'no error changed the quota');
    });
  });
}

t.test('DowngradeSmartAccessGatewaySoftware never goes below the accounts in use', async (t) => {
  const app = await appFor(t);
  const full = { RegionId: 'cn-hangzhou', SmartAGId: 'sag-full0001', AutoPay: 'false', DataPlan: '5' };
  expectSuccess(t, 'UpgradeSmartAccessGatewaySoftware', await call(app, 'UpgradeSmartAccessGatewaySoftware', { ...full, UserCount: '15' }));
  app.emulator.store.db.prepare(`INSERT INTO client_users (account_id, instance_id, user_name, bandwidth, password_hash, created_at)
    VALUES (?, 'sag-full0001', 'fulluser6', 2000, 'x', 0)`).run(ACCOUNT);
  expectError(t, await call(app, 'DowngradeSmartAccessGatewaySoftware', { ...full, UserCount: '5' }), ERRORS.invalidUserCount, '6 in use, 5 asked');
  expectSuccess(t, 'DowngradeSmartAccessGatewaySoftware', await call(app, 'DowngradeSmartAccessGatewaySoftware', { ...full, UserCount: '10' }));
  t.equal(instance(app, 'cn-hangzhou', 'sag-full0001')!.userQuota, 10);
});

t.test('DescribeSmartAccessGateways', async (t) => {
  const describe = (app: FastifyInstance, params: Record<string, string>) => call(app, 'DescribeSmartAccessGateways', { RegionId: 'cn-hangzhou', ...params });
  const idsOf = (body: Record<string, any>) => body.SmartAccessGateways.SmartAccessGateway.map((item: { SmartAGId: string }) => item.SmartAGId);

  t.test("lists the region's instances with every documented field", async (t) => {
    const app = await appFor(t);
    const body = expectSuccess(t, 'DescribeSmartAccessGateways', await describe(app, {}));
    const expected = fixtureInstances(app, 'cn-hangzhou').map((item) => item.id);
    t.ok(expected.length > 1 && expected.length <= 10, 'the fixtures hold one page of instances there');
    t.equal(body.TotalCount, expected.length);
    t.equal(body.PageNumber, 1);
    t.equal(body.PageSize, 10);
    t.same(idsOf(body), expected, 'oldest first');
    const destination = body.SmartAccessGateways.SmartAccessGateway.find((item: { SmartAGId: string }) => item.SmartAGId === HANGZHOU_APP);
    t.match(destination, {
      Name: 'Documented sample: destination SAG APP instance',
      Status: 'Active',
      CidrBlock: '172.16.0.0/24',
      UserCount: 10,
      DataPlan: 5,
      MaxBandwidth: '20M',
      HardwareVersion: '',
      AssociatedCcnId: '',
      EnterpriseCode: '',
      SmartAGUid: Number(ACCOUNT),
      Links: { Link: [] },
    });
    const hardware = body.SmartAccessGateways.SmartAccessGateway.find((item: { SmartAGId: string }) => item.SmartAGId === HARDWARE);
    t.equal(hardware.HardwareVersion, 'sag-1000');
  });

  t.test('without RegionId it lists cn-shanghai; an unknown region is refused', async (t) => {
    const app = await appFor(t);
    const body = expectSuccess(t, 'DescribeSmartAccessGateways', await call(app, 'DescribeSmartAccessGateways', {}));
    t.same(idsOf(body), fixtureInstances(app, 'cn-shanghai').map((item) => item.id));
    t.ok(idsOf(body).includes(SHANGHAI_APP));
    expectError(t, await describe(app, { RegionId: 'cn-nowhere' }), ERRORS.invalidRegion);
    const empty = expectSuccess(t, 'DescribeSmartAccessGateways', await describe(app, { RegionId: 'ap-southeast-1' }));
    t.equal(empty.TotalCount, 0);
    t.same(empty.SmartAccessGateways, { SmartAccessGateway: [] });
  });

  t.test("another account sees only its own instances", async (t) => {
    const app = await appFor(t);
    const body = expectSuccess(t, 'DescribeSmartAccessGateways', await describe(app, AS_OTHER_ACCOUNT));
    t.same(idsOf(body), [OTHER_ACCOUNTS_APP]);
  });

  t.test('pages', async (t) => {
    const app = await appFor(t);
    // Seven more instances make sure the list spans several pages.
    for (let i = 0; i < 7; i++) await createApp(t, app);
    const all = idsOf(expectSuccess(t, 'DescribeSmartAccessGateways', await describe(app, { PageSize: '50' })));
    const pageCount = Math.ceil(all.length / 3);
    const pages = [];
    for (let page = 1; page <= pageCount + 1; page++) {
      const body = expectSuccess(t, 'DescribeSmartAccessGateways', await describe(app, { PageSize: '3', PageNumber: String(page) }));
      t.equal(body.TotalCount, all.length);
      t.equal(body.PageSize, 3);
      t.equal(body.PageNumber, page);
      pages.push(idsOf(body));
    }
    t.same(pages.slice(0, pageCount - 1).map((page) => page.length), Array(pageCount - 1).fill(3), 'full pages');
    t.same(pages[pageCount].length, 0, 'past the end: empty');
    t.same(pages.flat(), all, 'the pages together are the whole list, in order');
    expectSuccess(t, 'DescribeSmartAccessGateways', await describe(app, { PageSize: '50' }));
    expectError(t, await describe(app, { PageSize: '51' }), invalidParameterError('PageSize'), 'PageSize 51');
    expectError(t, await describe(app, { PageSize: '0' }), invalidParameterError('PageSize'), 'PageSize 0');
    expectError(t, await describe(app, { PageNumber: '0' }), invalidParameterError('PageNumber'), 'PageNumber 0');
  });

  t.test('filters', async (t) => {
    const app = await appFor(t);
    setColumn(app, HARDWARE, 'serial_number', 'sage6gsdllbid1,sage6nniq3dqa2');
    setColumn(app, HARDWARE, 'software_version', '2.3.0.0');
    setColumn(app, 'sag-lowbw0001', 'status', 'Locked');
    expectSuccess(t, 'BindSmartAccessGateway', await call(app, 'BindSmartAccessGateway', { RegionId: 'cn-hangzhou', CcnId: SAMPLE_CCN, SmartAGId: HANGZHOU_APP }));
    const everything = fixtureInstances(app, 'cn-hangzhou').map((item) => item.id);
    const software = everything.filter((id) => id !== HARDWARE);
    t.ok(software.includes(HANGZHOU_APP) && software.length > 1);
    const cases: [string, Record<string, string>, string[]][] = [
      ['SmartAGId', { SmartAGId: 'sag-full0001' }, ['sag-full0001']],
      ['SmartAGIds', { 'SmartAGIds.1': 'sag-full0001', 'SmartAGIds.2': HARDWARE, 'SmartAGIds.3': SHANGHAI_APP }, ['sag-full0001', HARDWARE]],
      ['Name, exactly', { Name: 'Documented sample: destination SAG APP instance' }, [HANGZHOU_APP]],
      ['Name, a part only', { Name: 'Documented sample' }, []],
      ['Status', { Status: 'Locked' }, ['sag-lowbw0001']],
      ['InstanceType software', { InstanceType: 'software' }, software],
      ['InstanceType hardware', { InstanceType: 'hardware' }, [HARDWARE]],
      ['HardwareType', { HardwareType: 'sag-1000' }, [HARDWARE]],
      ['HardwareType of none', { HardwareType: 'sag-100wm' }, []],
      ['AssociatedCcnId', { AssociatedCcnId: SAMPLE_CCN }, [HANGZHOU_APP]],
      ['AssociatedCcnName', { AssociatedCcnName: 'SampleCcn' }, [HANGZHOU_APP]],
      ['SerialNumber', { SerialNumber: 'sage6nniq3dqa2' }, [HARDWARE]],
      ['SoftwareVersion', { SoftwareVersion: '2.3.0.0' }, [HARDWARE]],
      ['SoftwareVersion greater', { SoftwareVersion: '2.2.9.0', VersionComparator: 'greater' }, [HARDWARE]],
      ['SoftwareVersion less', { SoftwareVersion: '2.10.0.0', VersionComparator: 'less' }, [HARDWARE]],
      ['SoftwareVersion equals, none', { SoftwareVersion: '2.3.0.1', VersionComparator: 'equals' }, []],
      ['BusinessState Arrearage', { BusinessState: 'Arrearage' }, ['sag-lowbw0001']],
      ['BusinessState Normal', { BusinessState: 'Normal' }, everything.filter((id) => id !== 'sag-lowbw0001')],
      ['AclIds: no instance has an ACL', { AclIds: 'acl-xhwhyuo43l0n' }, []],
      ['UnboundAclIds: every instance', { UnboundAclIds: 'acl-xhwhyuo43l0n' }, everything],
      ['CanAssociateQos true', { CanAssociateQos: 'true' }, everything],
      ['CanAssociateQos false', { CanAssociateQos: 'false' }, []],
      ['two filters together', { InstanceType: 'software', Status: 'Locked' }, ['sag-lowbw0001']],
    ];
    for (const [name, filter, expected] of cases) {
      const body = expectSuccess(t, 'DescribeSmartAccessGateways', await describe(app, filter), name);
      t.same(idsOf(body).sort(), [...expected].sort(), name);
      t.equal(body.TotalCount, expected.length, `${name}: TotalCount`);
    }
    const ownGroup = expectSuccess(t, 'DescribeSmartAccessGateways', await describe(app, {})).SmartAccessGateways.SmartAccessGateway[0].ResourceGroupId;
    t.equal(expectSuccess(t, 'DescribeSmartAccessGateways', await describe(app, { ResourceGroupId: ownGroup })).TotalCount, everything.length);
    t.equal(expectSuccess(t, 'DescribeSmartAccessGateways', await describe(app, { ResourceGroupId: 'rg-acfmother00000' })).TotalCount, 0);
    expectError(t, await describe(app, { SoftwareVersion: '2.3.0.0', VersionComparator: 'newer' }), ERRORS.invalidVersionComparator);
  });

  t.test('a bound instance shows its CCN and link', async (t) => {
    const app = await appFor(t);
    expectSuccess(t, 'BindSmartAccessGateway', await call(app, 'BindSmartAccessGateway', { RegionId: 'cn-hangzhou', CcnId: SAMPLE_CCN, SmartAGId: HANGZHOU_APP }));
    const body = expectSuccess(t, 'DescribeSmartAccessGateways', await describe(app, { SmartAGId: HANGZHOU_APP }));
    const [item] = body.SmartAccessGateways.SmartAccessGateway;
    t.equal(item.AssociatedCcnId, SAMPLE_CCN);
    t.equal(item.AssociatedCcnName, 'SampleCcn');
    t.equal(item.IpsecStatus, 'up');
    t.same(item.Links.Link, [{
      Type: 'ccn', Status: 'Active', EndTime: item.EndTime, Bandwidth: '20M', RelateInstanceRegionId: 'cn-hangzhou',
      RelateInstanceId: SAMPLE_CCN, InstanceId: HANGZHOU_APP, CommodityType: 'smartag',
    }]);
  });

  t.test('XML keeps the list wrapper', async (t) => {
    const app = await appFor(t);
    const xml = await describe(app, { SmartAGId: HANGZHOU_APP, Format: 'XML' });
    expectXmlSuccess(t, 'DescribeSmartAccessGateways', xml,
      '<TotalCount>1</TotalCount>', `<SmartAccessGateways><SmartAccessGateway><SmartAGId>${HANGZHOU_APP}</SmartAGId>`);
  });
});

t.test('DescribeSmartAccessGatewayAttribute', async (t) => {
  t.test('a SAG APP instance, in full', async (t) => {
    const app = await appFor(t);
    const body = expectSuccess(t, 'DescribeSmartAccessGatewayAttribute',
      await call(app, 'DescribeSmartAccessGatewayAttribute', { RegionId: 'cn-hangzhou', SmartAGId: 'sag-entcode0001' }));
    t.match(body, {
      SmartAGId: 'sag-entcode0001',
      InstanceType: 'sag-software',
      Status: 'Active',
      CidrBlock: '172.18.0.0/24',
      UserCount: 10,
      AssociatedCcnId: '',
      Devices: { Device: [] },
      Links: { Link: [] },
      QosIds: { QosId: [] },
      AclIds: { AclId: [] },
      TrafficMasterSn: '',
    });
    t.equal(body.EndTime - body.CreateTime, 365 * 24 * 3600 * 1000, 'a fixture instance runs for a year');
  });

  t.test('a hardware instance lists its devices; a bound one its link', async (t) => {
    const app = await appFor(t);
    setColumn(app, HARDWARE, 'serial_number', 'sage6gsdllbid1,sage6nniq3dqa2');
    setColumn(app, HARDWARE, 'software_version', '2.3.0.0');
    expectSuccess(t, 'BindSmartAccessGateway', await call(app, 'BindSmartAccessGateway', { RegionId: 'cn-hangzhou', CcnId: SAMPLE_CCN, SmartAGId: HARDWARE }));
    const body = expectSuccess(t, 'DescribeSmartAccessGatewayAttribute',
      await call(app, 'DescribeSmartAccessGatewayAttribute', { RegionId: 'cn-hangzhou', SmartAGId: HARDWARE }));
    t.equal(body.InstanceType, 'sag-1000');
    t.equal(body.TrafficMasterSn, 'sage6gsdllbid1');
    t.same(body.Devices.Device.map((device: { SerialNumber: string; HaState: string }) => [device.SerialNumber, device.HaState]),
      [['sage6gsdllbid1', 'Active'], ['sage6nniq3dqa2', 'Standby']]);
    t.equal(body.AssociatedCcnName, 'SampleCcn');
    t.equal(body.Links.Link[0].RelateInstanceId, SAMPLE_CCN);
    t.equal(body.Links.Link[0].HealthCheckTargetIp, '');
  });

  t.test('XML, and every way of not finding it', async (t) => {
    const app = await appFor(t);
    const xml = await call(app, 'DescribeSmartAccessGatewayAttribute', { RegionId: 'cn-shanghai', SmartAGId: SHANGHAI_APP }, { format: 'XML' });
    expectXmlSuccess(t, 'DescribeSmartAccessGatewayAttribute', xml, `<SmartAGId>${SHANGHAI_APP}</SmartAGId>`, '<InstanceType>sag-software</InstanceType>');
    for (const [name, params] of notFoundCases('cn-shanghai', SHANGHAI_APP)) {
      expectError(t, await call(app, 'DescribeSmartAccessGatewayAttribute', params), ERRORS.instanceNoFound, name);
    }
    expectError(t, await call(app, 'DescribeSmartAccessGatewayAttribute', { RegionId: 'cn-hangzhou', SmartAGId: 'sag-x' }, { format: 'XML' }), ERRORS.instanceNoFound, 'XML');
    expectError(t, await call(app, 'DescribeSmartAccessGatewayAttribute', { RegionId: 'mars-1', SmartAGId: SHANGHAI_APP }), ERRORS.invalidRegion);
  });
});

t.test('ModifySmartAccessGateway', async (t) => {
  const modify = (app: FastifyInstance, params: Record<string, string>, format?: 'XML') =>
    call(app, 'ModifySmartAccessGateway', { RegionId: 'cn-hangzhou', SmartAGId: HANGZHOU_APP, ...params }, { format });

  t.test('changes name, description and settings', async (t) => {
    const app = await appFor(t);
    expectSuccess(t, 'ModifySmartAccessGateway', await modify(app, {
      Name: '分支.Office_1-a', Description: 'Branch gateway', Position: 'Floor 3', SecurityLockThreshold: '3600',
      RoutingStrategy: 'static', EnableSoftwareConnectionAudit: 'true',
    }));
    const changed = instance(app, 'cn-hangzhou', HANGZHOU_APP)!;
    t.match(changed, { name: '分支.Office_1-a', description: 'Branch gateway', position: 'Floor 3', securityLockThreshold: 3600, connectionAudit: true });
    t.same(changed.cidrBlocks, ['172.16.0.0/24'], 'what was not given stays');
    const attribute = expectSuccess(t, 'DescribeSmartAccessGatewayAttribute',
      await call(app, 'DescribeSmartAccessGatewayAttribute', { RegionId: 'cn-hangzhou', SmartAGId: HANGZHOU_APP }));
    t.match(attribute, { Name: '分支.Office_1-a', Description: 'Branch gateway', Position: 'Floor 3', SecurityLockThreshold: 3600, EnableSoftwareConnectionAudit: true });
    expectXmlSuccess(t, 'ModifySmartAccessGateway', await modify(app, { Name: 'Renamed' }, 'XML'));
    t.equal(instance(app, 'cn-hangzhou', HANGZHOU_APP)!.name, 'Renamed');
  });

  t.test('setting errors', async (t) => {
    const app = await appFor(t);
    const cases: [string, Record<string, string>, readonly [number, string, string]][] = [
      ...notFoundCases('cn-hangzhou', HANGZHOU_APP).map(([name, change]) => [name, change, ERRORS.instanceNoFound] as [string, Record<string, string>, readonly [number, string, string]]),
      ['Name starting with a digit', { Name: '1office' }, ERRORS.invalidName],
      ['Name of one character', { Name: 'a' }, ERRORS.invalidName],
      ['Name over 128 characters', { Name: 'a'.repeat(129) }, ERRORS.invalidName],
      ['Name with a space', { Name: 'my office' }, ERRORS.invalidName],
      ['Description starting with http://', { Description: 'http://example.com' }, ERRORS.invalidDescription],
      ['Description starting with a digit', { Description: '3rd floor' }, ERRORS.invalidDescription],
      ['Description over 256 characters', { Description: 'a'.repeat(257) }, ERRORS.invalidDescription],
      ['RoutingStrategy ospf', { RoutingStrategy: 'ospf' }, invalidParameterError('RoutingStrategy')],
      ['connection audit on hardware', { SmartAGId: HARDWARE, EnableSoftwareConnectionAudit: 'true' }, ERRORS.actionNotSupport],
      ['unknown region', { RegionId: 'cn-nowhere' }, ERRORS.invalidRegion],
    ];
    for (const [name, change, expected] of cases) expectError(t, await modify(app, change), expected, name);
    expectError(t, await modify(app, { Name: '1office' }, 'XML'), ERRORS.invalidName, 'XML');
    t.equal(instance(app, 'cn-hangzhou', HANGZHOU_APP)!.name, 'Documented sample: destination SAG APP instance', 'unchanged');
  });

  t.test('client CIDR blocks come out of the bound CCN', async (t) => {
    const app = await appFor(t);
    expectError(t, await modify(app, { CidrBlock: '172.16.5.0/24' }), ERRORS.notBind, 'not bound to a CCN');
    const bind = (id: string) => call(app, 'BindSmartAccessGateway', { RegionId: 'cn-hangzhou', CcnId: SAMPLE_CCN, SmartAGId: id });
    expectSuccess(t, 'BindSmartAccessGateway', await bind(HANGZHOU_APP));
    expectSuccess(t, 'BindSmartAccessGateway', await bind('sag-entcode0001'));
    expectSuccess(t, 'ModifySmartAccessGateway', await modify(app, { CidrBlock: '172.16.5.0/24, 172.20.0.0/16' }));
    t.same(instance(app, 'cn-hangzhou', HANGZHOU_APP)!.cidrBlocks, ['172.16.5.0/24', '172.20.0.0/16'], 'blocks are trimmed and kept in order');
    const cases: [string, Record<string, string>, readonly [number, string, string]][] = [
      ['not a.b.c.d/n', { CidrBlock: '172.16.0/24' }, ERRORS.invalidCidrFormat],
      ['prefix over 32', { CidrBlock: '172.16.0.0/33' }, ERRORS.invalidCidrFormat],
      ['an empty item', { CidrBlock: '172.16.0.0/24,' }, ERRORS.invalidCidrFormat],
      ['six blocks', { CidrBlock: ['172.16.1.0/24', '172.16.2.0/24', '172.16.3.0/24', '172.16.4.0/24', '172.16.5.0/24', '172.16.6.0/24'].join(',') }, ERRORS.cidrAmountLimit],
      ['host bits set', { CidrBlock: '172.16.0.1/24' }, ERRORS.invalidCidr],
      ['a public block', { CidrBlock: '8.8.8.0/24' }, ERRORS.invalidCidr],
      ['outside the CCN blocks', { CidrBlock: '10.0.0.0/24' }, ERRORS.noBelongCcnCidr],
      ['two overlapping blocks', { CidrBlock: '172.16.0.0/24,172.16.0.128/25' }, ERRORS.cidrOverlap],
      ['overlapping another instance of the CCN', { CidrBlock: '172.18.0.0/25' }, ERRORS.cidrOverlap],
      ['with dynamic routing', { CidrBlock: '172.16.9.0/24', RoutingStrategy: 'dynamic' }, ERRORS.notAllowConfigCidr],
    ];
    for (const [name, change, expected] of cases) expectError(t, await modify(app, change), expected, name);
    expectError(t, await modify(app, { CidrBlock: '10.0.0.0/24' }, 'XML'), ERRORS.noBelongCcnCidr, 'XML');
    t.same(instance(app, 'cn-hangzhou', HANGZHOU_APP)!.cidrBlocks, ['172.16.5.0/24', '172.20.0.0/16'], 'no error changed the blocks');
  });

  t.test('CIDR checks that depend on the CCN and the instance', async (t) => {
    const app = await appFor(t);
    const { store } = app.emulator;
    store.db.prepare("INSERT INTO ccns (account_id, id, region_id, created_at) VALUES (?, 'ccn-nocidr', 'cn-hangzhou', 0)").run(ACCOUNT);
    setColumn(app, 'sag-nocidr0001', 'ccn_id', 'ccn-nocidr');
    expectError(t, await modify(app, { SmartAGId: 'sag-nocidr0001', CidrBlock: '172.16.9.0/24' }), ERRORS.ccnCidrNoConfig);
    setColumn(app, HANGZHOU_APP, 'ccn_id', SAMPLE_CCN);
    setColumn(app, HANGZHOU_APP, 'status', 'Locked');
    expectError(t, await modify(app, { CidrBlock: '172.16.9.0/24' }), ERRORS.arrearage, 'Locked');
    expectSuccess(t, 'ModifySmartAccessGateway', await modify(app, { Name: 'StillRenamable' }), 'other settings still change');
    setColumn(app, HANGZHOU_APP, 'status', 'Init');
    expectError(t, await modify(app, { CidrBlock: '172.16.9.0/24' }), ERRORS.noActive, 'Init');
    setColumn(app, HANGZHOU_APP, 'status', 'Active');
    store.db.prepare("UPDATE client_users SET client_ip = '172.16.0.9' WHERE instance_id = ? AND user_name = 'shareduser'").run(HANGZHOU_APP);
    expectError(t, await modify(app, { CidrBlock: '172.16.9.0/24' }), ERRORS.cidrUsedByRoutableAddress, 'a static client address would be lost');
    expectSuccess(t, 'ModifySmartAccessGateway', await modify(app, { CidrBlock: '172.16.0.0/23' }), 'a wider block keeps it');
  });
});

t.test('DeleteSmartAccessGateway', async (t) => {
  t.test('removes the instance and its client accounts', async (t) => {
    const app = await appFor(t);
    t.equal(app.emulator.store.clientUsers.count(ACCOUNT, 'sag-full0001'), 5);
    expectSuccess(t, 'DeleteSmartAccessGateway', await call(app, 'DeleteSmartAccessGateway', { RegionId: 'cn-hangzhou', InstanceId: 'sag-full0001' }));
    t.equal(instance(app, 'cn-hangzhou', 'sag-full0001'), undefined);
    t.equal(app.emulator.store.clientUsers.count(ACCOUNT, 'sag-full0001'), 0);
    expectError(t, await call(app, 'DescribeSmartAccessGatewayAttribute', { RegionId: 'cn-hangzhou', SmartAGId: 'sag-full0001' }), ERRORS.instanceNoFound, 'gone');
    expectError(t, await call(app, 'DeleteSmartAccessGateway', { RegionId: 'cn-hangzhou', InstanceId: 'sag-full0001' }), ERRORS.instanceNoFound, 'twice');
    expectXmlSuccess(t, 'DeleteSmartAccessGateway', await call(app, 'DeleteSmartAccessGateway', { RegionId: 'cn-hangzhou', InstanceId: HARDWARE }, { format: 'XML' }));
  });

  t.test('without RegionId it acts in cn-shanghai', async (t) => {
    const app = await appFor(t);
    expectError(t, await call(app, 'DeleteSmartAccessGateway', { InstanceId: 'sag-full0001' }), ERRORS.instanceNoFound, 'a cn-hangzhou instance');
    expectSuccess(t, 'DeleteSmartAccessGateway', await call(app, 'DeleteSmartAccessGateway', { InstanceId: SHANGHAI_APP }));
    t.equal(instance(app, 'cn-shanghai', SHANGHAI_APP), undefined);
  });

  t.test('errors', async (t) => {
    const app = await appFor(t);
    expectSuccess(t, 'BindSmartAccessGateway', await call(app, 'BindSmartAccessGateway', { RegionId: 'cn-hangzhou', CcnId: SAMPLE_CCN, SmartAGId: HANGZHOU_APP }));
    const remove = (params: Record<string, string>, format?: 'XML') => call(app, 'DeleteSmartAccessGateway', params, { format });
    expectError(t, await remove({ RegionId: 'cn-hangzhou', InstanceId: HANGZHOU_APP }), ERRORS.businessStateNotSupport, 'bound to a CCN');
    expectError(t, await remove({ RegionId: 'cn-hangzhou', InstanceId: HANGZHOU_APP }, 'XML'), ERRORS.businessStateNotSupport, 'XML');
    for (const [name, params] of notFoundCases('cn-hangzhou', 'sag-full0001')) {
      const { SmartAGId: id, ...rest } = params;
      expectError(t, await remove({ ...rest, InstanceId: id }), ERRORS.instanceNoFound, name);
    }
    expectError(t, await remove({ RegionId: 'cn-nowhere', InstanceId: HANGZHOU_APP }), ERRORS.invalidRegion);
    expectError(t, await remove({ RegionId: 'cn-hangzhou' }), [400, 'MissingInstanceId', 'InstanceId is mandatory for this action.']);
    t.ok(instance(app, 'cn-hangzhou', HANGZHOU_APP), 'still there');
    t.ok(instance(app, 'cn-hangzhou', 'sag-full0001'), 'still there');
  });
});

t.test('DescribeRegions', async (t) => {
  const app = await appFor(t);
  const regionIds = ['cn-shanghai', 'cn-hongkong', 'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3', 'ap-southeast-5',
    'ap-northeast-1', 'eu-central-1', 'cn-shanghai-finance-1', 'cn-hangzhou'];
  const regionsOf = async (params: Record<string, string>) =>
    expectSuccess(t, 'DescribeRegions', await call(app, 'DescribeRegions', params)).Regions.Region as { RegionId: string; RegionEndpoint: string; LocalName: string }[];

  const chinese = await regionsOf({});
  t.same(chinese.map((region) => region.RegionId), regionIds);
  t.same(chinese.map((region) => region.RegionEndpoint), regionIds.map((id) => `smartag.${id}.aliyuncs.com`));
  t.equal(chinese[0].LocalName, '华东2（上海）', 'zh-CN by default');
  t.equal(chinese[9].LocalName, '华东1（杭州）');
  t.same(await regionsOf({ AcceptLanguage: 'zh-CN' }), chinese);
  const english = await regionsOf({ AcceptLanguage: 'en-US' });
  t.same(english.map((region) => region.LocalName), ['China (Shanghai)', 'China (Hong Kong)', 'Singapore', 'Australia (Sydney)',
    'Malaysia (Kuala Lumpur)', 'Indonesia (Jakarta)', 'Japan (Tokyo)', 'Germany (Frankfurt)', 'China East 2 Finance', 'China (Hangzhou)']);
  t.same(await regionsOf({ AcceptLanguage: 'ja' }), english, 'ja answers in English');
  t.same(await regionsOf(AS_OTHER_ACCOUNT), chinese, 'the same for every account');
  const xml = await call(app, 'DescribeRegions', { AcceptLanguage: 'en-US' }, { format: 'XML' });
  expectXmlSuccess(t, 'DescribeRegions', xml,
    '<Regions><Region><RegionId>cn-shanghai</RegionId><RegionEndpoint>smartag.cn-shanghai.aliyuncs.com</RegionEndpoint><LocalName>China (Shanghai)</LocalName></Region>');
});

t.test('GetSmartAccessGatewayUseLimit', async (t) => {
  const app = await appFor(t);
  const limit = async (params: Record<string, string>) =>
    expectSuccess(t, 'GetSmartAccessGatewayUseLimit', await call(app, 'GetSmartAccessGatewayUseLimit', params));
  const hangzhou = await limit({ RegionId: 'cn-hangzhou' });
  const inHangzhou = fixtureInstances(app, 'cn-hangzhou').length;
  t.same(Object.keys(hangzhou).sort(), ['RequestId', 'TotalAmount', 'UsedAmount']);
  t.equal(hangzhou.UsedAmount, inHangzhou);
  t.equal(hangzhou.TotalAmount, 500);
  t.equal((await limit({ RegionId: 'cn-shanghai' })).UsedAmount, fixtureInstances(app, 'cn-shanghai').length);
  t.equal((await limit({ RegionId: 'ap-southeast-1' })).UsedAmount, 0);
  t.equal((await limit({ RegionId: 'cn-hangzhou', ...AS_OTHER_ACCOUNT })).UsedAmount, 1, "another account's count");
  await createApp(t, app);
  t.equal((await limit({ RegionId: 'cn-hangzhou' })).UsedAmount, inHangzhou + 1, 'a new instance counts');
  expectXmlSuccess(t, 'GetSmartAccessGatewayUseLimit', await call(app, 'GetSmartAccessGatewayUseLimit', { RegionId: 'ap-southeast-1' }, { format: 'XML' }),
    '<UsedAmount>0</UsedAmount>', '<TotalAmount>500</TotalAmount>');
  expectError(t, await call(app, 'GetSmartAccessGatewayUseLimit', { RegionId: 'cn-nowhere' }), ERRORS.invalidRegion);
  expectError(t, await call(app, 'GetSmartAccessGatewayUseLimit', {}), [400, 'MissingRegionId', 'RegionId is mandatory for this action.']);
});
