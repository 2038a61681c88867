/** Client accounts of SAG APP instances: their sessions, traffic, DNS and roaming: the family's operations. */
import type { Operation } from '../operation';
import roamClientUser from './roam-client-user';
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

export { clientUserFixtures as fixture } from './fixture';

export const operations: Operation[] = [
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
];
