/**
 * What the log tells a person debugging a client: lenient mode warns about
 * a bad signature; debug level adds the parameters (secrets redacted), the
 * fault that fired and synthesised answers.
 */
import t from 'tap';
import { startCli } from './cli';

type Record_ = Record<string, unknown>;
const records = (output: string): Record_[] => output.trim().split('\n').map((line) => JSON.parse(line) as Record_);
const settle = () => new Promise((resolve) => setTimeout(resolve, 100));
const badlySigned = 'Action=DescribeRegions&Version=2018-03-13&AccessKeyId=testid&SignatureMethod=HMAC-SHA1&SignatureVersion=1.0&SignatureNonce=n1&Timestamp=2026-01-01T00:00:00Z&Format=JSON&Signature=bad&Password=hunter2';

t.test('info level: a lenient signature failure is a warning, no parameters', async (t) => {
  const cli = await startCli(t, ['--fixtures', 'none', '--log-format', 'json']);
  await fetch(`${cli.url}/?${badlySigned}`);
  await settle();
  const warnings = records(cli.output()).filter((r) => r.level === 40 && r.msg === 'signature not accepted; served anyway (lenient mode)');
  t.equal(warnings.length, 1);
  t.match(warnings[0], { action: 'DescribeRegions', signature: /^\w[\w.]*: / });
  t.notMatch(cli.output(), /hunter2/, 'the password appears nowhere');
  t.notOk(records(cli.output()).some((r) => r.msg === 'parameters'), 'no parameters at info');
});

t.test('debug level: parameters redacted, faults fired, synthesised answers', async (t) => {
  const cli = await startCli(t, ['--fixtures', 'fixtures/default.json', '--log-format', 'json', '--log-level', 'debug', '--auth', 'off']);
  await fetch(`${cli.url}/?${badlySigned}`);
  const fault = await fetch(`${cli.url}/_emulator/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ action: 'DescribeRegions', error: { code: 'Throttling.User' } }) });
  t.equal(fault.status, 201);
  await fetch(`${cli.url}/?Action=DescribeRegions&Version=2018-03-13`);
  const synthesised = await fetch(`${cli.url}/?Action=ListDpiGroups&Version=2018-03-13&RegionId=cn-shanghai`);
  t.equal(synthesised.headers.get('x-emulator-synthesized'), 'true');
  await settle();
  const all = records(cli.output());
  const params = all.filter((r) => r.msg === 'parameters');
  t.match(params[0], { level: 20, action: 'DescribeRegions', params: { Password: '***', Signature: '***', AccessKeyId: 'testid' } });
  t.notMatch(cli.output(), /hunter2/);
  t.match(all.find((r) => r.msg === 'fault fired'), { level: 20, action: 'DescribeRegions', fault: /\w/, code: 'Throttling.User' });
  t.match(all.find((r) => r.msg === 'answer synthesised from the documented response schema'), { level: 20, action: 'ListDpiGroups' });
});
