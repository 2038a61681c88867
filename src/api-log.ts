/**
 * What the log says about one API call beyond the per-request line: a
 * signature lenient mode did not accept (warn: the client is served, and
 * would be refused by the real service), and at debug level the call's
 * parameters (secrets redacted), the fault that fired and whether the answer
 * was synthesised. Parameters are re-read only when debug is on.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { EmulatorConfig } from './config';
import type { DispatchResult } from './dispatcher';
import { redactParams } from './control/journal';
import { rereadParams } from './protocol/read-request';

const DEBUG_LEVELS = new Set(['debug', 'trace']);

export function logApiCall(log: FastifyBaseLogger, config: EmulatorConfig, call: { url: string; body: string }, result: DispatchResult): void {
  if (config.logLevel === 'silent') return;
  const debug = DEBUG_LEVELS.has(config.logLevel);
  const who = { requestId: result.requestId, action: result.action };
  if (result.authFailure !== null) {
    if (config.auth === 'lenient') log.warn({ ...who, signature: result.authFailure }, 'signature not accepted; served anyway (lenient mode)');
    else if (debug) log.debug({ ...who, signature: result.authFailure }, 'signature refused');
  }
  if (!debug) return;
  log.debug({ ...who, params: readableParams(call, config) }, 'parameters');
  if (result.fault !== null) log.debug({ ...who, fault: result.fault, delayMs: result.delayMs, disconnect: result.disconnect, code: result.code ?? undefined }, 'fault fired');
  if (result.synthesized) log.debug(who, 'answer synthesised from the documented response schema');
}

/** The parameters, secrets redacted; a request the reader refused (too long, too many) says why instead. */
function readableParams(call: { url: string; body: string }, config: EmulatorConfig): Record<string, string> | string {
  try {
    return redactParams(rereadParams(call.url, call.body, config));
  } catch {
    return '(not readable: the request broke a limit; its code says which)';
  }
}
