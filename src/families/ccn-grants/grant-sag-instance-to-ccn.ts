/**
 * GrantSagInstanceToCcn: the instance's owner lets the owner of a CCN
 * (CcnUid) bind the instance to that CCN. One grant per instance: granting
 * it to another CCN answers SAG.GrantDuplicated; granting it again to the
 * same CCN and uid answers the grant that exists. An account grants to
 * others only (its own CCNs bind its instances without one).
 */
import { apiError } from '../../protocol/errors';
import { newResourceId } from '../../model/ids';
import { regionOf } from '../../model/regions';
import { instanceIn } from '../instances/lookups';
import { defineOperation } from '../operation';
import { checkCcnId, checkSmartAgIdGiven, isUid } from './rules';

interface GrantSagInstanceToCcnParams {
  RegionId: string;
  SmartAGId: string;
  CcnInstanceId: string;
  CcnUid: number;
  GrantTrafficService?: boolean;
}

export default defineOperation<GrantSagInstanceToCcnParams>({
  action: 'GrantSagInstanceToCcn',
  handle(params, context) {
    const regionId = regionOf(params.RegionId);
    const ccnUid = String(params.CcnUid);
    if (!isUid(ccnUid) || ccnUid === context.accountId) throw apiError('CCN.InvalidUid');
    checkCcnId(params.CcnInstanceId);
    checkSmartAgIdGiven(params.SmartAGId);
    return context.store.transaction(() => {
      const instance = instanceIn(context, regionId, params.SmartAGId);
      const { sagGrants } = context.store;
      const existing = sagGrants.find({ accountId: context.accountId, instanceId: instance.id });
      if (existing) {
        if (existing.ccnId === params.CcnInstanceId && existing.ccnUid === ccnUid) return { InstanceId: existing.id };
        throw apiError('SAG.GrantDuplicated');
      }
      const id = newResourceId('sgc');
      sagGrants.insert({
        accountId: context.accountId, id, regionId, instanceId: instance.id, ccnId: params.CcnInstanceId, ccnUid,
        grantTrafficService: params.GrantTrafficService ? 1 : 0, createdAt: context.now(),
      });
      return { InstanceId: id };
    });
  },
});
