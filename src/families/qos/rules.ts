/**
 * The value rules of QoS policies and their rules, from the metadata's
 * parameter descriptions. Protocols, CIDR blocks and port ranges follow
 * the ACL rules' (acls/rules.ts): the same product, the same five-tuple.
 */
import { apiError, type CatalogueCode } from '../../protocol/errors';
import { isDpiIdList, isPortRange, isRuleCidr, portsFitProtocol, protocolOf } from '../acls/rules';

/** Quotas (README, "How the emulator decides"). */
export const QOSES_PER_ACCOUNT = 10;
export const POLICIES_PER_QOS = 50;
export const CARS_PER_QOS = 50;
export const QOSES_PER_INSTANCE = 1;

/** CreateQosPolicy, CreateQosCar and DescribeQosPolicies name 1-3; ModifyQosCar documents 1-7. */
export const MAX_PRIORITY = 3;
export const MAX_MODIFIED_CAR_PRIORITY = 7;

export const LIMIT_TYPES = ['Absolute', 'Percent'];
export const PERCENT_SOURCE_TYPES = ['CcnBandwidth', 'InternetUpBandwidth'];
export const DEFAULT_PERCENT_SOURCE_TYPE = 'InternetUpBandwidth';

/** 2-100 characters, a letter (Chinese included) first, then letters, digits, `.`, `_`, `-`. */
const QOS_NAME = /^\p{L}[\p{L}0-9._-]{1,99}$/u;
/** Traffic classification rules: 2-100, without `.`. */
const POLICY_NAME = /^\p{L}[\p{L}0-9_-]{1,99}$/u;
/** Rate-limit rules: 2-128, with `.`. */
const CAR_NAME = /^\p{L}[\p{L}0-9._-]{1,127}$/u;
/** 1-512 characters, a letter first, then letters, digits, `_`, `-`. */
const DESCRIPTION = /^\p{L}[\p{L}0-9_-]{0,511}$/u;
/** The documented `YYYY-MM-DDThh:mm:ss+0800`. */
const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0800$/;

function refuse(code: CatalogueCode): never {
  throw apiError(code);
}

export const isQosName = (name: string) => QOS_NAME.test(name);
export const isPolicyName = (name: string) => POLICY_NAME.test(name);
export const isCarName = (name: string) => CAR_NAME.test(name);
export const isDescription = (text: string) => DESCRIPTION.test(text);

export function isPriority(priority: number, max = MAX_PRIORITY): boolean {
  return Number.isInteger(priority) && priority >= 1 && priority <= max;
}

/** Milliseconds since the epoch of a documented time, or undefined. */
export function timeOf(text: string): number | undefined {
  if (!TIME.test(text)) return undefined;
  const ms = Date.parse(text.replace(/\+0800$/, '+08:00'));
  return Number.isNaN(ms) ? undefined : ms;
}

export function checkedDescription(text: string | undefined): string | undefined {
  if (text !== undefined && !isDescription(text)) refuse('InvalidParameter.Description');
  return text;
}

/** A traffic classification rule's values as Create/ModifyQosPolicy take them. */
export interface PolicyValues {
  Name?: string;
  Description?: string;
  Priority?: number;
  IpProtocol?: string;
  SourceCidr?: string;
  DestCidr?: string;
  SourcePortRange?: string;
  DestPortRange?: string;
  StartTime?: string;
  EndTime?: string;
  DpiSignatureIds?: string[];
  DpiGroupIds?: string[];
}

/** The five-tuple and the times of the rule as it will be; answers the upper-case protocol. */
export interface PolicyShape {
  ipProtocol: string;
  sourcePortRange: string;
  destPortRange: string;
  startTime: string;
  endTime: string;
}

export function checkedProtocol(text: string): string {
  return protocolOf(text) ?? refuse('NotSupportedProtocol (QoS)');
}

