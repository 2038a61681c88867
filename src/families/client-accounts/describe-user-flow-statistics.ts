/**
 * DescribeUserFlowStatistics: each named account's traffic in one calendar
 * month (StatisticsDate `YYYYMM`, UTC; the current month when omitted) and
 * what is left of its free data plan (the instance's DataPlan GB per
 * account and month). One entry per distinct name in request order; a name
 * without an account has neither traffic nor a plan: both figures are 0.
 * Checks in order: SAG.InstanceIdEmpty, ClientUser.NameEmpty,
 * ClientUser.NameInvalid, InvalidParameter (StatisticsDate not YYYYMM),
 * SAG.InstanceNoFound.
 */
import { invalidParameter } from '../../protocol/errors';
import { freeBytesLeft, isMonth, monthOf } from './traffic';
import type { Instance } from '../instances/instances-table';
import { appInstanceIn, checkInstanceIdGiven, requestedUserNames } from './lookups';
import { defineOperation, type OperationContext } from '../operation';

interface DescribeUserFlowStatisticsParams {
  RegionId: string;
  SmartAGId: string;
  UserNames: string[];
  StatisticsDate?: string;
}

export default defineOperation<DescribeUserFlowStatisticsParams>({
  action: 'DescribeUserFlowStatistics',
  // Without StatisticsDate the month is this one.
  readsTheClock: true,
  handle(params, context) {
    checkInstanceIdGiven(params.SmartAGId);
    const userNames = requestedUserNames(params.UserNames);
    const month = params.StatisticsDate ?? monthOf(context.now());
    if (!isMonth(month)) throw invalidParameter('StatisticsDate', 'must be a month as YYYYMM');
    const instance = appInstanceIn(context, params.RegionId, params.SmartAGId);
    return {
      SagStatistics: { Statistics: userNames.map((userName) => monthlyFigures(context, instance, userName, month)) },
    };
  },
});

function monthlyFigures(context: OperationContext, instance: Instance, userName: string, month: string) {
  const { clientUsers, clientTraffic } = context.store;
  const hasAccount = clientUsers.exists(context.accountId, instance.id, userName);
  const used = clientTraffic.totalBytes(context.accountId, instance.id, userName, month);
  return {
    UserName: userName,
    // Byte counts as text, as documented.
    TotalBytes: String(used),
    TotalLeaveBytes: String(hasAccount ? freeBytesLeft(instance.dataPlan, used) : 0),
  };
}
