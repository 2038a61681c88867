/**
 * DescribeUserOnlineClients: the clients connected now under one account,
 * oldest first. Like the other session operations it documents no
 * user-not-found error: a name without an account has no clients. Checks
 * in order: SAG.InstanceIdEmpty, ClientUser.NameEmpty,
 * ClientUser.NameInvalid, SAG.InstanceNoFound.
 */
import { appInstanceIn, checkExistingUserName, checkInstanceIdGiven } from './lookups';
import { defineOperation } from '../operation';

interface DescribeUserOnlineClientsParams {
  RegionId: string;
  SmartAGId: string;
  UserName: string;
}

export default defineOperation<DescribeUserOnlineClientsParams>({
  action: 'DescribeUserOnlineClients',
  handle(params, context) {
    checkInstanceIdGiven(params.SmartAGId);
    checkExistingUserName(params.UserName);
    const instance = appInstanceIn(context, params.RegionId, params.SmartAGId);
    const clients = context.store.onlineClients.listOfUser(context.accountId, instance.id, params.UserName);
    return {
      Users: {
        User: clients.map((client) => ({
          ClientIp: client.clientIp,
          // Unix seconds, as text, as documented.
          OnlineTime: String(Math.floor(client.onlineAt / 1000)),
        })),
      },
    };
  },
});
