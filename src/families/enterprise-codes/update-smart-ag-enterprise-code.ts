/**
 * UpdateSmartAGEnterpriseCode: moves a SAG APP instance to another of the
 * account's enterprise codes. Clients sign in with code and user name, so
 * a name may not be held by two different accounts under one code (an
 * account and its roamed copies are one person).
 */
import { apiError } from '../../protocol/errors';
import { regionOf } from '../../model/regions';
import { sagAppInstanceIn } from '../instances/lookups';
import { enterpriseCodeIn } from './lookups';
import { defineOperation } from '../operation';

interface UpdateSmartAGEnterpriseCodeParams {
  RegionId: string;
  EnterpriseCode: string;
  SmartAGId: string;
  ClientToken?: string;
}

export default defineOperation<UpdateSmartAGEnterpriseCodeParams>({
  action: 'UpdateSmartAGEnterpriseCode',
  handle(params, context) {
    const regionId = regionOf(params.RegionId);
    return context.store.transaction(() => {
      const instance = sagAppInstanceIn(context, regionId, params.SmartAGId);
      const code = enterpriseCodeIn(context, params.EnterpriseCode);
      if (context.store.enterpriseCodes.userNameConflict(context.accountId, instance.id, code.code) !== undefined) {
        throw apiError('EnterpriseCode.UserNameConflict');
      }
      context.store.instances.save({ ...instance, enterpriseCode: code.code });
      return {};
    });
  },
});
