import t from 'tap';
import { testApp, call, ROAM_SAMPLE, UUID_UPPER } from '../helpers/app';
import { control, expectControlError } from '../helpers/control';

const DEFAULT_ACCOUNT = '1000000000000001';

async function journaledApp() {
  const app = await testApp();
  const worker = (await control(app, 'POST', '/accounts')).json();
  await call(app, 'RoamClientUser', ROAM_SAMPLE); // 1: OK
  await call(app, 'RoamClientUser', ROAM_SAMPLE, { method: 'POST' }); // 2: ClientUser.UserExist
  await call(app, 'RoamClientUser', { ...ROAM_SAMPLE, AccessKeyId: worker.accessKeyId }); // 3: SAG.InstanceNoFound, worker
  await call(app, 'NoSuchAction', {}); // 4: InvalidAction.NotFound
  return { app, worker };
}

const requests = async (app: Awaited<ReturnType<typeof testApp>>, query = '') => {
  const response = await control(app, 'GET', `/requests${query}`);
  if (response.status !== 200) throw new Error(`GET /requests${query}: ${response.status} ${response.body}`);
  return response.json().requests as Record<string, any>[];
};

t.test('GET /_emulator/requests lists API calls oldest first', async (t) => {
  const { app } = await journaledApp();
  t.teardown(() => app.close());
  const all = await requests(app);
  t.strictSame(all.map((e) => [e.seq, e.action, e.code, e.status]), [
    [1, 'RoamClientUser', null, 200],
    [2, 'RoamClientUser', 'ClientUser.UserExist', 400],
    [3, 'RoamClientUser', 'SAG.InstanceNoFound', 400],
    [4, 'NoSuchAction', 'InvalidAction.NotFound', 404],
  ]);
  const first = all[0];
  t.strictSame(Object.keys(first), ['seq', 'time', 'requestId', 'action', 'accountId', 'method', 'params', 'status', 'code', 'durationMs', 'synthesized', 'authFailure', 'fault', 'truncated', 'responseBody']);
  t.match(first, {
    accountId: DEFAULT_ACCOUNT,
    method: 'GET',
    params: { Action: 'RoamClientUser', Version: '2018-03-13', ...ROAM_SAMPLE },
    synthesized: false,
    authFailure: 'MissingSignature: Signature is mandatory for this action.',
    fault: null,
    truncated: false,
    responseBody: null,
  });
  t.match(first.requestId, UUID_UPPER);
  t.equal(all[1].method, 'POST');
});

t.test('filters: action, account, code, since, limit; and the count', async (t) => {
  const { app, worker } = await journaledApp();
  t.teardown(() => app.close());
  const seqs = async (query: string) => (await requests(app, query)).map((e) => e.seq);
  const count = async (query: string) => (await control(app, 'GET', `/requests/count${query}`)).json();

  t.strictSame(await seqs('?action=RoamClientUser'), [1, 2, 3]);
  t.strictSame(await seqs(`?account=${worker.id}`), [3]);
  t.strictSame(await seqs('?code=OK'), [1], 'OK selects the successes');
  t.strictSame(await seqs('?code=ClientUser.UserExist'), [2]);
  t.strictSame(await seqs('?since=2'), [3, 4], 'a sequence number: the entries after it');
  t.strictSame(await seqs('?limit=2'), [3, 4], 'the newest, still oldest first');
  t.strictSame(await seqs('?action=RoamClientUser&account=1000000000000001&limit=1'), [2]);
  t.strictSame(await seqs('?since=2000-01-01T00:00:00Z'), [1, 2, 3, 4], 'an ISO time without fractions');

  const all = await requests(app);
  const cut = all[1].time;
  t.strictSame(await seqs(`?since=${encodeURIComponent(cut)}`), all.filter((e) => e.time > cut).map((e) => e.seq), 'an ISO time');

  t.strictSame(await count(''), { count: 4 });
  t.strictSame(await count('?limit=3'), { count: 3 }, 'as many as the same query lists');
  t.strictSame(await count('?after=3'), { count: 1 });
  t.strictSame(await count('?action=RoamClientUser&code=OK'), { count: 1 });
  t.strictSame(await count('?account=1999999999999999'), { count: 0 });
});

t.test('DELETE /_emulator/requests empties the journal; sequence numbers go on', async (t) => {
  const { app } = await journaledApp();
  t.teardown(() => app.close());
  const response = await control(app, 'DELETE', '/requests');
  t.equal(response.status, 200);
  t.strictSame(response.json(), { cleared: 4 });
  t.strictSame(await requests(app), []);
  await call(app, 'RoamClientUser', ROAM_SAMPLE);
  t.strictSame((await requests(app)).map((e) => e.seq), [5]);
  t.strictSame((await control(app, 'DELETE', '/requests')).json(), { cleared: 1 });
});

