import fs from 'node:fs';
import path from 'node:path';
import t from 'tap';
import { ConfigError, defaultConfig, helpText, resolveConfig, SERVER_NODE_FLAGS, settings } from '../../src/config';

const root = path.resolve(__dirname, '..', '..', '..');

t.test('defaults, environment, flags', async (t) => {
  t.same(resolveConfig([], {}), defaultConfig());
  const fromEnv = resolveConfig([], { SMARTAG_PORT: '9000', SMARTAG_AUTH: 'strict', SMARTAG_FIXTURES: 'none' });
  t.equal(fromEnv.port, 9000);
  t.equal(fromEnv.auth, 'strict');
  t.equal(fromEnv.fixtures, null);
  const fromFlags = resolveConfig(['--port', '0', '--auth=off', '--strict-params', '--db', 'x.db'], { SMARTAG_PORT: '9000' });
  t.equal(fromFlags.port, 0, 'flags beat the environment');
  t.equal(fromFlags.auth, 'off');
  t.equal(fromFlags.strictParams, true, 'a bare switch');
  t.equal(fromFlags.db, 'x.db');
  t.equal(resolveConfig(['--strict-params', 'false'], {}).strictParams, false);
});

t.test('bad settings are clear errors', async (t) => {
  t.throws(() => resolveConfig(['--port', '70000'], {}), new ConfigError('Invalid port "70000": expected a whole number from 0 to 65535.'));
  t.throws(() => resolveConfig(['--auth', 'maybe'], {}), new ConfigError('Invalid auth mode "maybe": expected one of off, lenient, strict.'));
  t.throws(() => resolveConfig(['--nope'], {}), new ConfigError('Unknown option --nope; see --help.'));
  t.throws(() => resolveConfig(['--port'], {}), new ConfigError('Option --port needs a value.'));
});

t.test('help lists every setting', async (t) => {
  const help = helpText();
  for (const s of settings) {
    t.match(help, s.flag);
    t.match(help, s.env);
  }
});

t.test('npm start and the Docker image start the server with SERVER_NODE_FLAGS', async (t) => {
  t.same(SERVER_NODE_FLAGS, ['--max-semi-space-size=8'], 'the flag BENCHMARKS.md measured');
  const start = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).scripts.start as string;
  t.equal(start, `npm run build --silent && node ${SERVER_NODE_FLAGS.join(' ')} dist/src/cli.js`);
  const dockerfile = fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8');
  const commands = dockerfile.split('\n').filter((line) => line.startsWith('CMD '));
  t.same(commands.map((line) => JSON.parse(line.slice(4))), [['node', ...SERVER_NODE_FLAGS, 'dist/src/cli.js']], 'one exec-form CMD');
});
