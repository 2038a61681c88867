/**
 * CreateSmartAccessGatewayClientUser: a new client account on a SAG APP
 * instance. The parameters are checked first, then the instance; the first
 * failing check decides the answer:
 *
 *  1. ClientUser.NameEmpty: UserName of spaces only, or a Password without UserName
 *  2. ClientUser.NameInvalid: UserName outside the 7-33 rule
 *  3. ClientUser.PasswordInvalid: UserName without Password, or a Password outside its rule
 *  4. ClientUser.EmailEmpty, 5. ClientUser.EmailInvalid: UserMail
 *  6. ClientUser.NameInvalid: with neither name nor password, the mail becomes
 *     the name, so it must meet the name rule too
 *  7. ClientUser.BandwidthInvalid: outside 1-20000 Kbps
 *  8. ClientUser.IpEmpty, 9. ClientUser.IpInvalid: ClientIp of spaces only, not an IPv4 address
 * 10. SAG.InstanceNoFound, 11. ClientUser.NotSupportAction (not a SAG APP instance)
 * 12. SAG.CidrEmpty: the instance has no client CIDR block to give addresses from
 * 13-16. ClientUser.UserExist, UserOverLimit, BandwidthInvalid (above the
 *     instance's ceiling), InvalidClientIp: as RoamClientUser's checks 9-12
 */
import { apiError } from '../../protocol/errors';
import { parseIpv4 } from '../../model/cidr';
import { checkInstanceAccepts, ENABLED_STATE, isInBandwidthRange } from './rules';
import { isBlank, isValidEmail, isValidNewUserName, isValidPassword } from '../../model/names';
import { generatePassword, hashPassword } from '../../model/passwords';
import { SAG_APP_TYPE } from '../instances/instances-table';
import type { ClientUser } from './client-users-table';
import { instanceIn } from '../instances/lookups';
import { accountSummary } from './lookups';
import { defineOperation } from '../operation';

interface CreateClientUserParams {
  RegionId: string;
  SmartAGId: string;
  UserName?: string;
  Password?: string;
  UserMail: string;
  Bandwidth: number;
  ClientIp?: string;
}

interface Credentials {
  userName: string;
  password: string;
}

export default defineOperation<CreateClientUserParams>({
  action: 'CreateSmartAccessGatewayClientUser',
  handle(params, context) {
    const credentials = credentialsOf(params);
    checkBandwidth(params.Bandwidth);
    const clientIp = staticIpOf(params.ClientIp);
    // Hashing is slow by design: done before the transaction, which it must not hold up.
    const passwordHash = hashPassword(credentials.password);
    return context.store.transaction(() => {
      const instance = instanceIn(context, params.RegionId, params.SmartAGId);
      if (instance.instanceType !== SAG_APP_TYPE) throw apiError('ClientUser.NotSupportAction');
      if (instance.cidrBlocks.length === 0) throw apiError('SAG.CidrEmpty');
      const user: ClientUser = {
        accountId: context.accountId,
        instanceId: instance.id,
        userName: credentials.userName,
        userMail: params.UserMail,
        bandwidth: params.Bandwidth,
        clientIp,
        passwordHash,
        state: ENABLED_STATE,
        roamedFromRegionId: null,
        roamedFromInstanceId: null,
        createdAt: context.now(),
        accelerateBandwidth: null,
      };
      checkInstanceAccepts(context.store.clientUsers, instance, user);
      context.store.clientUsers.insert(user);
      return accountSummary(user);
    });
  },
});

/** Checks 1 to 6: the name and password given together, or both derived. */
function credentialsOf(params: CreateClientUserParams): Credentials {
  const given = givenCredentials(params);
  if (isBlank(params.UserMail)) throw apiError('ClientUser.EmailEmpty');
  if (!isValidEmail(params.UserMail)) throw apiError('ClientUser.EmailInvalid');
  if (given) return given;
  if (!isValidNewUserName(params.UserMail)) throw apiError('ClientUser.NameInvalid');
  return { userName: params.UserMail, password: generatePassword() };
}

/** Checks 1 to 3; undefined when neither is given. */
function givenCredentials({ UserName: userName, Password: password }: CreateClientUserParams): Credentials | undefined {
  if (userName === undefined) {
    if (password !== undefined) throw apiError('ClientUser.NameEmpty');
    return undefined;
  }
  if (isBlank(userName)) throw apiError('ClientUser.NameEmpty');
  if (!isValidNewUserName(userName)) throw apiError('ClientUser.NameInvalid');
  if (password === undefined || !isValidPassword(password)) throw apiError('ClientUser.PasswordInvalid');
  return { userName, password };
}

function checkBandwidth(bandwidth: number): void {
  if (!isInBandwidthRange(bandwidth)) throw apiError('ClientUser.BandwidthInvalid');
}

/** Checks 8 and 9; null when the account gets a new address at each connection. */
function staticIpOf(clientIp: string | undefined): string | null {
  if (clientIp === undefined) return null;
  if (isBlank(clientIp)) throw apiError('ClientUser.IpEmpty');
  if (parseIpv4(clientIp) === undefined) throw apiError('ClientUser.IpInvalid');
  return clientIp;
}
