/**
 * RevokeInstanceFromCbn: withdraws the CCN's grant to a CEN instance. The
 * metadata documents no error for a grant that does not exist: it answers
 * InvalidInstanceId.NotFound, the code the Terraform provider accepts as
 * "already revoked" on a second delete.
 */
import { apiError } from '../../protocol/errors';
import { regionOf } from '../../model/regions';
import { ccnIn } from '../ccns/lookups';
import { defineOperation } from '../operation';

interface RevokeInstanceFromCbnParams {
  RegionId: string;
  CcnInstanceId: string;
  CenInstanceId: string;
}

export default defineOperation<RevokeInstanceFromCbnParams>({
  action: 'RevokeInstanceFromCbn',
  handle(params, context) {
    const regionId = regionOf(params.RegionId);
    return context.store.transaction(() => {
      const ccn = ccnIn(context, regionId, params.CcnInstanceId);
      const removed = context.store.ccnGrants.remove({ accountId: context.accountId, ccnId: ccn.id, cenId: params.CenInstanceId });
      if (removed === 0) throw apiError('InvalidInstanceId.NotFound');
      return {};
    });
  },
});
