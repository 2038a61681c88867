/**
 * DeleteSmartAccessGatewayClientUser. Accounts are billed by the month, so
 * one that was used this month (a client online now, or traffic recorded
 * for the current calendar month) stays until the month is over:
 * ClientUser.UserInUsing. Checks in order: SAG.InstanceIdEmpty,
 * ClientUser.NameEmpty, ClientUser.NameInvalid, SAG.InstanceNoFound,
 * ResourceNotFound.User, ClientUser.UserInUsing.
 */
import { apiError } from '../../protocol/errors';
import { monthOf } from './traffic';
import type { ClientUser } from './client-users-table';
import { appInstanceIn, checkExistingUserName, checkInstanceIdGiven, clientUserOn } from './lookups';
import { defineOperation, type OperationContext } from '../operation';

interface DeleteClientUserParams {
  RegionId: string;
  SmartAGId: string;
  UserName: string;
}

export default defineOperation<DeleteClientUserParams>({
  action: 'DeleteSmartAccessGatewayClientUser',
  handle(params, context) {
    checkInstanceIdGiven(params.SmartAGId);
    checkExistingUserName(params.UserName);
    return context.store.transaction(() => {
      const instance = appInstanceIn(context, params.RegionId, params.SmartAGId);
      const user = clientUserOn(context, instance, params.UserName);
      if (isUsedThisMonth(user, context)) throw apiError('ClientUser.UserInUsing');
      context.store.clientUsers.remove(context.accountId, instance.id, user.userName);
      return {};
    });
  },
});

function isUsedThisMonth(user: ClientUser, context: OperationContext): boolean {
  const { onlineClients, clientTraffic } = context.store;
  return onlineClients.countOfUser(user.accountId, user.instanceId, user.userName) > 0
    || clientTraffic.totalBytes(user.accountId, user.instanceId, user.userName, monthOf(context.now())) > 0;
}
