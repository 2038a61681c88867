/** DeleteEnterpriseCode: removes a code that is neither the default nor used by an instance. */
import { apiError } from '../../protocol/errors';
import { regionOf } from '../../model/regions';
import { enterpriseCodeIn } from './lookups';
import { defineOperation } from '../operation';

interface DeleteEnterpriseCodeParams {
  RegionId: string;
  EnterpriseCode: string;
  ClientToken?: string;
}

export default defineOperation<DeleteEnterpriseCodeParams>({
  action: 'DeleteEnterpriseCode',
  handle(params, context) {
    regionOf(params.RegionId);
    return context.store.transaction(() => {
      const code = enterpriseCodeIn(context, params.EnterpriseCode);
      if (code.isDefault) throw apiError('EnterpriseCode.DeleteLimit');
      if (context.store.instances.countWithEnterpriseCode(context.accountId, code.code) > 0) {
        throw apiError('EnterpriseCode.BeingUsed');
      }
      context.store.enterpriseCodes.remove(context.accountId, code.code);
      return {};
    });
  },
});
