/**
 * The registry of stateful operations, keyed by the exact Action name.
 * Every other operation of the spec is answered by synthesis (or the
 * NotImplemented error, with --unimplemented error).
 */
import type { Operation } from './operation';
import roamClientUser from './roam-client-user';

const all: Operation[] = [
  roamClientUser,
];

export const operations: ReadonlyMap<string, Operation> = new Map(all.map((op) => [op.action, op]));

export function statefulActions(): string[] {
  return [...operations.keys()].sort();
}
