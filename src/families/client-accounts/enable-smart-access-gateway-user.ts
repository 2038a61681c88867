/**
 * EnableSmartAccessGatewayUser: State 0, so the account's clients may
 * connect again (enabling an enabled account changes nothing). Checks in
 * order: ClientUser.NameEmpty, ClientUser.NameInvalid, SAG.InstanceNoFound,
 * ResourceNotFound.User.
 */
import { ENABLED_STATE } from './rules';
import { appInstanceIn, checkExistingUserName, clientUserOn } from './lookups';
import { defineOperation } from '../operation';

interface EnableUserParams {
  RegionId: string;
  SmartAGId: string;
  UserName: string;
}

export default defineOperation<EnableUserParams>({
  action: 'EnableSmartAccessGatewayUser',
  handle(params, context) {
    checkExistingUserName(params.UserName);
    return context.store.transaction(() => {
      const instance = appInstanceIn(context, params.RegionId, params.SmartAGId);
      const user = clientUserOn(context, instance, params.UserName);
      context.store.clientUsers.update({ ...user, state: ENABLED_STATE });
      return {};
    });
  },
});
