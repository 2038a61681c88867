/**
 * Reliability: a mixed concurrent workload over real sockets. Thirty
 * clients, each with its own keep-alive connection, send 300 requests at
 * once against three SAG APP instances of one account: creating, deleting
 * and roaming client accounts whose names collide on purpose, with reads in
 * between. Meanwhile the state is polled through GET /_emulator/state.
 *
 * It proves:
 * - no poll, and not the final state, shows an instance past its quota or a
 *   name twice on one instance;
 * - no request is lost: each got exactly one well-formed answer (a success
 *   matching the documented schema, or the full error envelope), every
 *   RequestId is distinct, and the journal holds exactly these 300 calls;
 * - the server behaved as one serial execution in journal `seq` order:
 *   replaying that order against a simple model predicts every answer's code
 *   (successes and refusals alike) and every read's exact list, and the
 *   model's final user lists equal the final state's.
 * Loopback only; counts are bounded; the request mix is seeded, so a failure
 * replays with the same mix (the interleaving is the sockets').
 */
import http from 'node:http';
import t from 'tap';
import { startEmulator, type StartedEmulator } from '../../src/index';
import { checkResponse } from '../../src/spec/response-check';
import { encodeParams, UUID_UPPER } from '../helpers/app';

type Params = Record<string, string>;
type Body = Record<string, any>;

const CLIENTS = 30;
/** Concurrent readers of GET /_emulator/state during the run. */
const POLLERS = 3;
const REQUESTS = 300;
const SEED = 20240613;

const SRC = 'sag-mixsrc0001';
const DST1 = 'sag-mixdst0001';
const DST2 = 'sag-mixdst0002';
const REGION_OF: Record<string, string> = { [SRC]: 'cn-shanghai', [DST1]: 'cn-hangzhou', [DST2]: 'cn-hangzhou' };
const QUOTA_OF: Record<string, number> = { [SRC]: 12, [DST1]: 6, [DST2]: 4 };
const INSTANCE_IDS = [SRC, DST1, DST2];

const ROAMERS = Array.from({ length: 8 }, (_, i) => `roamer0${i + 1}`);
const RESIDENTS = ['resident01', 'resident02'];
const NEWCOMERS = Array.from({ length: 6 }, (_, i) => `mixuser0${i + 1}`);
/** Names a create may use: new ones, and the fixture's own (so creates collide with roamed copies too). */
const CREATE_NAMES = [...NEWCOMERS, ...ROAMERS];
const ANY_NAME = [...CREATE_NAMES, ...RESIDENTS];

const FIXTURE_INSTANCES = [
  { id: SRC, regionId: REGION_OF[SRC], cidrBlocks: ['10.40.0.0/24'], userQuota: QUOTA_OF[SRC], clientUsers: ROAMERS.map((userName) => ({ userName, userMail: `${userName}@example.com` })) },
  { id: DST1, regionId: REGION_OF[DST1], cidrBlocks: ['10.41.0.0/24'], userQuota: QUOTA_OF[DST1], clientUsers: RESIDENTS.map((userName) => ({ userName, userMail: `${userName}@example.com` })) },
  { id: DST2, regionId: REGION_OF[DST2], cidrBlocks: ['10.42.0.0/24'], userQuota: QUOTA_OF[DST2] },
];

const CREATE = 'CreateSmartAccessGatewayClientUser';
const DELETE = 'DeleteSmartAccessGatewayClientUser';
const ROAM = 'RoamClientUser';
const READ = 'DescribeSmartAccessGatewayClientUsers';

interface Planned {
  index: number;
  action: string;
  params: Params;
  method: 'GET' | 'POST';
}

interface Recorded extends Planned {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Body;
  code: string;
  socket: string;
  /** When the request went onto its connection, and when its answer had fully arrived (performance.now()). */
  sentAt: number;
  answeredAt: number;
}

