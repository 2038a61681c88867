/** Flow logs and the instances they capture: the family's operations. */
import type { Operation } from '../operation';
import createFlowLog from './create-flow-log';
import describeFlowLogs from './describe-flow-logs';
import modifyFlowLogAttribute from './modify-flow-log-attribute';
import deleteFlowLog from './delete-flow-log';
import activeFlowLog from './active-flow-log';
import deactiveFlowLog from './deactive-flow-log';
import associateFlowLog from './associate-flow-log';
import disassociateFlowLog from './disassociate-flow-log';
import describeFlowLogSags from './describe-flow-log-sags';
import describeUnbindFlowLogSags from './describe-unbind-flow-log-sags';

export { flowLogFixtures as fixture } from './fixture';

export const operations: Operation[] = [
  createFlowLog,
  describeFlowLogs,
  modifyFlowLogAttribute,
  deleteFlowLog,
  activeFlowLog,
  deactiveFlowLog,
  associateFlowLog,
  disassociateFlowLog,
  describeFlowLogSags,
  describeUnbindFlowLogSags,
];
