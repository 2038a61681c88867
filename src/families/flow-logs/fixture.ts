/**
 * Flow logs in fixtures: `flowLogs: [{ id, regionId, name, description,
 * status, outputType, activeAging, inactiveAging, slsRegionId, projectName,
 * logstoreName, netflowServerIp, netflowServerPort, netflowVersion,
 * smartAGIds }]` under an account. The settings must hold together as
 * CreateFlowLog would require; quotas bind the API, not fixtures.
 */
import type { AccountBasics, FixtureSection } from '../../fixtures/section';
import type { Store } from '../../storage/store';
import { FLOW_LOG_MODEL } from './flow-logs-table';
import { FLOW_LOGS_PER_INSTANCE, settingsProblem } from './rules';

export interface FixtureFlowLog {
  id: string;
  regionId: string;
  name: string;
  description: string;
  status: string;
  outputType: string;
  activeAging: number;
  inactiveAging: number;
  slsRegionId: string;
  projectName: string;
  logstoreName: string;
  netflowServerIp: string;
  netflowServerPort: number;
  netflowVersion: string;
  /** SAG-1000 instances of the account in the flow log's region that it captures. */
  smartAGIds: string[];
  createdAt?: number;
}

export interface AccountWithFlowLogs extends AccountBasics {
  flowLogs?: FixtureFlowLog[];
}

/** Which setting a problem code names, for the JSON path of a fixture error. */
const FIELD_OF_PROBLEM: Record<string, string> = {
  'IllegalParam.ActiveAging': 'activeAging',
  'IllegalParam.InactiveAging': 'inactiveAging',
  'IllegalParam.OutputType': 'outputType',
  'MissingParam.SlsRegionId': 'slsRegionId',
  'IllegalParam.SlsRegionId': 'slsRegionId',
  'MissingParam.ProjectName': 'projectName',
  'MissingParam.LogstoreName': 'logstoreName',
  'MissingParam.NetflowServerIp': 'netflowServerIp',
  'IllegalParam.NetflowServerIp': 'netflowServerIp',
  'IllegalParam.NetflowServerPort': 'netflowServerPort',
  'IllegalParam.NetflowVersion': 'netflowVersion',
};

export const flowLogFixtures: FixtureSection<AccountWithFlowLogs> = {
  check(account, at, fail) {
    const instances = new Map((account.instances ?? []).map((instance) => [instance.id, instance]));
    const ids = new Set<string>();
    const flowLogsOfInstance = new Map<string, number>();
    (account.flowLogs ?? []).forEach((flowLog, f) => {
      const fat = `${at}/flowLogs/${f}`;
      if (ids.has(flowLog.id)) fail(`${fat}/id`, `flow log ${flowLog.id} is defined twice in this account`);
      ids.add(flowLog.id);
      const problem = settingsProblem(flowLog);
      if (problem) fail(`${fat}/${FIELD_OF_PROBLEM[problem]}`, `does not fit outputType ${flowLog.outputType} (the API would answer ${problem})`);
      flowLog.smartAGIds.forEach((sagId, s) => {
        const instance = instances.get(sagId);
        if (!instance || instance.regionId !== flowLog.regionId) return fail(`${fat}/smartAGIds/${s}`, `${sagId} is not an instance of this account in ${flowLog.regionId}`);
        if (instance.instanceType !== FLOW_LOG_MODEL) fail(`${fat}/smartAGIds/${s}`, `${sagId} is a ${instance.instanceType} instance; only ${FLOW_LOG_MODEL} devices take flow logs`);
        const count = (flowLogsOfInstance.get(sagId) ?? 0) + 1;
        if (count > FLOW_LOGS_PER_INSTANCE) fail(`${fat}/smartAGIds/${s}`, `${sagId} is already captured by another flow log (an instance takes ${FLOW_LOGS_PER_INSTANCE})`);
        flowLogsOfInstance.set(sagId, count);
      });
    });
  },
  insert(store, account, now) {
    for (const { smartAGIds, createdAt, ...flowLog } of account.flowLogs ?? []) {
      store.flowLogs.insert({ accountId: account.id, ...flowLog, createdAt: createdAt ?? now });
      for (const sagId of smartAGIds) store.associations.add(account.id, 'flow_log', flowLog.id, sagId, createdAt ?? now);
    }
  },
  dump(store: Store, accountId: string) {
    const flowLogs = store.flowLogs.list({ accountId });
    if (flowLogs.length === 0) return {};
    const instances = store.associations.instancesOfEach(accountId, 'flow_log', flowLogs.map((flowLog) => flowLog.id));
    return {
      flowLogs: flowLogs.map((flowLog) => ({
        id: flowLog.id,
        regionId: flowLog.regionId,
        name: flowLog.name,
        description: flowLog.description,
        status: flowLog.status,
        outputType: flowLog.outputType,
        activeAging: flowLog.activeAging,
        inactiveAging: flowLog.inactiveAging,
        slsRegionId: flowLog.slsRegionId,
        projectName: flowLog.projectName,
        logstoreName: flowLog.logstoreName,
        netflowServerIp: flowLog.netflowServerIp,
        netflowServerPort: flowLog.netflowServerPort,
        netflowVersion: flowLog.netflowVersion,
        smartAGIds: instances.get(flowLog.id) ?? [],
        createdAt: flowLog.createdAt,
      })),
    };
  },
};