/** A small seeded generator (mulberry32), so the mix is the same on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

function plan(): Planned[] {
  const next = random(SEED);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const at = (id: string) => ({ RegionId: REGION_OF[id], SmartAGId: id });
  return Array.from({ length: REQUESTS }, (_, index): Planned => {
    const roll = next();
    const method = index % 2 === 0 ? 'POST' : 'GET';
    if (roll < 0.35) {
      const userName = pick(CREATE_NAMES);
      return { index, method, action: CREATE, params: { ...at(pick(INSTANCE_IDS)), UserName: userName, Password: 'Passw0rd_mix', UserMail: `${userName}@example.com`, Bandwidth: '1000' } };
    }
    if (roll < 0.6) return { index, method, action: DELETE, params: { ...at(pick(INSTANCE_IDS)), UserName: pick(ANY_NAME) } };
    if (roll < 0.85) {
      const origin = pick(INSTANCE_IDS);
      const target = pick(INSTANCE_IDS.filter((id) => id !== origin));
      return {
        index, method, action: ROAM,
        params: { RegionId: REGION_OF[target], TargetSmartAGId: target, OriginRegionId: REGION_OF[origin], OriginSmartAGId: origin, UserName: pick(ANY_NAME) },
      };
    }
    return { index, method, action: READ, params: { ...at(pick(INSTANCE_IDS)), PageSize: '50' } };
  });
}

/** One API call on the client's own agent; rejects only when no answer arrives. */
function send(port: number, agent: http.Agent, accessKeyId: string, call: Planned): Promise<Recorded> {
  const encoded = encodeParams({ Action: call.action, Version: '2018-03-13', AccessKeyId: accessKeyId, ...call.params });
  return new Promise((resolve, reject) => {
    let sentAt = 0;
    const request = http.request({
      host: '127.0.0.1',
      port,
      agent,
      method: call.method,
      path: call.method === 'GET' ? `/?${encoded}` : '/',
      headers: call.method === 'POST'
        ? { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(encoded) }
        : {},
    }, (response) => {
      const chunks: Buffer[] = [];
      const socket = `${response.socket.localPort}`;
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body: Body;
        try {
          body = JSON.parse(text) as Body;
        } catch {
          reject(new Error(`request ${call.index}: not JSON: ${text}`));
          return;
        }
        resolve({
          ...call, status: response.statusCode ?? 0, headers: response.headers, body, code: body.Code ?? 'OK', socket,
          sentAt, answeredAt: performance.now(),
        });
      });
    });
    request.on('finish', () => { sentAt = performance.now(); });
    request.setTimeout(10_000, () => request.destroy(new Error(`request ${call.index}: no answer within 10 s`)));
    request.on('error', reject);
    request.end(call.method === 'POST' ? encoded : undefined);
  });
}

interface StateUser { userName: string }
interface StateInstance { id: string; userQuota: number; clientUsers: StateUser[] }

async function instancesOf(emulator: StartedEmulator, accountId: string): Promise<StateInstance[]> {
  const response = await fetch(`${emulator.url}/_emulator/state`);
  const state = (await response.json()) as { accounts: { id: string; instances: StateInstance[] }[] };
  const account = state.accounts.find((a) => a.id === accountId);
  if (!account) throw new Error(`account ${accountId} missing from /_emulator/state`);
  return account.instances;
}

/** Quota or duplicate-name problems of one state read; empty when none. */
function problemsOf(instances: StateInstance[]): string[] {
  const problems: string[] = [];
  for (const instance of instances) {
    const names = instance.clientUsers.map((u) => u.userName);
    if (names.length > instance.userQuota) problems.push(`${instance.id}: ${names.length} users, quota ${instance.userQuota}`);
    const duplicates = names.filter((name, i) => names.indexOf(name) !== i);
    if (duplicates.length > 0) problems.push(`${instance.id}: ${duplicates.join(', ')} twice`);
  }
  return problems;
}

/** The model: each instance's user names, oldest first, as the server lists them. */
type Model = Map<string, string[]>;

