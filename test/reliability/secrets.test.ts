/**
 * Secrets: client passwords are stored only as salted hashes; no password,
 * AccessKey secret or request signature comes back in any answer (API or
 * control plane) or reaches the log, even at trace level; internal errors
 * answer without stack traces or server paths.
 */
import t, { type Test } from 'tap';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { testApp, call, ROAM_SAMPLE } from '../helpers/app';
import { encodeForm, signedV1Params, signedV3Headers } from '../../src/protocol/signing';
import { verifyPassword } from '../../src/model/passwords';
import { operations } from '../../src/families';
import { getOperation, operationNames } from '../../src/spec';
import type { Operation } from '../../src/families/operation';
import { startCli } from './cli';
import { checkAnswer } from './envelope';
import { send, exchange, type Outgoing } from './sockets';

const ACCOUNT = '1000000000000009';
const ACCESS_KEY_ID = 'LTAI5tReliabilityKey0001';
const ACCESS_KEY_SECRET = 'Sk7c1e0d5b9aSecretValue3f8e2d';
const SOURCE = 'sag-secretsrc01';
const TARGET = 'sag-secrettgt01';
/** Distinct, greppable, and valid by the documented password rule. */
const PASSWORD = 'Pw0rd-Reliab-7f3a91';
const NEW_PASSWORD = 'Pw0rd-Reliab-c4d2e8';
const RESET_PASSWORD = 'Pw0rd-Reliab-91be07';
const SECRETS = [PASSWORD, NEW_PASSWORD, RESET_PASSWORD, ACCESS_KEY_SECRET];

function writeFixture(dir: string): string {
  const file = path.join(dir, 'fixture.json');
  fs.writeFileSync(file, JSON.stringify({
    accounts: [{
      id: ACCOUNT,
      accessKeys: [{ accessKeyId: ACCESS_KEY_ID, accessKeySecret: ACCESS_KEY_SECRET }],
      instances: [
        {
          id: SOURCE, regionId: 'cn-shanghai', cidrBlocks: ['10.20.0.0/24'], userQuota: 50,
          clientUsers: [{ userName: 'secretuser', userMail: 'secret@example.com', password: PASSWORD }],
        },
        { id: TARGET, regionId: 'cn-hangzhou', cidrBlocks: ['10.21.0.0/24'], userQuota: 50 },
      ],
    }],
  }));
  return file;
}

/** Every form a secret may take in text: as is, percent-encoded, and form-encoded. */
function forms(secret: string): string[] {
  return [...new Set([secret, encodeURIComponent(secret), encodeURIComponent(secret).replace(/%20/g, '+')])];
}

function findSecret(text: string, secrets: string[]): string | undefined {
  return secrets.flatMap(forms).find((form) => text.includes(form));
}

/** The hash stored for each (instance, user), read straight from the file. */
function storedHashes(file: string): Map<string, string> {
  const db = new Database(file, { readonly: true });
  try {
    const rows = db.prepare('SELECT instance_id, user_name, password_hash FROM client_users WHERE account_id = ?').all(ACCOUNT) as
      { instance_id: string; user_name: string; password_hash: string }[];
    return new Map(rows.map((row) => [`${row.instance_id}/${row.user_name}`, row.password_hash]));
  } finally {
    db.close();
  }
}

function checkHash(t: Test, hashes: Map<string, string>, key: string, password: string) {
  const hash = hashes.get(key);
  if (!hash) return t.fail(`no row for ${key}`);
  t.notOk(hash.includes(password), `${key}: the password is not stored in clear`);
  t.match(hash, /^scrypt\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/, `${key}: stored as a salted scrypt hash`);
  t.ok(verifyPassword(password, hash), `${key}: the hash is of the right password`);
}

