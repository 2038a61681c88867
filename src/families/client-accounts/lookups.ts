/**
 * What the client-account operations share: finding the SAG APP instance
 * and the account a call names, checking the names it gives, and the
 * summary of an account that Create and Modify answer.
 */
import { apiError, type CatalogueCode } from '../../protocol/errors';
import { isBlank, isWellFormedUserName } from '../../model/names';
import { SAG_APP_TYPE, type Instance } from '../instances/instances-table';
import type { ClientUser } from './client-users-table';
import { instanceIn } from '../instances/lookups';
import type { OperationContext } from '../operation';

/**
 * The SAG APP instance a call names. Only SAG APP instances hold client
 * accounts, so any other kind answers as absent, with the operation's
 * not-found code (Create and RoamClientUser document their own answer).
 */
export function appInstanceIn(
  context: OperationContext,
  regionId: string,
  id: string,
  notFound: CatalogueCode = 'SAG.InstanceNoFound',
): Instance {
  const instance = instanceIn(context, regionId, id, notFound);
  if (instance.instanceType !== SAG_APP_TYPE) throw apiError(notFound);
  return instance;
}

export function clientUserOn(context: OperationContext, instance: Instance, userName: string): ClientUser {
  const user = context.store.clientUsers.find(context.accountId, instance.id, userName);
  if (!user) throw apiError('ResourceNotFound.User');
  return user;
}

/** For the operations that document SAG.InstanceIdEmpty. */
export function checkInstanceIdGiven(smartAgId: string): void {
  if (isBlank(smartAgId)) throw apiError('SAG.InstanceIdEmpty');
}

/** A name that identifies an existing account: given, and well formed. */
export function checkExistingUserName(userName: string): void {
  if (isBlank(userName)) throw apiError('ClientUser.NameEmpty');
  if (!isWellFormedUserName(userName)) throw apiError('ClientUser.NameInvalid');
}

/**
 * The distinct names a statistics call asks about, in request order. An
 * item may also hold several names separated by commas (a user name cannot
 * contain one), as one operation's documentation describes the list.
 */
export function requestedUserNames(items: readonly string[]): string[] {
  const names = items.flatMap((item) => item.split(',')).map((name) => name.trim());
  names.forEach(checkExistingUserName);
  return [...new Set(names)];
}

/** The account as CreateSmartAccessGatewayClientUser and ModifySmartAccessGatewayClientUser answer it. */
export function accountSummary(user: ClientUser) {
  return {
    UserName: user.userName,
    UserMail: user.userMail,
    Bandwidth: user.bandwidth,
    ClientIp: user.clientIp ?? '',
  };
}
