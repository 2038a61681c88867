/**
 * QoS policies: CreateQos, DescribeQoses, ModifyQos, DeleteQos, AssociateQos,
 * DisassociateQos, GetQosAttribute; traffic classification rules
 * (Create/Modify/Delete/DescribeQosPolicies) and rate-limit rules
 * (Create/Modify/Delete/DescribeQosCars), in cn-hangzhou of the default
 * fixtures. Errors are asserted with the status and message the operation's
 * own documentation gives, in JSON and XML.
 */
import t, { type Test } from 'tap';
import type { FastifyInstance } from 'fastify';
import { call, testApp } from '../helpers/app';
import { expectError, expectSuccess, expectXmlSuccess, invalidParameterError, ERRORS } from '../helpers/api-expect';
import { documentedError } from '../helpers/documented';
import { control } from '../helpers/control';

const ACCOUNT = '1000000000000001';
const HZ = 'cn-hangzhou';
const HARDWARE = 'sag-hardware0001';
const APP = 'sag-ghwa10ko6ndwug****';
const AS_OTHER_ACCOUNT = { AccessKeyId: 'otherid' };
const POLICY = {
  Priority: '1', IpProtocol: 'tcp', SourceCidr: '192.168.20.0/24', DestCidr: '192.168.10.0/24',
  SourcePortRange: '1/200', DestPortRange: '80/80',
};
const CAR = { Priority: '1', LimitType: 'Absolute', MinBandwidthAbs: '1', MaxBandwidthAbs: '10' };

type Params = Record<string, string>;

/** The default fixtures without their sample QoS policy, so quotas and lists start from none. */
async function appFor(t: Test): Promise<FastifyInstance> {
  const app = await testApp();
  t.teardown(() => app.close());
  app.emulator.store.qoses.remove({ accountId: app.emulator.defaultAccountId, id: 'qos-sample00000000001' });
  return app;
}

function qos(app: FastifyInstance, action: string, params: Params, format?: 'XML') {
  return call(app, action, { RegionId: HZ, ...params }, { format });
}

async function createQos(t: Test, app: FastifyInstance, params: Params = {}): Promise<string> {
  return expectSuccess(t, 'CreateQos', await qos(app, 'CreateQos', { QosName: 'office', ...params })).QosId;
}

async function createPolicy(t: Test, app: FastifyInstance, qosId: string, params: Params = {}) {
  return expectSuccess(t, 'CreateQosPolicy', await qos(app, 'CreateQosPolicy', { QosId: qosId, ...POLICY, ...params }));
}

async function createCar(t: Test, app: FastifyInstance, qosId: string, params: Params = {}) {
  return expectSuccess(t, 'CreateQosCar', await qos(app, 'CreateQosCar', { QosId: qosId, ...CAR, ...params }));
}

const qosIdsOf = (body: Record<string, any>) => body.Qoses.Qos.map((item: { QosId: string }) => item.QosId);

t.test('CreateQos', async (t) => {
  t.test('creates a QoS policy and answers its id and resource group', async (t) => {
    const app = await appFor(t);
    const body = expectSuccess(t, 'CreateQos', await qos(app, 'CreateQos', { QosName: '分支.QoS_1', QosDescription: 'Branch-qos' }));
    t.match(body, { QosId: /^qos-[a-z0-9]{18}$/, ResourceGroupId: /^rg-acfm[a-z0-9]{11}$/ });
    t.match(app.emulator.store.qoses.find({ accountId: ACCOUNT, id: body.QosId }), { regionId: HZ, name: '分支.QoS_1', description: 'Branch-qos' });
    expectXmlSuccess(t, 'CreateQos', await qos(app, 'CreateQos', { QosName: 'xmlqos' }, 'XML'), '<QosId>qos-');
  });
  t.test('refuses bad names and descriptions, a missing name and the quota', async (t) => {
    const app = await appFor(t);
    const name = documentedError('CreateQos', 'InvalidParameter.Name');
    for (const bad of ['1qos', 'q', 'a'.repeat(101), 'has space']) expectError(t, await qos(app, 'CreateQos', { QosName: bad }), name, `name ${bad.slice(0, 10)}`);
    expectError(t, await qos(app, 'CreateQos', { QosName: '1qos' }, 'XML'), name, 'XML');
    const description = documentedError('CreateQos', 'InvalidParameter.Description');
    expectError(t, await qos(app, 'CreateQos', { QosName: 'office', QosDescription: '-desc' }), description);
    expectError(t, await qos(app, 'CreateQos', { QosName: 'office', RegionId: 'cn-nowhere' }), ERRORS.invalidRegion);
    expectError(t, await call(app, 'CreateQos', { RegionId: HZ }), [400, 'MissingQosName', 'QosName is mandatory for this action.']);
    for (let i = 0; i < 10; i++) await createQos(t, app, { QosName: `qos${i}` });
    const limit = documentedError('CreateQos', 'QosAmountLimit');
    expectError(t, await qos(app, 'CreateQos', { QosName: 'eleventh' }), limit);
    expectError(t, await qos(app, 'CreateQos', { QosName: 'eleventh', RegionId: 'cn-shanghai' }, 'XML'), limit, 'XML, another region');
  });
});

