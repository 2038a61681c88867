/**
 * KickOutClients: ends every session of one account (the parameter is
 * spelled `Username`). A name without an account, or without clients
 * online, has nothing to end: the call succeeds and changes nothing.
 * Checks in order: ClientUser.NameEmpty, ClientUser.NameInvalid,
 * SAG.InstanceNoFound.
 */
import { appInstanceIn, checkExistingUserName } from './lookups';
import { defineOperation } from '../operation';

interface KickOutClientsParams {
  RegionId: string;
  SmartAGId: string;
  Username: string;
}

export default defineOperation<KickOutClientsParams>({
  action: 'KickOutClients',
  handle(params, context) {
    checkExistingUserName(params.Username);
    return context.store.transaction(() => {
      const instance = appInstanceIn(context, params.RegionId, params.SmartAGId);
      context.store.onlineClients.removeOfUser(context.accountId, instance.id, params.Username);
      return {};
    });
  },
});
