/**
 * How an instance reads in DescribeSmartAccessGateways and
 * DescribeSmartAccessGatewayAttribute: every documented field, from the
 * model where it holds the fact, otherwise the value of a gateway with that
 * feature unused (empty text, zero, false, empty list).
 */
import { defaultResourceGroupId } from '../../model/ids';
import { SAG_APP_TYPE, type Instance } from './instances-table';
import type { Ccn } from '../ccns/ccns-table';

/** `20M` for 20000 Kbps, `512K` below a whole megabit. */
function bandwidthText(kbps: number): string {
  return kbps % 1000 === 0 ? `${kbps / 1000}M` : `${kbps}K`;
}

function serialNumbers(instance: Instance): string[] {
  return instance.serialNumber === '' ? [] : instance.serialNumber.split(',');
}

/** A tunnel is up when an active instance is bound to a CCN. */
function tunnelStatus(instance: Instance): string {
  return instance.ccnId !== null && instance.status === 'Active' ? 'up' : 'down';
}

function ccnLink(instance: Instance, ccn: Ccn) {
  return {
    Type: 'ccn',
    Status: 'Active',
    EndTime: instance.endTime,
    Bandwidth: bandwidthText(instance.maxBandwidth),
    RelateInstanceRegionId: ccn.regionId,
    RelateInstanceId: ccn.id,
    InstanceId: instance.id,
    CommodityType: 'smartag',
  };
}

/** The attribute view's link: the list's, and HealthCheckTargetIp. */
function ccnAttributeLink(instance: Instance, ccn: Ccn) {
  return {
    Type: 'ccn',
    Status: 'Active',
    EndTime: instance.endTime,
    Bandwidth: bandwidthText(instance.maxBandwidth),
    RelateInstanceRegionId: ccn.regionId,
    RelateInstanceId: ccn.id,
    InstanceId: instance.id,
    CommodityType: 'smartag',
    HealthCheckTargetIp: '',
  };
}

/** The policies an instance applies, as its views list them (ids in the order they were associated). */
export interface InstancePolicies {
  aclIds: string[];
  qosIds: string[];
  flowLogIds: string[];
}

// Each view is one object literal, in the documented field order: a spread of shared fields followed by more
// made V8 build dictionary-mode objects (about 50 µs per list item; BENCHMARKS.md, "Views"). The fields both
// views share are therefore written out twice, in the same order.

/** An item of `SmartAccessGateways.SmartAccessGateway[]`. */
export function instanceListItem(instance: Instance, ccn: Ccn | undefined, policies: InstancePolicies) {
  const tunnel = tunnelStatus(instance);
  return {
    SmartAGId: instance.id,
    Name: instance.name,
    Description: instance.description,
    Status: instance.status,
    CidrBlock: instance.cidrBlocks.join(','),
    SerialNumber: instance.serialNumber,
    CreateTime: instance.createdAt,
    EndTime: instance.endTime,
    UserCount: instance.userQuota,
    DataPlan: instance.dataPlan,
    MaxBandwidth: bandwidthText(instance.maxBandwidth),
    AssociatedCcnId: ccn?.id ?? '',
    AssociatedCcnName: ccn?.name ?? '',
    RoutingStrategy: instance.routingStrategy,
    SecurityLockThreshold: instance.securityLockThreshold,
    Position: instance.position,
    EnableSoftwareConnectionAudit: instance.connectionAudit,
    ResourceGroupId: defaultResourceGroupId(instance.accountId),
    IpsecStatus: tunnel,
    VpnStatus: tunnel,
    UpBandwidth4G: 0,
    UpBandwidthWan: 0,
    City: '',
    AccessPointId: '',
    ResellerUid: '',
    ResellerInstanceId: '',
    ApplicationBandwidthPackageId: '',
    AccelerateBandwidth: 0,
    HardwareVersion: instance.instanceType === SAG_APP_TYPE ? '' : instance.instanceType,
    SoftwareVersion: instance.softwareVersion,
    BackupSoftwareVersion: '',
    BackupStatus: '',
    EnterpriseCode: instance.enterpriseCode ?? '',
    IdaasId: instance.idaasInstanceId ?? '',
    IdaasApplicationId: '',
    SmartAGUid: Number(instance.accountId),
    // Text fields in this view: the ids comma separated, as the other id lists of the API.
    AclIds: policies.aclIds.join(','),
    QosIds: policies.qosIds.join(','),
    IRIds: '',
    DpiStatus: 'Off',
    DpiMonitorStatus: 'Inactive',
    Isp: '',
    EnableAdvancedMonitor: false,
    Links: { Link: ccn ? [ccnLink(instance, ccn)] : [] },
  };
}

/** The body of DescribeSmartAccessGatewayAttribute. */
export function instanceAttribute(instance: Instance, ccn: Ccn | undefined, policies: InstancePolicies) {
  const serials = serialNumbers(instance);
  const tunnel = tunnelStatus(instance);
  return {
    SmartAGId: instance.id,
    Name: instance.name,
    Description: instance.description,
    Status: instance.status,
    CidrBlock: instance.cidrBlocks.join(','),
    SerialNumber: instance.serialNumber,
    CreateTime: instance.createdAt,
    EndTime: instance.endTime,
    UserCount: instance.userQuota,
    DataPlan: instance.dataPlan,
    MaxBandwidth: bandwidthText(instance.maxBandwidth),
    AssociatedCcnId: ccn?.id ?? '',
    AssociatedCcnName: ccn?.name ?? '',
    RoutingStrategy: instance.routingStrategy,
    SecurityLockThreshold: instance.securityLockThreshold,
    Position: instance.position,
    EnableSoftwareConnectionAudit: instance.connectionAudit,
    ResourceGroupId: defaultResourceGroupId(instance.accountId),
    IpsecStatus: tunnel,
    VpnStatus: tunnel,
    UpBandwidth4G: 0,
    UpBandwidthWan: 0,
    City: '',
    AccessPointId: '',
    ResellerUid: '',
    ResellerInstanceId: '',
    ApplicationBandwidthPackageId: '',
    AccelerateBandwidth: 0,
    InstanceType: instance.instanceType,
    BoxControllerIp: '',
    BackupBoxControllerIp: '',
    TrafficMasterSn: serials[0] ?? '',
    OptimizationType: false,
    EnableOptimization: false,
    QosIds: { QosId: policies.qosIds },
    IRIds: { IRId: [] },
    AclIds: { AclId: policies.aclIds },
    FlowLogIds: { FlowLogId: policies.flowLogIds },
    Devices: { Device: serials.map((serial, index) => device(instance, serial, index)) },
    Links: { Link: ccn ? [ccnAttributeLink(instance, ccn)] : [] },
    ApplicationBandwidthPackageName: '',
    ApplicationBandwidthPackageBussinessStatus: '',
    ApplicationBandwidthPackageOperationLocks: { LockType: '', LockReason: '' },
  };
}

/** The first device is the active one of an HA pair. */
function device(instance: Instance, serialNumber: string, index: number) {
  return {
    SerialNumber: serialNumber,
    HaState: index === 0 ? 'Active' : 'Standby',
    HcState: instance.status === 'Active' ? 'online' : 'offline',
    SoftwareVersion: instance.softwareVersion,
    SecretKey: '',
    DpiSignatureDbVersion: '',
    MonitorVersion: '',
    DistributeSkStatus: 0,
  };
}
