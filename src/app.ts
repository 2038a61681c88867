/**
 * buildApp(config): the Fastify application, never listening (the CLI and
 * startEmulator do that; tests use app.inject()). One route serves the API
 * at `/`; the control plane lives under /_emulator/.
 */
import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { EmulatorConfig } from './config';
import { openEmulator, type Emulator } from './emulator';
import { dispatch, type DispatchEnvironment } from './dispatcher';
import { apiError, type ApiError, type CatalogueCode } from './protocol/errors';
import { guessFormat } from './protocol/read-request';
import { renderError, type RenderedResponse } from './protocol/render';
import { NonceStore } from './protocol/auth';
import { newRequestId } from './dispatcher';
import { CONTROL_PREFIX, registerControlRoutes } from './control/routes';

declare module 'fastify' {
  interface FastifyInstance {
    emulator: Emulator;
  }
  interface FastifyRequest {
    /** Set by the API route for the per-request log line. */
    apiSummary?: { action: string; accountId: string; code: string | null };
  }
}

const API_METHODS = ['GET', 'POST'];
const ALL_METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'];

export async function buildApp(config: EmulatorConfig): Promise<FastifyInstance> {
  const emulator = openEmulator(config);
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    // One log line per request is ours (onResponse below), not Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: config.bodyLimit,
    requestTimeout: config.requestTimeout,
    connectionTimeout: config.requestTimeout,
    keepAliveTimeout: config.keepAliveTimeout,
    exposeHeadRoutes: false,
    // The API parses the raw query itself (signatures need it verbatim).
    routerOptions: { querystringParser: () => ({}) },
    frameworkErrors: (error, request, reply) => sendApiError(reply, frameworkError(error), request.raw.url ?? ''),
  });
  app.decorate('emulator', emulator);
  app.addHook('onClose', async () => emulator.close());

  // Every body arrives as text; the request reader decides what it accepts.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));

  const environment: DispatchEnvironment = {
    emulator,
    auth: {
      mode: config.auth,
      findKey: (id) => emulator.store.accounts.findKey(id),
      defaultAccountId: emulator.defaultAccountId,
      nonces: new NonceStore(),
      now: Date.now,
    },
    logInternalError: (error, requestId) => app.log.error({ err: error, requestId }, 'internal error'),
  };

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
    return sendApiError(reply, known, request.raw.url ?? '');
  });
  app.addHook('onResponse', async (request, reply) => {
    const summary = request.apiSummary;
    request.log.info({
      action: summary?.action,
      account: summary?.accountId,
      method: request.method,
      path: summary ? undefined : request.url,
      status: reply.statusCode,
      code: summary?.code ?? undefined,
      ms: Math.round(reply.elapsedTime * 100) / 100,
    }, 'request');
  });
  return app;
}

function serveApi(request: FastifyRequest, reply: FastifyReply, environment: DispatchEnvironment) {
  if (!API_METHODS.includes(request.method)) {
    return sendApiError(reply, apiError('UnsupportedHTTPMethod'), request.raw.url ?? '');
  }
  const result = dispatch({
    method: request.method,
    url: request.raw.url ?? '/',
    headers: request.headers,
    body: typeof request.body === 'string' ? request.body : '',
  }, environment);
  request.apiSummary = { action: result.action, accountId: result.accountId, code: result.code };
  return send(reply, result.response);
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
