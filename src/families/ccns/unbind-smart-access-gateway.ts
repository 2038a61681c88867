/** UnbindSmartAccessGateway: detaches an instance from its CCN; its client blocks stay. */
import { apiError } from '../../protocol/errors';
import { regionOf } from '../../model/regions';
import { instanceIn } from '../instances/lookups';
import { checkOwnUid } from './lookups';
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
      checkOwnUid(context, params.SmartAGUid);
      const instance = instanceIn(context, regionId, params.SmartAGId, 'InvalidId.SMARTAG');
      if (instance.ccnId === null) throw apiError('NotBoundCCN');
      if (instance.ccnId !== params.CcnId) throw apiError('SmartAccessGatewayNotBind');
      context.store.instances.save({ ...instance, ccnId: null });
      return {};
    });
  },
});
