/**
 * Contract: a flow log's whole life cycle through the official client a
 * generated Smartag SDK uses (v3 signature, strict emulator): create, read,
 * update, deactivate and activate, associate, disassociate, delete, read
 * after delete.
 */
import t from 'tap';
import { officialClient } from '../helpers/official-client';

const HZ = { RegionId: 'cn-hangzhou' };
const HARDWARE = 'sag-hardware0001';

t.test('a flow log from creation to deletion', async (t) => {
  const api = await officialClient(t);
  const { FlowLogId } = await api.ok('CreateFlowLog', { ...HZ, Name: 'lifecycle', OutputType: 'sls', SlsRegionId: 'cn-hangzhou', ProjectName: 'p', LogstoreName: 'l' });
  const listed = async () => (await api.ok('DescribeFlowLogs', { ...HZ, FlowLogId })).FlowLogs.FlowLogSetType;
  t.match(await listed(), [{ FlowLogId, Name: 'lifecycle', Status: 'Active', OutputType: 'sls', TotalSagNum: 0, ActiveAging: 300 }], 'read after create');

  await api.ok('ModifyFlowLogAttribute', { ...HZ, FlowLogId, OutputType: 'all', NetflowServerIp: '10.1.1.1', ActiveAging: 600 });
  t.match(await listed(), [{ OutputType: 'all', NetflowServerIp: '10.1.1.1', NetflowServerPort: '9995', ActiveAging: 600, LogstoreName: 'l' }], 'read after update');

  await api.ok('DeactiveFlowLog', { ...HZ, FlowLogId });
  t.match(await listed(), [{ Status: 'Inactive' }], 'deactivated');
  await api.ok('ActiveFlowLog', { ...HZ, FlowLogId });
  t.match(await listed(), [{ Status: 'Active' }], 'activated');

  const unbound = async () => (await api.ok('DescribeUnbindFlowLogSags', HZ)).Sags.Sag.map((sag: { SmartAGId: string }) => sag.SmartAGId);
  t.same(await unbound(), [HARDWARE], 'the SAG-1000 device is free');
  await api.ok('AssociateFlowLog', { ...HZ, FlowLogId, SmartAGId: HARDWARE });
  t.match(await listed(), [{ TotalSagNum: 1 }], 'associated with one instance');
  t.match((await api.ok('DescribeFlowLogSags', { ...HZ, FlowLogId })).Sags.Sag, [{ SmartAGId: HARDWARE }]);
  t.same(await unbound(), []);
  t.match(await api.fails('DeleteFlowLog', { ...HZ, FlowLogId }), { code: 'DependencyViolation.FlowLog', statusCode: 400, message: 'This FlowLog instance is bound to an SAG instance.' });
  await api.ok('DisassociateFlowLog', { ...HZ, FlowLogId, SmartAGId: HARDWARE });
  t.match(await listed(), [{ TotalSagNum: 0 }], 'disassociated');

  await api.ok('DeleteFlowLog', { ...HZ, FlowLogId });
  t.same(await listed(), [], 'read after delete: not listed');
  t.match(await api.fails('DescribeFlowLogSags', { ...HZ, FlowLogId }), { code: 'InvalidFlowLogId.NotFound', statusCode: 400, message: 'The specified FlowLogId does not exist.' });
});
