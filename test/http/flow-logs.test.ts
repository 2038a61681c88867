/**
 * Flow logs: CreateFlowLog, DescribeFlowLogs, ModifyFlowLogAttribute,
 * DeleteFlowLog, ActiveFlowLog, DeactiveFlowLog, AssociateFlowLog,
 * DisassociateFlowLog, DescribeFlowLogSags and DescribeUnbindFlowLogSags, in
 * an account seeded with SAG-1000 devices in two regions, a SAG-100WM and a
 * SAG APP instance (the default fixtures hold fl-sample00000000001 in the
 * default account). Every documented error an operation can reach is
 * asserted with the status and message its own documentation gives, in JSON
 * and in XML.
 */
import t, { type Test } from 'tap';
import type { FastifyInstance } from 'fastify';
import { call, testApp } from '../helpers/app';
import { control } from '../helpers/control';
import { expectError, expectSuccess, expectXmlSuccess, ERRORS, invalidParameterError } from '../helpers/api-expect';
import { documentedError } from '../helpers/documented';

const ACCOUNT = '1000000000000009';
const KEY = 'flowlogskey';
const HZ = 'cn-hangzhou';
const SH = 'cn-shanghai';
const DEV1 = 'sag-dev0001';
const DEV2 = 'sag-dev0002';
const DEV_SH = 'sag-devsh001';
const WM = 'sag-wm0001';
const APP = 'sag-app0001';
const SLS = { OutputType: 'sls', SlsRegionId: HZ, ProjectName: 'sag-flowlog', LogstoreName: 'flows' };
const NETFLOW = { OutputType: 'netflow', NetflowServerIp: '192.168.0.2' };

type Params = Record<string, string>;

export const FLOW_LOG_ACCOUNT = {
  id: ACCOUNT,
  accessKeys: [{ accessKeyId: KEY, accessKeySecret: 'flowlogssecret' }],
  instances: [
    { id: DEV1, regionId: HZ, instanceType: 'sag-1000', name: 'branch-1', description: 'first device' },
    { id: DEV2, regionId: HZ, instanceType: 'sag-1000', name: 'branch-2' },
    { id: DEV_SH, regionId: SH, instanceType: 'sag-1000' },
    { id: WM, regionId: HZ, instanceType: 'sag-100wm' },
    { id: APP, regionId: HZ, instanceType: 'sag-software' },
  ],
};

async function appFor(t: Test): Promise<FastifyInstance> {
  const app = await testApp();
  t.teardown(() => app.close());
  const seeded = await control(app, 'POST', '/seed', { accounts: [FLOW_LOG_ACCOUNT] });
  if (seeded.status !== 200) throw new Error(seeded.body);
  return app;
}

function fl(app: FastifyInstance, action: string, params: Params, format?: 'XML') {
  return call(app, action, { RegionId: HZ, AccessKeyId: KEY, ...params }, { format });
}

async function create(t: Test, app: FastifyInstance, params: Params = SLS): Promise<string> {
  return expectSuccess(t, 'CreateFlowLog', await fl(app, 'CreateFlowLog', params)).FlowLogId;
}

async function describe(t: Test, app: FastifyInstance, params: Params = {}): Promise<Record<string, any>> {
  return expectSuccess(t, 'DescribeFlowLogs', await fl(app, 'DescribeFlowLogs', params));
}

async function itemOf(t: Test, app: FastifyInstance, id: string): Promise<Record<string, any>> {
  return (await describe(t, app, { FlowLogId: id })).FlowLogs.FlowLogSetType[0];
}

const idsOf = (body: Record<string, any>) => body.FlowLogs.FlowLogSetType.map((item: { FlowLogId: string }) => item.FlowLogId);
const sagIdsOf = (body: Record<string, any>) => body.Sags.Sag.map((item: { SmartAGId: string }) => item.SmartAGId);
const err = (action: string, code: string) => documentedError(action, code);

