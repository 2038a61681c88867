/**
 * Closing the server: new connections are refused at once, idle ones close
 * (Fastify's default), and requests under way get SHUTDOWN_GRACE_MS to be
 * answered. After that every connection left is closed, so a client holding
 * a half-sent request cannot keep the process alive.
 */
import type { FastifyInstance } from 'fastify';

/** Inside the "stops within a second" the README promises, with room for the database to close. */
export const SHUTDOWN_GRACE_MS = 500;

export function closeWithGrace(app: FastifyInstance, graceMs = SHUTDOWN_GRACE_MS): Promise<void> {
  const force = setTimeout(() => app.server.closeAllConnections(), graceMs);
  force.unref();
  return app.close().finally(() => clearTimeout(force));
}
