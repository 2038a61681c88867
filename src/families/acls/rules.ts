/**
 * What the ACL operations accept (the parameter descriptions of CreateACL,
 * AddACLRule and ModifyACLRule), as predicates the fixture loader shares, and
 * the checks that answer the documented errors. Quotas are the product's
 * limits page: 10 ACLs per account, 50 rules per ACL, 1 ACL per instance.
 */
import { apiError, type CatalogueCode } from '../../protocol/errors';
import { parseCidr } from '../../model/cidr';

export const ACL_TYPES = ['acl-hardware', 'acl-software'] as const;
export const DEFAULT_ACL_TYPE = 'acl-hardware';
export const ACLS_PER_ACCOUNT = 10;
export const RULES_PER_ACL = 50;
export const ACLS_PER_INSTANCE = 1;

export const DIRECTIONS = ['in', 'out'];
export const POLICIES = ['accept', 'drop'];
/** The console's protocols; the parameter is case-insensitive and answered in upper case. */
export const PROTOCOLS = ['ALL', 'TCP', 'UDP', 'ICMP', 'GRE'];
/** Protocols without ports take only the "any port" range. */
const PORTLESS_PROTOCOLS = new Set(['ALL', 'ICMP', 'GRE']);
export const ANY_PORTS = '-1/-1';
export const RULE_TYPES = ['LAN', 'WAN'];
const MIN_PRIORITY = 1;
const MAX_PRIORITY = 100;
/** AddACLRule: "Maximum value of N: 10" for both lists (the metadata's maxItems of 100 is the gateway's). */
const MAX_DPI_IDS = 10;

// A letter of any script first (the documents say "a letter or a Chinese character").
const ACL_NAME = /^\p{L}[\p{L}0-9_-]{1,127}$/u;
const RULE_NAME = /^\p{L}[\p{L}0-9._-]{1,99}$/u;
const PORT_RANGE = /^(-1|[0-9]{1,5})\/(-1|[0-9]{1,5})$/;
const DPI_ID = /^[0-9]{1,10}$/;

/** 2-128 characters: a letter first, then letters, digits, `_` and `-`. */
export function isAclName(name: string): boolean {
  return ACL_NAME.test(name);
}

/** 2-100 characters: a letter first, then letters, digits, `.`, `_` and `-`. */
export function isRuleName(name: string): boolean {
  return RULE_NAME.test(name);
}

export function isRuleDescription(description: string): boolean {
  const length = [...description].length;
  return length >= 1 && length <= 512;
}

/** `from/to`: both -1 (any port), or 1-65535 with from <= to. */
export function isPortRange(range: string): boolean {
  const match = PORT_RANGE.exec(range);
  if (!match) return false;
  const [from, to] = [Number(match[1]), Number(match[2])];
  if (from === -1 || to === -1) return from === to;
  return from >= 1 && to <= 65535 && from <= to;
}

/** The stored (upper-case) protocol, or undefined for one the product does not support. */
export function protocolOf(text: string): string | undefined {
  const protocol = text.toUpperCase();
  return PROTOCOLS.includes(protocol) ? protocol : undefined;
}

export function portsFitProtocol(protocol: string, sourcePortRange: string, destPortRange: string): boolean {
  return !PORTLESS_PROTOCOLS.has(protocol) || (sourcePortRange === ANY_PORTS && destPortRange === ANY_PORTS);
}

export function isRuleCidr(text: string): boolean {
  return parseCidr(text) !== undefined;
}

export function isPriority(priority: number): boolean {
  return Number.isInteger(priority) && priority >= MIN_PRIORITY && priority <= MAX_PRIORITY;
}

export function isDpiIdList(ids: readonly string[]): boolean {
  return ids.length <= MAX_DPI_IDS && ids.every((id) => DPI_ID.test(id));
}

/** The product's own InvalidParameter (403), with the parameter it refuses in Description. */
function invalid(name: string, why: string): never {
  throw apiError('InvalidParameter (403)', { description: `${name} ${why}` });
}

function refuse(code: CatalogueCode): never {
  throw apiError(code);
}

/** A rule's values as AddACLRule and ModifyACLRule take them; every field is checked when given. */
export interface RuleValues {
  Name?: string;
  Description?: string;
  Direction?: string;
  Policy?: string;
  IpProtocol?: string;
  SourceCidr?: string;
  DestCidr?: string;
  SourcePortRange?: string;
  DestPortRange?: string;
  Priority?: number;
  DpiSignatureIds?: string[];
  DpiGroupIds?: string[];
}

/**
 * Checks in the order of the parameter table and answers the upper-case
 * protocol. Ports are checked against the protocol the rule will have
 * (`protocol`, for a ModifyACLRule that changes only one of them).
 */
export function checkRuleValues(values: RuleValues, protocol: string, ports: { source: string; dest: string }): void {
  if (values.Name !== undefined && !isRuleName(values.Name)) invalid('Name', 'is 2-100 characters: a letter, then letters, digits, ".", "_" or "-"');
  if (values.Description !== undefined && !isRuleDescription(values.Description)) refuse('InvalidDescription (403)');
  if (values.Direction !== undefined && !DIRECTIONS.includes(values.Direction)) invalid('Direction', 'is in or out');
  if (values.Policy !== undefined && !POLICIES.includes(values.Policy)) invalid('Policy', 'is accept or drop');
  if (values.SourceCidr !== undefined && !isRuleCidr(values.SourceCidr)) invalid('SourceCidr', 'is a CIDR block such as 192.168.1.0/24');
  if (values.DestCidr !== undefined && !isRuleCidr(values.DestCidr)) invalid('DestCidr', 'is a CIDR block such as 192.168.10.0/24');
  if (!isPortRange(ports.source) || !isPortRange(ports.dest)) refuse('InvalidPortRange');
  if (!portsFitProtocol(protocol, ports.source, ports.dest)) refuse('InvalidPortRange');
  if (values.Priority !== undefined && !isPriority(values.Priority)) invalid('Priority', `is from ${MIN_PRIORITY} to ${MAX_PRIORITY}`);
  if (values.DpiSignatureIds !== undefined && !isDpiIdList(values.DpiSignatureIds)) invalid('DpiSignatureIds', `holds at most ${MAX_DPI_IDS} numeric ids`);
  if (values.DpiGroupIds !== undefined && !isDpiIdList(values.DpiGroupIds)) invalid('DpiGroupIds', `holds at most ${MAX_DPI_IDS} numeric ids`);
}

/** The upper-case protocol of an IpProtocol parameter, or NotSupportedProtocol. */
export function checkedProtocol(text: string): string {
  return protocolOf(text) ?? refuse('NotSupportedProtocol');
}

/**
 * A WAN rule needs an ACL of devices (SAG APP clients have no WAN side) that
 * no SAG-1000 uses: the SAG-1000 filters only its private side.
 */
export function checkRuleType(type: string, aclType: string, associatedModels: readonly string[]): void {
  if (type !== 'WAN') return;
  if (aclType !== DEFAULT_ACL_TYPE) refuse('ACL.InvalidType');
  if (associatedModels.includes('sag-1000')) refuse('ACL.NoSupportWanType');
}
