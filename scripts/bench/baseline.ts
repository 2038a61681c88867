/**
 * The benchmark's yardstick: a bare Fastify 5 server with Fastify's
 * defaults (no logger, default query-string parser) answering every GET with
 * the fixed JSON body a RoamClientUser success has. scripts/bench/main.ts runs it
 * beside the emulator, pinned and driven the same way, and reports every
 * emulator figure as a ratio to this one.
 *
 * Usage: node dist/scripts/bench/baseline.js --port PORT
 */
import Fastify from 'fastify';

const BODY = { RequestId: '26C24B63-5E5A-413A-9E49-FC0C0AE9DFB7' };

async function main(): Promise<void> {
  const portIndex = process.argv.indexOf('--port');
  const port = portIndex === -1 ? 0 : Number(process.argv[portIndex + 1]);
  const app = Fastify();
  app.get('/', async () => BODY);
  // The same path the emulator's start-up is timed against.
  app.get('/_emulator/health', async () => ({ status: 'ok' }));
  const url = await app.listen({ host: '127.0.0.1', port });
  process.stdout.write(`baseline listening on ${url}\n`);
  const close = () => app.close().then(() => process.exit(0), () => process.exit(1));
  process.once('SIGTERM', close);
  process.once('SIGINT', close);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench-baseline: ${String((error as Error)?.stack ?? error)}\n`);
  process.exit(1);
});