/** The code the model predicts for one call, applying it to the model when it succeeds. */
function replay(model: Model, call: Planned): { code: string; listed?: string[] } {
  const p = call.params;
  switch (call.action) {
    case CREATE: {
      const users = model.get(p.SmartAGId)!;
      if (users.includes(p.UserName)) return { code: 'ClientUser.UserExist' };
      if (users.length >= QUOTA_OF[p.SmartAGId]) return { code: 'ClientUser.UserOverLimit' };
      users.push(p.UserName);
      return { code: 'OK' };
    }
    case DELETE: {
      const users = model.get(p.SmartAGId)!;
      if (!users.includes(p.UserName)) return { code: 'ResourceNotFound.User' };
      users.splice(users.indexOf(p.UserName), 1);
      return { code: 'OK' };
    }
    case ROAM: {
      const origin = model.get(p.OriginSmartAGId)!;
      const target = model.get(p.TargetSmartAGId)!;
      if (!origin.includes(p.UserName)) return { code: 'ResourceNotFound.User' };
      if (target.includes(p.UserName)) return { code: 'ClientUser.UserExist' };
      if (target.length >= QUOTA_OF[p.TargetSmartAGId]) return { code: 'ClientUser.UserOverLimit' };
      target.push(p.UserName);
      return { code: 'OK' };
    }
    case READ:
      return { code: 'OK', listed: [...model.get(p.SmartAGId)!] };
    default:
      throw new Error(`unexpected action ${call.action}`);
  }
}

/** The most calls between sent and answered at one moment. */
function mostOverlapping(answers: Recorded[]): number {
  const events = answers.flatMap((a) => [[a.sentAt, 1], [a.answeredAt, -1]] as [number, number][]);
  events.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  let now = 0;
  let most = 0;
  for (const [, change] of events) most = Math.max(most, (now += change));
  return most;
}

const ERROR_KEYS = ['Code', 'HostId', 'Message', 'Recommend', 'RequestId'];

