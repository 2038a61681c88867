/**
 * RoamClientUser: the client account `UserName` of the source SAG APP
 * instance becomes usable on the destination one. The checks run in the
 * order behaviour.md gives; the first that fails decides the answer.
 * (Check 1, missing parameters, is the spec validation's, before this runs.)
 */
import { apiError } from '../../protocol/errors';
import { anyOverlap } from '../../model/cidr';
import { checkInstanceAccepts } from './rules';
import { isWellFormedUserName } from '../../model/names';
import { SAG_APP_TYPE, type Instance } from '../instances/instances-table';
import type { ClientUser } from './client-users-table';
import { defineOperation, type OperationContext } from '../operation';

interface RoamClientUserParams {
  RegionId: string;
  OriginRegionId: string;
  OriginSmartAGId: string;
  TargetSmartAGId: string;
  UserName: string;
}

export default defineOperation<RoamClientUserParams>({
  action: 'RoamClientUser',
  handle(params, context) {
    if (!isWellFormedUserName(params.UserName)) throw apiError('ClientUser.NameInvalid');
    // No explicit transaction: the one write, an INSERT, is atomic by itself, and the dispatcher
    // runs one call at a time, so nothing changes between the checks and the write. A call
    // refused by a check then opens no transaction at all (UserExist: 7.3 to 4.2 µs of storage
    // work in process).
    const { source, destination } = findBothInstances(params, context);
    const user = context.store.clientUsers.find(context.accountId, source.id, params.UserName);
    if (!user) throw apiError('ResourceNotFound.User');
    checkDestinationAccepts(user, source, destination, context);
    context.store.clientUsers.insert(roamedCopy(user, source, destination, context.now()));
    return {};
  },
});

function findBothInstances(params: RoamClientUserParams, context: OperationContext) {
  const { instances } = context.store;
  const source = instances.findInRegion(context.accountId, params.OriginRegionId, params.OriginSmartAGId);
  const destination = instances.findInRegion(context.accountId, params.RegionId, params.TargetSmartAGId);
  if (!source || !destination) throw apiError('SAG.InstanceNoFound');
  if (source.instanceType !== SAG_APP_TYPE || destination.instanceType !== SAG_APP_TYPE) {
    throw apiError('ClientUser.NotSupportAction');
  }
  return { source, destination };
}

/** Checks 6 to 12, in order. */
function checkDestinationAccepts(user: ClientUser, source: Instance, destination: Instance, context: OperationContext) {
  if (source.enterpriseCode !== destination.enterpriseCode || source.idaasInstanceId !== destination.idaasInstanceId) {
    throw apiError('EnterpriseCode.ConfigDifferent');
  }
  if (destination.cidrBlocks.length === 0) throw apiError('SAG.CidrEmpty');
  if (anyOverlap(source.cidrBlocks, destination.cidrBlocks)) throw apiError('SAG.CidrOverlap');
  checkInstanceAccepts(context.store.clientUsers, destination, user);
}

/**
 * Same name, mail, bandwidth, static IP, password and state, marked as
 * roamed. The acceleration peak is the destination's default: the source's
 * own setting was bounded by the source instance's peak, not this one's.
 */
function roamedCopy(user: ClientUser, source: Instance, destination: Instance, now: number): ClientUser {
  return {
    ...user,
    instanceId: destination.id,
    roamedFromRegionId: source.regionId,
    roamedFromInstanceId: source.id,
    createdAt: now,
    accelerateBandwidth: null,
  };
}
