/**
 * Contract: RoamClientUser under concurrent load over real sockets.
 * - Many different users of one source roam at once into a destination with
 *   fewer free places than calls: exactly the free places succeed, every
 *   other call answers ClientUser.UserOverLimit, and the destination's user
 *   count, read meanwhile through GET /_emulator/state, never passes its quota.
 * - Many identical roams of one user at once: exactly one succeeds, every
 *   other call answers ClientUser.UserExist.
 * The server runs in strict auth, so every call is also a signed request
 * with its own nonce.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import t, { type Test } from 'tap';
import RPCClient from '@alicloud/pop-core';
import { startEmulator, type StartedEmulator } from '../../src/index';
import { encodeForm, signedV1Params } from '../../src/protocol/signing';
import { API_VERSION, DEFAULT_KEY, MESSAGES, UUID_UPPER, outcome } from './shared';

const ACCOUNT_ID = '1000000000000001';
const SOURCE = 'sag-concsource01';
const CROWDED = 'sag-concdest01';
const EMPTY = 'sag-concdest02';
const USERS = 100;
const QUOTA = 30;
const RESIDENTS = 5;
const IDENTICAL_CALLS = 50;

const userName = (i: number) => `conc${String(i).padStart(3, '0')}`;

const FIXTURE = {
  description: 'Concurrency contract test: one source with many accounts, two destinations.',
  accounts: [
    {
      id: ACCOUNT_ID,
      name: 'default',
      accessKeys: [DEFAULT_KEY],
      instances: [
        {
          id: SOURCE,
          regionId: 'cn-shanghai',
          cidrBlocks: ['10.1.0.0/24'],
          userQuota: 200,
          clientUsers: Array.from({ length: USERS }, (_, i) => ({ userName: userName(i + 1), userMail: `${userName(i + 1)}@example.com` })),
        },
        {
          id: CROWDED,
          regionId: 'cn-hangzhou',
          cidrBlocks: ['10.2.0.0/24'],
          userQuota: QUOTA,
          clientUsers: Array.from({ length: RESIDENTS }, (_, i) => ({ userName: `resident${i + 1}` })),
        },
        { id: EMPTY, regionId: 'cn-hangzhou', cidrBlocks: ['10.3.0.0/24'], userQuota: QUOTA },
      ],
    },
  ],
};

interface StateInstance {
  id: string;
  userQuota: number;
  clientUsers: { userName: string }[];
}

async function instanceState(emulator: StartedEmulator, id: string): Promise<StateInstance> {
  const response = await fetch(`${emulator.url}/_emulator/state`);
  const state = (await response.json()) as { accounts: { id: string; instances: StateInstance[] }[] };
  const instance = state.accounts.find((a) => a.id === ACCOUNT_ID)?.instances.find((i) => i.id === id);
  if (!instance) throw new Error(`instance ${id} missing from /_emulator/state`);
  return instance;
}

function roamParams(user: string, target: string) {
  return { RegionId: 'cn-hangzhou', OriginRegionId: 'cn-shanghai', OriginSmartAGId: SOURCE, TargetSmartAGId: target, UserName: user };
}

/** Reads the destination's user count over and over until `done` settles; returns every count seen. */
async function watchCount(emulator: StartedEmulator, id: string, done: Promise<unknown>): Promise<number[]> {
  let finished = false;
  void done.finally(() => {
    finished = true;
  });
  const counts: number[] = [];
  do counts.push((await instanceState(emulator, id)).clientUsers.length);
  while (!finished);
  return counts;
}

/** Tallies answers by error code ('OK' for success), and checks every RequestId is a fresh upper-case UUID. */
function tally(t: Test, answers: { code: string; requestId: string }[]) {
  const byCode: Record<string, number> = {};
  for (const { code } of answers) byCode[code] = (byCode[code] ?? 0) + 1;
  t.ok(answers.every((a) => UUID_UPPER.test(a.requestId)), 'every RequestId is an upper-case UUID');
  t.equal(new Set(answers.map((a) => a.requestId)).size, answers.length, 'every RequestId is distinct');
  return byCode;
}

