/**
 * The version everywhere: the first log line (also at --log-level warn, where
 * it is the only line), the x-emulator-version header of every answer (API,
 * control plane, and a raw parse-error answer) and /_emulator/health.
 */
import net from 'node:net';
import t from 'tap';
import { startCli } from './cli';

const VERSION: string = require('../../../package.json').version;

t.test('the version in the first line, every header and the health answer', async (t) => {
  const cli = await startCli(t, ['--fixtures', 'none', '--log-level', 'warn']);
  const lines = cli.output().trim().split('\n');
  t.equal(lines.length, 1, 'at warn, one line');
  t.match(lines[0], `smartag-emulator ${VERSION} listening on ${cli.url}`, 'the listening line, with the version');

  const health = await fetch(`${cli.url}/_emulator/health`);
  t.equal(health.headers.get('x-emulator-version'), VERSION);
  t.equal(((await health.json()) as { version: string }).version, VERSION);

  const api = await fetch(`${cli.url}/?Action=DescribeRegions&Version=2018-03-13`);
  t.equal(api.status, 200);
  t.equal(api.headers.get('x-emulator-version'), VERSION, 'an API answer');
  const notFound = await fetch(`${cli.url}/nowhere`);
  t.equal(notFound.headers.get('x-emulator-version'), VERSION, 'an error answer');

  const raw = await new Promise<string>((resolve) => {
    const socket = net.connect(cli.port, '127.0.0.1');
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => { text += chunk; });
    socket.on('close', () => resolve(text));
    socket.on('connect', () => socket.write('NOT HTTP AT ALL\r\n\r\n'));
  });
  t.match(raw, new RegExp(`\\r\\nx-emulator-version: ${VERSION.replace(/\./g, '\\.')}\\r\\n`), 'a parse error answered on the raw socket');
});
