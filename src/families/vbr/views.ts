/** How VBR grants and bindings read: one object literal per view, in the documented field order. */
import type { VbrBinding, VbrGrant } from './vbr-table';

/** An item of DescribeGrantSagVbrRules' `GrantRules.GrantRule[]`. */
export function grantRuleView(grant: VbrGrant, bound: boolean) {
  return {
    VbrInstanceId: grant.vbrId,
    VbrUid: Number(grant.vbrUid),
    VbrRegionId: grant.vbrRegionId,
    CreateTime: grant.createdAt,
    SmartAGId: grant.instanceId,
    Bound: bound,
    InstanceId: grant.id,
    SmartAGUid: Number(grant.accountId),
  };
}

/** An item of DescribeSagVbrRelations' `SagVbrRelations[]`. */
export function relationView(binding: VbrBinding) {
  return {
    VbrInstanceId: binding.vbrId,
    SagUid: binding.accountId,
    SagInstanceId: binding.instanceId,
  };
}
