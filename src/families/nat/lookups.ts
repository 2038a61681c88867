/**
 * Finding the hardware instance and the entry a call names, in the caller's
 * account and region. SNAT and DNAT are features of devices: a SAG APP
 * instance answers FeatureNotSupport, as both Add operations document.
 */
import { apiError, type CatalogueCode } from '../../protocol/errors';
import { SAG_APP_TYPE, type Instance } from '../instances/instances-table';
import { instanceIn } from '../instances/lookups';
import { activationProblem } from '../instances/states';
import type { OperationContext } from '../operation';
import { found } from '../shared/found';
import type { DnatEntry, SnatEntry } from './nat-table';

export function deviceIn(context: OperationContext, regionId: string, id: string, notFound: CatalogueCode): Instance {
  const instance = instanceIn(context, regionId, id, notFound);
  if (instance.instanceType === SAG_APP_TYPE) throw apiError('FeatureNotSupport');
  return instance;
}

/** An Add configures the device: it must be active and paid for. */
export function activeDeviceIn(context: OperationContext, regionId: string, id: string, notFound: CatalogueCode): Instance {
  const instance = deviceIn(context, regionId, id, notFound);
  const activation = activationProblem(instance.status);
  if (activation) throw apiError(activation === 'inArrears' ? 'SmartAccessGatewayInArrears' : 'SmartAccessGatewayNotActivated');
  return instance;
}

export function snatEntryOf(context: OperationContext, instance: Instance, id: string): SnatEntry {
  return found(context.store.snatEntries.find({ accountId: instance.accountId, instanceId: instance.id, id }), 'InstanceNotExit');
}

export function dnatEntryOf(context: OperationContext, instance: Instance, id: string): DnatEntry {
  return found(context.store.dnatEntries.find({ accountId: instance.accountId, instanceId: instance.id, id }), 'InstanceNotExit');
}
