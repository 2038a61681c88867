/**
 * In-process use from Node tests: `startEmulator(options)` listens on a
 * free loopback port and hands back the URL and the default credentials.
 */
import type { FastifyInstance } from 'fastify';
import { defaultConfig, type EmulatorConfig } from './config';
import { buildApp } from './app';
import { DEFAULT_ACCESS_KEY_ID, DEFAULT_ACCESS_KEY_SECRET } from './fixtures/defaults';

export interface StartedEmulator {
  url: string;
  port: number;
  accessKeyId: string;
  accessKeySecret: string;
  app: FastifyInstance;
  reset(): void;
  close(): Promise<void>;
}

export async function startEmulator(options: Partial<EmulatorConfig> = {}): Promise<StartedEmulator> {
  const config: EmulatorConfig = { ...defaultConfig(), port: 0, logLevel: 'silent', ...options };
  const app = await buildApp(config);
  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  return {
    url: `http://${config.host}:${port}`,
    port,
    accessKeyId: DEFAULT_ACCESS_KEY_ID,
    accessKeySecret: DEFAULT_ACCESS_KEY_SECRET,
    app,
    reset: () => app.emulator.reset(),
    close: () => app.close(),
  };
}

export { buildApp } from './app';
export { defaultConfig, resolveConfig, type EmulatorConfig } from './config';
