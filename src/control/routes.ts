/**
 * The control plane, under /_emulator/: never reachable as an Action (the
 * API lives at `/`). JSON in, JSON out; errors use the Alibaba envelope too.
 * Handlers only translate HTTP: the logic is in the modules beside this one,
 * which startEmulator's in-process API calls as well.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Emulator } from '../emulator';
import { ApiError } from '../protocol/errors';
import { renderError } from '../protocol/render';
import { newRequestId } from '../dispatcher';
import { dumpState } from './state-dump';
import { buildOpenApiDocument } from '../spec/openapi';
import { checkAdmin, controlAccess } from './admin';
import { checkBrowserSafety } from './browser-guard';
import { createAccount, listAccounts } from './accounts';
import { resetAccount, resetAll, seed } from './state';
import { countRequests, REQUEST_QUERY_NAMES, streamRequests } from './journal-query';
import { checkBodyType, parseJsonBody, readQuery } from './input';
import { VERSION } from '../version';

export const CONTROL_PREFIX = '/_emulator';

export function registerControlRoutes(app: FastifyInstance, emulator: Emulator): void {
  const access = controlAccess(emulator.config);

  // Open whatever the admin settings: container health checks carry no token. HEAD too, as
  // wait-for tools probe with it (Fastify answers it with GET's headers and no body).
  app.route({ method: ['GET', 'HEAD'], url: `${CONTROL_PREFIX}/health`, handler: async () => ({
    status: 'ok',
    version: VERSION,
    uptimeSeconds: Math.round((Date.now() - emulator.startedAt) / 1000),
    controlPlane: access,
  }) });

  // Open too: a contract-test harness reads it to validate its own traffic, and it holds no state.
  app.get(`${CONTROL_PREFIX}/openapi.json`, async (request) => buildOpenApiDocument(serverUrl(request.headers.host)));

  app.register(async (control) => {
    control.addHook('onRequest', async (request) => {
      checkBrowserSafety(access, emulator.config, request.headers);
      checkAdmin(access, emulator.config.adminToken, request.headers);
      // The control plane reads and changes committed state: API calls of this turn commit first.
      emulator.store.group.commit();
    });
    control.addHook('preHandler', async (request) => checkBodyType(request.body, request.headers['content-type']));
    control.setErrorHandler((error, _request, reply) => {
      if (error instanceof ApiError) return sendControlError(reply, error);
      throw error; // the application's handler renders framework errors
    });

    control.get('/state', async () => dumpState(emulator.store));

    control.get('/accounts', async () => ({ accounts: listAccounts(emulator) }));
    control.post('/accounts', async (request, reply) => {
      const created = createAccount(emulator, parseJsonBody(request.body));
      reply.code(201);
      return created;
    });

    control.post('/reset', async (request) => {
      const { account } = readQuery(request.url, ['account']);
      if (account === undefined) {
        resetAll(emulator);
        return { reset: true };
      }
      resetAccount(emulator, account);
      return { reset: true, account };
    });
    control.post('/seed', async (request) => seed(emulator, parseJsonBody(request.body)));

    control.get('/snapshots', async () => ({ snapshots: emulator.snapshots.list() }));
    control.post('/snapshots/:name', async (request) => emulator.snapshots.save(nameParam(request)));
    control.post('/snapshots/:name/restore', async (request) => {
      emulator.snapshots.restore(nameParam(request));
      return { restored: nameParam(request) };
    });
    control.delete('/snapshots/:name', async (request) => {
      emulator.snapshots.remove(nameParam(request));
      return { deleted: nameParam(request) };
    });

    // Streamed: a journal of long calls can be larger than any one string.
    control.get('/requests', async (request, reply) => reply
      .type('application/json; charset=utf-8')
      .send(streamRequests(emulator.journal, readQuery(request.url, REQUEST_QUERY_NAMES))));
    control.get('/requests/count', async (request) => ({
      count: countRequests(emulator.journal, readQuery(request.url, REQUEST_QUERY_NAMES)),
    }));
    control.delete('/requests', async () => ({ cleared: emulator.journal.clear() }));

    control.get('/faults', async () => ({ faults: emulator.faults.list() }));
    control.post('/faults', async (request, reply) => {
      const rule = emulator.faults.add(parseJsonBody(request.body));
      reply.code(201);
      return rule;
    });
    control.delete('/faults', async () => ({ cleared: emulator.faults.clear() }));
    control.delete('/faults/:id', async (request) => {
      emulator.faults.remove(idParam(request));
      return { deleted: idParam(request) };
    });
  }, { prefix: CONTROL_PREFIX });
}

/**
 * The document's server: this emulator as the client addressed it. The Host
 * header is anyone's text, so only a plain host[:port] is used; anything
 * else gets the relative URL "/", which OpenAPI reads as the document's own
 * server.
 */
function serverUrl(host: string | undefined): string {
  const plain = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]{2,45}\])(?::\d{1,5})?$/;
  return host !== undefined && host.length <= 260 && plain.test(host) ? `http://${host}` : '/';
}

function nameParam(request: FastifyRequest): string {
  return (request.params as { name: string }).name;
}

function idParam(request: FastifyRequest): string {
  return (request.params as { id: string }).id;
}

/** A control-plane error in the same envelope the API uses (always JSON). */
export function sendControlError(reply: FastifyReply, error: ApiError): FastifyReply {
  const rendered = renderError(error, newRequestId(), 'JSON');
  return reply.code(rendered.status).headers(rendered.headers).type(rendered.contentType).send(rendered.body);
}
