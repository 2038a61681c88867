/**
 * GrantInstanceToCbn: the CCN's owner lets another account's CEN instance
 * (CenUid, CenInstanceId) attach the CCN. One grant per CCN and CEN: a second
 * answers DuplicatedGrantRule.
 */
import { randomUUID } from 'node:crypto';
import { apiError } from '../../protocol/errors';
import { regionOf } from '../../model/regions';
import { ccnIn } from '../ccns/lookups';
import { defineOperation } from '../operation';
import { checkCenId, checkCenUid } from './rules';

interface GrantInstanceToCbnParams {
  RegionId: string;
  CcnInstanceId: string;
  CenInstanceId: string;
  CenUid: number;
  GrantTrafficService?: boolean;
}

export default defineOperation<GrantInstanceToCbnParams>({
  action: 'GrantInstanceToCbn',
  handle(params, context) {
    const regionId = regionOf(params.RegionId);
    const cenUid = checkCenUid(params.CenUid);
    checkCenId(params.CenInstanceId);
    return context.store.transaction(() => {
      const ccn = ccnIn(context, regionId, params.CcnInstanceId);
      const { ccnGrants } = context.store;
      if (ccnGrants.find({ accountId: context.accountId, ccnId: ccn.id, cenId: params.CenInstanceId })) throw apiError('DuplicatedGrantRule');
      ccnGrants.insert({
        accountId: context.accountId, id: randomUUID(), regionId, ccnId: ccn.id, cenId: params.CenInstanceId, cenUid,
        grantTrafficService: params.GrantTrafficService ? 1 : 0, createdAt: context.now(),
      });
      return {};
    });
  },
});
