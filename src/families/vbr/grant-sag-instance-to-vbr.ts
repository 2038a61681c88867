/**
 * GrantSagInstanceToVbr: the instance's owner lets the owner of a VBR
 * (VbrUid) bind the instance to that VBR. Granting the same instance to the
 * same VBR and uid again answers the grant that exists.
 */
import { newResourceId } from '../../model/ids';
import { regionOf } from '../../model/regions';
import { instanceIn } from '../instances/lookups';
import { defineOperation } from '../operation';
import { checkHardware } from './lookups';
import { checkVbr } from './rules';

interface GrantSagInstanceToVbrParams {
  RegionId: string;
  VbrUid: number;
  VbrInstanceId: string;
  VbrRegionId: string;
  SmartAGId: string;
}

export default defineOperation<GrantSagInstanceToVbrParams>({
  action: 'GrantSagInstanceToVbr',
  handle(params, context) {
    const regionId = regionOf(params.RegionId);
    checkVbr(params.VbrInstanceId, params.VbrRegionId);
    const instance = instanceIn(context, regionId, params.SmartAGId);
    checkHardware(instance);
    const { vbrGrants } = context.store;
    const key = { accountId: instance.accountId, instanceId: instance.id, vbrId: params.VbrInstanceId, vbrUid: String(params.VbrUid) };
    const existing = vbrGrants.find(key);
    if (existing) return { InstanceId: existing.id };
    const id = newResourceId('sgv');
    vbrGrants.insert({ ...key, id, regionId, vbrRegionId: params.VbrRegionId, createdAt: context.now() });
    return { InstanceId: id };
  },
});
