/**
 * The registry of stateful operations, keyed by the exact Action name: every
 * resource family contributes its operations. Every other operation of the
 * spec is answered by synthesis (or the NotImplemented error, with
 * --unimplemented error).
 */
import type { Operation } from './operation';
import type { AccountBasics, FixtureSection } from '../fixtures/section';
import * as enterpriseCodes from './enterprise-codes';
import * as ccns from './ccns';
import * as instances from './instances';
import * as clientAccounts from './client-accounts';
import * as acls from './acls';
import * as nat from './nat';
import * as vbr from './vbr';
import * as ccnGrants from './ccn-grants';
import * as flowLogs from './flow-logs';
import * as qos from './qos';

/** In the order their fixture sections load: what a family's rows refer to loads before it. */
const families = [enterpriseCodes, ccns, instances, clientAccounts, acls, nat, vbr, ccnGrants, flowLogs, qos];

export const operations: ReadonlyMap<string, Operation> = new Map(
  families.flatMap((family) => family.operations).map((op) => [op.action, op]),
);

/** Every family's fixture section, in the order above. */
export const fixtureSections: FixtureSection<AccountBasics>[] = families.flatMap((family) => ('fixture' in family ? [family.fixture as FixtureSection<AccountBasics>] : []));

export function statefulActions(): string[] {
  return [...operations.keys()].sort();
}
