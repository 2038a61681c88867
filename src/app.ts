/**
 * buildApp(config): the Fastify application, never listening (the CLI and
 * startEmulator do that; tests use app.inject()). One route serves the API
 * at `/`; the control plane lives under /_emulator/.
 */
import type { Socket } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { EmulatorConfig } from './config';
import { openEmulator, type Emulator } from './emulator';
import { dispatch, type DispatchEnvironment, type DispatchResult } from './dispatcher';
import { apiError, type ApiError, type CatalogueCode } from './protocol/errors';
import { guessFormat } from './protocol/read-request';
import { renderError, type RenderedResponse } from './protocol/render';
import { NonceStore } from './protocol/nonce-store';
import { SIGNATURE_WINDOW_MS } from './protocol/timestamp';
import { createUsedNonces } from './storage/used-nonces';
import { newRequestId } from './dispatcher';
import { CONTROL_PREFIX, registerControlRoutes } from './control/routes';
import { flushLog } from './log-destination';
import { logStreamFor } from './log-format';
import { VERSION } from './version';
import { logApiCall } from './api-log';
import { answerInEnvelope, answerParseError, bodyNeverInvited, drainUnreadBody } from './http-edges';

declare module 'fastify' {
  interface FastifyInstance {
    emulator: Emulator;
  }
  interface FastifyRequest {
    /** Set by the API route for the per-request log line. */
    apiSummary?: { requestId: string; action: string; accountId: string; code: string | null };
  }
}

const API_METHODS = ['GET', 'POST'];
const MAX_HEADER_BYTES = 16 * 1024;
const ALL_METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'];

export async function buildApp(config: EmulatorConfig): Promise<FastifyInstance> {
  const emulator = openEmulator(config);
  const nonces = openNonceStore(emulator);
  const app = Fastify({
    // Lines are written once per turn of the event loop (log-destination.ts says why).
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel, stream: logStreamFor(config.logFormat) },
    // One log line per request is ours (onResponse below), not Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    // Every request logs through the root logger: Fastify's per-request child logger only adds its
    // own counter (reqId), and creating it cost about as much as writing the line. The API's line
    // carries the RequestId the client sees instead.
    childLoggerFactory: (logger) => logger,
    bodyLimit: config.bodyLimit,
    requestTimeout: config.requestTimeout,
    // No socket idle timeout: requestTimeout (enforced below) bounds a slow or silent client and
    // keepAliveTimeout an idle connection, while an idle timeout would also drop a connection whose
    // answer is held back by a latency fault longer than requestTimeout.
    connectionTimeout: 0,
    keepAliveTimeout: config.keepAliveTimeout,
    http: {
      // Node enforces requestTimeout on the whole request only when headersTimeout is not
      // larger (it swaps the two otherwise, and its default is 60 s), and checks every
      // connectionsCheckingInterval (30 s by default): without these, a client trickling
      // its body a byte at a time held a connection far past requestTimeout.
      requestTimeout: config.requestTimeout,
      headersTimeout: config.requestTimeout,
      connectionsCheckingInterval: Math.min(1000, config.requestTimeout),
      // Request line plus headers, a GET's whole query string included: Node's default,
      // stated so the limit is deliberate (RequestHeaderFieldsTooLarge beyond it).
      maxHeaderSize: MAX_HEADER_BYTES,
      // Node answers a missing Host with a bare 400 of its own; the onRequest hook below answers in the envelope.
      requireHostHeader: false,
    },
    clientErrorHandler: answerClientError,
    // While closing, Fastify answers requests already on a connection with its own 503 body,
    // which has no Code (pop-core reads that as a success). Serve them instead, with
    // Connection: close; the database closes only after the last connection (onClose below).
    return503OnClosing: false,
    exposeHeadRoutes: false,
    // The API parses the raw query itself (signatures need it verbatim).
    routerOptions: { querystringParser: () => ({}) },
    frameworkErrors: (error, request, reply) => sendApiError(reply, frameworkError(error), request.raw.url ?? ''),
    // No route declares a schema: the API and the control plane check their own input. With
    // these factories Fastify never loads its ajv and fast-json-stringify compilers (about 30 ms
    // of start-up); a route given a schema by mistake fails at start with this message.
    schemaController: { compilersFactory: { buildValidator: noRouteSchemas, buildSerializer: noRouteSchemas } },
  });
  app.decorate('emulator', emulator);
  answerInEnvelope(app.server, { waitMs: config.requestTimeout, bodyLimit: config.bodyLimit });
  app.addHook('onClose', async () => {
    nonces.flush();
    emulator.close();
    flushLog();
  });

  // Every body arrives as text; the request reader decides what it accepts.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));

  const environment: DispatchEnvironment = {
    emulator,
    auth: {
      mode: config.auth,
      findKey: (id) => emulator.store.accounts.findKey(id),
      defaultAccountId: emulator.defaultAccountId,
      nonces: nonces.store,
      now: Date.now,
    },
    logInternalError: (error, requestId) => app.log.error({ err: error, requestId }, 'internal error'),
  };

  // Every answer names the emulator's version. HTTP/1.1 requires Host (RFC 9112 section 3.2); HTTP/1.0 has none to send. A callback hook: no promise per call.
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-emulator-version', VERSION);
    if (request.headers.host !== undefined || request.raw.httpVersion === '1.0') return done();
    reply.header('connection', 'close');
    sendApiError(reply, apiError('MalformedRequest', { description: 'An HTTP/1.1 request must carry a Host header.' }), request.raw.url ?? '');
  });

  app.route({ method: ALL_METHODS, url: '/', handler: (request, reply) => serveApi(request, reply, environment) });
  registerControlRoutes(app, emulator);

  app.setNotFoundHandler((request, reply) => {
    const path = (request.raw.url ?? '').split('?')[0];
    // Any path ending in '/' outside the control plane is the API root too.
    if (path.endsWith('/') && !path.startsWith(CONTROL_PREFIX)) return serveApi(request, reply, environment);
    return sendApiError(reply, apiError('InvalidAction.NotFound'), request.raw.url ?? '');
  });
  app.setErrorHandler((error, request, reply) => {
    const known = frameworkError(error as { statusCode?: number });
    if (known.code === 'InternalError') request.log.error({ err: error }, 'internal error');
    if (known.code === 'RequestEntityTooLarge' && !bodyNeverInvited(request.raw)) {
      // Fastify asks to close at once; read the rest of the body first (bounded), so the client reads this answer.
      reply.removeHeader('connection');
      drainUnreadBody(request.raw);
    }
    return sendApiError(reply, known, request.raw.url ?? '');
  });
  // A callback hook, not an async one: no promise per call.
  app.addHook('onResponse', (request, reply, done) => {
    const summary = request.apiSummary;
    request.log.info({
      requestId: summary?.requestId,
      action: summary?.action,
      account: summary?.accountId,
      method: request.method,
      // Never the query: an answer given before the dispatcher (413, a bad URL) still has it, Signature and Password included.
      path: summary ? undefined : request.url.split('?')[0],
      status: reply.statusCode,
      code: summary?.code ?? undefined,
      ms: Math.round(reply.elapsedTime * 100) / 100,
    }, 'request');
    done();
  });
  return app;
}