t.test('DescribeQoses, ModifyQos, DeleteQos', async (t) => {
  t.test('lists in creation order with filters and paging; Modify changes what it names', async (t) => {
    const app = await appFor(t);
    const ids = [];
    for (const name of ['alpha', 'beta', 'gamma']) ids.push(await createQos(t, app, { QosName: name }));
    const all = expectSuccess(t, 'DescribeQoses', await qos(app, 'DescribeQoses', {}));
    t.same(qosIdsOf(all), ids);
    t.equal(all.TotalCount, 3);
    t.same(all.Qoses.Qos[0], { QosDescription: '', SagCount: '0', SmartAGIds: '', QosId: ids[0], QosName: 'alpha', ResourceGroupId: all.Qoses.Qos[0].ResourceGroupId });
    const page = expectSuccess(t, 'DescribeQoses', await qos(app, 'DescribeQoses', { PageSize: '2', PageNumber: '2' }));
    t.same([qosIdsOf(page), page.TotalCount, page.PageSize, page.PageNumber], [[ids[2]], 3, 2, 2]);
    t.same(qosIdsOf(expectSuccess(t, 'DescribeQoses', await qos(app, 'DescribeQoses', { QosIds: `${ids[2]}, ${ids[0]}` }))), [ids[0], ids[2]]);
    t.same(qosIdsOf(expectSuccess(t, 'DescribeQoses', await qos(app, 'DescribeQoses', { QosName: 'beta' }))), [ids[1]]);
    t.same(qosIdsOf(expectSuccess(t, 'DescribeQoses', await qos(app, 'DescribeQoses', { RegionId: 'cn-shanghai' }))), []);
    t.same(qosIdsOf(expectSuccess(t, 'DescribeQoses', await call(app, 'DescribeQoses', { RegionId: HZ, ...AS_OTHER_ACCOUNT }))), [], 'another account sees none');
    expectError(t, await qos(app, 'DescribeQoses', { PageSize: '51' }), invalidParameterError('PageSize'));
    expectXmlSuccess(t, 'DescribeQoses', await qos(app, 'DescribeQoses', {}, 'XML'), `<QosId>${ids[0]}</QosId>`);

    expectSuccess(t, 'ModifyQos', await qos(app, 'ModifyQos', { QosId: ids[1], QosDescription: 'Changed' }));
    t.match(app.emulator.store.qoses.find({ accountId: ACCOUNT, id: ids[1] }), { name: 'beta', description: 'Changed' });
    expectXmlSuccess(t, 'ModifyQos', await qos(app, 'ModifyQos', { QosId: ids[1], QosName: 'delta' }, 'XML'));
    t.match(app.emulator.store.qoses.find({ accountId: ACCOUNT, id: ids[1] }), { name: 'delta', description: 'Changed' });
    expectError(t, await qos(app, 'ModifyQos', { QosId: ids[1], QosName: '_x' }), documentedError('ModifyQos', 'InvalidParameter.Name'));
    expectError(t, await qos(app, 'ModifyQos', { QosId: ids[1], QosDescription: '-x' }), documentedError('ModifyQos', 'InvalidParameter.Description'));
    expectError(t, await qos(app, 'ModifyQos', { QosId: 'qos-unknown' }), documentedError('ModifyQos', 'InvalidId.Qos'));
    expectError(t, await qos(app, 'ModifyQos', { QosId: 'qos-unknown' }, 'XML'), documentedError('ModifyQos', 'InvalidId.Qos'), 'XML');

    expectSuccess(t, 'DeleteQos', await qos(app, 'DeleteQos', { QosId: ids[0] }));
    t.same(qosIdsOf(expectSuccess(t, 'DescribeQoses', await qos(app, 'DescribeQoses', {}))), [ids[1], ids[2]]);
    const unknown = documentedError('DeleteQos', 'InvalidId.Qos');
    expectError(t, await qos(app, 'DeleteQos', { QosId: ids[0] }), unknown, 'deleted twice');
    expectError(t, await qos(app, 'DeleteQos', { QosId: ids[1], RegionId: 'cn-shanghai' }, 'XML'), unknown, 'another region, XML');
    expectError(t, await call(app, 'DeleteQos', { RegionId: HZ, QosId: ids[1], ...AS_OTHER_ACCOUNT }), unknown, 'another account');
  });
  t.test('deleting a QoS takes its rules and its associations', async (t) => {
    const app = await appFor(t);
    const id = await createQos(t, app);
    await createPolicy(t, app, id);
    await createCar(t, app, id);
    expectSuccess(t, 'AssociateQos', await qos(app, 'AssociateQos', { QosId: id, SmartAGId: HARDWARE }));
    expectSuccess(t, 'DeleteQos', await qos(app, 'DeleteQos', { QosId: id }));
    t.equal(app.emulator.store.qosPolicies.count({ accountId: ACCOUNT, qosId: id }), 0);
    t.equal(app.emulator.store.qosCars.count({ accountId: ACCOUNT, qosId: id }), 0);
    t.same(app.emulator.store.associations.policiesOf(ACCOUNT, 'qos', HARDWARE), []);
  });
});

