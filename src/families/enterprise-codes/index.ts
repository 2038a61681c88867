/** Enterprise codes and the instances that use them: the family's operations. */
import type { Operation } from '../operation';
import createEnterpriseCode from './create-enterprise-code';
import listEnterpriseCode from './list-enterprise-code';
import updateEnterpriseCode from './update-enterprise-code';
import deleteEnterpriseCode from './delete-enterprise-code';
import updateSmartAgEnterpriseCode from './update-smart-ag-enterprise-code';

export { enterpriseCodeFixtures as fixture } from './fixture';

export const operations: Operation[] = [
  createEnterpriseCode,
  listEnterpriseCode,
  updateEnterpriseCode,
  deleteEnterpriseCode,
  updateSmartAgEnterpriseCode,
];
