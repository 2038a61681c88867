import t from 'tap';
import { ConfigError, defaultConfig, helpText, resolveConfig, settings } from '../../src/config';

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
  t.throws(() => resolveConfig(['--port', '70000'], {}), new ConfigError('--port: Invalid port "70000": expected a whole number from 0 to 65535.'));
  t.throws(() => resolveConfig(['--auth', 'maybe'], {}), new ConfigError('--auth: Invalid auth mode "maybe": expected one of off, lenient, strict.'));
  t.throws(() => resolveConfig([], { SMARTAG_PORT: 'abc' }), new ConfigError('SMARTAG_PORT=abc: Invalid port "abc": expected a whole number from 0 to 65535.'), 'an environment error names the variable');
  t.throws(() => resolveConfig(['--admin-token', ''], {}), new ConfigError('--admin-token: the token cannot be empty; leave the option out for none.'));
  t.throws(() => resolveConfig(['--admin-token='], {}), new ConfigError('--admin-token: the token cannot be empty; leave the option out for none.'));
  t.equal(resolveConfig([], { SMARTAG_ADMIN_TOKEN: '' }).adminToken, null, 'an empty variable is unset');
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