t.test('CreateFlowLog', async (t) => {
  t.test('creates an Active flow log with the documented defaults and answers its id', async (t) => {
    const app = await appFor(t);
    const body = expectSuccess(t, 'CreateFlowLog', await fl(app, 'CreateFlowLog', { ...SLS, Name: 'office', Description: 'all flows' }));
    t.match(body, { FlowLogId: /^fl-[a-z0-9]{18}$/, ResourceGroupId: /^rg-acfm[a-z0-9]{11}$/ });
    t.same(await itemOf(t, app, body.FlowLogId), {
      Status: 'Active', TotalSagNum: 0, NetflowServerIp: '', ProjectName: 'sag-flowlog', SlsRegionId: HZ, ActiveAging: 300,
      OutputType: 'sls', Description: 'all flows', NetflowVersion: 'V9', InactiveAging: 15, NetflowServerPort: '9995',
      Name: 'office', FlowLogId: body.FlowLogId, LogstoreName: 'flows', ResourceGroupId: body.ResourceGroupId,
    });
    const netflow = await create(t, app, { ...NETFLOW, NetflowServerPort: '2055', NetflowVersion: 'V10', ActiveAging: '60', InactiveAging: '600' });
    t.match(await itemOf(t, app, netflow), { OutputType: 'netflow', NetflowServerIp: '192.168.0.2', NetflowServerPort: '2055', NetflowVersion: 'V10', ActiveAging: 60, InactiveAging: 600, SlsRegionId: '', Name: '' });
    const all = await create(t, app, { ...SLS, ...NETFLOW, OutputType: 'all', SlsRegionId: 'cn-beijing' });
    t.match(await itemOf(t, app, all), { OutputType: 'all', SlsRegionId: 'cn-beijing', NetflowServerIp: '192.168.0.2' }, 'Log Service may be in a region Smartag is not');
    expectXmlSuccess(t, 'CreateFlowLog', await fl(app, 'CreateFlowLog', SLS, 'XML'), '<FlowLogId>fl-', '<ResourceGroupId>rg-acfm');
  });

  t.test('errors', async (t) => {
    const app = await appFor(t);
    const cases: [string, Params, string][] = [
      ['ActiveAging below 60', { ...SLS, ActiveAging: '59' }, 'IllegalParam.ActiveAging'],
      ['ActiveAging above 6000', { ...SLS, ActiveAging: '6001' }, 'IllegalParam.ActiveAging'],
      ['InactiveAging below 10', { ...SLS, InactiveAging: '9' }, 'IllegalParam.InactiveAging'],
      ['InactiveAging above 600', { ...SLS, InactiveAging: '601' }, 'IllegalParam.InactiveAging'],
      ['no OutputType', { SlsRegionId: HZ }, 'IllegalParam.OutputType'],
      ['an unknown OutputType', { ...SLS, OutputType: 'SLS' }, 'IllegalParam.OutputType'],
      ['sls without SlsRegionId', { OutputType: 'sls', ProjectName: 'p', LogstoreName: 'l' }, 'MissingParam.SlsRegionId'],
      ['a malformed SlsRegionId', { ...SLS, SlsRegionId: 'Hangzhou' }, 'IllegalParam.SlsRegionId'],
      ['sls without ProjectName', { OutputType: 'sls', SlsRegionId: HZ, LogstoreName: 'l' }, 'MissingParam.ProjectName'],
      ['sls without LogstoreName', { OutputType: 'sls', SlsRegionId: HZ, ProjectName: 'p' }, 'MissingParam.LogstoreName'],
      ['all without the sls fields', { ...NETFLOW, OutputType: 'all' }, 'MissingParam.SlsRegionId'],
      ['netflow without NetflowServerIp', { OutputType: 'netflow' }, 'MissingParam.NetflowServerIp'],
      ['all without NetflowServerIp', { ...SLS, OutputType: 'all' }, 'MissingParam.NetflowServerIp'],
      ['a NetflowServerIp that is no IPv4 address', { ...NETFLOW, NetflowServerIp: '192.168.0.256' }, 'IllegalParam.NetflowServerIp'],
      ['NetflowServerPort 0', { ...NETFLOW, NetflowServerPort: '0' }, 'IllegalParam.NetflowServerPort'],
      ['NetflowServerPort 65536', { ...NETFLOW, NetflowServerPort: '65536' }, 'IllegalParam.NetflowServerPort'],
      ['NetflowVersion V8', { ...NETFLOW, NetflowVersion: 'V8' }, 'IllegalParam.NetflowVersion'],
    ];
    for (const [label, params, code] of cases) expectError(t, await fl(app, 'CreateFlowLog', params), err('CreateFlowLog', code), label);
    expectError(t, await fl(app, 'CreateFlowLog', { ...SLS, ActiveAging: '59' }, 'XML'), err('CreateFlowLog', 'IllegalParam.ActiveAging'), 'XML');
    expectError(t, await fl(app, 'CreateFlowLog', { ...SLS, ActiveAging: 'soon' }), invalidParameterError('ActiveAging'));
    expectError(t, await fl(app, 'CreateFlowLog', { ...SLS, RegionId: 'cn-nowhere' }), ERRORS.invalidRegion);
    t.equal(app.emulator.store.flowLogs.count({ accountId: ACCOUNT }), 0, 'no error created a flow log');
  });

  t.test('at most 10 flow logs per account, across regions', async (t) => {
    const app = await appFor(t);
    for (let i = 0; i < 10; i++) await create(t, app, { ...SLS, RegionId: i % 2 === 0 ? HZ : SH });
    expectError(t, await fl(app, 'CreateFlowLog', SLS), err('CreateFlowLog', 'QuotaExceeded.Flowlog'));
    expectError(t, await fl(app, 'CreateFlowLog', SLS, 'XML'), err('CreateFlowLog', 'QuotaExceeded.Flowlog'), 'XML');
    t.equal(app.emulator.store.flowLogs.count({ accountId: ACCOUNT }), 10);
  });
});

