/**
 * The real CLI's options as a user meets them: --version, errors as one
 * line naming the flag or variable, the version in the header and the
 * first log line, the listening line at --log-level warn, both log formats.
 */
import { spawnSync } from 'node:child_process';
import t from 'tap';
import { CLI, startCli } from './cli';
import { VERSION } from '../../src/version';

function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 15_000, env: { ...process.env, ...env } });
}

t.test('--version and -v print the version only', async (t) => {
  for (const flag of ['--version', '-v']) {
    const result = run([flag]);
    t.equal(result.status, 0);
    t.equal(result.stdout, `${VERSION}\n`);
    t.equal(result.stderr, '');
  }
  t.match(run(['-h']).stdout, /^Usage: smartag-emulator \[options\]/);
});

t.test('bad options and variables: one line, exit 2', async (t) => {
  const cases: [string[], NodeJS.ProcessEnv, string][] = [
    [['--prot', '9000'], {}, 'Unknown option --prot; did you mean --port?; see --help.'],
    [[], { SMARTAG_PORT: 'abc' }, 'SMARTAG_PORT: Invalid port "abc": expected a whole number from 0 to 65535.'],
    [['--admin-token', ''], {}, '--admin-token: Invalid admin token "": an empty token would let anyone in; give a token, or leave the option out.'],
  ];
  for (const [args, env, line] of cases) {
    const result = run(args, env);
    t.equal(result.status, 2, args.join(' ') || JSON.stringify(env));
    t.equal(result.stderr, `smartag-emulator: ${line}\n`);
    t.equal(result.stdout, '');
  }
});

t.test('the version in the first log line, the header and health', async (t) => {
  const cli = await startCli(t, ['--fixtures', 'none', '--log-format', 'json']);
  const first = JSON.parse(cli.output().split('\n')[0]) as Record<string, unknown>;
  t.equal(first.msg, `smartag-emulator ${VERSION} listening on ${cli.url}`);
  t.equal(first.version, VERSION);
  const health = await fetch(`${cli.url}/_emulator/health`);
  t.equal(health.headers.get('x-emulator-version'), VERSION);
  t.equal(((await health.json()) as { version: string }).version, VERSION);
  const api = await fetch(`${cli.url}/?Action=DescribeRegions&Version=2018-03-13`);
  t.equal(api.headers.get('x-emulator-version'), VERSION, 'on API answers too');
});

t.test('--log-level warn still says where it listens', async (t) => {
  const cli = await startCli(t, ['--fixtures', 'none', '--log-level', 'warn', '--log-format', 'json']);
  const lines = cli.output().trim().split('\n');
  t.equal(lines.length, 1, 'only the listening line');
  t.match(JSON.parse(lines[0]), { level: 30, msg: `smartag-emulator ${VERSION} listening on ${cli.url}` });
});

t.test('--log-format pretty writes readable lines', async (t) => {
  const cli = await startCli(t, ['--fixtures', 'none', '--log-format', 'pretty']);
  const first = cli.output().split('\n')[0];
  t.match(first, new RegExp(`^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  smartag-emulator ${VERSION.replace(/\./g, '\\.')} listening on ${cli.url} version=`));
  t.notMatch(first, /^\{/);
});
