/**
 * The control plane, under /_emulator/: never reachable as an Action (the
 * API lives at `/`). JSON in, JSON out; errors use the Alibaba envelope too.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Emulator } from '../emulator';
import { customError } from '../protocol/errors';
import { renderError } from '../protocol/render';
import { newRequestId } from '../dispatcher';
import { dumpState } from './state-dump';

export const CONTROL_PREFIX = '/_emulator';

const VERSION: string = require('../../../package.json').version;

export function registerControlRoutes(app: FastifyInstance, emulator: Emulator): void {
  app.get(`${CONTROL_PREFIX}/health`, async () => ({
    status: 'ok',
    version: VERSION,
    uptimeSeconds: Math.round((Date.now() - emulator.startedAt) / 1000),
  }));

  app.post(`${CONTROL_PREFIX}/reset`, async () => {
    emulator.reset();
    emulator.journal.clear();
    return { reset: true };
  });

  app.get(`${CONTROL_PREFIX}/state`, async () => dumpState(emulator.store));
}

/** A control-plane error in the same envelope the API uses (always JSON). */
export function sendControlError(reply: FastifyReply, code: string, status: number, message: string): FastifyReply {
  const rendered = renderError(customError(code, status, message), newRequestId(), 'JSON');
  return reply.code(rendered.status).headers(rendered.headers).type(rendered.contentType).send(rendered.body);
}
