/**
 * The registry of stateful operations, keyed by the exact Action name.
 * Every other operation of the spec is answered by synthesis (or the
 * NotImplemented error, with --unimplemented error).
 */
import type { Operation } from './operation';
import roamClientUser from './roam-client-user';
// Client accounts, their online clients and settings
import createSmartAccessGatewayClientUser from './create-smart-access-gateway-client-user';
import describeSmartAccessGatewayClientUsers from './describe-smart-access-gateway-client-users';
import modifySmartAccessGatewayClientUser from './modify-smart-access-gateway-client-user';
import deleteSmartAccessGatewayClientUser from './delete-smart-access-gateway-client-user';
import resetSmartAccessGatewayClientUserPassword from './reset-smart-access-gateway-client-user-password';
import enableSmartAccessGatewayUser from './enable-smart-access-gateway-user';
import disableSmartAccessGatewayUser from './disable-smart-access-gateway-user';
import updateSmartAgUserAccelerateConfig from './update-smart-ag-user-accelerate-config';
import describeUserOnlineClients from './describe-user-online-clients';
import kickOutClients from './kick-out-clients';
import describeUserOnlineClientStatistics from './describe-user-online-client-statistics';
import describeSagOnlineClientStatistics from './describe-sag-online-client-statistics';
import describeUserFlowStatistics from './describe-user-flow-statistics';
import modifyClientUserDns from './modify-client-user-dns';
import describeClientUserDns from './describe-client-user-dns';
// Instances
import createSmartAccessGatewaySoftware from './create-smart-access-gateway-software';
import upgradeSmartAccessGatewaySoftware from './upgrade-smart-access-gateway-software';
import downgradeSmartAccessGatewaySoftware from './downgrade-smart-access-gateway-software';
import describeSmartAccessGateways from './describe-smart-access-gateways';
import describeSmartAccessGatewayAttribute from './describe-smart-access-gateway-attribute';
import modifySmartAccessGateway from './modify-smart-access-gateway';
import deleteSmartAccessGateway from './delete-smart-access-gateway';
import describeRegions from './describe-regions';
import getSmartAccessGatewayUseLimit from './get-smart-access-gateway-use-limit';
// Cloud connect networks
import createCloudConnectNetwork from './create-cloud-connect-network';
import describeCloudConnectNetworks from './describe-cloud-connect-networks';
import modifyCloudConnectNetwork from './modify-cloud-connect-network';
import deleteCloudConnectNetwork from './delete-cloud-connect-network';
import bindSmartAccessGateway from './bind-smart-access-gateway';
import unbindSmartAccessGateway from './unbind-smart-access-gateway';
// Enterprise codes
import createEnterpriseCode from './create-enterprise-code';
import listEnterpriseCode from './list-enterprise-code';
import updateEnterpriseCode from './update-enterprise-code';
import deleteEnterpriseCode from './delete-enterprise-code';
import updateSmartAgEnterpriseCode from './update-smart-ag-enterprise-code';

const all: Operation[] = [
  roamClientUser,
  createSmartAccessGatewayClientUser,
  describeSmartAccessGatewayClientUsers,
  modifySmartAccessGatewayClientUser,
  deleteSmartAccessGatewayClientUser,
  resetSmartAccessGatewayClientUserPassword,
  enableSmartAccessGatewayUser,
  disableSmartAccessGatewayUser,
  updateSmartAgUserAccelerateConfig,
  describeUserOnlineClients,
  kickOutClients,
  describeUserOnlineClientStatistics,
  describeSagOnlineClientStatistics,
  describeUserFlowStatistics,
  modifyClientUserDns,
  describeClientUserDns,
  createSmartAccessGatewaySoftware,
  upgradeSmartAccessGatewaySoftware,
  downgradeSmartAccessGatewaySoftware,
  describeSmartAccessGateways,
  describeSmartAccessGatewayAttribute,
  modifySmartAccessGateway,
  deleteSmartAccessGateway,
  describeRegions,
  getSmartAccessGatewayUseLimit,
  createCloudConnectNetwork,
  describeCloudConnectNetworks,
  modifyCloudConnectNetwork,
  deleteCloudConnectNetwork,
  bindSmartAccessGateway,
  unbindSmartAccessGateway,
  createEnterpriseCode,
  listEnterpriseCode,
  updateEnterpriseCode,
  deleteEnterpriseCode,
  updateSmartAgEnterpriseCode,
];

export const operations: ReadonlyMap<string, Operation> = new Map(all.map((op) => [op.action, op]));

export function statefulActions(): string[] {
  return [...operations.keys()].sort();
}
