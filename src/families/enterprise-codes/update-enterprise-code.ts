/** UpdateEnterpriseCode: makes a code the account's default (replacing the previous one) or an ordinary code. */
import { regionOf } from '../../model/regions';
import { enterpriseCodeIn } from './lookups';
import { defineOperation } from '../operation';

interface UpdateEnterpriseCodeParams {
  RegionId: string;
  EnterpriseCode: string;
  IsDefault: boolean;
  ClientToken?: string;
}

export default defineOperation<UpdateEnterpriseCodeParams>({
  action: 'UpdateEnterpriseCode',
  handle(params, context) {
    regionOf(params.RegionId);
    return context.store.transaction(() => {
      const code = enterpriseCodeIn(context, params.EnterpriseCode);
      context.store.enterpriseCodes.setDefault(context.accountId, code.code, params.IsDefault);
      return {};
    });
  },
});
