/**
 * Replays what the Terraform provider does for alicloud_smartag_flow_log
 * (resource_alicloud_smartag_flow_log.go, DescribeSmartagFlowLog and
 * SmartagFlowLogStateRefreshFunc in service_alicloud_sag.go, and the data
 * source alicloud_smartag_flow_logs) through the tea RPC client it uses:
 * create, then the update steps of a new resource (a status change only)
 * and the read; an update of every attribute and its read; status changes
 * with their waits; delete and the destroy check.
 */
import t, { type Test } from 'tap';
import { expectGoneAtFirstPoll, expectStatusAtFirstPoll, readAs, type Body, type Fields, type Provider } from '../helpers/terraform';
import { startTeaRpcProvider } from '../helpers/tea-rpc';

const NAME = 'tf-testacccn-hangzhousmartagflowlog12345';

/** DescribeSmartagFlowLog: DescribeFlowLogs by FlowLogId (first page), the first element, which must be the id. */
function readFlowLog(provider: Provider, id: string) {
  return readAs(async () => {
    const [first] = (await provider.call('DescribeFlowLogs', { FlowLogId: id })).FlowLogs.FlowLogSetType;
    return first?.FlowLogId === id ? first as Body : undefined;
  });
}

/** The resource's state after its read: the attributes it sets, as Terraform would hold them. */
function stateOf(object: Body) {
  return {
    active_aging: object.ActiveAging === 0 ? undefined : Number(object.ActiveAging),
    description: object.Description,
    flow_log_name: object.Name,
    inactive_aging: object.InactiveAging === 0 ? undefined : Number(object.InactiveAging),
    logstore_name: object.LogstoreName,
    netflow_server_ip: object.NetflowServerIp,
    // formatInt: the documented string answer parses as an integer.
    netflow_server_port: Number.parseInt(object.NetflowServerPort, 10),
    netflow_version: object.NetflowVersion,
    output_type: object.OutputType,
    project_name: object.ProjectName,
    sls_region_id: object.SlsRegionId,
    status: object.Status,
  };
}

/** resourceAlicloudSmartagFlowLogCreate: the configured attributes it sends, then the new resource's update (status only) and the read. */
async function createFlowLog(t: Test, provider: Provider, config: Fields & { status?: string }) {
  const request: Fields = {
    ActiveAging: config.ActiveAging, Description: config.Description, Name: config.Name, InactiveAging: config.InactiveAging,
    OutputType: config.OutputType, LogstoreName: config.LogstoreName, NetflowServerIp: config.NetflowServerIp,
    NetflowServerPort: config.NetflowServerPort, ProjectName: config.ProjectName, NetflowVersion: config.NetflowVersion, SlsRegionId: config.SlsRegionId,
  };
  const { FlowLogId: id } = await provider.call('CreateFlowLog', request);
  t.match(id, /^fl-[a-z0-9]{18}$/, 'the id the provider stores');
  if (config.status !== undefined) await changeStatus(t, provider, id, config.status);
  const object = await readFlowLog(provider, id);
  t.ok(object, 'read after create: present');
  return { id, state: stateOf(object!) };
}

/** The update's status step: ActiveFlowLog or DeactiveFlowLog, then the wait for that Status. */
async function changeStatus(t: Test, provider: Provider, id: string, status: string) {
  await provider.call(status === 'Active' ? 'ActiveFlowLog' : 'DeactiveFlowLog', { FlowLogId: id });
  await expectStatusAtFirstPoll(t, `status wait for ${status}`, () => readFlowLog(provider, id), status);
}