t.test('secrets and signatures are redacted; AccessKeyId stays visible', async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  await call(app, 'RoamClientUser', {
    ...ROAM_SAMPLE,
    AccessKeyId: 'testid',
    Signature: 'c2lnbmF0dXJl',
    SignatureMethod: 'HMAC-SHA1',
    SecurityToken: 'sts-token',
    Password: 'Passw0rd-secret',
    AccessKeySecret: 'testsecret',
  });
  const [entry] = await requests(app);
  t.equal(entry.params.AccessKeyId, 'testid');
  t.equal(entry.params.Signature, '***');
  t.equal(entry.params.SecurityToken, '***');
  t.equal(entry.params.Password, '***');
  t.equal(entry.params.AccessKeySecret, '***');
  t.equal(entry.params.SignatureMethod, 'HMAC-SHA1');
  const body = (await control(app, 'GET', '/requests')).body;
  for (const secret of ['c2lnbmF0dXJl', 'sts-token', 'Passw0rd-secret', 'testsecret']) t.notMatch(body, secret);
});

t.test('errors', async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  expectControlError(t, await control(app, 'GET', '/requests?since=yesterday'),
    'Emulator.InvalidRequest', 'At ?since: expected a sequence number or an ISO 8601 time.');
  expectControlError(t, await control(app, 'GET', '/requests/count?since=yesterday'),
    'Emulator.InvalidRequest', 'At ?since: expected a sequence number or an ISO 8601 time.');
  for (const limit of ['0', '-1', 'ten', '1.5']) {
    expectControlError(t, await control(app, 'GET', `/requests?limit=${limit}`),
      'Emulator.InvalidRequest', 'At ?limit: expected a whole number of at least 1.');
  }
  expectControlError(t, await control(app, 'GET', '/requests?acton=RoamClientUser'),
    'Emulator.InvalidRequest', 'Unknown query parameter "acton"; this endpoint takes action, account, code, since, after, limit.');
  for (const after of ['-1', 'x', '1.5', '1e3']) {
    expectControlError(t, await control(app, 'GET', `/requests?after=${after}`),
      'Emulator.InvalidRequest', 'At ?after: expected a whole number of at least 0.');
  }
});

t.test('paging forward: after=<last seq seen> and limit give the next entries, oldest first', async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  for (let i = 0; i < 7; i++) await call(app, i % 2 ? 'DescribeRegions' : 'RoamClientUser', i % 2 ? {} : ROAM_SAMPLE);
  const seqs = async (query: string) => (await requests(app, query)).map((e) => e.seq);
  const pages: number[][] = [];
  for (let after = 0; ;) {
    const page = await seqs(`?after=${after}&limit=3`);
    if (page.length === 0) break;
    pages.push(page);
    after = page.at(-1)!;
  }
  t.strictSame(pages, [[1, 2, 3], [4, 5, 6], [7]]);
  t.strictSame(await seqs('?after=5'), [6, 7], 'after without limit: everything after');
  t.strictSame(await seqs('?after=0&limit=2&action=DescribeRegions'), [2, 4], 'filters apply before the limit');
  t.strictSame(await seqs('?limit=2&action=DescribeRegions'), [4, 6], 'without after, limit keeps the newest');
  t.strictSame(await seqs('?since=1&after=4&limit=1'), [5], 'since and after both bound from below');
});

t.test('the answer is streamed JSON, and entries cleared meanwhile are simply absent', async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  await call(app, 'DescribeRegions', {});
  const response = await control(app, 'GET', '/requests');
  t.equal(response.headers['content-type'], 'application/json; charset=utf-8');
  t.equal(response.json().requests.length, 1);
  await control(app, 'DELETE', '/requests');
  t.strictSame((await control(app, 'GET', '/requests')).json(), { requests: [] }, 'an empty journal is an empty list');
});

t.test('with journalBodies the entries carry the answer body, secrets redacted', async (t) => {
  const app = await testApp({ journalBodies: true });
  t.teardown(() => app.close());
  const answer = await call(app, 'RoamClientUser', ROAM_SAMPLE);
  const refused = await call(app, 'RoamClientUser', { ...ROAM_SAMPLE, UserName: 'nosuchuser' }, { format: 'XML' });
  const [ok, error] = await requests(app);
  t.equal(ok.responseBody, answer.body);
  t.equal(error.responseBody, refused.body, 'XML as sent');
  t.equal(error.truncated, false);
});
