/** SAG instances and SAG APP subscriptions: the family's operations. */
import type { Operation } from '../operation';
import createSmartAccessGatewaySoftware from './create-smart-access-gateway-software';
import upgradeSmartAccessGatewaySoftware from './upgrade-smart-access-gateway-software';
import downgradeSmartAccessGatewaySoftware from './downgrade-smart-access-gateway-software';
import describeSmartAccessGateways from './describe-smart-access-gateways';
import describeSmartAccessGatewayAttribute from './describe-smart-access-gateway-attribute';
import modifySmartAccessGateway from './modify-smart-access-gateway';
import deleteSmartAccessGateway from './delete-smart-access-gateway';
import describeRegions from './describe-regions';
import getSmartAccessGatewayUseLimit from './get-smart-access-gateway-use-limit';

export { instanceFixtures as fixture } from './fixture';

export const operations: Operation[] = [
  createSmartAccessGatewaySoftware,
  upgradeSmartAccessGatewaySoftware,
  downgradeSmartAccessGatewaySoftware,
  describeSmartAccessGateways,
  describeSmartAccessGatewayAttribute,
  modifySmartAccessGateway,
  deleteSmartAccessGateway,
  describeRegions,
  getSmartAccessGatewayUseLimit,
];
