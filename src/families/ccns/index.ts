/** Cloud connect networks and the instances bound to them: the family's operations. */
import type { Operation } from '../operation';
import createCloudConnectNetwork from './create-cloud-connect-network';
import describeCloudConnectNetworks from './describe-cloud-connect-networks';
import modifyCloudConnectNetwork from './modify-cloud-connect-network';
import deleteCloudConnectNetwork from './delete-cloud-connect-network';
import bindSmartAccessGateway from './bind-smart-access-gateway';
import unbindSmartAccessGateway from './unbind-smart-access-gateway';

export { ccnFixtures as fixture } from './fixture';

export const operations: Operation[] = [
  createCloudConnectNetwork,
  describeCloudConnectNetworks,
  modifyCloudConnectNetwork,
  deleteCloudConnectNetwork,
  bindSmartAccessGateway,
  unbindSmartAccessGateway,
];
