/**
 * DescribeUserOnlineClientStatistics: how many clients each named account
 * has online, one entry per distinct name in request order; a name without
 * an account has none. Checks in order: SAG.InstanceIdEmpty,
 * ClientUser.NameEmpty, ClientUser.NameInvalid (any name),
 * SAG.InstanceNoFound.
 */
import { appInstanceIn, checkInstanceIdGiven, requestedUserNames } from './lookups';
import { defineOperation } from '../operation';

interface DescribeUserOnlineClientStatisticsParams {
  RegionId: string;
  SmartAGId: string;
  UserNames: string[];
}

export default defineOperation<DescribeUserOnlineClientStatisticsParams>({
  action: 'DescribeUserOnlineClientStatistics',
  handle(params, context) {
    checkInstanceIdGiven(params.SmartAGId);
    const userNames = requestedUserNames(params.UserNames);
    const instance = appInstanceIn(context, params.RegionId, params.SmartAGId);
    const { onlineClients } = context.store;
    return {
      UserStatistics: {
        Statistics: userNames.map((userName) => ({
          UserName: userName,
          OnlineCount: String(onlineClients.countOfUser(context.accountId, instance.id, userName)),
        })),
      },
    };
  },
});