t.test('DescribeFlowLogs: region and account scoped, filtered, paged in creation order', async (t) => {
  const app = await appFor(t);
  const a = await create(t, app, { ...SLS, Name: 'alpha', Description: 'first' });
  const b = await create(t, app, { ...NETFLOW, Name: 'beta' });
  const c = await create(t, app, { ...SLS, ...NETFLOW, OutputType: 'all', Name: 'alpha' });
  const elsewhere = await create(t, app, { ...SLS, RegionId: SH });
  expectSuccess(t, 'DeactiveFlowLog', await fl(app, 'DeactiveFlowLog', { FlowLogId: b }));

  const all = await describe(t, app);
  t.same(idsOf(all), [a, b, c], 'oldest first, this region only');
  t.match(all, { TotalCount: 3, PageNumber: 1, PageSize: 10 });
  t.same(idsOf(await describe(t, app, { FlowLogId: b })), [b]);
  t.same(idsOf(await describe(t, app, { FlowLogId: elsewhere })), [], "another region's flow log is absent: an empty list, which the provider reads as gone");
  t.same(idsOf(await describe(t, app, { FlowLogName: 'alpha' })), [a, c]);
  t.same(idsOf(await describe(t, app, { Description: 'first' })), [a]);
  t.same(idsOf(await describe(t, app, { Status: 'Inactive' })), [b]);
  t.same(idsOf(await describe(t, app, { Status: 'Active', OutputType: 'all' })), [c]);
  const page2 = await describe(t, app, { PageSize: '2', PageNumber: '2' });
  t.same(idsOf(page2), [c]);
  t.match(page2, { TotalCount: 3, PageNumber: 2, PageSize: 2 });
  t.same(idsOf(await describe(t, app, { PageNumber: '3', PageSize: '2' })), [], 'a page past the end is empty');
  const other = expectSuccess(t, 'DescribeFlowLogs', await call(app, 'DescribeFlowLogs', { RegionId: HZ }));
  t.same(idsOf(other), ['fl-sample00000000001'], "the default account sees its own sample, none of this account's flow logs");
  expectXmlSuccess(t, 'DescribeFlowLogs', await fl(app, 'DescribeFlowLogs', { FlowLogId: a }, 'XML'), `<FlowLogId>${a}</FlowLogId>`, '<TotalSagNum>0</TotalSagNum>', '<NetflowServerPort>9995</NetflowServerPort>');

  expectError(t, await fl(app, 'DescribeFlowLogs', { Status: 'Running' }), err('CreateFlowLog', 'IllegalParam.Status'), 'unknown Status');
  expectError(t, await fl(app, 'DescribeFlowLogs', { Status: 'Running' }, 'XML'), err('CreateFlowLog', 'IllegalParam.Status'), 'unknown Status, XML');
  expectError(t, await fl(app, 'DescribeFlowLogs', { OutputType: 'kafka' }), err('CreateFlowLog', 'IllegalParam.OutputType'), 'unknown OutputType');
  expectError(t, await fl(app, 'DescribeFlowLogs', { PageSize: '51' }), invalidParameterError('PageSize'));
  expectError(t, await fl(app, 'DescribeFlowLogs', { RegionId: 'cn-nowhere' }), ERRORS.invalidRegion);
});

