/**
 * The quota change shared by UpgradeSmartAccessGatewaySoftware and
 * DowngradeSmartAccessGatewaySoftware: the new UserCount must be a valid
 * pack size and move in the operation's direction; a downgrade never goes
 * below the client accounts in use.
 */
import { apiError } from '../../protocol/errors';
import { newOrderId } from '../../model/ids';
import { regionOf } from '../../model/regions';
import { checkDataPlan, checkUserCount } from './sag-app';
import { sagAppInstanceIn } from './lookups';
import type { OperationContext } from '../operation';

export interface ChangeSagAppQuotaParams {
  SmartAGId: string;
  RegionId: string;
  AutoPay: boolean;
  DataPlan: number;
  UserCount: number;
}

export function changeSagAppQuota(direction: 'up' | 'down', params: ChangeSagAppQuotaParams, context: OperationContext) {
  const regionId = regionOf(params.RegionId);
  return context.store.transaction(() => {
    const instance = sagAppInstanceIn(context, regionId, params.SmartAGId);
    checkUserCount(params.UserCount);
    const movesRightWay = direction === 'up' ? params.UserCount > instance.userQuota : params.UserCount < instance.userQuota;
    if (!movesRightWay) throw apiError('SAG.InvalidUserCount');
    if (direction === 'down' && params.UserCount < context.store.clientUsers.count(context.accountId, instance.id)) {
      throw apiError('SAG.InvalidUserCount');
    }
    checkDataPlan(params.DataPlan);
    context.store.instances.save({ ...instance, userQuota: params.UserCount, dataPlan: params.DataPlan });
    return { OrderId: newOrderId() };
  });
}