t.test(`${REQUESTS} mixed client-account calls from ${CLIENTS} clients at once, over real sockets`, async (t) => {
  const emulator = await startEmulator();
  t.teardown(() => emulator.close());
  const account = emulator.createAccount({ name: 'concurrency-mixed', fixture: { instances: FIXTURE_INSTANCES } });
  const before = await instancesOf(emulator, account.id);
  t.same(problemsOf(before), [], 'the starting state is within quota');
  const initial: Model = new Map(before.map((instance) => [instance.id, instance.clientUsers.map((u) => u.userName)]));
  t.same([...initial.keys()].sort(), [...INSTANCE_IDS].sort());

  const calls = plan();
  const agents = Array.from({ length: CLIENTS }, () => new http.Agent({ keepAlive: true, maxSockets: 1 }));
  t.teardown(() => agents.forEach((agent) => agent.destroy()));

  const started = performance.now();
  const run = Promise.allSettled(calls.map((call) => send(emulator.port, agents[call.index % CLIENTS], account.accessKeyId, call)));

  // Read the state over and over until every call has its answer.
  let finished = false;
  void run.finally(() => { finished = true; });
  const pollProblems: string[] = [];
  let polls = 0;
  await Promise.all(Array.from({ length: POLLERS }, async () => {
    do {
      pollProblems.push(...problemsOf(await instancesOf(emulator, account.id)));
      polls++;
    } while (!finished);
  }));
  const settled = await run;
  t.comment(`${REQUESTS} calls answered in ${Math.round(performance.now() - started)} ms; state read ${polls} times meanwhile`);

  t.test('no request is lost: each got exactly one well-formed answer', async (t) => {
    const lost = settled.flatMap((s, i) => (s.status === 'rejected' ? [`${i}: ${String(s.reason)}`] : []));
    t.same(lost, [], 'every request was answered');
    const answers = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    t.equal(answers.length, REQUESTS);
    const sockets = new Set(answers.map((a) => a.socket));
    t.equal(sockets.size, CLIENTS, `over ${sockets.size} connections, one per client`);
    const overlap = mostOverlapping(answers);
    t.ok(overlap >= CLIENTS / 2, `calls overlapped on the server: ${overlap} at once`);

    const malformed: string[] = [];
    for (const answer of answers) {
      const { body } = answer;
      const problems: string[] = [];
      if (answer.headers['content-type'] !== 'application/json;charset=utf-8') problems.push(`content-type ${answer.headers['content-type']}`);
      if (!UUID_UPPER.test(body.RequestId ?? '')) problems.push('RequestId');
      if (answer.headers['x-acs-request-id'] !== body.RequestId) problems.push('x-acs-request-id');
      if (answer.code === 'OK') {
        if (answer.status !== 200) problems.push(`status ${answer.status}`);
        problems.push(...checkResponse(answer.action, body).map(String));
        if (answer.action === CREATE && body.UserName !== answer.params.UserName) problems.push('UserName');
      } else {
        if (answer.status !== 400) problems.push(`status ${answer.status}`);
        if (JSON.stringify(Object.keys(body).sort()) !== JSON.stringify(ERROR_KEYS)) problems.push(`keys ${Object.keys(body)}`);
      }
      if (problems.length > 0) malformed.push(`${answer.index} ${answer.action}: ${problems.join('; ')}`);
    }
    t.same(malformed, [], 'every answer is a documented success or a whole error envelope');
    t.equal(new Set(answers.map((a) => a.body.RequestId)).size, REQUESTS, 'every RequestId is distinct');

    const byOutcome: Record<string, number> = {};
    for (const a of answers) byOutcome[`${a.action} ${a.code}`] = (byOutcome[`${a.action} ${a.code}`] ?? 0) + 1;
    t.comment(JSON.stringify(byOutcome, null, 1));
    for (const expected of [`${CREATE} OK`, `${CREATE} ClientUser.UserExist`, `${CREATE} ClientUser.UserOverLimit`, `${DELETE} OK`, `${ROAM} OK`, `${ROAM} ClientUser.UserExist`]) {
      t.ok((byOutcome[expected] ?? 0) > 0, `the mix produced ${expected}`);
    }
  });

  const answers = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const byRequestId = new Map(answers.map((a) => [a.body.RequestId as string, a]));

  t.test('quota and names: never exceeded, never twice, during the run and after', async (t) => {
    t.ok(polls > 1, `the state was read ${polls} times during the run`);
    t.same(pollProblems, [], 'no state read showed an instance over quota or a name twice');
    t.same(problemsOf(await instancesOf(emulator, account.id)), [], 'nor does the final state');
  });

  t.test('the journal holds exactly these calls', async (t) => {
    const response = await fetch(`${emulator.url}/_emulator/requests?account=${account.id}`);
    const journal = ((await response.json()) as { requests: Body[] }).requests;
    t.equal(journal.length, REQUESTS, 'one journal entry per request sent');
    t.same(journal.map((e) => e.requestId).sort(), [...byRequestId.keys()].sort(), 'the same RequestIds');
    const mismatched = journal.filter((e) => {
      const answer = byRequestId.get(e.requestId);
      return !answer || answer.action !== e.action || (e.code ?? 'OK') !== answer.code || e.status !== answer.status;
    });
    t.same(mismatched, [], 'each entry records its call\'s action, status and code');
    t.ok(journal.every((e) => e.params.Password === undefined || e.params.Password === '***'), 'passwords are redacted');
  });

  t.test('replaying the journal in seq order explains every answer and the final state', async (t) => {
    const response = await fetch(`${emulator.url}/_emulator/requests?account=${account.id}`);
    const journal = ((await response.json()) as { requests: Body[] }).requests.sort((x, y) => x.seq - y.seq);
    const model: Model = new Map([...initial].map(([id, names]) => [id, [...names]]));
    const unexplained: string[] = [];
    for (const entry of journal) {
      const answer = byRequestId.get(entry.requestId)!;
      const predicted = replay(model, answer);
      if (predicted.code !== answer.code) {
        unexplained.push(`seq ${entry.seq} ${answer.action} ${JSON.stringify(answer.params)}: answered ${answer.code}, the model says ${predicted.code}`);
      } else if (predicted.listed) {
        const listed = (answer.body.Users.User as Body[]).map((u) => u.UserName);
        if (JSON.stringify(listed) !== JSON.stringify(predicted.listed)) {
          unexplained.push(`seq ${entry.seq} read of ${answer.params.SmartAGId}: listed ${listed}, the model holds ${predicted.listed}`);
        }
        if (answer.body.TotalCount !== predicted.listed.length) unexplained.push(`seq ${entry.seq}: TotalCount ${answer.body.TotalCount}`);
      }
    }
    t.same(unexplained, [], 'every answer, success or refusal, is what a serial execution in seq order gives');

    const final = await instancesOf(emulator, account.id);
    for (const instance of final) {
      t.same(instance.clientUsers.map((u) => u.userName), model.get(instance.id), `${instance.id}: the final users are exactly the model's, in order`);
    }
    t.equal(final.length, INSTANCE_IDS.length, 'no instance appeared or vanished');
  });
});