t.test('ModifyFlowLogAttribute changes exactly what it names', async (t) => {
  const app = await appFor(t);
  const id = await create(t, app, { ...SLS, Name: 'office', Description: 'before' });
  expectSuccess(t, 'ModifyFlowLogAttribute', await fl(app, 'ModifyFlowLogAttribute', { FlowLogId: id, Description: 'after', InactiveAging: '20' }));
  t.match(await itemOf(t, app, id), { Name: 'office', Description: 'after', InactiveAging: 20, ActiveAging: 300, OutputType: 'sls', LogstoreName: 'flows', Status: 'Active' });
  expectSuccess(t, 'ModifyFlowLogAttribute', await fl(app, 'ModifyFlowLogAttribute', { FlowLogId: id, ...NETFLOW }));
  t.match(await itemOf(t, app, id), { OutputType: 'netflow', NetflowServerIp: '192.168.0.2', NetflowServerPort: '9995', ProjectName: 'sag-flowlog' }, 'the sls fields stay as they were');
  expectSuccess(t, 'ModifyFlowLogAttribute', await fl(app, 'ModifyFlowLogAttribute', { FlowLogId: id, OutputType: 'all', LogstoreName: '', NetflowServerPort: '9999', NetflowVersion: 'V5', Name: 'renamed' }));
  t.match(await itemOf(t, app, id), { OutputType: 'all', LogstoreName: 'flows', NetflowServerPort: '9999', NetflowVersion: 'V5', Name: 'renamed' }, 'a parameter sent empty changes nothing');
  expectXmlSuccess(t, 'ModifyFlowLogAttribute', await fl(app, 'ModifyFlowLogAttribute', { FlowLogId: id, ActiveAging: '400' }, 'XML'));
  t.equal((await itemOf(t, app, id)).ActiveAging, 400);

  const sls = await create(t, app, SLS);
  const cases: [string, Params, string][] = [
    ['an unknown id', { FlowLogId: 'fl-nothing000000000000' }, 'InvalidFlowLogId.NotFound'],
    ['ActiveAging 7000', { FlowLogId: sls, ActiveAging: '7000' }, 'IllegalParam.ActiveAging'],
    ['InactiveAging 5', { FlowLogId: sls, InactiveAging: '5' }, 'IllegalParam.InactiveAging'],
    ['an unknown OutputType', { FlowLogId: sls, OutputType: 'both' }, 'IllegalParam.OutputType'],
    ['all without a NetFlow collector', { FlowLogId: sls, OutputType: 'all' }, 'MissingParam.NetflowServerIp'],
    ['netflow with a bad address', { FlowLogId: sls, OutputType: 'netflow', NetflowServerIp: 'collector.local' }, 'IllegalParam.NetflowServerIp'],
    ['a bad port', { FlowLogId: id, NetflowServerPort: '70000' }, 'IllegalParam.NetflowServerPort'],
    ['a bad version', { FlowLogId: id, NetflowVersion: 'v9' }, 'IllegalParam.NetflowVersion'],
    ['a malformed SlsRegionId', { FlowLogId: sls, SlsRegionId: 'cn_hangzhou' }, 'IllegalParam.SlsRegionId'],
  ];
  for (const [label, params, code] of cases) expectError(t, await fl(app, 'ModifyFlowLogAttribute', params), err('ModifyFlowLogAttribute', code), label);
  expectError(t, await fl(app, 'ModifyFlowLogAttribute', { FlowLogId: 'fl-nothing000000000000' }, 'XML'), err('ModifyFlowLogAttribute', 'InvalidFlowLogId.NotFound'), 'XML');
  expectError(t, await fl(app, 'ModifyFlowLogAttribute', { FlowLogId: sls, RegionId: SH }), err('ModifyFlowLogAttribute', 'InvalidFlowLogId.NotFound'), 'another region');
  expectError(t, await call(app, 'ModifyFlowLogAttribute', { RegionId: HZ, FlowLogId: sls, Name: 'x' }), err('ModifyFlowLogAttribute', 'InvalidFlowLogId.NotFound'), 'another account');
  expectError(t, await fl(app, 'ModifyFlowLogAttribute', {}), [400, 'MissingFlowLogId', 'FlowLogId is mandatory for this action.']);
  t.match(await itemOf(t, app, sls), { OutputType: 'sls', ActiveAging: 300, InactiveAging: 15, SlsRegionId: HZ }, 'no error changed anything');
});