/** Checks in the order of the parameter table; every field is checked when given. */
export function checkPolicyValues(values: PolicyValues, shape: PolicyShape): void {
  if (values.Name !== undefined && !isPolicyName(values.Name)) refuse('InvalidParameter.Name');
  checkedDescription(values.Description);
  if (values.Priority !== undefined && !isPriority(values.Priority)) refuse('InvalidParameter.Priority');
  if (values.SourceCidr !== undefined && !isRuleCidr(values.SourceCidr)) refuse('InvalidParameter.SourceCidr');
  if (values.DestCidr !== undefined && !isRuleCidr(values.DestCidr)) refuse('InvalidParameter.DestCidr');
  if (!isPortRange(shape.sourcePortRange)) refuse('InvalidParameter.SourcePortRange');
  if (!isPortRange(shape.destPortRange)) refuse('InvalidParameter.DestPortRange');
  // Ports mean nothing to ALL, ICMP and GRE: only -1/-1 fits them.
  if (!portsFitProtocol(shape.ipProtocol, shape.sourcePortRange, shape.destPortRange)) refuse('InvalidPortRange');
  const start = shape.startTime === '' ? undefined : timeOf(shape.startTime) ?? refuse('InvalidParameter.StartTime');
  const end = shape.endTime === '' ? undefined : timeOf(shape.endTime) ?? refuse('InvalidParameter.EndTime');
  if (start !== undefined && end !== undefined && end < start) refuse('InvalidTimeRangeCompare');
  if (values.DpiSignatureIds !== undefined && !isDpiIdList(values.DpiSignatureIds)) refuse('InvalidParameter (403)');
  if (values.DpiGroupIds !== undefined && !isDpiIdList(values.DpiGroupIds)) refuse('InvalidParameter (403)');
}

/** A rate-limit rule's bandwidths as they will be stored. */
export interface CarLimits {
  limitType: string;
  minBandwidthAbs: number;
  maxBandwidthAbs: number;
  minBandwidthPercent: number;
  maxBandwidthPercent: number;
  percentSourceType: string;
}

export interface CarValues {
  LimitType?: string;
  MinBandwidthAbs?: number;
  MaxBandwidthAbs?: number;
  MinBandwidthPercent?: number;
  MaxBandwidthPercent?: number;
  PercentSourceType?: string;
}

/**
 * The limits a Create/ModifyQosCar leaves: the type's own values are
 * required (MissParameter.*) and kept, the other type's are cleared (PercentSourceType kept, InternetUpBandwidth by default), so
 * that a rule reads as what it limits by.
 */
export function checkedLimits(values: CarValues, before?: CarLimits): CarLimits {
  const limitType = values.LimitType ?? before?.limitType ?? '';
  if (!LIMIT_TYPES.includes(limitType)) refuse('InvalidParameter.LimitType');
  const kept = before && before.limitType === limitType ? before : undefined;
  if (limitType === 'Absolute') {
    const min = values.MinBandwidthAbs ?? kept?.minBandwidthAbs ?? refuse('MissParameter.MinBandwidthAbs');
    const max = values.MaxBandwidthAbs ?? kept?.maxBandwidthAbs ?? refuse('MissParameter.MaxBandwidthAbs');
    if (min < 0 || max < 1) refuse('InvalidParameter (403)');
    if (max < min) refuse('InvalidBandwidthCompare');
    // The Terraform provider reads PercentSourceType back for any rule and expects its default.
    const source = values.PercentSourceType ?? kept?.percentSourceType ?? DEFAULT_PERCENT_SOURCE_TYPE;
    if (!PERCENT_SOURCE_TYPES.includes(source)) refuse('InvalidParameter.PercentSourceType');
    return { limitType, minBandwidthAbs: min, maxBandwidthAbs: max, minBandwidthPercent: 0, maxBandwidthPercent: 0, percentSourceType: source };
  }
  const min = values.MinBandwidthPercent ?? kept?.minBandwidthPercent ?? refuse('MissParameter.MinBandwidthPercent');
  const max = values.MaxBandwidthPercent ?? kept?.maxBandwidthPercent ?? refuse('MissParameter.MaxBandwidthPercent');
  if (min < 1 || min > 100 || max < 1 || max > 100) refuse('InvalidParameter (403)');
  if (max < min) refuse('InvalidBandwidthCompare');
  const source = values.PercentSourceType ?? kept?.percentSourceType ?? refuse('MissParameter.PercentSourceType');
  if (!PERCENT_SOURCE_TYPES.includes(source)) refuse('InvalidParameter.PercentSourceType');
  return { limitType, minBandwidthAbs: 0, maxBandwidthAbs: 0, minBandwidthPercent: min, maxBandwidthPercent: max, percentSourceType: source };
}
