/**
 * How QoS policies and their rules read: one object literal per view, in
 * the field order of the documented response.
 */
import { defaultResourceGroupId } from '../../model/ids';
import type { Qos, QosCar, QosPolicy } from './qos-table';
import { timeOf } from './rules';

function idList(text: string): string[] {
  return text === '' ? [] : text.split(',');
}

/** An item of DescribeQoses' `Qoses.Qos[]`; SmartAGIds is comma separated, as documented. */
export function qosView(qos: Qos, instanceIds: readonly string[]) {
  return {
    QosDescription: qos.description,
    SagCount: String(instanceIds.length),
    SmartAGIds: instanceIds.join(','),
    QosId: qos.id,
    QosName: qos.name,
    ResourceGroupId: defaultResourceGroupId(qos.accountId),
  };
}

/** CreateQosPolicy's answer and DescribeQosPolicies' items: the rule as stored. */
export function policyView(policy: QosPolicy) {
  return {
    DpiSignatureIds: { DpiSignatureId: idList(policy.dpiSignatureIds) },
    IpProtocol: policy.ipProtocol,
    QosId: policy.qosId,
    Priority: policy.priority,
    EndTime: policy.endTime,
    StartTime: policy.startTime,
    Description: policy.description,
    DestCidr: policy.destCidr,
    DestPortRange: policy.destPortRange,
    QosPolicyId: policy.id,
    Name: policy.name,
    SourceCidr: policy.sourceCidr,
    SourcePortRange: policy.sourcePortRange,
    DpiGroupIds: { DpiGroupId: idList(policy.dpiGroupIds) },
  };
}

/** GetQosAttribute's items of QosPolicies[]: times as milliseconds, as its integer fields are documented. */
export function policyAttribute(policy: QosPolicy) {
  return {
    EndTime: policy.endTime === '' ? 0 : timeOf(policy.endTime) ?? 0,
    StartTime: policy.startTime === '' ? 0 : timeOf(policy.startTime) ?? 0,
    DestCidr: policy.destCidr,
    DestPortRange: policy.destPortRange,
    IpProtocol: policy.ipProtocol,
    Priority: policy.priority,
    QosPolicieDescription: policy.description,
    SourceCidr: policy.sourceCidr,
    QosPolicieName: policy.name,
    SourcePortRange: policy.sourcePortRange,
  };
}

/** CreateQosCar's answer: the rule as stored, without the name, as documented. */
export function createdCarView(car: QosCar) {
  return {
    MinBandwidthAbs: car.minBandwidthAbs,
    Description: car.description,
    QosCarId: car.id,
    MaxBandwidthAbs: car.maxBandwidthAbs,
    MaxBandwidthPercent: car.maxBandwidthPercent,
    Priority: car.priority,
    QosId: car.qosId,
    PercentSourceType: car.percentSourceType,
    MinBandwidthPercent: car.minBandwidthPercent,
    LimitType: car.limitType,
  };
}

/** An item of DescribeQosCars' `QosCars.QosCar[]`. */
export function carView(car: QosCar) {
  return {
    MaxBandwidthAbs: car.maxBandwidthAbs,
    PercentSourceType: car.percentSourceType,
    MinBandwidthAbs: car.minBandwidthAbs,
    MaxBandwidthPercent: car.maxBandwidthPercent,
    Description: car.description,
    QosId: car.qosId,
    LimitType: car.limitType,
    Priority: car.priority,
    Name: car.name,
    MinBandwidthPercent: car.minBandwidthPercent,
    QosCarId: car.id,
  };
}

/** GetQosAttribute's items of QosCars[]. */
export function carAttribute(car: QosCar) {
  return {
    MaxBandwidthAbs: car.maxBandwidthAbs,
    QosCarName: car.name,
    PercentSourceType: car.percentSourceType,
    MinBandwidthAbs: car.minBandwidthAbs,
    MaxBandwidthPercent: car.maxBandwidthPercent,
    QosCarDescription: car.description,
    LimitType: car.limitType,
    Priority: car.priority,
    MinBandwidthPercent: car.minBandwidthPercent,
    QosCarId: car.id,
  };
}
