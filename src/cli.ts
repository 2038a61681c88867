#!/usr/bin/env node
/** The command-line entry: resolve settings, listen, and close cleanly on SIGTERM/SIGINT. */
import { ConfigError, helpText, parseCommandLine, type EmulatorConfig } from './config';
import { FixtureError } from './fixtures/loader';
import { DatabaseFileError } from './storage/database-file';
import { buildApp } from './app';
import { controlAccess } from './control/admin';
import { closeWithGrace } from './close-with-grace';
import { VERSION } from './version';
import { logStreamFor } from './log-format';

/** Levels that hide info records: the listening line is still written at them (a person or a script waits for it). */
const QUIET_LEVELS = new Set(['warn', 'error', 'fatal']);

async function main(): Promise<void> {
  const line = parseCommandLine(process.argv.slice(2), process.env);
  if (line.kind === 'help') return void process.stdout.write(helpText());
  if (line.kind === 'version') return void process.stdout.write(`${VERSION}\n`);
  const { config } = line;
  const app = await buildApp(config);
  // Fastify's own "Server listening at" lines (one per interface on 0.0.0.0) are held back: the
  // first line is ours, with the version and what was asked for.
  const level = app.log.level;
  app.log.level = 'silent';
  try {
    await app.listen({ host: config.host, port: config.port });
  } finally {
    app.log.level = level;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  announce(app, config, url);
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

/** The first log line: version, URL and the settings that matter, whatever the log level. */
function announce(app: Awaited<ReturnType<typeof buildApp>>, config: EmulatorConfig, url: string): void {
  const message = `smartag-emulator ${VERSION} listening on ${url}`;
  const fields = { version: VERSION, url, db: config.db, fixtures: config.fixtures ?? 'none', auth: config.auth };
  if (config.logLevel === 'silent') process.stdout.write(`${message}\n`);
  else if (QUIET_LEVELS.has(config.logLevel)) {
    // An info record the level would drop, written as the logger would write it.
    logStreamFor(config.logFormat).write(`${JSON.stringify({ level: 30, time: Date.now(), pid: process.pid, ...fields, msg: message })}\n`);
  } else app.log.info(fields, message);
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