t.test('concurrent RoamClientUser over real sockets', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'smartag-contract-'));
  const fixtures = path.join(dir, 'concurrency.json');
  fs.writeFileSync(fixtures, JSON.stringify(FIXTURE, null, 2));
  const emulator = await startEmulator({ fixtures, auth: 'strict' });
  t.teardown(async () => {
    await emulator.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  t.test(`${USERS} different users into a destination with ${QUOTA - RESIDENTS} free places (pop-core)`, async (t) => {
    emulator.reset();
    const before = await instanceState(emulator, CROWDED);
    t.equal(before.userQuota, QUOTA);
    t.equal(before.clientUsers.length, RESIDENTS);

    const client = new RPCClient({ ...DEFAULT_KEY, endpoint: emulator.url, apiVersion: API_VERSION });
    const calls = Promise.all(
      Array.from({ length: USERS }, (_, i) =>
        outcome(client.request<{ RequestId: string }>('RoamClientUser', roamParams(userName(i + 1), CROWDED), { method: 'POST' })),
      ),
    );
    const [results, counts] = await Promise.all([calls, watchCount(emulator, CROWDED, calls)]);

    const answers = results.map((r) => (r.ok ? { code: 'OK', requestId: r.value.RequestId } : { code: r.error.code, requestId: r.error.data?.RequestId }));
    const byCode = tally(t, answers);
    t.same(byCode, { OK: QUOTA - RESIDENTS, 'ClientUser.UserOverLimit': USERS - (QUOTA - RESIDENTS) }, 'exactly the free places succeed');
    const refusals = results.flatMap((r) => (r.ok ? [] : [r.error]));
    t.ok(refusals.every((e) => e.data.Message === MESSAGES['ClientUser.UserOverLimit']), 'every refusal has the documented message');

    t.ok(counts.length > 0, `read the state ${counts.length} times during the calls`);
    t.ok(Math.max(...counts) <= QUOTA, `the count seen never passed the quota (seen: ${[...new Set(counts)].join(', ')})`);
    const after = await instanceState(emulator, CROWDED);
    t.equal(after.clientUsers.length, QUOTA, 'the destination is exactly full');
    const roamedIn = after.clientUsers.map((u) => u.userName).filter((name) => name.startsWith('conc'));
    const succeeded = results.flatMap((r, i) => (r.ok ? [userName(i + 1)] : []));
    t.same(roamedIn.sort(), succeeded.sort(), 'the destination holds exactly the users whose call succeeded');
    t.equal((await instanceState(emulator, SOURCE)).clientUsers.length, USERS, 'the source is unchanged');
  });

  t.test(`${IDENTICAL_CALLS} identical roams of one user (fetch, signed v1 form posts)`, async (t) => {
    emulator.reset();
    const post = async () => {
      const params = signedV1Params({ ...DEFAULT_KEY, method: 'POST', action: 'RoamClientUser', version: API_VERSION, params: roamParams('conc001', EMPTY) });
      const response = await fetch(`${emulator.url}/`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: encodeForm(params),
      });
      const body = (await response.json()) as { RequestId: string; Code?: string };
      return { status: response.status, code: body.Code ?? 'OK', requestId: body.RequestId, header: response.headers.get('x-acs-request-id') };
    };
    const calls = Promise.all(Array.from({ length: IDENTICAL_CALLS }, post));
    const [answers, counts] = await Promise.all([calls, watchCount(emulator, EMPTY, calls)]);

    const byCode = tally(t, answers);
    t.same(byCode, { OK: 1, 'ClientUser.UserExist': IDENTICAL_CALLS - 1 }, 'exactly one succeeds');
    t.ok(answers.every((a) => a.status === (a.code === 'OK' ? 200 : 400)), '200 for the success, 400 for the rest');
    t.ok(answers.every((a) => a.header === a.requestId), 'x-acs-request-id header equals the body RequestId');
    t.ok(Math.max(...counts) <= 1, 'never more than one copy seen');
    const after = await instanceState(emulator, EMPTY);
    t.same(after.clientUsers.map((u) => u.userName), ['conc001'], 'one account on the destination');
  });
});