t.test('ActiveFlowLog and DeactiveFlowLog drive Status', async (t) => {
  const app = await appFor(t);
  const id = await create(t, app);
  expectSuccess(t, 'DeactiveFlowLog', await fl(app, 'DeactiveFlowLog', { FlowLogId: id }));
  t.equal((await itemOf(t, app, id)).Status, 'Inactive');
  expectSuccess(t, 'DeactiveFlowLog', await fl(app, 'DeactiveFlowLog', { FlowLogId: id }), 'again: still Inactive');
  t.equal((await itemOf(t, app, id)).Status, 'Inactive');
  expectXmlSuccess(t, 'ActiveFlowLog', await fl(app, 'ActiveFlowLog', { FlowLogId: id }, 'XML'));
  t.equal((await itemOf(t, app, id)).Status, 'Active');
  expectSuccess(t, 'ActiveFlowLog', await fl(app, 'ActiveFlowLog', { FlowLogId: id }), 'again: still Active');
  expectXmlSuccess(t, 'DeactiveFlowLog', await fl(app, 'DeactiveFlowLog', { FlowLogId: id }, 'XML'));
  t.equal((await itemOf(t, app, id)).Status, 'Inactive');
  for (const action of ['ActiveFlowLog', 'DeactiveFlowLog']) {
    expectError(t, await fl(app, action, { FlowLogId: 'fl-nothing000000000000' }), err(action, 'InvalidFlowLogId.NotFound'), `${action}: unknown id`);
    expectError(t, await fl(app, action, { FlowLogId: id, RegionId: SH }, 'XML'), err(action, 'InvalidFlowLogId.NotFound'), `${action}: another region, XML`);
    expectError(t, await fl(app, action, {}), [400, 'MissingFlowLogId', 'FlowLogId is mandatory for this action.']);
  }
});