t.test('AssociateQos and DisassociateQos', async (t) => {
  const app = await appFor(t);
  const id = await createQos(t, app);
  const other = await createQos(t, app, { QosName: 'other' });
  expectSuccess(t, 'AssociateQos', await qos(app, 'AssociateQos', { QosId: id, SmartAGId: HARDWARE }));
  const listed = expectSuccess(t, 'DescribeQoses', await qos(app, 'DescribeQoses', { QosIds: id }));
  t.match(listed.Qoses.Qos[0], { SagCount: '1', SmartAGIds: HARDWARE });
  expectError(t, await qos(app, 'AssociateQos', { QosId: id, SmartAGId: HARDWARE }), documentedError('AssociateQos', 'SmartAGAlreadyAssociateQos'));
  expectError(t, await qos(app, 'AssociateQos', { QosId: other, SmartAGId: HARDWARE }, 'XML'), documentedError('AssociateQos', 'QosPerSmartagAmountLimit'), 'XML');
  expectError(t, await qos(app, 'AssociateQos', { QosId: other, SmartAGId: APP }), documentedError('AssociateQos', 'SAG.SoftwareNotSupport'));
  expectError(t, await qos(app, 'AssociateQos', { QosId: 'qos-unknown', SmartAGId: HARDWARE }), documentedError('AssociateQos', 'InvalidId.Qos'));
  expectError(t, await qos(app, 'AssociateQos', { QosId: other, SmartAGId: 'sag-unknown' }), documentedError('AssociateQos', 'InvalidId.SMARTAG'));
  expectError(t, await qos(app, 'DisassociateQos', { QosId: other, SmartAGId: HARDWARE }), documentedError('DisassociateQos', 'SmartAGNotAssociateQos'));
  expectError(t, await qos(app, 'DisassociateQos', { QosId: 'qos-unknown', SmartAGId: HARDWARE }, 'XML'), documentedError('DisassociateQos', 'InvalidId.Qos'), 'XML');
  expectError(t, await qos(app, 'DisassociateQos', { QosId: id, SmartAGId: 'sag-unknown' }), documentedError('DisassociateQos', 'InvalidId.SMARTAG'));
  expectXmlSuccess(t, 'DisassociateQos', await qos(app, 'DisassociateQos', { QosId: id, SmartAGId: HARDWARE }, 'XML'));
  t.match(expectSuccess(t, 'DescribeQoses', await qos(app, 'DescribeQoses', { QosIds: id })).Qoses.Qos[0], { SagCount: '0', SmartAGIds: '' });
  expectSuccess(t, 'AssociateQos', await qos(app, 'AssociateQos', { QosId: other, SmartAGId: HARDWARE }));
});

