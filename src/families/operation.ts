import type { Store } from '../storage/store';

/** What a handler knows of the call besides its parameters. */
export interface OperationContext {
  requestId: string;
  /** The caller's account: every read and write is scoped by it. */
  accountId: string;
  store: Store;
  now(): number;
}

/**
 * One API operation with a stateful implementation. Parameters arrive
 * validated and typed against the spec; the handler runs synchronously and
 * returns the documented body without RequestId, or throws an ApiError.
 */
export interface Operation<P = any> {
  action: string;
  handle(params: P, context: OperationContext): object;
  /**
   * A read whose answer depends on the clock as well as on the state (a default taken from
   * today's date): it is never served from the read-answer cache (dispatcher.ts).
   */
  readsTheClock?: true;
}

/** Reads by name: the answer is a function of the state, the caller and the parameters. */
const READ_ACTION = /^(Describe|List|Get|View)/;

/** Whether a call's answer may be served again until the next change of any row (dispatcher.ts). */
export function answersFromState(operation: Operation): boolean {
  return READ_ACTION.test(operation.action) && operation.readsTheClock !== true;
}

export function defineOperation<P>(operation: Operation<P>): Operation<P> {
  return operation;
}
