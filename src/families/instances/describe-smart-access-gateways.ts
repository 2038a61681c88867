/**
 * DescribeSmartAccessGateways: the caller's instances in one region, oldest
 * first, filtered and paged in SQL. The ACL and QoS filters read the
 * instances' associations; billing is not modelled, so only Locked
 * instances are in arrears and every instance is in the account's default
 * resource group.
 */
import { ccnOfInstance } from '../ccns/lookups';
import { apiError } from '../../protocol/errors';
import { defaultResourceGroupId } from '../../model/ids';
import { LOCKED_STATUS } from './states';
import { pageOf, pageWindow } from '../../model/paging';
import { regionOf } from '../../model/regions';
import { SAG_APP_TYPE, type Instance, type InstanceCondition } from './instances-table';
import type { Ccn } from '../ccns/ccns-table';
import { instanceListItem } from './views';
import { policiesOfInstances } from './policies';
import { defineOperation, type OperationContext } from '../operation';

interface DescribeSmartAccessGatewaysParams {
  RegionId?: string;
  AssociatedCcnId?: string;
  AssociatedCcnName?: string;
  SmartAGId?: string;
  SmartAGIds?: string[];
  Status?: string;
  Name?: string;
  SerialNumber?: string;
  AclIds?: string;
  UnboundAclIds?: string;
  InstanceType?: 'software' | 'hardware';
  CanAssociateQos?: boolean;
  HardwareType?: string;
  SoftwareVersion?: string;
  VersionComparator?: string;
  BusinessState?: string;
  ResourceGroupId?: string;
  PageSize?: number;
  PageNumber?: number;
}

export default defineOperation<DescribeSmartAccessGatewaysParams>({
  action: 'DescribeSmartAccessGateways',
  handle(params, context) {
    const regionId = regionOf(params.RegionId);
    const { pageNumber, pageSize, offset } = pageWindow(params.PageNumber, params.PageSize);
    const page = instancesMatching(params, context, regionId, offset, pageSize);
    const policies = policiesOfInstances(context.store, context.accountId, page.items.map((instance) => instance.id));
    const ccns = new Map<string, Ccn | undefined>();
    const ccnOf = (instance: Instance) => {
      if (instance.ccnId === null) return undefined;
      if (!ccns.has(instance.ccnId)) ccns.set(instance.ccnId, ccnOfInstance(context, instance));
      return ccns.get(instance.ccnId);
    };
    return {
      TotalCount: page.totalCount,
      PageNumber: pageNumber,
      PageSize: pageSize,
      SmartAccessGateways: {
        SmartAccessGateway: page.items.map((instance) => instanceListItem(instance, ccnOf(instance), policies.get(instance.id)!)),
      },
    };
  },
});

function instancesMatching(params: DescribeSmartAccessGatewaysParams, context: OperationContext, regionId: string, offset: number, limit: number) {
  const conditions = conditionsOf(params, context.accountId, regionId);
  const comparator = versionComparator(params.VersionComparator);
  if (params.SoftwareVersion === undefined) return context.store.instances.pageInRegion(context.accountId, regionId, conditions, offset, limit);
  // Dotted versions do not order as text: this filter runs over the other filters' result, then pages.
  const all = context.store.instances.pageInRegion(context.accountId, regionId, conditions, 0, -1).items
    .filter((i) => i.softwareVersion !== '' && comparator(compareVersions(i.softwareVersion, params.SoftwareVersion!)));
  const page = pageOf(all, offset / limit + 1, limit);
  return { items: page.items, totalCount: page.totalCount };
}

/** Ids in a comma-separated parameter (AclIds, UnboundAclIds), as JSON for json_each. */
function idList(text: string): string {
  return JSON.stringify(text.split(',').map((id) => id.trim()).filter((id) => id !== ''));
}

const HAS_POLICY = `EXISTS (SELECT 1 FROM instance_associations a WHERE a.account_id = instances.account_id
  AND a.instance_id = instances.id AND a.kind = ? AND a.policy_id IN (SELECT value FROM json_each(?)))`;
const HAS_ANY_QOS = `EXISTS (SELECT 1 FROM instance_associations a WHERE a.account_id = instances.account_id
  AND a.instance_id = instances.id AND a.kind = 'qos')`;

/** One SQL condition per filter given. */
function conditionsOf(params: DescribeSmartAccessGatewaysParams, accountId: string, regionId: string): InstanceCondition[] {
  const conditions: InstanceCondition[] = [];
  const add = (given: unknown, sql: string, ...args: unknown[]) => {
    if (given !== undefined) conditions.push({ sql, args });
  };
  add(params.SmartAGId, 'id = ?', params.SmartAGId);
  add(params.SmartAGIds, 'id IN (SELECT value FROM json_each(?))', JSON.stringify(params.SmartAGIds));
  add(params.Name, 'name = ?', params.Name);
  add(params.Status, 'status = ?', params.Status);
  add(params.AssociatedCcnId, 'ccn_id = ?', params.AssociatedCcnId);
  add(params.AssociatedCcnName, 'ccn_id IN (SELECT id FROM ccns WHERE account_id = ? AND region_id = ? AND name = ?)', accountId, regionId, params.AssociatedCcnName);
  // Serial numbers are stored comma separated (an HA pair has two).
  add(params.SerialNumber, "instr(',' || serial_number || ',', ',' || ? || ',') > 0", params.SerialNumber);
  add(params.InstanceType, params.InstanceType === 'software' ? 'instance_type = ?' : 'instance_type <> ?', SAG_APP_TYPE);
  add(params.HardwareType, 'instance_type <> ? AND instance_type = ?', SAG_APP_TYPE, params.HardwareType);
  add(params.AclIds, HAS_POLICY, 'acl', idList(params.AclIds ?? ''));
  add(params.UnboundAclIds, `NOT ${HAS_POLICY}`, 'acl', idList(params.UnboundAclIds ?? ''));
  // An instance applies at most one QoS policy: it can take one while it has none.
  add(params.CanAssociateQos, params.CanAssociateQos ? `NOT ${HAS_ANY_QOS}` : HAS_ANY_QOS);
  add(params.BusinessState, "(CASE WHEN status = ? THEN 'Arrearage' ELSE 'Normal' END) = ?", LOCKED_STATUS, params.BusinessState);
  add(params.ResourceGroupId, params.ResourceGroupId === defaultResourceGroupId(accountId) ? '1' : '0');
  return conditions;
}

const COMPARATORS: Readonly<Record<string, (order: number) => boolean>> = {
  equals: (order) => order === 0,
  greater: (order) => order > 0,
  less: (order) => order < 0,
};

/** Without a comparator, SoftwareVersion matches the version exactly. */
function versionComparator(name: string | undefined): (order: number) => boolean {
  if (name === undefined) return COMPARATORS.equals;
  if (!Object.hasOwn(COMPARATORS, name)) throw apiError('Param.InvalidVersionComparator');
  return COMPARATORS[name];
}

/** Dotted versions compared part by part as numbers: 2.10.0.0 is above 2.9.0.0. */
function compareVersions(left: string, right: string): number {
  const a = left.split('.').map(Number);
  const b = right.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const difference = (a[i] || 0) - (b[i] || 0);
    if (difference !== 0) return Math.sign(difference);
  }
  return 0;
}
