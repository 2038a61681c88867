/**
 * DescribeSmartAccessGatewayClientUsers: the accounts of a SAG APP
 * instance, oldest first (a roamed account by when it roamed there),
 * filtered by exact UserName and UserMail, and paged.
 */
import { effectiveAccelerateBandwidth } from './rules';
import { pageWindow } from '../../model/paging';
import type { ClientUserListing } from './client-users-table';
import { appInstanceIn, checkInstanceIdGiven } from './lookups';
import { defineOperation } from '../operation';

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
    const { pageNumber, pageSize, offset } = pageWindow(params.PageNumber, params.PageSize);
    // Paged in SQL: a page costs the same on an instance of 10 or 10,000 accounts.
    const { users, totalCount } = context.store.clientUsers.page(
      context.accountId,
      instance.id,
      { userName: params.UserName, userMail: params.UserMail },
      offset,
      pageSize,
    );
    const { accelerateBandwidth } = context.store.appClientSettings.get(context.accountId, instance.id);
    return {
      TotalCount: totalCount,
      PageNumber: pageNumber,
      PageSize: pageSize,
      Users: { User: users.map((user) => listItem(user, accelerateBandwidth)) },
    };
  },
});

function listItem(user: ClientUserListing, instanceAcceleratePeakMbps: number) {
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
