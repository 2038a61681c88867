/**
 * The registry of stateful operations, keyed by the exact Action name: every
 * resource family contributes its operations. Every other operation of the
 * spec is answered by synthesis (or the NotImplemented error, with
 * --unimplemented error).
 */
import type { Operation } from './operation';
import type { AccountBasics, FixtureSection } from '../fixtures/section';
import * as clientAccounts from './client-accounts';
import * as instances from './instances';
import * as ccns from './ccns';
import * as enterpriseCodes from './enterprise-codes';
import * as acls from './acls';

const families = [clientAccounts, instances, ccns, enterpriseCodes, acls];

export const operations: ReadonlyMap<string, Operation> = new Map(
  families.flatMap((family) => family.operations).map((op) => [op.action, op]),
);

/** The fixture sections of the families that have one, in registry order. */
export const fixtureSections: FixtureSection<AccountBasics>[] = families.flatMap((family) => ('fixture' in family ? [family.fixture as FixtureSection<AccountBasics>] : []));

export function statefulActions(): string[] {
  return [...operations.keys()].sort();
}
