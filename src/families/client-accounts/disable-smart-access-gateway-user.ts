/**
 * DisableSmartAccessGatewayUser: State 1. A disabled account cannot stay
 * connected, so its online clients are ended too. Checks in order:
 * ClientUser.NameEmpty, ClientUser.NameInvalid, SAG.InstanceNoFound,
 * ResourceNotFound.User.
 */
import { DISABLED_STATE } from './rules';
import { appInstanceIn, checkExistingUserName, clientUserOn } from './lookups';
import { defineOperation } from '../operation';

interface DisableUserParams {
  RegionId: string;
  SmartAGId: string;
  UserName: string;
}

export default defineOperation<DisableUserParams>({
  action: 'DisableSmartAccessGatewayUser',
  handle(params, context) {
    checkExistingUserName(params.UserName);
    return context.store.transaction(() => {
      const instance = appInstanceIn(context, params.RegionId, params.SmartAGId);
      const user = clientUserOn(context, instance, params.UserName);
      context.store.clientUsers.update({ ...user, state: DISABLED_STATE });
      context.store.onlineClients.removeOfUser(context.accountId, instance.id, user.userName);
      return {};
    });
  },
});
