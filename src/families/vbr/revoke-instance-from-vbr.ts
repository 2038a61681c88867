/**
 * RevokeInstanceFromVbr: withdraws the instance's grants to a VBR. A binding
 * the VBR's owner made through the grant goes with it: without the grant the
 * owner could not have made it. No grant answers InvalidId.VBR.
 */
import { apiError } from '../../protocol/errors';
import { regionOf } from '../../model/regions';
import { instanceIn } from '../instances/lookups';
import { defineOperation } from '../operation';
import { checkVbr } from './rules';

interface RevokeInstanceFromVbrParams {
  RegionId: string;
  SmartAGId: string;
  VbrInstanceId: string;
}

export default defineOperation<RevokeInstanceFromVbrParams>({
  action: 'RevokeInstanceFromVbr',
  handle(params, context) {
    const instance = instanceIn(context, regionOf(params.RegionId), params.SmartAGId);
    checkVbr(params.VbrInstanceId);
    const { vbrGrants, vbrBindings } = context.store;
    const key = { accountId: instance.accountId, instanceId: instance.id, vbrId: params.VbrInstanceId };
    const grants = vbrGrants.list(key);
    if (grants.length === 0) throw apiError('InvalidId.VBR');
    context.store.transaction(() => {
      vbrGrants.remove(key);
      const grantees = grants.map((grant) => grant.vbrUid).filter((uid) => uid !== instance.accountId);
      if (grantees.length > 0) vbrBindings.remove({ ...key, vbrUid: grantees });
    });
    return {};
  },
});