function noRouteSchemas(): never {
  throw new Error('smartag-emulator routes take no Fastify schema: input is checked by the dispatcher and control/input.ts');
}

/**
 * Synchronous unless a latency fault applies: an async handler costs every call a promise and
 * extra microtask turns (bench: about 3% of a RoamClientUser call). A sync handler that has sent
 * returns undefined; returning the reply would make Fastify send it a second time.
 */
function serveApi(request: FastifyRequest, reply: FastifyReply, environment: DispatchEnvironment): Promise<void> | undefined {
  if (!API_METHODS.includes(request.method)) {
    sendApiError(reply, apiError('UnsupportedHTTPMethod'), request.raw.url ?? '');
    return undefined;
  }
  const { store } = environment.emulator;
  const group = store.group.join();
  const call = {
    method: request.method,
    url: request.raw.url ?? '/',
    headers: request.headers,
    body: typeof request.body === 'string' ? request.body : '',
  };
  let result = dispatch(call, environment);
  logApiCall(request.log, environment.emulator.config, call, result);
  request.apiSummary = { requestId: result.requestId, action: result.action, accountId: result.accountId, code: result.code };
  if (result.delayMs === 0 && !result.disconnect) {
    answersDue.push({ reply, result, environment, group });
    if (answersDue.length === 1) setImmediate(sendAnswersDue);
    return undefined;
  }
  // Faults: the dispatcher stays synchronous; waiting and dropping happen here, once the call is committed.
  store.group.commit();
  result = committedOrFailed(result, store.group.committed(group), environment, reply);
  // A promise must settle only once its answer is sent (Fastify answers one left unsent with an empty body).
  if (result.delayMs > 0) return delay(result.delayMs).then(() => answer(reply, result));
  answer(reply, result);
  return undefined;
}

