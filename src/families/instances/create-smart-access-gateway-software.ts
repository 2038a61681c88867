/**
 * CreateSmartAccessGatewaySoftware: buys a SAG APP instance. The emulator
 * has no billing: the instance exists, Active, as soon as the call returns,
 * whether AutoPay is true or not.
 */
import { invalidParameter } from '../../protocol/errors';
import { defaultResourceGroupId, newOrderId, newResourceId } from '../../model/ids';
import { regionOf } from '../../model/regions';
import { checkDataPlan, checkUserCount, subscriptionEnd } from './sag-app';
import { SAG_APP_TYPE, type Instance } from './instances-table';
import { defineOperation, type OperationContext } from '../operation';

interface CreateSmartAccessGatewaySoftwareParams {
  RegionId: string;
  Period: number;
  AutoPay: boolean;
  ChargeType: string;
  UserCount: number;
  DataPlan: number;
}

/** Months on sale: 1 to 9, 12, 24, 36. */
const PERIODS = new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 24, 36]);
const CHARGE_TYPES = new Set(['PREPAY']);
/** The per-user bandwidth ceiling of a new instance, the documented maximum. */
const MAX_BANDWIDTH_KBPS = 20000;

export default defineOperation<CreateSmartAccessGatewaySoftwareParams>({
  action: 'CreateSmartAccessGatewaySoftware',
  handle(params, context) {
    const regionId = regionOf(params.RegionId);
    if (!PERIODS.has(params.Period)) throw invalidParameter('Period', 'must be 1 to 9, 12, 24 or 36 (months)');
    if (!CHARGE_TYPES.has(params.ChargeType)) throw invalidParameter('ChargeType', 'must be PREPAY');
    checkUserCount(params.UserCount);
    checkDataPlan(params.DataPlan);
    return context.store.transaction(() => {
      const instance = newInstance(params, regionId, context);
      context.store.instances.insert(instance);
      return { SmartAGId: instance.id, OrderId: newOrderId(), ResourceGroupId: defaultResourceGroupId(context.accountId) };
    });
  },
});

/** A new instance takes the account's default enterprise code, if it has one. */
function newInstance(params: CreateSmartAccessGatewaySoftwareParams, regionId: string, context: OperationContext): Instance {
  const now = context.now();
  return {
    accountId: context.accountId,
    id: newResourceId('sag'),
    regionId,
    instanceType: SAG_APP_TYPE,
    status: 'Active',
    name: '',
    description: '',
    cidrBlocks: [],
    userQuota: params.UserCount,
    maxBandwidth: MAX_BANDWIDTH_KBPS,
    enterpriseCode: context.store.enterpriseCodes.defaultOf(context.accountId)?.code ?? null,
    idaasInstanceId: null,
    createdAt: now,
    ccnId: null,
    dataPlan: params.DataPlan,
    endTime: subscriptionEnd(now, params.Period),
    serialNumber: '',
    softwareVersion: '',
    routingStrategy: 'static',
    securityLockThreshold: 0,
    position: '',
    connectionAudit: false,
  };
}
