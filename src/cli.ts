#!/usr/bin/env node
/** The command-line entry: resolve settings, listen, and close cleanly on SIGTERM/SIGINT. */
import { ConfigError, helpText, resolveConfig } from './config';
import { FixtureError } from './fixtures/loader';
import { DatabaseFileError } from './storage/database-file';
import { buildApp } from './app';
import { controlAccess } from './control/admin';
import { closeWithGrace } from './close-with-grace';
import { EMULATOR_VERSION } from './version';

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(helpText());
    return;
  }
  const config = resolveConfig(argv, process.env);
  const app = await buildApp(config);
  await app.listen({ host: config.host, port: config.port });
  // Fastify's own URL names the first address it bound; say what was asked for (e.g. 0.0.0.0).
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  const listening = `smartag-emulator ${EMULATOR_VERSION} listening on ${url}`;
  app.log.info({ version: EMULATOR_VERSION, url, db: config.db, fixtures: config.fixtures ?? 'none', auth: config.auth }, listening);
  // Whoever started it needs the address, whatever the log level.
  if (!['trace', 'debug', 'info'].includes(config.logLevel)) process.stdout.write(`${listening}\n`);
  if (controlAccess(config) === 'disabled') {
    app.log.warn(`control plane disabled: listening on ${config.host} without an admin token; set --admin-token or SMARTAG_ADMIN_TOKEN to use /_emulator/ (health stays open)`);
  }

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    closeWithGrace(app).then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof FixtureError || error instanceof DatabaseFileError;
  const line = known ? (error as Error).message : listenFailure(error);
  process.stderr.write(`smartag-emulator: ${line ?? String((error as Error)?.stack ?? error)}\n`);
  process.exit(line === undefined ? 1 : 2);
});

/** A failure to listen, as one line with its fix; undefined for anything else. */
function listenFailure(error: unknown): string | undefined {
  const { code, address, port } = error as { code?: string; address?: string; port?: number };
  const where = `${address ?? 'the host'}:${port ?? '?'}`;
  if (code === 'EADDRINUSE') return `cannot listen on ${where}: the port is in use; stop what uses it, or choose another with --port (SMARTAG_PORT).`;
  if (code === 'EACCES') return `cannot listen on ${where}: permission denied; choose a port above 1023 with --port (SMARTAG_PORT).`;
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') return `cannot listen on ${where}: no such local address; choose another with --host (SMARTAG_HOST).`;
  return undefined;
}