function answer(reply: FastifyReply, result: DispatchResult): void {
  if (result.disconnect) {
    reply.hijack();
    reply.raw.destroy();
    return;
  }
  send(reply, result.response);
}

/**
 * API answers are written together once the event loop has read every request that was ready,
 * not one by one as each is handled. Each write to a sleeping client wakes it (on loopback the
 * sender pays for that, an interprocessor wakeup); written back to back, the first write wakes
 * it and the rest find it awake. Bench: kernel time per call 31 to 16 µs for a loaded server,
 * and the wait is one turn of the loop (the same turn when only one request was ready).
 * The turn's calls are committed first, as one group (storage/store.ts).
 */
interface AnswerDue {
  reply: FastifyReply;
  result: DispatchResult;
  environment: DispatchEnvironment;
  /** The group commit the call's writes belong to. */
  group: number;
}

const answersDue: AnswerDue[] = [];

/** One queue for every app in the process: each answer goes to its own reply, and one failure costs no other its answer. */
function sendAnswersDue(): void {
  const due = answersDue.splice(0);
  for (const { environment } of due) environment.emulator.store.group.commit();
  for (const { reply, result, environment, group } of due) {
    try {
      answer(reply, committedOrFailed(result, environment.emulator.store.group.committed(group), environment, reply));
    } catch (error) {
      reply.log.error({ err: error }, 'answer not sent');
    }
  }
}

/**
 * The call's answer, or InternalError when its group failed to commit: what it reported never
 * happened. The journal and the log line say InternalError too.
 */
function committedOrFailed(result: DispatchResult, committed: boolean, environment: DispatchEnvironment, reply: FastifyReply): DispatchResult {
  if (committed) return result;
  const failed = apiError('InternalError');
  environment.logInternalError(environment.emulator.store.group.lastFailure, result.requestId);
  const format = result.response.contentType.includes('xml') ? 'XML' : 'JSON';
  environment.emulator.journal.amend(result.seq, failed.status, failed.code);
  if (reply.request.apiSummary) reply.request.apiSummary.code = failed.code;
  return { ...result, code: failed.code, disconnect: false, response: renderError(failed, result.requestId, format) };
}

function sendApiError(reply: FastifyReply, error: ApiError, url: string) {
  return send(reply, renderError(error, newRequestId(), guessFormat(url)));
}

function send(reply: FastifyReply, response: RenderedResponse) {
  return reply.code(response.status).headers(response.headers).type(response.contentType).send(response.body);
}

/** Fastify's own errors (body too large, bad URL, timeouts...) in catalogue terms. */
function frameworkError(error: { statusCode?: number; code?: string }): ApiError {
  const byStatus: Record<number, CatalogueCode> = {
    408: 'RequestTimeout',
    413: 'RequestEntityTooLarge',
    415: 'UnsupportedMediaType',
  };
  const code = error.statusCode !== undefined ? byStatus[error.statusCode] : undefined;
  if (code) return apiError(code);
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    return apiError('MalformedRequest');
  }
  return apiError('InternalError');
}

/**
 * Errors Node's HTTP parser meets before Fastify sees a request (a malformed
 * request line or header, headers over MAX_HEADER_BYTES, requestTimeout):
 * answered in the envelope after the answers owed to the requests before it
 * on the connection, then the connection closes (http-edges.ts). Fastify's default
 * answers its own JSON shape and logs the raw bytes, which may hold a
 * signature or a password; only the error code is logged here.
 */
function answerClientError(this: FastifyInstance, error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  this.log.debug({ code: error.code }, 'client error');
  const code: CatalogueCode = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 'RequestTimeout'
    : error.code === 'HPE_HEADER_OVERFLOW' ? 'RequestHeaderFieldsTooLarge'
      : 'MalformedRequest';
  answerParseError(socket, code, this.emulator.config.requestTimeout);
}

/**
 * The nonces of strict signatures: in memory, and with a file database also
 * in the file, so that a restart still refuses a replay (README, Signatures).
 */
function openNonceStore(emulator: Emulator): { store: NonceStore; flush(): void } {
  if (emulator.config.db === ':memory:') return { store: new NonceStore(), flush: () => undefined };
  const used = createUsedNonces(emulator.store.db);
  const store = new NonceStore(SIGNATURE_WINDOW_MS, undefined, (key, expiry) => used.record(key, expiry));
  for (const [key, expiry] of used.load(Date.now())) store.restore(key, expiry);
  return { store, flush: used.flush };
}
