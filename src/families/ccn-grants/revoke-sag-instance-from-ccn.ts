/**
 * RevokeSagInstanceFromCcn: withdraws the instance's grant to a CCN. A
 * binding the CCN's owner made through the grant ends with it: without the
 * grant it could not have been made. No grant to that CCN answers
 * CCN.InvalidId, the operation's documented code for the CCN it names.
 */
import { apiError } from '../../protocol/errors';
import { regionOf } from '../../model/regions';
import { instanceIn } from '../instances/lookups';
import { defineOperation } from '../operation';
import { checkCcnId, checkSmartAgIdGiven } from './rules';

interface RevokeSagInstanceFromCcnParams {
  RegionId: string;
  SmartAGId: string;
  CcnInstanceId: string;
}

export default defineOperation<RevokeSagInstanceFromCcnParams>({
  action: 'RevokeSagInstanceFromCcn',
  handle(params, context) {
    const regionId = regionOf(params.RegionId);
    checkSmartAgIdGiven(params.SmartAGId);
    checkCcnId(params.CcnInstanceId);
    return context.store.transaction(() => {
      const instance = instanceIn(context, regionId, params.SmartAGId);
      const key = { accountId: context.accountId, instanceId: instance.id, ccnId: params.CcnInstanceId };
      if (context.store.sagGrants.remove(key) === 0) throw apiError('CCN.InvalidId');
      if (instance.ccnId === params.CcnInstanceId) context.store.instances.save({ ...instance, ccnId: null });
      return {};
    });
  },
});
