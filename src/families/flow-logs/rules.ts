/**
 * What the flow log operations accept (the parameter descriptions of
 * CreateFlowLog and ModifyFlowLogAttribute), as predicates the fixture loader
 * shares, and the check that answers the documented errors. A flow log's
 * output decides which fields it needs: `sls` and `all` a Log Service region,
 * project and Logstore; `netflow` and `all` a NetFlow collector's address
 * (its port and protocol version have defaults).
 */
import { apiError } from '../../protocol/errors';
import { parseIpv4 } from '../../model/cidr';

export const OUTPUT_TYPES = ['sls', 'netflow', 'all'];
export const STATUSES = ['Active', 'Inactive'];
export const NETFLOW_VERSIONS = ['V5', 'V9', 'V10'];
/** A new flow log captures at once (the provider's data source expects a new one to be Active). */
export const INITIAL_STATUS = 'Active';
export const DEFAULT_ACTIVE_AGING = 300;
export const DEFAULT_INACTIVE_AGING = 15;
export const DEFAULT_NETFLOW_PORT = 9995;
export const DEFAULT_NETFLOW_VERSION = 'V9';
/** The documents name the quota (QuotaExceeded.Flowlog) but not its size: 10 per account, as for ACLs and CCNs. */
export const FLOW_LOGS_PER_ACCOUNT = 10;
/** An instance is captured by one flow log (OperationFailed.AssociateFlowLog). */
export const FLOW_LOGS_PER_INSTANCE = 1;

const ACTIVE_AGING = { min: 60, max: 6000 };
const INACTIVE_AGING = { min: 10, max: 600 };
/** Log Service runs in more regions than Smartag: any well-formed region id (`cn-beijing`, `eu-west-1`). */
const REGION_ID = /^[a-z]{2,}(-[a-z0-9]+)+$/;

export function isActiveAging(seconds: number): boolean {
  return Number.isInteger(seconds) && seconds >= ACTIVE_AGING.min && seconds <= ACTIVE_AGING.max;
}

export function isInactiveAging(seconds: number): boolean {
  return Number.isInteger(seconds) && seconds >= INACTIVE_AGING.min && seconds <= INACTIVE_AGING.max;
}

export function isSlsRegionId(regionId: string): boolean {
  return REGION_ID.test(regionId);
}

export function isNetflowServerIp(ip: string): boolean {
  return parseIpv4(ip) !== undefined;
}

export function isNetflowPort(port: number): boolean {
  return Number.isInteger(port) && port >= 1 && port <= 65535;
}

export function usesSls(outputType: string): boolean {
  return outputType === 'sls' || outputType === 'all';
}

export function usesNetflow(outputType: string): boolean {
  return outputType === 'netflow' || outputType === 'all';
}

/** A flow log's settings, as stored (and as a call leaves them once its parameters are applied). */
export interface FlowLogSettings {
  outputType: string;
  activeAging: number;
  inactiveAging: number;
  slsRegionId: string;
  projectName: string;
  logstoreName: string;
  netflowServerIp: string;
  netflowServerPort: number;
  netflowVersion: string;
}

/**
 * The first problem of a flow log's settings, as the code that names it, in
 * the order of the parameter table; undefined when they hold together. An
 * output's fields are checked only when the output uses them.
 */
export function settingsProblem(settings: FlowLogSettings) {
  if (!isActiveAging(settings.activeAging)) return 'IllegalParam.ActiveAging' as const;
  if (!isInactiveAging(settings.inactiveAging)) return 'IllegalParam.InactiveAging' as const;
  if (!OUTPUT_TYPES.includes(settings.outputType)) return 'IllegalParam.OutputType' as const;
  if (usesSls(settings.outputType)) {
    if (settings.slsRegionId === '') return 'MissingParam.SlsRegionId' as const;
    if (!isSlsRegionId(settings.slsRegionId)) return 'IllegalParam.SlsRegionId' as const;
    if (settings.projectName === '') return 'MissingParam.ProjectName' as const;
    if (settings.logstoreName === '') return 'MissingParam.LogstoreName' as const;
  }
  if (usesNetflow(settings.outputType)) {
    if (settings.netflowServerIp === '') return 'MissingParam.NetflowServerIp' as const;
    if (!isNetflowServerIp(settings.netflowServerIp)) return 'IllegalParam.NetflowServerIp' as const;
    if (!isNetflowPort(settings.netflowServerPort)) return 'IllegalParam.NetflowServerPort' as const;
    if (!NETFLOW_VERSIONS.includes(settings.netflowVersion)) return 'IllegalParam.NetflowVersion' as const;
  }
  return undefined;
}

export function checkSettings(settings: FlowLogSettings): void {
  const problem = settingsProblem(settings);
  if (problem) throw apiError(problem);
}

/** The parameters CreateFlowLog and ModifyFlowLogAttribute share. */
export interface SettingParams {
  Name?: string;
  Description?: string;
  OutputType?: string;
  ActiveAging?: number;
  InactiveAging?: number;
  SlsRegionId?: string;
  ProjectName?: string;
  LogstoreName?: string;
  NetflowServerIp?: string;
  NetflowServerPort?: number;
  NetflowVersion?: string;
}

/** `settings` with every parameter the call names applied: Modify changes exactly what it names. */
export function applied(settings: FlowLogSettings, params: SettingParams): FlowLogSettings {
  return {
    outputType: params.OutputType ?? settings.outputType,
    activeAging: params.ActiveAging ?? settings.activeAging,
    inactiveAging: params.InactiveAging ?? settings.inactiveAging,
    slsRegionId: params.SlsRegionId ?? settings.slsRegionId,
    projectName: params.ProjectName ?? settings.projectName,
    logstoreName: params.LogstoreName ?? settings.logstoreName,
    netflowServerIp: params.NetflowServerIp ?? settings.netflowServerIp,
    netflowServerPort: params.NetflowServerPort ?? settings.netflowServerPort,
    netflowVersion: params.NetflowVersion ?? settings.netflowVersion,
  };
}

/** What a new flow log starts from before CreateFlowLog's parameters apply: the documented defaults. */
export const DEFAULT_SETTINGS: FlowLogSettings = {
  outputType: '',
  activeAging: DEFAULT_ACTIVE_AGING,
  inactiveAging: DEFAULT_INACTIVE_AGING,
  slsRegionId: '',
  projectName: '',
  logstoreName: '',
  netflowServerIp: '',
  netflowServerPort: DEFAULT_NETFLOW_PORT,
  netflowVersion: DEFAULT_NETFLOW_VERSION,
};
