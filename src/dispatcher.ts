/**
 * The one dispatcher: every API call goes read -> route -> authenticate ->
 * validate -> handle (or synthesise) -> render, and every failure on the way
 * becomes one rendered error. Synchronous from end to end, so a handler's
 * transaction never interleaves with another request's.
 */
import { randomUUID } from 'node:crypto';
import type { Emulator } from './emulator';
import type { AuthEnvironment } from './protocol/auth';
import { authenticate } from './protocol/auth';
import type { ApiRequest } from './protocol/api-request';
import { ApiError, apiError, missingParameter } from './protocol/errors';
import { guessFormat, readApiRequest, type HttpRequestParts } from './protocol/read-request';
import { renderError, renderRepeatedSuccess, renderSuccess, type RenderedResponse } from './protocol/render';
import { getOperation } from './spec';
import { validateParams } from './spec/validate';
import { synthesizeResponse } from './spec/synthesize';
import { operations } from './families';
import { answersFromState } from './families/operation';

export const API_VERSION = '2018-03-13';
export const SYNTHESIZED_HEADER = 'x-emulator-synthesized';
export const AUTH_FAILURE_HEADER = 'x-emulator-auth-failure';
export const FAULT_HEADER = 'x-emulator-fault';

export interface DispatchResult {
  response: RenderedResponse;
  requestId: string;
  action: string;
  accountId: string;
  /** Error code, or null on success. */
  code: string | null;
  synthesized: boolean;
  authFailure: string | null;
  /** Id of the fault rule that applied, or null. */
  fault: string | null;
  /** Milliseconds the HTTP layer waits before answering (a latency fault). */
  delayMs: number;
  /** Drop the connection instead of answering (an ambiguous-success fault; the change is committed). */
  disconnect: boolean;
  /** The call's journal sequence number (0 when the journal is off). */
  seq: number;
}

export interface DispatchEnvironment {
  emulator: Emulator;
  auth: AuthEnvironment;
  /** Logs an unexpected exception with its stack (server side only). */
  logInternalError(error: unknown, requestId: string): void;
}

export function newRequestId(): string {
  return randomUUID().toUpperCase();
}

export function dispatch(http: HttpRequestParts, env: DispatchEnvironment): DispatchResult {
  const requestId = newRequestId();
  const started = performance.now();
  const result: DispatchResult = {
    response: undefined as unknown as RenderedResponse,
    requestId,
    action: '',
    accountId: env.emulator.defaultAccountId,
    code: null,
    synthesized: false,
    authFailure: null,
    fault: null,
    delayMs: 0,
    disconnect: false,
    seq: 0,
  };
  let request: ApiRequest | undefined;
  try {
    request = readApiRequest(http, env.emulator.config);
    result.action = request.action;
    result.response = handle(request, result, env);
  } catch (error) {
    const apiErr = error instanceof ApiError ? error : internalError(error, requestId, env);
    result.code = apiErr.code;
    result.response = renderError(apiErr, requestId, request?.format ?? guessFormat(http.url));
  }
  decorate(result);
  result.seq = record(result, http, request, performance.now() - started, env);
  return result;
}

function handle(request: ApiRequest, result: DispatchResult, env: DispatchEnvironment): RenderedResponse {
  const { emulator } = env;
  checkRoute(request);
  const auth = authenticate(request, env.auth);
  result.accountId = auth.accountId;
  if (auth.failure) result.authFailure = `${auth.failure.code}: ${auth.failure.message}`;
  // Faults apply once action and account are known; an error fault answers before validation.
  const fault = emulator.faults.match({ action: request.action, accountId: auth.accountId, params: request.params });
  if (fault) {
    result.fault = fault.id;
    result.delayMs = fault.latencyMs;
    if (fault.error) throw fault.error;
  }
  const params = validateParams(request.action, request.params, { strictParams: emulator.config.strictParams });
  const operation = operations.get(request.action);
  let rendered: RenderedResponse;
  if (operation) {
    const run = () => operation.handle(params, {
      requestId: result.requestId,
      accountId: auth.accountId,
      store: emulator.store,
      now: Date.now,
    });
    // A read answers the same until a row changes, and its body is rendered once per format.
    rendered = answersFromState(operation)
      ? renderRepeatedSuccess(request.action, result.requestId, emulator.store.readAnswers(`${auth.accountId}\n${request.action}\n${JSON.stringify(params)}`, run), request.format)
      : renderSuccess(request.action, result.requestId, run(), request.format);
  } else if (emulator.config.unimplemented === 'error') {
    throw apiError('NotImplemented');
  } else {
    rendered = renderSuccess(request.action, result.requestId, synthesizeResponse(request.action), request.format);
    result.synthesized = true;
  }
  // Ambiguous success: the handler has committed; the client is told otherwise.
  if (fault?.ambiguous === 'disconnect') result.disconnect = true;
  else if (fault?.ambiguous) throw fault.ambiguous;
  return rendered;
}

/** Action and Version name one operation of this product version. */
function checkRoute(request: ApiRequest): void {
  if (request.action === '') throw missingParameter('Action');
  if (request.version === '') throw missingParameter('Version');
  if (request.version !== API_VERSION) throw apiError('InvalidVersion');
  if (!getOperation(request.action)) throw apiError('InvalidAction.NotFound');
}

function internalError(error: unknown, requestId: string, env: DispatchEnvironment): ApiError {
  env.logInternalError(error, requestId);
  return apiError('InternalError');
}

function decorate(result: DispatchResult): void {
  if (result.synthesized) result.response.headers[SYNTHESIZED_HEADER] = 'true';
  if (result.authFailure) result.response.headers[AUTH_FAILURE_HEADER] = result.authFailure.replace(/\n/g, '\\n'); // a header value cannot hold the newline of a v3 string to sign
  if (result.fault) result.response.headers[FAULT_HEADER] = result.fault;
}

/** Only references and numbers: redaction and formatting wait until the journal is read (control/journal.ts). */
function record(
  result: DispatchResult,
  http: HttpRequestParts,
  request: ApiRequest | undefined,
  durationMs: number,
  env: DispatchEnvironment,
): number {
  const journal = env.emulator.journal;
  if (journal.capacity === 0) return 0;
  return journal.record({
    time: Date.now(),
    requestId: result.requestId,
    action: result.action,
    accountId: result.accountId,
    method: http.method,
    // Read again, and redacted, only when the entry is read.
    url: request === undefined ? undefined : http.url,
    body: request === undefined ? '' : http.body,
    params: request?.params,
    // 0: no answer, the connection was dropped.
    status: result.disconnect ? 0 : result.response.status,
    code: result.code,
    durationMs,
    synthesized: result.synthesized,
    authFailure: result.authFailure,
    fault: result.fault,
    responseBody: result.response.body,
  });
}
