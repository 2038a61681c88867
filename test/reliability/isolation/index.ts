/** The resource families' parts of the isolation test, in registry order. */
import type { IsolationFamily } from './family';
import { aclIsolation } from './acls';
import { ccnGrantIsolation } from './ccn-grants';
import { natIsolation } from './nat';
import { vbrIsolation } from './vbr';
import { flowLogIsolation } from './flow-logs';
import { qosIsolation } from './qos';

export const isolationFamilies: IsolationFamily[] = [aclIsolation, ccnGrantIsolation, natIsolation, vbrIsolation, flowLogIsolation, qosIsolation];
