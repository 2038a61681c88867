/** Grants around CCNs: CCNs to other accounts' CEN instances, instances to other accounts' CCNs; the family's operations. */
import type { Operation } from '../operation';
import grantInstanceToCbn from './grant-instance-to-cbn';
import revokeInstanceFromCbn from './revoke-instance-from-cbn';
import describeGrantRules from './describe-grant-rules';
import getCloudConnectNetworkUseLimit from './get-cloud-connect-network-use-limit';
import grantSagInstanceToCcn from './grant-sag-instance-to-ccn';
import revokeSagInstanceFromCcn from './revoke-sag-instance-from-ccn';
import describeGrantSagRules from './describe-grant-sag-rules';
import describeBindableSmartAccessGateways from './describe-bindable-smart-access-gateways';

export { grantFixtures as fixture } from './fixture';

export const operations: Operation[] = [
  grantInstanceToCbn,
  revokeInstanceFromCbn,
  describeGrantRules,
  getCloudConnectNetworkUseLimit,
  grantSagInstanceToCcn,
  revokeSagInstanceFromCcn,
  describeGrantSagRules,
  describeBindableSmartAccessGateways,
];