t.test('AssociateFlowLog and DisassociateFlowLog, with TotalSagNum, the Sag lists and the instance views', async (t) => {
  const app = await appFor(t);
  const id = await create(t, app);
  const other = await create(t, app);
  const unbound = async () => expectSuccess(t, 'DescribeUnbindFlowLogSags', await fl(app, 'DescribeUnbindFlowLogSags', {}));
  const sags = async (params: Params = {}) => expectSuccess(t, 'DescribeFlowLogSags', await fl(app, 'DescribeFlowLogSags', { FlowLogId: id, ...params }));
  const before = await unbound();
  t.equal(before.Count, 2);
  t.same(before.Sags.Sag, [{ Description: 'first device', SmartAGId: DEV1, Name: 'branch-1' }, { Description: '', SmartAGId: DEV2, Name: 'branch-2' }], "the region's SAG-1000 devices, oldest first");

  expectSuccess(t, 'AssociateFlowLog', await fl(app, 'AssociateFlowLog', { FlowLogId: id, SmartAGId: DEV2 }));
  expectXmlSuccess(t, 'AssociateFlowLog', await fl(app, 'AssociateFlowLog', { FlowLogId: id, SmartAGId: DEV1 }, 'XML'));
  expectSuccess(t, 'AssociateFlowLog', await fl(app, 'AssociateFlowLog', { FlowLogId: id, SmartAGId: DEV1 }), 'the same pair again changes nothing');
  t.equal((await itemOf(t, app, id)).TotalSagNum, 2);
  t.equal((await itemOf(t, app, other)).TotalSagNum, 0);
  const bound = await sags();
  t.same(sagIdsOf(bound), [DEV2, DEV1], 'in the order they were associated');
  t.match(bound, { TotalCount: 2, PageNumber: 1, PageSize: 10 });
  t.same(bound.Sags.Sag[1], { Description: 'first device', SmartAGId: DEV1, Name: 'branch-1' });
  const second = await sags({ PageSize: '1', PageNumber: '2' });
  t.same(sagIdsOf(second), [DEV1]);
  t.match(second, { TotalCount: 2, PageNumber: 2, PageSize: 1 });
  expectXmlSuccess(t, 'DescribeFlowLogSags', await fl(app, 'DescribeFlowLogSags', { FlowLogId: id }, 'XML'), `<SmartAGId>${DEV2}</SmartAGId>`, '<TotalCount>2</TotalCount>');
  t.same((await unbound()).Sags.Sag, [], 'both devices are bound now');
  expectXmlSuccess(t, 'DescribeUnbindFlowLogSags', await fl(app, 'DescribeUnbindFlowLogSags', {}, 'XML'), '<Count>0</Count>');
  const attribute = expectSuccess(t, 'DescribeSmartAccessGatewayAttribute', await fl(app, 'DescribeSmartAccessGatewayAttribute', { SmartAGId: DEV1 }));
  t.same(attribute.FlowLogIds.FlowLogId, [id], "the instance's own view names its flow log");

  const associate = (params: Params, format?: 'XML') => fl(app, 'AssociateFlowLog', { FlowLogId: id, SmartAGId: DEV1, ...params }, format);
  expectError(t, await associate({ FlowLogId: other }), err('AssociateFlowLog', 'OperationFailed.AssociateFlowLog'), 'an instance takes one flow log');
  expectError(t, await associate({ SmartAGId: WM }), err('AssociateFlowLog', 'OperationUnsupported.AssociateFlowLog'), 'a SAG-100WM');
  expectError(t, await associate({ SmartAGId: APP }, 'XML'), err('AssociateFlowLog', 'OperationUnsupported.AssociateFlowLog'), 'a SAG APP instance, XML');
  expectError(t, await associate({ SmartAGId: DEV_SH }), err('AssociateFlowLog', 'InvalidSmartAGId.NotFound'), "another region's instance");
  expectError(t, await associate({ SmartAGId: 'sag-hardware0001' }), err('AssociateFlowLog', 'InvalidSmartAGId.NotFound'), "another account's instance");
  expectError(t, await associate({ FlowLogId: 'fl-nothing000000000000' }), err('AssociateFlowLog', 'InvalidFlowLogId.NotFound'));
  expectError(t, await fl(app, 'AssociateFlowLog', { FlowLogId: id }), [400, 'MissingSmartAGId', 'SmartAGId is mandatory for this action.']);

  expectError(t, await fl(app, 'DeleteFlowLog', { FlowLogId: id }), err('DeleteFlowLog', 'DependencyViolation.FlowLog'), 'deleting a flow log still associated');
  expectError(t, await fl(app, 'DeleteFlowLog', { FlowLogId: id }, 'XML'), err('DeleteFlowLog', 'DependencyViolation.FlowLog'), 'XML');

  const disassociate = (params: Params, format?: 'XML') => fl(app, 'DisassociateFlowLog', { FlowLogId: id, SmartAGId: DEV1, ...params }, format);
  expectSuccess(t, 'DisassociateFlowLog', await disassociate({}));
  expectError(t, await disassociate({}), err('DisassociateFlowLog', 'IncorrectStatus.FlowLog'), 'an instance the flow log does not capture');
  expectError(t, await disassociate({ FlowLogId: other }, 'XML'), err('DisassociateFlowLog', 'IncorrectStatus.FlowLog'), 'XML');
  expectError(t, await disassociate({ SmartAGId: 'sag-nothing0001' }), err('DisassociateFlowLog', 'InvalidSmartAGId.NotFound'));
  expectError(t, await disassociate({ FlowLogId: 'fl-nothing000000000000' }), err('DisassociateFlowLog', 'InvalidFlowLogId.NotFound'));
  t.same(sagIdsOf(await sags()), [DEV2]);
  t.equal((await itemOf(t, app, id)).TotalSagNum, 1);
  t.same(sagIdsOf(await unbound()), [DEV1], 'the device is free again');
  expectXmlSuccess(t, 'DisassociateFlowLog', await disassociate({ SmartAGId: DEV2 }, 'XML'));
  t.equal((await itemOf(t, app, id)).TotalSagNum, 0);
});

