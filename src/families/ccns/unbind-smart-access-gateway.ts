/** UnbindSmartAccessGateway: detaches an instance (the caller's, or one granted to the CCN: SmartAGUid) from its CCN; its client blocks stay. */
import { apiError } from '../../protocol/errors';
import { regionOf } from '../../model/regions';
import { bindableInstance } from './lookups';
import { defineOperation } from '../operation';

interface UnbindSmartAccessGatewayParams {
  CcnId: string;
  SmartAGId: string;
  RegionId: string;
  SmartAGUid?: number;
}

export default defineOperation<UnbindSmartAccessGatewayParams>({
  action: 'UnbindSmartAccessGateway',
  handle(params, context) {
    const regionId = regionOf(params.RegionId);
    return context.store.transaction(() => {
      const instance = bindableInstance(context, regionId, params.SmartAGId, params.CcnId, params.SmartAGUid);
      if (instance.ccnId === null) throw apiError('NotBoundCCN');
      if (instance.ccnId !== params.CcnId) throw apiError('SmartAccessGatewayNotBind');
      context.store.instances.save({ ...instance, ccnId: null });
      return {};
    });
  },
});
