/**
 * The registry of stateful operations, keyed by the exact Action name: every
 * resource family contributes its operations. Every other operation of the
 * spec is answered by synthesis (or the NotImplemented error, with
 * --unimplemented error).
 */
import type { Operation } from './operation';
import * as clientAccounts from './client-accounts';
import * as instances from './instances';
import * as ccns from './ccns';
import * as enterpriseCodes from './enterprise-codes';

const families = [clientAccounts, instances, ccns, enterpriseCodes];

export const operations: ReadonlyMap<string, Operation> = new Map(
  families.flatMap((family) => family.operations).map((op) => [op.action, op]),
);

export function statefulActions(): string[] {
  return [...operations.keys()].sort();
}
