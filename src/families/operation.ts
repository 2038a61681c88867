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
}

export function defineOperation<P>(operation: Operation<P>): Operation<P> {
  return operation;
}
