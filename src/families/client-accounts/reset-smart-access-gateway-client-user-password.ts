/**
 * ResetSmartAccessGatewayClientUserPassword: the given password, or a
 * generated one (the real service mails it to the account; the emulator
 * keeps only its hash, and no operation ever answers a password). Checks in
 * order: SAG.InstanceIdEmpty, ClientUser.NameEmpty, ClientUser.NameInvalid,
 * ClientUser.PasswordInvalid, SAG.InstanceNoFound, ResourceNotFound.User.
 */
import { apiError } from '../../protocol/errors';
import { isValidPassword } from '../../model/names';
import { generatePassword, hashPassword } from '../../model/passwords';
import { appInstanceIn, checkExistingUserName, checkInstanceIdGiven, clientUserOn } from './lookups';
import { defineOperation } from '../operation';

interface ResetPasswordParams {
  RegionId: string;
  SmartAGId: string;
  UserName: string;
  Password?: string;
}

export default defineOperation<ResetPasswordParams>({
  action: 'ResetSmartAccessGatewayClientUserPassword',
  handle(params, context) {
    checkInstanceIdGiven(params.SmartAGId);
    checkExistingUserName(params.UserName);
    if (params.Password !== undefined && !isValidPassword(params.Password)) throw apiError('ClientUser.PasswordInvalid');
    const passwordHash = hashPassword(params.Password ?? generatePassword());
    return context.store.transaction(() => {
      const instance = appInstanceIn(context, params.RegionId, params.SmartAGId);
      const user = clientUserOn(context, instance, params.UserName);
      context.store.clientUsers.update({ ...user, passwordHash });
      return {};
    });
  },
});
