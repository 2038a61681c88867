/** UnbindVbr: the VBR's owner ends a binding it made; a binding that does not exist answers InvalidId.VBR (BindVbr's code). */
import { apiError } from '../../protocol/errors';
import { regionOf } from '../../model/regions';
import { defineOperation } from '../operation';
import { bindableInstance } from './lookups';
import { checkVbr } from './rules';

interface UnbindVbrParams {
  RegionId: string;
  SmartAGId: string;
  VbrId: string;
  VbrRegionId: string;
  SmartAGUid?: number;
}

export default defineOperation<UnbindVbrParams>({
  action: 'UnbindVbr',
  handle(params, context) {
    const regionId = regionOf(params.RegionId);
    checkVbr(params.VbrId, params.VbrRegionId);
    const owner = params.SmartAGUid === undefined ? context.accountId : String(params.SmartAGUid);
    const binding = { accountId: owner, instanceId: params.SmartAGId, vbrId: params.VbrId, vbrRegionId: params.VbrRegionId, vbrUid: context.accountId };
    // A binding made under a grant outlives nothing: it is found by what the caller bound, grant or not.
    if (!context.store.vbrBindings.find(binding)) {
      bindableInstance(context, regionId, params.SmartAGId, params.VbrId, params.SmartAGUid);
      throw apiError('InvalidId.VBR');
    }
    context.store.vbrBindings.remove(binding);
    return {};
  },
});
