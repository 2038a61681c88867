/** Finding the CCN a call names, in the caller's account and region, and the instances it may bind. */
import { apiError } from '../../protocol/errors';
import type { Ccn } from './ccns-table';
import type { Instance } from '../instances/instances-table';
import { instanceIn } from '../instances/lookups';
import type { OperationContext } from '../operation';

export function ccnIn(context: OperationContext, regionId: string, id: string): Ccn {
  const ccn = context.store.ccns.findInRegion(context.accountId, regionId, id);
  if (!ccn) throw apiError('InvalidId.CCN');
  return ccn;
}

/**
 * The instance BindSmartAccessGateway / UnbindSmartAccessGateway name:
 * the caller's own, or (SmartAGUid naming another account) that account's
 * instance granted to this CCN of the caller (GrantSagInstanceToCcn).
 * Anything else answers InvalidId.SMARTAG, as an instance one cannot see.
 */
export function bindableInstance(context: OperationContext, regionId: string, id: string, ccnId: string, smartAgUid: number | undefined): Instance {
  const owner = smartAgUid === undefined ? context.accountId : String(smartAgUid);
  if (owner === context.accountId) return instanceIn(context, regionId, id, 'InvalidId.SMARTAG');
  const instance = context.store.instances.findInRegion(owner, regionId, id);
  if (!instance || !context.store.sagGrants.find({ accountId: owner, instanceId: id, ccnId, ccnUid: context.accountId })) throw apiError('InvalidId.SMARTAG');
  return instance;
}

/** The CCN's members: the owner's instances bound to it, then other accounts' bound to it through their grants. */
export function membersOf(context: OperationContext, ccn: Ccn): Instance[] {
  const members = context.store.instances.listOfCcn(ccn.accountId, ccn.id);
  for (const grant of context.store.sagGrants.list({ ccnUid: ccn.accountId, ccnId: ccn.id, regionId: ccn.regionId })) {
    if (grant.accountId === ccn.accountId) continue;
    const instance = context.store.instances.findInRegion(grant.accountId, grant.regionId, grant.instanceId);
    if (instance?.ccnId === ccn.id) members.push(instance);
  }
  return members;
}

/**
 * The CCN an instance is bound to, as its owner's views show it: one of the
 * owner's, or the CCN of another account the instance is granted to and
 * that account bound it to.
 */
export function ccnOfInstance(context: OperationContext, instance: Instance): Ccn | undefined {
  if (instance.ccnId === null) return undefined;
  const own = context.store.ccns.findInRegion(instance.accountId, instance.regionId, instance.ccnId);
  if (own) return own;
  const grant = context.store.sagGrants.find({ accountId: instance.accountId, instanceId: instance.id, ccnId: instance.ccnId });
  return grant && context.store.ccns.findInRegion(grant.ccnUid, instance.regionId, instance.ccnId);
}
