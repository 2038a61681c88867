import t from 'tap';
import { ConfigError, defaultConfig, helpText, parseCommandLine, resolveConfig, settings } from '../../src/config';
import { closestName } from '../../src/did-you-mean';
import { prettyLine, resolveLogFormat } from '../../src/log-format';

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

t.test('short flags, --version and --help', async (t) => {
  t.equal(resolveConfig(['-p', '9001'], {}).port, 9001);
  t.equal(resolveConfig(['-p9002'], {}).port, 9002);
  t.same(parseCommandLine(['-v'], {}), { kind: 'version' });
  t.same(parseCommandLine(['--port', '1', '--version'], {}), { kind: 'version' });
  t.same(parseCommandLine(['-h'], {}), { kind: 'help' });
  t.same(parseCommandLine(['--help', '--version'], {}), { kind: 'help' }, 'the first one asked wins');
  t.equal(resolveConfig(['--journal-bodies', '--strict-params', 'true'], {}).journalBodies, true);
  t.match(helpText(), /-p, --port VALUE/);
  t.match(helpText(), /-v, --version/);
});

t.test('unknown options get a did-you-mean', async (t) => {
  t.throws(() => resolveConfig(['--prot', '1'], {}), new ConfigError('Unknown option --prot; did you mean --port?; see --help.'));
  t.throws(() => resolveConfig(['--log-levl=debug'], {}), new ConfigError('Unknown option --log-levl; did you mean --log-level?; see --help.'));
  t.throws(() => resolveConfig(['-x'], {}), new ConfigError('Unknown option -x; see --help.'));
  t.throws(() => resolveConfig(['9000'], {}), new ConfigError('Unexpected argument "9000": options start with --; see --help.'));
  t.equal(closestName('--verison', ['--version', '--host']), '--version');
  t.equal(closestName('--zzzzzz', ['--port', '--host']), undefined);
});

t.test('errors name the variable or flag they come from', async (t) => {
  t.throws(() => resolveConfig([], { SMARTAG_PORT: 'eighty' }), new ConfigError('SMARTAG_PORT: Invalid port "eighty": expected a whole number from 0 to 65535.'));
  t.throws(() => resolveConfig([], { SMARTAG_STRICT_PARAMS: 'yes' }), new ConfigError('SMARTAG_STRICT_PARAMS: Invalid strict-params "yes": expected true or false.'));
  t.throws(() => resolveConfig(['-p', 'x'], {}), new ConfigError('-p: Invalid port "x": expected a whole number from 0 to 65535.'));
  t.throws(() => resolveConfig(['--log-format', 'xml'], {}), new ConfigError('--log-format: Invalid log format "xml": expected one of auto, json, pretty.'));
});

t.test('an empty admin token is an error, not "no token"', async (t) => {
  t.throws(() => resolveConfig(['--admin-token', ''], {}), new ConfigError('--admin-token: Invalid admin token "": an empty token would let anyone in; give a token, or leave the option out.'));
  t.throws(() => resolveConfig(['--admin-token='], {}), /--admin-token: Invalid admin token ""/);
  t.equal(resolveConfig([], { SMARTAG_ADMIN_TOKEN: '' }).adminToken, null, 'an empty variable is unset');
  t.equal(resolveConfig(['--admin-token', 's3cret'], {}).adminToken, 's3cret');
});

t.test('log format: pretty on a terminal, JSON otherwise', async (t) => {
  t.equal(resolveLogFormat('auto', true), 'pretty');
  t.equal(resolveLogFormat('auto', false), 'json');
  t.equal(resolveLogFormat('json', true), 'json');
  t.equal(resolveLogFormat('pretty', false), 'pretty');
  const time = Date.UTC(2026, 0, 2, 3, 4, 5, 678);
  t.equal(prettyLine(JSON.stringify({ level: 40, time, pid: 1, hostname: 'h', msg: 'slow call', action: 'UserExist', params: { a: 'b c' } })),
    '03:04:05.678 WARN  slow call action=UserExist params={"a":"b c"}\n');
  t.equal(prettyLine('not json\n'), 'not json\n');
});
