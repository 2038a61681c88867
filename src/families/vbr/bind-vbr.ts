/**
 * BindVbr: the VBR's owner binds a SAG device, its own or one granted to
 * the VBR, to the VBR. The instance must be bound to a CCN (NotBoundCCN); one
 * VBR per instance and one instance per VBR. CEN is not modelled, so
 * NotBoundCEN and SAG.VbrNotBondCen are never answered.
 */
import { apiError } from '../../protocol/errors';
import { regionOf } from '../../model/regions';
import { defineOperation } from '../operation';
import { bindableInstance, checkHardware } from './lookups';
import { checkVbr } from './rules';

interface BindVbrParams {
  RegionId: string;
  SmartAGId: string;
  VbrId: string;
  VbrRegionId: string;
  SmartAGUid?: number;
}

export default defineOperation<BindVbrParams>({
  action: 'BindVbr',
  handle(params, context) {
    const regionId = regionOf(params.RegionId);
    checkVbr(params.VbrId, params.VbrRegionId);
    const instance = bindableInstance(context, regionId, params.SmartAGId, params.VbrId, params.SmartAGUid);
    checkHardware(instance);
    if (instance.ccnId === null) throw apiError('NotBoundCCN');
    const { vbrBindings } = context.store;
    if (vbrBindings.find({ accountId: instance.accountId, instanceId: instance.id })) throw apiError('SAG.VbrBound');
    if (vbrBindings.find({ vbrUid: context.accountId, vbrId: params.VbrId })) throw apiError('SAG.VbrBoundToSAG');
    vbrBindings.insert({
      accountId: instance.accountId, instanceId: instance.id, regionId, vbrId: params.VbrId, vbrRegionId: params.VbrRegionId, vbrUid: context.accountId, createdAt: context.now(),
    });
    return {};
  },
});