t.test('traffic classification rules', async (t) => {
  t.test('create answers the rule as stored; describe filters and pages; modify and delete', async (t) => {
    const app = await appFor(t);
    const id = await createQos(t, app);
    const body = await createPolicy(t, app, id, { Name: 'web', Description: 'Web', StartTime: '2026-01-01T08:00:00+0800', EndTime: '2026-02-01T08:00:00+0800', 'DpiSignatureIds.1': '7' });
    t.same(body, {
      RequestId: body.RequestId, DpiSignatureIds: { DpiSignatureId: ['7'] }, IpProtocol: 'TCP', QosId: id, Priority: 1,
      EndTime: '2026-02-01T08:00:00+0800', StartTime: '2026-01-01T08:00:00+0800', Description: 'Web', DestCidr: '192.168.10.0/24',
      DestPortRange: '80/80', QosPolicyId: body.QosPolicyId, Name: 'web', SourceCidr: '192.168.20.0/24', SourcePortRange: '1/200',
      DpiGroupIds: { DpiGroupId: [] },
    });
    t.match(body.QosPolicyId, /^qospy-[a-z0-9]{18}$/);
    const second = await createPolicy(t, app, id, { Priority: '2', IpProtocol: 'ICMP', SourcePortRange: '-1/-1', DestPortRange: '-1/-1' });
    const listed = expectSuccess(t, 'DescribeQosPolicies', await qos(app, 'DescribeQosPolicies', { QosId: id }));
    t.same(listed.QosPolicies.QosPolicy.map((p: any) => p.QosPolicyId), [body.QosPolicyId, second.QosPolicyId]);
    t.equal(listed.TotalCount, 2);
    const byPriority = expectSuccess(t, 'DescribeQosPolicies', await qos(app, 'DescribeQosPolicies', { QosId: id, Priority: '2' }));
    t.same(byPriority.QosPolicies.QosPolicy.map((p: any) => p.QosPolicyId), [second.QosPolicyId]);
    const paged = expectSuccess(t, 'DescribeQosPolicies', await qos(app, 'DescribeQosPolicies', { QosId: id, PageSize: '1', PageNumber: '2' }));
    t.same([paged.QosPolicies.QosPolicy.map((p: any) => p.QosPolicyId), paged.TotalCount], [[second.QosPolicyId], 2]);
    expectXmlSuccess(t, 'DescribeQosPolicies', await qos(app, 'DescribeQosPolicies', { QosId: id }, 'XML'), `<QosPolicyId>${body.QosPolicyId}</QosPolicyId>`);
    expectError(t, await qos(app, 'DescribeQosPolicies', { QosId: 'qos-unknown' }), documentedError('DescribeQosPolicies', 'InvalidId.Qos'));

    expectSuccess(t, 'ModifyQosPolicy', await qos(app, 'ModifyQosPolicy', { QosId: id, QosPolicyId: body.QosPolicyId, DestPortRange: '443/443', Priority: '3' }));
    t.match(app.emulator.store.qosPolicies.find({ accountId: ACCOUNT, id: body.QosPolicyId }), { destPortRange: '443/443', priority: 3, sourcePortRange: '1/200', name: 'web' });
    const modifyErrors: [Params, string][] = [
      [{ IpProtocol: 'ICMP' }, 'InvalidPortRange'],
      [{ EndTime: '2025-01-01T08:00:00+0800' }, 'InvalidTimeRangeCompare'],
      [{ StartTime: '2026-01-01 08:00:00' }, 'InvalidParameter.StartTime'],
      [{ SourceCidr: '10.0.0.0/33' }, 'InvalidParameter.SourceCidr'],
      [{ Priority: '4' }, 'InvalidParameter.Priority'],
      [{ IpProtocol: 'SCTP' }, 'NotSupportedProtocol'],
      [{ QosPolicyId: 'qospy-unknown' }, 'InvalidId.QOSPY'],
      [{ QosId: 'qos-unknown' }, 'InvalidId.Qos'],
    ];
    for (const [params, code] of modifyErrors) {
      expectError(t, await qos(app, 'ModifyQosPolicy', { QosId: id, QosPolicyId: body.QosPolicyId, ...params }), documentedError('ModifyQosPolicy', code));
    }
    expectError(t, await qos(app, 'ModifyQosPolicy', { QosId: id, QosPolicyId: body.QosPolicyId, Name: '9' }, 'XML'), documentedError('ModifyQosPolicy', 'InvalidParameter.Name'), 'XML');

    expectSuccess(t, 'DeleteQosPolicy', await qos(app, 'DeleteQosPolicy', { QosId: id, QosPolicyId: body.QosPolicyId }));
    expectError(t, await qos(app, 'DeleteQosPolicy', { QosId: id, QosPolicyId: body.QosPolicyId }), documentedError('DeleteQosPolicy', 'InvalidId.QOSPY'));
    expectError(t, await qos(app, 'DeleteQosPolicy', { QosId: 'qos-unknown', QosPolicyId: second.QosPolicyId }, 'XML'), documentedError('DeleteQosPolicy', 'InvalidId.Qos'), 'XML');
    t.equal(expectSuccess(t, 'DescribeQosPolicies', await qos(app, 'DescribeQosPolicies', { QosId: id })).TotalCount, 1);
  });
  t.test('create refuses each bad value and the quota', async (t) => {
    const app = await appFor(t);
    const id = await createQos(t, app);
    const errors: [Params, string][] = [
      [{ IpProtocol: 'SCTP' }, 'NotSupportedProtocol'],
      [{ Priority: '0' }, 'InvalidParameter.Priority'],
      [{ SourceCidr: 'nowhere' }, 'InvalidParameter.SourceCidr'],
      [{ DestCidr: '300.1.1.0/24' }, 'InvalidParameter.DestCidr'],
      [{ SourcePortRange: '200/1' }, 'InvalidParameter.SourcePortRange'],
      [{ DestPortRange: '1-200' }, 'InvalidParameter.DestPortRange'],
      [{ IpProtocol: 'GRE' }, 'InvalidPortRange'],
      [{ StartTime: 'tomorrow' }, 'InvalidParameter.StartTime'],
      [{ EndTime: '2026-13-01T08:00:00+0800' }, 'InvalidParameter.EndTime'],
      [{ StartTime: '2026-02-01T08:00:00+0800', EndTime: '2026-01-01T08:00:00+0800' }, 'InvalidTimeRangeCompare'],
      [{ Name: 'a.b' }, 'InvalidParameter.Name'],
      [{ Description: '1d' }, 'InvalidParameter.Description'],
      [{ QosId: 'qos-unknown' }, 'InvalidId.Qos'],
    ];
    for (const [params, code] of errors) expectError(t, await qos(app, 'CreateQosPolicy', { QosId: id, ...POLICY, ...params }), documentedError('CreateQosPolicy', code), `${code} ${JSON.stringify(params)}`);
    expectError(t, await qos(app, 'CreateQosPolicy', { QosId: id, ...POLICY, IpProtocol: 'SCTP' }, 'XML'), documentedError('CreateQosPolicy', 'NotSupportedProtocol'), 'XML');
    t.equal(app.emulator.store.qosPolicies.count({ accountId: ACCOUNT, qosId: id }), 0, 'nothing stored');
    for (let i = 0; i < 50; i++) await createPolicy(t, app, id);
    expectError(t, await qos(app, 'CreateQosPolicy', { QosId: id, ...POLICY }), documentedError('CreateQosPolicy', 'QosPolicyPerQosAmountLimit'));
  });
});