t.test('DescribeFlowLogSags and DescribeUnbindFlowLogSags errors', async (t) => {
  const app = await appFor(t);
  const id = await create(t, app);
  expectError(t, await fl(app, 'DescribeFlowLogSags', {}), err('DescribeFlowLogSags', 'MissingParam.FlowLogId'));
  expectError(t, await fl(app, 'DescribeFlowLogSags', {}, 'XML'), err('DescribeFlowLogSags', 'MissingParam.FlowLogId'), 'XML');
  expectError(t, await fl(app, 'DescribeFlowLogSags', { FlowLogId: 'fl-nothing000000000000' }), err('DescribeFlowLogSags', 'InvalidFlowLogId.NotFound'));
  expectError(t, await fl(app, 'DescribeFlowLogSags', { FlowLogId: id, RegionId: SH }), err('DescribeFlowLogSags', 'InvalidFlowLogId.NotFound'), 'another region');
  expectError(t, await fl(app, 'DescribeFlowLogSags', { FlowLogId: id, PageSize: '51' }), invalidParameterError('PageSize'));
  t.same(expectSuccess(t, 'DescribeFlowLogSags', await fl(app, 'DescribeFlowLogSags', { FlowLogId: id })).Sags.Sag, []);
  t.same(sagIdsOf(expectSuccess(t, 'DescribeUnbindFlowLogSags', await fl(app, 'DescribeUnbindFlowLogSags', { RegionId: SH }))), [DEV_SH]);
  expectError(t, await fl(app, 'DescribeUnbindFlowLogSags', { RegionId: 'cn-nowhere' }), ERRORS.invalidRegion);
});

t.test('DeleteFlowLog removes; Describe no longer lists it', async (t) => {
  const app = await appFor(t);
  const id = await create(t, app);
  const kept = await create(t, app);
  expectSuccess(t, 'DeleteFlowLog', await fl(app, 'DeleteFlowLog', { FlowLogId: id }));
  t.same(idsOf(await describe(t, app)), [kept]);
  expectError(t, await fl(app, 'DeleteFlowLog', { FlowLogId: id }), err('DeleteFlowLog', 'InvalidFlowLogId.NotFound'), 'twice');
  expectError(t, await fl(app, 'DeleteFlowLog', { FlowLogId: id }, 'XML'), err('DeleteFlowLog', 'InvalidFlowLogId.NotFound'), 'twice, XML');
  expectError(t, await fl(app, 'DeleteFlowLog', { FlowLogId: kept, RegionId: SH }), err('DeleteFlowLog', 'InvalidFlowLogId.NotFound'), 'another region');
  expectXmlSuccess(t, 'DeleteFlowLog', await fl(app, 'DeleteFlowLog', { FlowLogId: kept }, 'XML'));
  t.equal(app.emulator.store.flowLogs.count({ accountId: ACCOUNT }), 0);
});

t.test('deleting an instance drops its association', async (t) => {
  const app = await appFor(t);
  const id = await create(t, app);
  expectSuccess(t, 'AssociateFlowLog', await fl(app, 'AssociateFlowLog', { FlowLogId: id, SmartAGId: DEV1 }));
  expectSuccess(t, 'DeleteSmartAccessGateway', await fl(app, 'DeleteSmartAccessGateway', { InstanceId: DEV1 }));
  t.equal((await itemOf(t, app, id)).TotalSagNum, 0);
  expectSuccess(t, 'DeleteFlowLog', await fl(app, 'DeleteFlowLog', { FlowLogId: id }), 'no longer in use');
});

