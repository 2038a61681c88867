/**
 * BindSmartAccessGateway: attaches an instance to a CCN of the same region.
 * Its client blocks must fit the CCN's blocks (when both have some) and
 * stay apart from those of the instances already bound. SmartAGUid names
 * another account's instance, granted to this CCN (GrantSagInstanceToCcn).
 */
import { apiError } from '../../protocol/errors';
import { activationProblem } from '../instances/states';
import { allWithin, anyOverlap } from '../../model/cidr';
import { regionOf } from '../../model/regions';
import type { Ccn } from './ccns-table';
import type { Instance } from '../instances/instances-table';
import { bindableInstance, ccnIn, membersOf } from './lookups';
import { defineOperation, type OperationContext } from '../operation';

interface BindSmartAccessGatewayParams {
  CcnId: string;
  SmartAGId: string;
  RegionId?: string;
  SmartAGUid?: number;
}

export default defineOperation<BindSmartAccessGatewayParams>({
  action: 'BindSmartAccessGateway',
  handle(params, context) {
    const regionId = regionOf(params.RegionId);
    return context.store.transaction(() => {
      const ccn = ccnIn(context, regionId, params.CcnId);
      const instance = bindableInstance(context, regionId, params.SmartAGId, ccn.id, params.SmartAGUid);
      if (instance.ccnId === ccn.id) throw apiError('SmartAccessGatewayAlreadyBound');
      if (instance.ccnId !== null) throw apiError('AlreadyBound.CCN');
      const activation = activationProblem(instance.status);
      if (activation) throw apiError(activation === 'inArrears' ? 'SmartAccessGatewayInArrears' : 'SmartAccessGatewayNotActivated');
      if (!cidrFits(instance, ccn, context)) throw apiError('CidrConflict');
      context.store.instances.save({ ...instance, ccnId: ccn.id });
      return {};
    });
  },
});

function cidrFits(instance: Instance, ccn: Ccn, context: OperationContext): boolean {
  if (ccn.cidrBlocks.length > 0 && !allWithin(instance.cidrBlocks, ccn.cidrBlocks)) return false;
  const members = membersOf(context, ccn);
  return !members.some((member) => anyOverlap(instance.cidrBlocks, member.cidrBlocks));
}