t.test('rate-limit rules', async (t) => {
  t.test('create, describe by priority, modify, delete', async (t) => {
    const app = await appFor(t);
    const id = await createQos(t, app);
    const first = await createCar(t, app, id, { Priority: '2', Name: 'car.one', Description: 'First' });
    t.same(first, {
      RequestId: first.RequestId, MaxBandwidthAbs: 10, PercentSourceType: 'InternetUpBandwidth', MinBandwidthAbs: 1, MaxBandwidthPercent: 0, Description: 'First',
      QosId: id, LimitType: 'Absolute', Priority: 2, MinBandwidthPercent: 0, QosCarId: first.QosCarId,
    });
    t.match(first.QosCarId, /^qoscar-[a-z0-9]{18}$/);
    const second = await createCar(t, app, id, { Priority: '1', LimitType: 'Percent', MinBandwidthPercent: '10', MaxBandwidthPercent: '20', PercentSourceType: 'CcnBandwidth' });
    t.match(second, { LimitType: 'Percent', MinBandwidthPercent: 10, MaxBandwidthPercent: 20, PercentSourceType: 'CcnBandwidth', MinBandwidthAbs: 0 });
    const carIds = (body: Record<string, any>) => body.QosCars.QosCar.map((c: any) => c.QosCarId);
    t.same(carIds(expectSuccess(t, 'DescribeQosCars', await qos(app, 'DescribeQosCars', { QosId: id }))), [second.QosCarId, first.QosCarId], 'by priority');
    t.same(carIds(expectSuccess(t, 'DescribeQosCars', await qos(app, 'DescribeQosCars', { QosId: id, Order: 'desc' }))), [first.QosCarId, second.QosCarId]);
    t.same(carIds(expectSuccess(t, 'DescribeQosCars', await qos(app, 'DescribeQosCars', { QosId: id, Description: 'First' }))), [first.QosCarId]);
    const paged = expectSuccess(t, 'DescribeQosCars', await qos(app, 'DescribeQosCars', { QosId: id, PageSize: '1', PageNumber: '2' }));
    t.same([carIds(paged), paged.TotalCount], [[first.QosCarId], 2]);
    expectXmlSuccess(t, 'DescribeQosCars', await qos(app, 'DescribeQosCars', { QosId: id }, 'XML'), `<QosCarId>${first.QosCarId}</QosCarId>`);
    expectError(t, await qos(app, 'DescribeQosCars', { QosId: 'qos-unknown' }), documentedError('DescribeQosCars', 'InvalidId.Qos'));

    const attribute = expectSuccess(t, 'GetQosAttribute', await qos(app, 'GetQosAttribute', { QosId: id }));
    t.same(attribute.QosCars.map((c: any) => [c.QosCarId, c.QosCarName]), [[first.QosCarId, 'car.one'], [second.QosCarId, '']]);
    t.same([attribute.QosName, attribute.QosDescription, attribute.QosPolicies, attribute.ErrorConfigSmartAGCount], ['office', '', [], 0]);
    expectXmlSuccess(t, 'GetQosAttribute', await qos(app, 'GetQosAttribute', { QosId: id }, 'XML'), '<QosName>office</QosName>');

    expectSuccess(t, 'ModifyQosCar', await qos(app, 'ModifyQosCar', { QosId: id, QosCarId: first.QosCarId, MaxBandwidthAbs: '50', Priority: '7' }));
    t.match(app.emulator.store.qosCars.find({ accountId: ACCOUNT, id: first.QosCarId }), { minBandwidthAbs: 1, maxBandwidthAbs: 50, priority: 7, name: 'car.one' });
    expectError(t, await qos(app, 'ModifyQosCar', { QosId: id, QosCarId: first.QosCarId, LimitType: 'Percent' }), documentedError('ModifyQosCar', 'MissParameter.MinBandwidthPercent'));
    expectXmlSuccess(t, 'ModifyQosCar', await qos(app, 'ModifyQosCar', { QosId: id, QosCarId: first.QosCarId, LimitType: 'Percent', MinBandwidthPercent: '5', MaxBandwidthPercent: '6', PercentSourceType: 'InternetUpBandwidth' }, 'XML'));
    t.match(app.emulator.store.qosCars.find({ accountId: ACCOUNT, id: first.QosCarId }), { limitType: 'Percent', minBandwidthAbs: 0, maxBandwidthAbs: 0, minBandwidthPercent: 5 });
    const modifyErrors: [Params, string][] = [
      [{ Priority: '8' }, 'InvalidParameter.Priority'],
      [{ MaxBandwidthPercent: '1' }, 'InvalidBandwidthCompare'],
      [{ PercentSourceType: 'Other' }, 'InvalidParameter.PercentSourceType'],
      [{ Name: 'x' }, 'InvalidParameter.Name'],
    ];
    for (const [params, code] of modifyErrors) expectError(t, await qos(app, 'ModifyQosCar', { QosId: id, QosCarId: first.QosCarId, ...params }), documentedError('ModifyQosCar', code));
    expectError(t, await qos(app, 'ModifyQosCar', { QosId: id, QosCarId: 'qoscar-unknown' }), documentedError('DeleteQosCar', 'InvalidId.QOSCAR'), 'ModifyQosCar documents no not-found: DeleteQosCar\'s');

    expectSuccess(t, 'DeleteQosCar', await qos(app, 'DeleteQosCar', { QosId: id, QosCarId: first.QosCarId }));
    expectError(t, await qos(app, 'DeleteQosCar', { QosId: id, QosCarId: first.QosCarId }), documentedError('DeleteQosCar', 'InvalidId.QOSCAR'));
    expectError(t, await qos(app, 'DeleteQosCar', { QosId: 'qos-unknown', QosCarId: second.QosCarId }, 'XML'), documentedError('DeleteQosCar', 'InvalidId.Qos'), 'XML');
    t.same(carIds(expectSuccess(t, 'DescribeQosCars', await qos(app, 'DescribeQosCars', { QosId: id }))), [second.QosCarId]);
  });
  t.test('create refuses each bad value and the quota', async (t) => {
    const app = await appFor(t);
    const id = await createQos(t, app);
    const errors: [Params, string][] = [
      [{ Priority: '4' }, 'InvalidParameter.Priority'],
      [{ LimitType: 'Burst' }, 'InvalidParameter.LimitType'],
      [{ MinBandwidthAbs: '' }, 'MissParameter.MinBandwidthAbs'],
      [{ MaxBandwidthAbs: '' }, 'MissParameter.MaxBandwidthAbs'],
      [{ MaxBandwidthAbs: '5', MinBandwidthAbs: '6' }, 'InvalidBandwidthCompare'],
      [{ LimitType: 'Percent' }, 'MissParameter.MinBandwidthPercent'],
      [{ LimitType: 'Percent', MinBandwidthPercent: '10' }, 'MissParameter.MaxBandwidthPercent'],
      [{ LimitType: 'Percent', MinBandwidthPercent: '10', MaxBandwidthPercent: '20' }, 'MissParameter.PercentSourceType'],
      [{ LimitType: 'Percent', MinBandwidthPercent: '10', MaxBandwidthPercent: '20', PercentSourceType: 'x' }, 'InvalidParameter.PercentSourceType'],
      [{ LimitType: 'Percent', MinBandwidthPercent: '30', MaxBandwidthPercent: '20', PercentSourceType: 'CcnBandwidth' }, 'InvalidBandwidthCompare'],
      [{ Name: '-car' }, 'InvalidParameter.Name'],
      [{ Description: '_d' }, 'InvalidParameter.Description'],
      [{ QosId: 'qos-unknown' }, 'InvalidId.Qos'],
    ];
    for (const [params, code] of errors) {
      const sent: Params = { QosId: id, ...CAR, ...params };
      for (const key of Object.keys(sent)) if (sent[key] === '') delete sent[key];
      expectError(t, await qos(app, 'CreateQosCar', sent), documentedError('CreateQosCar', code), `${code} ${JSON.stringify(params)}`);
    }
    expectError(t, await qos(app, 'CreateQosCar', { QosId: id, ...CAR, LimitType: 'Burst' }, 'XML'), documentedError('CreateQosCar', 'InvalidParameter.LimitType'), 'XML');
    t.equal(app.emulator.store.qosCars.count({ accountId: ACCOUNT, qosId: id }), 0, 'nothing stored');
    for (let i = 0; i < 50; i++) await createCar(t, app, id);
    expectError(t, await qos(app, 'CreateQosCar', { QosId: id, ...CAR }), documentedError('CreateQosCar', 'QosCarPerQosAmountLimit'));
  });
});