t.test('alicloud_smartag_flow_log, output all: create, read, update every attribute, Inactive, Active, delete, gone', async (t) => {
  const provider = await startTeaRpcProvider(t, { fixtures: null });
  const config = {
    NetflowServerPort: 9995, LogstoreName: NAME, Description: NAME, ActiveAging: 300, ProjectName: NAME, NetflowServerIp: '192.168.0.2',
    NetflowVersion: 'V9', InactiveAging: 15, Name: NAME, SlsRegionId: 'cn-hangzhou', OutputType: 'all',
  };
  const { id, state } = await createFlowLog(t, provider, config);
  t.same(state, {
    active_aging: 300, description: NAME, flow_log_name: NAME, inactive_aging: 15, logstore_name: NAME, netflow_server_ip: '192.168.0.2',
    netflow_server_port: 9995, netflow_version: 'V9', output_type: 'all', project_name: NAME, sls_region_id: 'cn-hangzhou', status: 'Active',
  }, 'read after create: every attribute as configured, a new flow log Active');

  // The second step of the provider's acceptance test: every attribute changed; ModifyFlowLogAttribute carries them all.
  const updated = `${NAME}_update`;
  await provider.call('ModifyFlowLogAttribute', {
    FlowLogId: id, Description: updated, Name: updated, InactiveAging: 20, LogstoreName: updated, NetflowServerIp: '192.168.0.1',
    NetflowServerPort: 9999, NetflowVersion: 'V10', OutputType: 'all', ProjectName: updated, SlsRegionId: 'cn-hangzhou', ActiveAging: 400,
  });
  t.same(stateOf((await readFlowLog(provider, id))!), {
    active_aging: 400, description: updated, flow_log_name: updated, inactive_aging: 20, logstore_name: updated, netflow_server_ip: '192.168.0.1',
    netflow_server_port: 9999, netflow_version: 'V10', output_type: 'all', project_name: updated, sls_region_id: 'cn-hangzhou', status: 'Active',
  }, 'read after update');

  await changeStatus(t, provider, id, 'Inactive');
  await changeStatus(t, provider, id, 'Active');

  await provider.call('DeleteFlowLog', { FlowLogId: id });
  await expectGoneAtFirstPoll(t, 'checkResourceDestroy', () => readFlowLog(provider, id));
});

t.test('alicloud_smartag_flow_log, output netflow: computed attributes come back, the sls fields sent empty change nothing', async (t) => {
  const provider = await startTeaRpcProvider(t, { fixtures: null });
  const { id, state } = await createFlowLog(t, provider, { NetflowServerPort: 9995, NetflowServerIp: '192.168.0.2', NetflowVersion: 'V9', OutputType: 'netflow' });
  t.match(state, { output_type: 'netflow', netflow_server_port: 9995, netflow_version: 'V9', active_aging: 300, inactive_aging: 15, logstore_name: '', project_name: '', sls_region_id: '', status: 'Active' });
  // A change of the collector's port: the provider always sends LogstoreName, ProjectName and SlsRegionId, empty here.
  await provider.call('ModifyFlowLogAttribute', {
    FlowLogId: id, NetflowServerIp: '192.168.0.2', NetflowServerPort: 2055, NetflowVersion: 'V9', OutputType: 'netflow', InactiveAging: 15,
    LogstoreName: '', ProjectName: '', SlsRegionId: '',
  });
  t.match(stateOf((await readFlowLog(provider, id))!), { netflow_server_port: 2055, output_type: 'netflow', logstore_name: '' }, 'read after update');
  await provider.call('DeleteFlowLog', { FlowLogId: id });
  await expectGoneAtFirstPoll(t, 'checkResourceDestroy', () => readFlowLog(provider, id));
});

t.test('alicloud_smartag_flow_log configured Active or Inactive at creation', async (t) => {
  const provider = await startTeaRpcProvider(t, { fixtures: null });
  const sls = { LogstoreName: NAME, ProjectName: NAME, SlsRegionId: 'cn-hangzhou', OutputType: 'sls' };
  const active = await createFlowLog(t, provider, { ...sls, status: 'Active' });
  t.equal(active.state.status, 'Active', 'ActiveFlowLog on a new, already Active flow log succeeds');
  const inactive = await createFlowLog(t, provider, { ...sls, status: 'Inactive' });
  t.equal(inactive.state.status, 'Inactive');
});

t.test('data source alicloud_smartag_flow_logs: Description and Status on the server, ids and names on the client', async (t) => {
  const provider = await startTeaRpcProvider(t, { fixtures: null });
  const config = { LogstoreName: NAME, ProjectName: NAME, SlsRegionId: 'cn-hangzhou', OutputType: 'all', NetflowServerIp: '192.168.0.2', Name: NAME, Description: NAME };
  const { id } = await createFlowLog(t, provider, config);
  await createFlowLog(t, provider, { ...config, Name: 'other', Description: 'other' });
  const list = async (fields: Fields) => (await provider.call('DescribeFlowLogs', { PageSize: 50, PageNumber: 1, ...fields })).FlowLogs.FlowLogSetType as Body[];
  const byDescription = await list({ Description: NAME });
  t.same(byDescription.map((item) => item.FlowLogId), [id]);
  t.match(byDescription[0], { Status: 'Active', ResourceGroupId: /^rg-acfm[a-z0-9]{11}$/, Name: NAME });
  t.same((await list({ Status: 'Active' })).filter((item) => item.FlowLogId === id).length, 1, 'status filter: Active');
  t.same(await list({ Status: 'Inactive' }), [], 'status filter: none Inactive');
  t.same((await list({})).filter((item) => /^tf-testAcc/i.test(item.Name)).map((item) => item.FlowLogId), [id], 'name_regex, on the client');
});