t.test('fixtures: flow logs seed, dump in the fixture shape, round-trip, snapshot and reset', async (t) => {
  const app = await appFor(t);
  const flowLog = {
    id: 'fl-seed0001', regionId: HZ, name: 'seeded', description: 'from a fixture', status: 'Inactive', outputType: 'all',
    activeAging: 120, inactiveAging: 30, slsRegionId: HZ, projectName: 'p', logstoreName: 'l',
    netflowServerIp: '10.0.0.9', netflowServerPort: 2055, netflowVersion: 'V5', smartAGIds: [DEV1], createdAt: 1000,
  };
  const account = { ...FLOW_LOG_ACCOUNT, flowLogs: [flowLog, { id: 'fl-seed0002', regionId: SH, outputType: 'netflow', netflowServerIp: '10.0.0.8' }] };
  t.equal((await control(app, 'POST', '/seed', { accounts: [account] })).status, 200);
  t.match(await itemOf(t, app, 'fl-seed0001'), { Status: 'Inactive', TotalSagNum: 1, OutputType: 'all', NetflowServerPort: '2055', ActiveAging: 120 });
  t.same(sagIdsOf(expectSuccess(t, 'DescribeFlowLogSags', await fl(app, 'DescribeFlowLogSags', { FlowLogId: 'fl-seed0001' }))), [DEV1]);
  const dumped = (await control(app, 'GET', '/state')).json().accounts.find((a: { id: string }) => a.id === ACCOUNT);
  t.same(dumped.flowLogs[0], flowLog);
  t.match(dumped.flowLogs[1], { id: 'fl-seed0002', name: '', status: 'Active', activeAging: 300, inactiveAging: 15, netflowServerPort: 9995, netflowVersion: 'V9', smartAGIds: [] }, 'defaults filled in');
  t.equal((await control(app, 'POST', '/seed', { accounts: [dumped] })).status, 200, 'the dump seeds back');
  const again = (await control(app, 'GET', '/state')).json().accounts.find((a: { id: string }) => a.id === ACCOUNT);
  t.same(again.flowLogs, dumped.flowLogs);

  t.equal((await control(app, 'POST', '/snapshots/flowlogs')).status, 200);
  expectSuccess(t, 'DisassociateFlowLog', await fl(app, 'DisassociateFlowLog', { FlowLogId: 'fl-seed0001', SmartAGId: DEV1 }));
  expectSuccess(t, 'DeleteFlowLog', await fl(app, 'DeleteFlowLog', { FlowLogId: 'fl-seed0001' }));
  t.equal((await control(app, 'POST', '/snapshots/flowlogs/restore')).status, 200);
  t.match(await itemOf(t, app, 'fl-seed0001'), { TotalSagNum: 1, Status: 'Inactive' }, 'a snapshot restores the flow log and its association');

  const bad = async (flowLogs: unknown[]) => (await control(app, 'POST', '/seed', { accounts: [{ ...FLOW_LOG_ACCOUNT, flowLogs }] })).json();
  t.match(await bad([{ ...flowLog, smartAGIds: [APP] }]), { Code: 'Emulator.InvalidFixture', Description: /\/accounts\/0\/flowLogs\/0\/smartAGIds\/0: sag-app0001 is a sag-software instance; only sag-1000 devices take flow logs/ });
  t.match(await bad([{ ...flowLog, smartAGIds: [DEV_SH] }]), { Description: /flowLogs\/0\/smartAGIds\/0: sag-devsh001 is not an instance of this account in cn-hangzhou/ });
  t.match(await bad([flowLog, { ...flowLog, id: 'fl-seed0003' }]), { Description: /flowLogs\/1\/smartAGIds\/0: sag-dev0001 is already captured by another flow log/ });
  t.match(await bad([flowLog, flowLog]), { Description: /flowLogs\/1\/id: flow log fl-seed0001 is defined twice/ });
  t.match(await bad([{ ...flowLog, logstoreName: '' }]), { Description: /flowLogs\/0\/logstoreName: does not fit outputType all \(the API would answer MissingParam.LogstoreName\)/ });
  t.match(await bad([{ ...flowLog, netflowServerIp: '10.0.0' }]), { Description: /flowLogs\/0\/netflowServerIp: .*IllegalParam.NetflowServerIp/ });
  t.match(await bad([{ ...flowLog, activeAging: 59 }]), { Code: 'Emulator.InvalidFixture', Description: /activeAging/ });
  t.match(await bad([{ ...flowLog, id: 'flow-1' }]), { Description: /flowLogs\/0\/id/ });

  await control(app, 'POST', '/reset');
  t.same(app.emulator.store.flowLogs.list({}).map((row) => row.id), ['fl-sample00000000001'], "reset brings back the fixtures: the default account's sample only");
});