t.test('GetQosAttribute answers the classification rules with times in milliseconds, and InvalidId.Qos for an unknown QoS', async (t) => {
  const app = await appFor(t);
  const id = await createQos(t, app, { QosDescription: 'Desc' });
  await createPolicy(t, app, id, { Name: 'web', StartTime: '2026-01-01T08:00:00+0800' });
  const body = expectSuccess(t, 'GetQosAttribute', await qos(app, 'GetQosAttribute', { QosId: id }));
  t.same(body.QosPolicies, [{
    EndTime: 0, StartTime: Date.UTC(2026, 0, 1), DestCidr: '192.168.10.0/24', DestPortRange: '80/80', IpProtocol: 'TCP', Priority: 1,
    QosPolicieDescription: '', SourceCidr: '192.168.20.0/24', QosPolicieName: 'web', SourcePortRange: '1/200',
  }]);
  // GetQosAttribute documents no errors: the QoS family's own not-found code.
  expectError(t, await qos(app, 'GetQosAttribute', { QosId: 'qos-unknown' }), documentedError('DeleteQos', 'InvalidId.Qos'));
  expectError(t, await qos(app, 'GetQosAttribute', { QosId: 'qos-unknown' }, 'XML'), documentedError('DeleteQos', 'InvalidId.Qos'), 'XML');
});

