/**
 * ModifySmartAccessGateway: name, description, client CIDR blocks and
 * settings of an instance. All checks pass before anything changes.
 */
import { apiError, invalidParameter, type CatalogueCode } from '../../protocol/errors';
import { activationProblem } from './states';
import { allWithin, anyOverlap, cidrListProblem, isAssignableIn, splitCidrList, type CidrListProblem } from '../../model/cidr';
import { regionOf } from '../../model/regions';
import { isValidDescription, isValidResourceName } from '../../model/resource-names';
import { SAG_APP_TYPE, type Instance } from './instances-table';
import { instanceIn } from './lookups';
import { defineOperation, type OperationContext } from '../operation';

interface ModifySmartAccessGatewayParams {
  SmartAGId: string;
  RegionId: string;
  Name?: string;
  Description?: string;
  CidrBlock?: string;
  SecurityLockThreshold?: number;
  RoutingStrategy?: string;
  Position?: string;
  EnableSoftwareConnectionAudit?: boolean;
}

/** Client CIDR blocks an instance may have. */
const MAX_SAG_CIDR_BLOCKS = 5;
const NAME_MAX_LENGTH = 128;
const ROUTING_STRATEGIES = new Set(['static', 'dynamic']);

const CIDR_LIST_CODES: Record<CidrListProblem, CatalogueCode> = {
  format: 'SAG.InvalidCidrFormat',
  tooMany: 'SAG.CidrAmountLimit',
  invalid: 'SAG.InvalidCidr',
  overlap: 'SAG.CidrOverlap',
};

export default defineOperation<ModifySmartAccessGatewayParams>({
  action: 'ModifySmartAccessGateway',
  handle(params, context) {
    const regionId = regionOf(params.RegionId);
    return context.store.transaction(() => {
      const instance = instanceIn(context, regionId, params.SmartAGId);
      checkSettings(params, instance);
      const changed: Instance = {
        ...instance,
        name: params.Name ?? instance.name,
        description: params.Description ?? instance.description,
        securityLockThreshold: params.SecurityLockThreshold ?? instance.securityLockThreshold,
        routingStrategy: params.RoutingStrategy ?? instance.routingStrategy,
        position: params.Position ?? instance.position,
        connectionAudit: params.EnableSoftwareConnectionAudit ?? instance.connectionAudit,
      };
      if (params.CidrBlock !== undefined) {
        changed.cidrBlocks = splitCidrList(params.CidrBlock);
        checkCidrChange(instance, changed, context);
      }
      context.store.instances.save(changed);
      return {};
    });
  },
});

function checkSettings(params: ModifySmartAccessGatewayParams, instance: Instance): void {
  if (params.Name !== undefined && !isValidResourceName(params.Name, NAME_MAX_LENGTH)) throw apiError('InvalidName');
  if (params.Description !== undefined && !isValidDescription(params.Description)) throw apiError('InvalidDescription');
  if (params.RoutingStrategy !== undefined && !ROUTING_STRATEGIES.has(params.RoutingStrategy)) {
    throw invalidParameter('RoutingStrategy', 'must be static or dynamic');
  }
  // Connection auditing logs SAG APP clients: hardware has none.
  if (params.EnableSoftwareConnectionAudit !== undefined && instance.instanceType !== SAG_APP_TYPE) {
    throw apiError('ActionNotSupport');
  }
}

/**
 * Client blocks come out of the bound CCN's blocks, never overlap another
 * instance of that CCN, and keep every static client address assignable.
 */
function checkCidrChange(before: Instance, after: Instance, context: OperationContext): void {
  const activation = activationProblem(before.status);
  if (activation) throw apiError(activation === 'inArrears' ? 'SAG.Arrearage' : 'SAG.NoActive');
  const problem = cidrListProblem(after.cidrBlocks, MAX_SAG_CIDR_BLOCKS);
  if (problem) throw apiError(CIDR_LIST_CODES[problem]);
  if (after.routingStrategy === 'dynamic') throw apiError('SAG.NotAllowConfigCidr');
  const { accountId, store } = context;
  const ccn = before.ccnId === null ? undefined : store.ccns.findInRegion(accountId, before.regionId, before.ccnId);
  if (!ccn) throw apiError('SmartAccessGatewayNotBind');
  if (ccn.cidrBlocks.length === 0) throw apiError('SAG.CcnCidrNoConfig');
  if (!allWithin(after.cidrBlocks, ccn.cidrBlocks)) throw apiError('SAG.InvalidCidr.NoBelongCcnCidr');
  const others = store.instances.listOfCcn(accountId, ccn.id).filter((other) => other.id !== before.id);
  if (others.some((other) => anyOverlap(after.cidrBlocks, other.cidrBlocks))) throw apiError('SAG.CidrOverlap');
  const staticIps = store.clientUsers.listOfInstance(accountId, before.id).flatMap((user) => user.clientIp ?? []);
  if (staticIps.some((ip) => !isAssignableIn(ip, after.cidrBlocks))) throw apiError('SAG.CidrUsedByRoutableAddress');
}
