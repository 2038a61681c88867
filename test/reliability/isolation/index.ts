/** The resource families' parts of the isolation test, in registry order. */
import type { IsolationFamily } from './family';
import { aclIsolation } from './acls';
import { flowLogIsolation } from './flow-logs';

export const isolationFamilies: IsolationFamily[] = [aclIsolation, flowLogIsolation];