t.test('fixtures: the state dump holds QoS policies with their rules and instances, and seeds back the same state', async (t) => {
  const app = await appFor(t);
  const id = await createQos(t, app, { QosDescription: 'Desc' });
  await createPolicy(t, app, id, { Name: 'web', StartTime: '2026-01-01T08:00:00+0800', 'DpiGroupIds.1': '3' });
  await createCar(t, app, id, { LimitType: 'Percent', MinBandwidthPercent: '10', MaxBandwidthPercent: '20', PercentSourceType: 'CcnBandwidth' });
  expectSuccess(t, 'AssociateQos', await qos(app, 'AssociateQos', { QosId: id, SmartAGId: HARDWARE }));
  const state = (await control(app, 'GET', '/state')).json();
  const account = state.accounts.find((a: { id: string }) => a.id === ACCOUNT);
  t.match(account.qoses, [{ id, name: 'office', description: 'Desc', smartAGIds: [HARDWARE], policies: [{ name: 'web', ipProtocol: 'TCP', dpiGroupIds: ['3'] }], cars: [{ limitType: 'Percent', percentSourceType: 'CcnBandwidth' }] }]);
  const seeded = await control(app, 'POST', '/seed', state);
  t.equal(seeded.status, 200, seeded.body);
  t.strictSame((await control(app, 'GET', '/state')).json(), state, 'export then import gives the same state');
  t.match(expectSuccess(t, 'DescribeQoses', await qos(app, 'DescribeQoses', {})).Qoses.Qos, [{ QosId: id, SagCount: '1' }]);

  const broken = structuredClone(state);
  broken.accounts.find((a: { id: string }) => a.id === ACCOUNT).qoses[0].smartAGIds = [APP];
  const refused = await control(app, 'POST', '/seed', broken);
  t.equal(refused.status, 400);
  t.match(refused.body, /SAG APP instance, which takes no QoS/);
});
