/**
 * Finding the instance a VBR call names. Grants (GrantSagInstanceToVbr,
 * RevokeInstanceFromVbr, DescribeGrantSagVbrRules) are the instance owner's
 * calls; BindVbr and UnbindVbr are the VBR owner's, who names another
 * account's instance with SmartAGUid and may reach it only through a grant.
 */
import { apiError, type CatalogueCode } from '../../protocol/errors';
import { SAG_APP_TYPE, type Instance } from '../instances/instances-table';
import type { OperationContext } from '../operation';

/** The caller's own instance, or another account's that is granted to this VBR and the caller. */
export function bindableInstance(context: OperationContext, regionId: string, id: string, vbrId: string, smartAgUid: number | undefined): Instance {
  const owner = smartAgUid === undefined ? context.accountId : String(smartAgUid);
  const instance = context.store.instances.findInRegion(owner, regionId, id);
  if (!instance) throw apiError('InvalidId.SMARTAG');
  if (owner !== context.accountId
    && !context.store.vbrGrants.find({ accountId: owner, instanceId: id, vbrId, vbrUid: context.accountId })) throw apiError('InvalidId.SMARTAG');
  return instance;
}

/** SAG APP instances have no leased line to a VBR. */
export function checkHardware(instance: Instance, code: CatalogueCode = 'SAG.SoftwareNoSupportVbr'): void {
  if (instance.instanceType === SAG_APP_TYPE) throw apiError(code);
}
