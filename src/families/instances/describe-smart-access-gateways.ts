/**
 * DescribeSmartAccessGateways: the caller's instances in one region, oldest
 * first, filtered and paged. Filters on features the emulator does not
 * model (ACLs, QoS, billing) answer as if none were in use: no instance has
 * an ACL or QoS policy, and only Locked instances are in arrears.
 */
import { apiError } from '../../protocol/errors';
import { defaultResourceGroupId } from '../../model/ids';
import { LOCKED_STATUS } from './states';
import { pageOf } from '../../model/paging';
import { regionOf } from '../../model/regions';
import { SAG_APP_TYPE, type Instance } from './instances-table';
import type { Ccn } from '../ccns/ccns-table';
import { instanceListItem } from './views';
import { defineOperation } from '../operation';

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

type Filter = (instance: Instance, ccn: Ccn | undefined) => boolean;

export default defineOperation<DescribeSmartAccessGatewaysParams>({
  action: 'DescribeSmartAccessGateways',
  handle(params, context) {
    const regionId = regionOf(params.RegionId);
    const filters = filtersOf(params, context.accountId);
    const ccnsById = new Map(context.store.ccns.listInRegion(context.accountId, regionId).map((ccn) => [ccn.id, ccn]));
    const ccnOf = (instance: Instance) => (instance.ccnId === null ? undefined : ccnsById.get(instance.ccnId));
    const matching = context.store.instances
      .listInRegion(context.accountId, regionId)
      .filter((instance) => filters.every((filter) => filter(instance, ccnOf(instance))));
    const page = pageOf(matching, params.PageNumber, params.PageSize);
    return {
      TotalCount: page.totalCount,
      PageNumber: page.pageNumber,
      PageSize: page.pageSize,
      SmartAccessGateways: { SmartAccessGateway: page.items.map((instance) => instanceListItem(instance, ccnOf(instance))) },
    };
  },
});

/** One predicate per filter given. */
function filtersOf(params: DescribeSmartAccessGatewaysParams, accountId: string): Filter[] {
  const filters: Filter[] = [];
  const add = (given: unknown, filter: Filter) => {
    if (given !== undefined) filters.push(filter);
  };
  add(params.SmartAGId, (i) => i.id === params.SmartAGId);
  add(params.SmartAGIds, (i) => params.SmartAGIds!.includes(i.id));
  add(params.Name, (i) => i.name === params.Name);
  add(params.Status, (i) => i.status === params.Status);
  add(params.AssociatedCcnId, (i) => i.ccnId === params.AssociatedCcnId);
  add(params.AssociatedCcnName, (_, ccn) => ccn?.name === params.AssociatedCcnName);
  add(params.SerialNumber, (i) => i.serialNumber.split(',').includes(params.SerialNumber!));
  add(params.InstanceType, (i) => (i.instanceType === SAG_APP_TYPE) === (params.InstanceType === 'software'));
  add(params.HardwareType, (i) => i.instanceType !== SAG_APP_TYPE && i.instanceType === params.HardwareType);
  add(params.AclIds, () => false);
  add(params.UnboundAclIds, () => true);
  add(params.CanAssociateQos, () => params.CanAssociateQos === true);
  add(params.BusinessState, (i) => businessState(i) === params.BusinessState);
  add(params.ResourceGroupId, () => params.ResourceGroupId === defaultResourceGroupId(accountId));
  const comparator = versionComparator(params.VersionComparator);
  add(params.SoftwareVersion, (i) => i.softwareVersion !== '' && comparator(compareVersions(i.softwareVersion, params.SoftwareVersion!)));
  return filters;
}

function businessState(instance: Instance): string {
  return instance.status === LOCKED_STATUS ? 'Arrearage' : 'Normal';
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
