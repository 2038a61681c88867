/** What an instance's status allows. */

/** Statuses of an instance that has never been activated (hardware on its way, or not yet set up). */
const NOT_ACTIVATED = new Set(['Ordered', 'Shipped', 'Init']);

/** Locked is the state of an instance with overdue payments. */
export const LOCKED_STATUS = 'Locked';

/** Why the instance cannot take network changes now, if it cannot. */
export function activationProblem(status: string): 'notActivated' | 'inArrears' | undefined {
  if (status === LOCKED_STATUS) return 'inArrears';
  return NOT_ACTIVATED.has(status) ? 'notActivated' : undefined;
}
