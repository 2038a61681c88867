/** How grants and bindable instances read: one object literal per view, in the documented field order. */
import type { BindableInstance, CcnGrant, SagGrant } from './grants-table';

/** An item of DescribeGrantRules' `GrantRules.GrantRule[]`. */
export function grantRuleView(grant: CcnGrant) {
  return {
    CenInstanceId: grant.cenId,
    CenUid: Number(grant.cenUid),
    GmtCreate: grant.createdAt,
    GrantRuleId: grant.id,
    GrantTrafficService: grant.grantTrafficService === 1,
    // A grant has no modify operation: it is as it was made.
    GmtModified: grant.createdAt,
    CcnUid: Number(grant.accountId),
    RegionId: grant.regionId,
    CcnInstanceId: grant.ccnId,
  };
}

/** An item of DescribeGrantSagRules' `GrantRules.GrantRule[]`; InstanceId is the instance owner's uid, as the metadata describes it. */
export function grantSagRuleView(grant: SagGrant) {
  return {
    CreateTime: grant.createdAt,
    SmartAGId: grant.instanceId,
    GrantTrafficService: grant.grantTrafficService === 1,
    InstanceId: grant.accountId,
    CcnUid: Number(grant.ccnUid),
    CcnInstanceId: grant.ccnId,
  };
}

/** An item of DescribeBindableSmartAccessGateways' `SmartAccessGateways.SmartAccessGateway[]`. */
export function bindableView(instance: BindableInstance) {
  return {
    SmartAGId: instance.id,
    Name: instance.name,
    SmartAGUid: Number(instance.accountId),
  };
}