t.test('secrets over the real CLI: hashed at rest, never answered, never logged (trace level)', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'smartag-secrets-'));
  t.teardown(() => fs.rmSync(dir, { recursive: true, force: true }));
  const db = path.join(dir, 'state.db');
  const cli = await startCli(t, ['--db', db, '--fixtures', writeFixture(dir), '--log-level', 'trace', '--auth', 'strict']);
  const host = `127.0.0.1:${cli.port}`;
  const credentials = { accessKeyId: ACCESS_KEY_ID, accessKeySecret: ACCESS_KEY_SECRET };
  const signatures: string[] = [];
  const answers: string[] = [];

  const v1 = (method: 'GET' | 'POST', action: string, params: Record<string, string>): Outgoing => {
    const signed = signedV1Params({ ...credentials, method, action, version: '2018-03-13', params });
    signatures.push(signed.Signature);
    return method === 'GET'
      ? { method, path: `/?${encodeForm(signed)}` }
      : { method, path: '/', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: encodeForm(signed) };
  };
  const v3 = (action: string, query: Record<string, string>): Outgoing => {
    const headers = signedV3Headers({ ...credentials, method: 'POST', host, action, version: '2018-03-13', query });
    signatures.push(/Signature=([0-9a-f]+)/.exec(headers.authorization)![1]);
    return { method: 'POST', path: `/?${encodeForm(query)}`, headers };
  };
  const exchangeOk = async (label: string, outgoing: Outgoing, expectedCode: string | null) => {
    const answer = await send(cli.port, outgoing);
    answers.push(`${JSON.stringify(answer.headers)}\n${answer.body}`);
    const code = answer.status === 200 ? null : JSON.parse(answer.body).Code;
    t.equal(code, expectedCode, `${label}: ${expectedCode ?? 'success'}`);
  };

  const roam = { RegionId: 'cn-hangzhou', OriginRegionId: 'cn-shanghai', OriginSmartAGId: SOURCE, TargetSmartAGId: TARGET, UserName: 'secretuser' };
  await exchangeOk('signed v1 GET RoamClientUser', v1('GET', 'RoamClientUser', roam), null);
  await exchangeOk('signed v1 POST CreateSmartAccessGatewayClientUser with a Password', v1('POST', 'CreateSmartAccessGatewayClientUser', {
    RegionId: 'cn-shanghai', SmartAGId: SOURCE, UserName: 'newsecretuser', UserMail: 'new@example.com', Bandwidth: '2000', Password: NEW_PASSWORD,
  }), null);
  await exchangeOk('signed v1 POST ResetSmartAccessGatewayClientUserPassword', v1('POST', 'ResetSmartAccessGatewayClientUserPassword', {
    RegionId: 'cn-hangzhou', SmartAGId: TARGET, UserName: 'secretuser', Password: RESET_PASSWORD,
  }), null);
  await exchangeOk('signed v3 DescribeSmartAccessGatewayClientUsers', v3('DescribeSmartAccessGatewayClientUsers', { RegionId: 'cn-shanghai', SmartAGId: SOURCE }), null);
  await exchangeOk('signed v3 XML DescribeSmartAccessGatewayClientUsers', v3('DescribeSmartAccessGatewayClientUsers', { RegionId: 'cn-hangzhou', SmartAGId: TARGET, Format: 'XML' }), null);
  const replay = v1('GET', 'RoamClientUser', roam);
  await exchangeOk('the same signed call twice', replay, 'ClientUser.UserExist');
  await exchangeOk('a replayed nonce', replay, 'SignatureNonceUsed');
  const tampered = v1('GET', 'DescribeSmartAccessGatewayClientUsers', { RegionId: 'cn-shanghai', SmartAGId: SOURCE });
  await exchangeOk('a tampered call', { ...tampered, path: tampered.path.replace('cn-shanghai', 'cn-hangzhou') }, 'SignatureDoesNotMatch');

  // Failures that happen before the dispatcher, with secrets in the URL, the body or the raw bytes.
  const secretQuery = `Signature=${encodeURIComponent(signatures[0])}&Password=${PASSWORD}&AccessKeySecret=${ACCESS_KEY_SECRET}`;
  await exchangeOk('a body over the limit, secrets in the query', { method: 'POST', path: `/?${secretQuery}`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `A=${'x'.repeat(1_100_000)}` }, 'RequestEntityTooLarge');
  await exchangeOk('an unknown path, secrets in the query', { method: 'GET', path: `/nowhere?${secretQuery}` }, 'InvalidAction.NotFound');
  await exchangeOk('a bad URL, secrets in the query', { method: 'GET', path: `/%FF?${secretQuery}` }, 'MalformedRequest');
  await exchangeOk('a parameter over the length limit next to the password', v1('POST', 'ResetSmartAccessGatewayClientUserPassword', {
    RegionId: 'cn-hangzhou', SmartAGId: TARGET, UserName: 'secretuser', Password: PASSWORD, Pad: 'x'.repeat(70_000),
  }), 'InvalidParameter.TooLong');
  const garbage = await exchange(cli.port, `GARBAGE /?Password=${PASSWORD} HTTP/9\r\nX-Secret: ${ACCESS_KEY_SECRET}\r\n\r\n`, { deadlineMs: 5000 });
  answers.push(garbage.received);
  const oversized = await exchange(cli.port, `GET /?Password=${PASSWORD}&Pad=${'x'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`, { deadlineMs: 5000 });
  answers.push(oversized.received);

  for (const control of ['/_emulator/state', '/_emulator/requests', '/_emulator/accounts', '/_emulator/snapshots', '/_emulator/faults', '/_emulator/health']) {
    const answer = await send(cli.port, { method: 'GET', path: control });
    answers.push(answer.body);
    t.equal(answer.status, 200, `GET ${control}`);
  }
  const state = answers.at(-6)!;
  t.notMatch(state, /password/i, '/_emulator/state has no password field, hashed or not');

  t.equal(findSecret(answers.join('\n'), [...SECRETS, ...signatures]), undefined, 'no answer carries a password, the AccessKey secret or a signature');

  cli.child.kill('SIGTERM');
  t.same(await cli.exited, { code: 0, signal: null }, 'the CLI exits 0');
  const log = cli.output();
  t.match(log, /"level":20,.*"msg":"client error"/, 'debug lines are logged: the malformed request, without its bytes');
  const leaked = findSecret(log, [...SECRETS, ...signatures]);
  t.equal(leaked, undefined, `the log holds no secret${leaked ? ` (found "${leaked}" in: ${log.split('\n').find((line) => line.includes(leaked))?.slice(0, 300)})` : ''}`);

  const hashes = storedHashes(db);
  checkHash(t, hashes, `${SOURCE}/secretuser`, PASSWORD);
  checkHash(t, hashes, `${TARGET}/secretuser`, RESET_PASSWORD);
  checkHash(t, hashes, `${SOURCE}/newsecretuser`, NEW_PASSWORD);
});

