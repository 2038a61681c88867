/** The resource families' parts of the isolation test, in registry order. */
import type { IsolationFamily } from './family';
import { aclIsolation } from './acls';
import { ccnGrantIsolation } from './ccn-grants';

export const isolationFamilies: IsolationFamily[] = [aclIsolation, ccnGrantIsolation];
