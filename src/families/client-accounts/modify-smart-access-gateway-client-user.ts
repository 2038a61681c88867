/**
 * ModifySmartAccessGatewayClientUser: a new bandwidth or mail address for
 * an account (either, both, or neither: then it answers the account as it
 * is). Checks in order: SAG.InstanceIdEmpty, ClientUser.NameEmpty,
 * ClientUser.NameInvalid, ClientUser.BandwidthInvalid (outside 1-20000),
 * ClientUser.EmailInvalid, SAG.InstanceNoFound, ResourceNotFound.User,
 * ClientUser.BandwidthInvalid (above the instance's ceiling).
 */
import { apiError } from '../../protocol/errors';
import { isInBandwidthRange } from './rules';
import { isValidEmail } from '../../model/names';
import { accountSummary, appInstanceIn, checkExistingUserName, checkInstanceIdGiven, clientUserOn } from './lookups';
import { defineOperation } from '../operation';

interface ModifyClientUserParams {
  RegionId: string;
  SmartAGId: string;
  UserName: string;
  Bandwidth?: number;
  Email?: string;
}

export default defineOperation<ModifyClientUserParams>({
  action: 'ModifySmartAccessGatewayClientUser',
  handle(params, context) {
    checkInstanceIdGiven(params.SmartAGId);
    checkExistingUserName(params.UserName);
    if (params.Bandwidth !== undefined && !isInBandwidthRange(params.Bandwidth)) throw apiError('ClientUser.BandwidthInvalid');
    // Not in this operation's documented list; the code Create answers for the same mistake.
    if (params.Email !== undefined && !isValidEmail(params.Email)) throw apiError('ClientUser.EmailInvalid');
    return context.store.transaction(() => {
      const instance = appInstanceIn(context, params.RegionId, params.SmartAGId);
      const user = clientUserOn(context, instance, params.UserName);
      if (params.Bandwidth !== undefined && params.Bandwidth > instance.maxBandwidth) {
        throw apiError('ClientUser.BandwidthInvalid');
      }
      const modified = { ...user, bandwidth: params.Bandwidth ?? user.bandwidth, userMail: params.Email ?? user.userMail };
      context.store.clientUsers.update(modified);
      return accountSummary(modified);
    });
  },
});
