/** The resource families' parts of the isolation test, in registry order. */
import type { IsolationFamily } from './family';
import { aclIsolation } from './acls';

export const isolationFamilies: IsolationFamily[] = [aclIsolation];
