/**
 * DescribeSmartAccessGatewayClientUsers: the accounts of a SAG APP
 * instance, oldest first (a roamed account by when it roamed there),
 * filtered by exact UserName and UserMail, and paged.
 */
import { effectiveAccelerateBandwidth } from '../model/client-accounts';
import { pageOf } from '../model/paging';
import type { ClientUser } from '../storage/client-users';
import { appInstanceIn, checkInstanceIdGiven } from './client-accounts';
import { defineOperation } from './operation';

interface DescribeClientUsersParams {
  RegionId: string;
  SmartAGId: string;
  UserName?: string;
  UserMail?: string;
  PageNumber?: number;
  PageSize?: number;
}

export default defineOperation<DescribeClientUsersParams>({
  action: 'DescribeSmartAccessGatewayClientUsers',
  handle(params, context) {
    checkInstanceIdGiven(params.SmartAGId);
    const instance = appInstanceIn(context, params.RegionId, params.SmartAGId);
    const users = context.store.clientUsers.list(context.accountId, instance.id, {
      userName: params.UserName,
      userMail: params.UserMail,
    });
    const page = pageOf(users, params.PageNumber, params.PageSize);
    const { accelerateBandwidth } = context.store.appClientSettings.get(context.accountId, instance.id);
    return {
      TotalCount: page.totalCount,
      PageNumber: page.pageNumber,
      PageSize: page.pageSize,
      Users: { User: page.items.map((user) => listItem(user, accelerateBandwidth)) },
    };
  },
});

function listItem(user: ClientUser, instanceAcceleratePeakMbps: number) {
  return {
    UserName: user.userName,
    UserMail: user.userMail,
    Bandwidth: user.bandwidth,
    State: user.state,
    ClientIp: user.clientIp ?? '',
    IsStaticIp: user.clientIp === null ? 0 : 1,
    AccelerateBandwidth: effectiveAccelerateBandwidth(user.accelerateBandwidth, instanceAcceleratePeakMbps),
  };
}