t.test('the request journal redacts every secret parameter the spec defines', async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  // Secret by name: passwords, keys and tokens that authenticate (not ClientToken or NextToken, which are ids).
  const SECRET_NAME = /(Password|Secret|Md5Key|SecurityToken)$/;
  let calls = 0;
  for (const action of operationNames()) {
    const secretParams = getOperation(action)!.parameters.map((p) => p.name).filter((name) => SECRET_NAME.test(name));
    if (secretParams.length === 0) continue;
    const params = Object.fromEntries(secretParams.map((name) => [name, `${name}-Marker-${action}`]));
    await call(app, action, { RegionId: 'cn-shanghai', ...params, Signature: 'SignatureMarker', SecurityToken: 'TokenMarker' });
    calls++;
  }
  t.ok(calls >= 8, `${calls} operations with secret parameters called`);
  // Lenient mode serves a badly signed call and journals why; SignatureDoesNotMatch quotes the string to sign.
  const badlySigned = signedV1Params({
    accessKeyId: 'testid', accessKeySecret: 'not-the-secret', method: 'GET', action: 'ResetSmartAccessGatewayClientUserPassword', version: '2018-03-13',
    params: { RegionId: 'cn-shanghai', SmartAGId: 'sag-x', UserName: 'someone', Password: 'Password-Marker-lenient' },
  });
  const served = await app.inject({ method: 'GET', url: `/?${encodeForm(badlySigned)}` });
  t.match(served.headers['x-emulator-auth-failure'], /^SignatureDoesNotMatch/, 'the failure is reported to the caller, who sent the values');
  calls++;
  const journal = await app.inject({ method: 'GET', url: '/_emulator/requests?limit=1000' });
  t.equal(journal.statusCode, 200);
  const requests = JSON.parse(journal.body).requests as { authFailure: string | null }[];
  t.equal(requests.length, calls, 'every call is in the journal');
  t.match(requests.at(-1)!.authFailure, /^SignatureDoesNotMatch: .*Password%3D\*\*\*%26RegionId%3Dcn-shanghai/, 'the journalled string to sign is masked, the rest kept');
  t.notMatch(journal.body, /Marker/, 'no secret parameter value is in the journal');
});

t.test('internal errors answer without stack traces or server paths', async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  // A route of the test's own, to reach the application error handler outside the dispatcher.
  app.get('/_boom', async () => { throw new Error(`boom at ${__filename}:1:1`); });
  const registry = operations as Map<string, Operation>;
  const original = registry.get('RoamClientUser')!;
  t.teardown(() => { registry.set('RoamClientUser', original); });

  const failures: [string, () => object][] = [
    ['an Error with a path in its message', () => { throw new Error(`boom at ${__filename}:12:3\n    at fake (/srv/app/secret.ts:1:1)`); }],
    ['a thrown string', () => { throw 'boom /etc/passwd'; }], // eslint-disable-line no-throw-literal
    ['a thrown plain object', () => { throw { stack: `at ${__filename}:1:1` }; }], // eslint-disable-line no-throw-literal
    ['a body JSON cannot write (a cycle)', () => { const body: Record<string, unknown> = {}; body.self = body; return body; }],
  ];
  for (const [label, handle] of failures) {
    await t.test(label, async (t) => {
      registry.set('RoamClientUser', { action: 'RoamClientUser', handle });
      for (const format of ['JSON', 'XML'] as const) {
        const response = await call(app, 'RoamClientUser', ROAM_SAMPLE, { format });
        const checked = await checkAnswer(response, ['RoamClientUser'], { serverError: true });
        t.equal(checked.status, 500, `${format}: 500`);
        t.equal(checked.code, 'InternalError', `${format}: InternalError`);
        t.notMatch(response.body, /boom|passwd|secret\.ts|\/srv\/|\bat \S+:\d+/, `${format}: nothing of the failure leaks`);
        t.notOk(response.body.includes(path.dirname(__filename)), `${format}: no server path`);
      }
    });
  }

  await t.test('outside the dispatcher', async (t) => {
    const response = await app.inject({ method: 'GET', url: '/_boom' });
    const checked = await checkAnswer({ status: response.statusCode, headers: response.headers, body: response.body }, [], { serverError: true });
    t.equal(checked.code, 'InternalError');
    t.notMatch(response.body, /boom|\bat \S+:\d+/);
    t.notOk(response.body.includes(path.dirname(__filename)), 'no server path');
  });
});
