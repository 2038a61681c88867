/**
 * Reliability: tenant isolation. One account can neither see, change, roam
 * into nor learn of another account's instances, client accounts, CCNs,
 * enterprise codes or online sessions, through any stateful operation.
 *
 * Account B is made through the control plane (POST /_emulator/accounts with
 * its instances, users, sessions and traffic), then gets enterprise codes, a
 * full quota of CCNs and a binding through its own signed calls. Account A is
 * seeded with resources of its own, some deliberately colliding with B's (a
 * user name, a CIDR block, a static IP's block, and one instance id both
 * accounts hold). Then, as A (unsigned, AccessKeyId = A's key: lenient mode
 * maps it to A), the test walks every operation of the stateful registry:
 * - each call names B's resources in its id parameters, and must answer
 *   exactly what the same call answers for ids nobody holds (same status,
 *   code, message and body, RequestId aside);
 * - calls that mix A's own resources with B's (or name an id both hold) must
 *   answer from A's resources alone;
 * - no answer contains any of B's identifiers, names, addresses or figures
 *   the call did not itself send;
 * - after each call, B's rows (password hashes included) are byte-identical.
 * The registry is iterated: a stateful operation without a case, or an id
 * parameter of it never given one of B's values, fails the test.
 * Finally the journal: A's view of it holds exactly A's calls, and neither it
 * nor any answer or state dump holds a secret or a password.
 */
import t, { type Test } from 'tap';
import type { FastifyInstance } from 'fastify';
import { call, testApp } from '../helpers/app';
import { control } from '../helpers/control';
import { operations } from '../../src/families';
import { getOperation } from '../../src/spec';
import { minimalValidParams } from '../../src/spec/examples';
import { encodeForm, signedV1Params } from '../../src/protocol/signing';
import { defaultResourceGroupId } from '../../src/model/ids';
import { isolationFamilies } from './isolation';

type Params = Record<string, string>;
type Body = Record<string, any>;

const HZ = 'cn-hangzhou';
const SH = 'cn-shanghai';
const VERSION = '2018-03-13';

const A = { id: '1000000000000021', key: 'isolation-a-key', secret: 'isolation-a-secret-0001' };
const B_ID = '1000000000000022';

const A_CCN = 'ccn-isolationa00000001';
const A1 = { RegionId: HZ, SmartAGId: 'sag-isoa0001' };
const A2 = { RegionId: SH, SmartAGId: 'sag-isoa0002' };
const B1 = { RegionId: HZ, SmartAGId: 'sag-isob0001' };
const B2 = { RegionId: SH, SmartAGId: 'sag-isob0002' };
/** Both accounts hold an instance with this id (ids are unique per account only). */
const TWIN = { RegionId: HZ, SmartAGId: 'sag-twin0001' };

/** Every password any call or fixture of this test uses: none may ever come back. */
const PASSWORDS = {
  aFixture: 'IsoAfixture-01',
  bFixture1: 'IsoBfixture-01',
  bFixture2: 'IsoBfixture-02',
  bFixture3: 'IsoBfixture-03',
  bApi: 'IsoBapiPass_04',
  aTry: 'IsoApass_try05',
};

const A_FIXTURE = {
  accounts: [{
    id: A.id,
    name: 'isolation A',
    accessKeys: [{ accessKeyId: A.key, accessKeySecret: A.secret }],
    enterpriseCodes: [{ code: 'ISA01', isDefault: true }, { code: 'ISA02' }],
    ccns: [{ id: A_CCN, regionId: HZ, name: 'IsolationANet', cidrBlocks: ['10.0.0.0/8'] }],
    instances: [
      {
        id: A1.SmartAGId, regionId: HZ, name: 'IsolationAHangzhou', cidrBlocks: ['10.1.1.0/24'], userQuota: 10,
        ccnId: A_CCN, enterpriseCode: 'ISA01', accelerateBandwidth: 10,
        clientUsers: [
          { userName: 'shared0001', userMail: 'shared@isolation-a.example', password: PASSWORDS.aFixture },
          { userName: 'aliceonly01', userMail: 'alice@isolation-a.example' },
        ],
      },
      {
        id: A2.SmartAGId, regionId: SH, name: 'IsolationAShanghai', cidrBlocks: ['192.168.50.0/24'], userQuota: 10,
        enterpriseCode: 'ISA01',
        clientUsers: [
          { userName: 'aliceonly02', userMail: 'alice2@isolation-a.example' },
          { userName: 'twinshared1', userMail: 'twinshared@isolation-a.example' },
        ],
      },
      {
        id: TWIN.SmartAGId, regionId: HZ, name: 'IsolationATwin', cidrBlocks: ['10.1.4.0/24'], userQuota: 5, enterpriseCode: 'ISA01',
        clientUsers: [{ userName: 'twinalice01', userMail: 'twin@isolation-a.example' }],
      },
    ],
  }],
};

// Each family's resources of A's, in A's fixture account.
const A_ACCOUNT = A_FIXTURE.accounts[0] as Record<string, unknown>;
for (const family of isolationFamilies) {
  for (const [key, value] of Object.entries(family.aFixture)) {
    const held = A_ACCOUNT[key];
    A_ACCOUNT[key] = Array.isArray(held) && Array.isArray(value) ? [...held, ...value] : value;
  }
}

const B_INSTANCES = [
  {
    id: B1.SmartAGId, regionId: HZ, name: 'IsolationBHangzhou', cidrBlocks: ['10.1.2.0/24'], userQuota: 10,
    accelerateBandwidth: 10, appDns: ['100.100.2.136'], recoveredDns: ['223.5.5.5'],
    clientUsers: [
      {
        userName: 'shared0001', userMail: 'shared@isolation-b.example', password: PASSWORDS.bFixture1, clientIp: '10.1.2.20',
        onlineClients: [{ clientIp: '10.1.2.20' }], traffic: [{ totalBytes: 123456789 }],
      },
      {
        userName: 'bobonline01', userMail: 'bob@isolation-b.example', password: PASSWORDS.bFixture2, accelerateBandwidth: 3000,
        onlineClients: [{ clientIp: '10.1.2.101', onlineTime: 1717200000 }], traffic: [{ totalBytes: 987654321 }],
      },
      { userName: 'bobdisabled1', userMail: 'bobd@isolation-b.example', state: 1 },
    ],
  },
  {
    id: B2.SmartAGId, regionId: SH, name: 'IsolationBShanghai', cidrBlocks: ['192.168.50.0/24'], userQuota: 5,
    clientUsers: [{ userName: 'bobquiet001', userMail: 'bobq@isolation-b.example', clientIp: '192.168.50.20', password: PASSWORDS.bFixture3 }],
  },
  {
    id: TWIN.SmartAGId, regionId: HZ, name: 'IsolationBTwin', cidrBlocks: ['10.1.3.0/24'], userQuota: 5,
    clientUsers: [
      {
        userName: 'twinbob0001', userMail: 'twinbob@isolation-b.example',
        onlineClients: [{ clientIp: '10.1.3.50' }], traffic: [{ totalBytes: 555555555 }],
      },
      { userName: 'twinshared1', userMail: 'twinshared@isolation-b.example' },
    ],
  },
];

/** Parameters naming a resource: each must be given one of B's values in some case of every operation that has it. */
const ID_PARAMETERS = new Set([
  'SmartAGId', 'SmartAGIds', 'TargetSmartAGId', 'OriginSmartAGId', 'InstanceId', 'CcnId', 'AssociatedCcnId',
  'EnterpriseCode', 'UserName', 'Username', 'UserNames', 'SmartAGUid',
  ...isolationFamilies.flatMap((family) => family.idParameters),
]);

interface World {
  app: FastifyInstance;
  b: { id: string; accessKeyId: string; accessKeySecret: string };
  /** B's main CCN (B1 is bound to it) and the nine others that fill B's quota in cn-hangzhou. */
  bCcn: string;
  bSpareCcns: string[];
  /** Each of B's own values, and a value of the same kind that nobody holds. */
  absentOf: Map<string, string>;
  /** Everything of B's an answer to A must never contain unless A's call sent it. */
  leakTokens: string[];
  /** The ids of B's resources each family made, by family. */
  familyIds: Record<string, string>[];
}

interface Answer {
  status: number;
  body: string;
  headers: Record<string, unknown>;
  requestId: string;
  json(): Body;
}

interface Case {
  action: string;
  label: string;
  params: Params;
  /** 'OK' or the error code A must get. */
  expect: string;
  /** Answers differently from an absent id, as documented (enterprise codes are unique across accounts). */
  documentedDivergence?: string;
  check?: (t: Test, body: Body, world: World) => unknown;
}

// ---------------------------------------------------------------- calls

async function asA(app: FastifyInstance, action: string, params: Params): Promise<Answer> {
  const response = await call(app, action, { AccessKeyId: A.key, ...params });
  const body = response.json();
  return { status: response.status, body: response.body, headers: response.headers, requestId: body.RequestId, json: () => body };
}

/** A v1-signed form POST as B, so B's secret is really in play. */
async function asB(app: FastifyInstance, b: World['b'], action: string, params: Params): Promise<Answer> {
  const signed = signedV1Params({ accessKeyId: b.accessKeyId, accessKeySecret: b.accessKeySecret, method: 'POST', action, version: VERSION, params });
  const response = await app.inject({
    method: 'POST', url: '/', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: encodeForm(signed),
  });
  const body = JSON.parse(response.body) as Body;
  return { status: response.statusCode, body: response.body, headers: response.headers, requestId: body.RequestId, json: () => body };
}

async function stateOf(app: FastifyInstance, accountId: string): Promise<Body> {
  const state = (await control(app, 'GET', '/state')).json() as { accounts: Body[] };
  const account = state.accounts.find((a) => a.id === accountId);
  if (!account) throw new Error(`account ${accountId} missing from /_emulator/state`);
  return account;
}

/** B's rows exactly: the state dump's section and the store's own image (password hashes included). */
async function fingerprintOfB(world: World): Promise<string> {
  const dump = JSON.stringify(await stateOf(world.app, world.b.id));
  const rows = JSON.stringify(world.app.emulator.store.snapshots.captureAccount(world.b.id));
  return `${dump}\n${rows}`;
}

async function reseedA(app: FastifyInstance): Promise<void> {
  const response = await control(app, 'POST', '/seed', A_FIXTURE);
  if (response.status !== 200) throw new Error(`seeding A failed: ${response.body}`);
}

// ---------------------------------------------------------------- set-up

async function buildWorld(t: Test): Promise<World & { setupAnswers: Answer[] }> {
  const app = await testApp({ journalSize: 10000 });
  t.teardown(() => app.close());
  await reseedA(app);
  const created = await control(app, 'POST', '/accounts', { id: B_ID, name: 'isolation B', fixture: { instances: [...B_INSTANCES, ...isolationFamilies.flatMap((family) => family.bInstances ?? [])] } });
  t.equal(created.status, 201, 'account B created with its instances, users, sessions and traffic');
  const b = created.json() as World['b'];

  const setupAnswers: Answer[] = [];
  const asBOk = async (action: string, params: Params) => {
    const answer = await asB(app, b, action, params);
    setupAnswers.push(answer);
    if (answer.status !== 200) throw new Error(`B's set-up ${action} failed: ${answer.body}`);
    t.equal(answer.headers['x-emulator-auth-failure'], undefined, `B's ${action} is correctly signed with B's secret`);
    return answer.json();
  };
  await asBOk('CreateEnterpriseCode', { RegionId: HZ, EnterpriseCode: 'ISB01', ClientToken: 'isob-token-0001' });
  await asBOk('UpdateEnterpriseCode', { RegionId: HZ, EnterpriseCode: 'ISB01', IsDefault: 'true' });
  await asBOk('CreateEnterpriseCode', { RegionId: HZ, EnterpriseCode: 'ISB02', ClientToken: 'isob-token-0002' });
  await asBOk('CreateEnterpriseCode', { RegionId: HZ, EnterpriseCode: 'ISB03' });
  await asBOk('UpdateSmartAGEnterpriseCode', { ...B1, EnterpriseCode: 'ISB02' });
  const bCcn = (await asBOk('CreateCloudConnectNetwork', { RegionId: HZ, Name: 'IsolationBNet', CidrBlock: '10.0.0.0/8' })).CcnId as string;
  await asBOk('BindSmartAccessGateway', { RegionId: HZ, CcnId: bCcn, SmartAGId: B1.SmartAGId });
  const bSpareCcns: string[] = [];
  for (let i = 1; i <= 9; i++) {
    bSpareCcns.push((await asBOk('CreateCloudConnectNetwork', { RegionId: HZ, Name: `IsolationBSpare${i}` })).CcnId);
  }
  await asBOk('CreateSmartAccessGatewayClientUser', {
    ...B2, UserName: 'bobapi00001', Password: PASSWORDS.bApi, UserMail: 'bobapi@isolation-b.example', Bandwidth: '1000',
  });
  const families = [];
  for (const family of isolationFamilies) families.push(await family.setUpB(asBOk));
  const refused = await asB(app, b, 'CreateCloudConnectNetwork', { RegionId: HZ, Name: 'IsolationBOneTooMany' });
  setupAnswers.push(refused);
  t.equal(refused.json().Code, 'CcnAmountLimit', 'B holds its full quota of CCNs in cn-hangzhou');

  const absentOf = new Map<string, string>([
    [B1.SmartAGId, 'sag-isonone0001'],
    [B2.SmartAGId, 'sag-isonone0002'],
    [bCcn, 'ccn-isonone000000000000'],
    ...bSpareCcns.map((id, i): [string, string] => [id, `ccn-isonone00000000000${i + 1}`]),
    ['ISB01', 'ISN01'],
    ['ISB02', 'ISN02'],
    ['ISB03', 'ISN03'],
    ['isob-token-0001', 'ison-token-0001'],
    ['bobonline01', 'nobody00001'],
    ['bobdisabled1', 'nobody00002'],
    ['bobquiet001', 'nobody00003'],
    ['bobapi00001', 'nobody00004'],
    ['twinbob0001', 'nobody00005'],
    [B_ID, '1999999999999999'],
    [defaultResourceGroupId(B_ID), defaultResourceGroupId('1999999999999999')],
    ['IsolationBNet', 'IsolationNoNet'],
    ['IsolationBHangzhou', 'IsolationNoName1'],
    ['IsolationBTwin', 'IsolationNoName2'],
    ...families.flatMap((family) => family.absent),
  ]);
  const leakTokens = [
    ...absentOf.keys(),
    b.accessKeyId, b.accessKeySecret, 'isob-token-0002',
    'IsolationBShanghai', 'IsolationBSpare',
    'isolation-b.example',
    '10.1.2.0/24', '10.1.3.0/24', '10.1.2.20', '10.1.2.101', '10.1.3.50', '192.168.50.20', '223.5.5.5',
    '123456789', '987654321', '555555555',
    ...families.flatMap((family) => family.leakTokens),
  ];
  return { app, b, bCcn, bSpareCcns, absentOf, leakTokens, setupAnswers, familyIds: families.map((family) => family.ids) };
}

// ---------------------------------------------------------------- checks used by cases

const userNamesOf = (body: Body) => (body.Users.User as Body[]).map((u) => u.UserName);
const instanceIdsOf = (body: Body) => (body.SmartAccessGateways.SmartAccessGateway as Body[]).map((i) => i.SmartAGId).sort();

function emptyInstanceList(t: Test, body: Body) {
  t.equal(body.TotalCount, 0, 'no instance listed');
  t.same(body.SmartAccessGateways.SmartAccessGateway, []);
}

function emptyCcnList(t: Test, body: Body) {
  t.equal(body.TotalCount, 0, 'no CCN listed');
  t.same(body.CloudConnectNetworks.CloudConnectNetwork, []);
}

function noClientsOnline(t: Test, body: Body) {
  t.same(body.Users.User, [], 'no client listed');
}

function onlineCounts(expected: Record<string, string>) {
  return (t: Test, body: Body) => {
    const counts = Object.fromEntries((body.UserStatistics?.Statistics ?? body.SagStatistics.Statistics as Body[])
      .map((s: Body) => [s.UserName ?? s.SmartAGId, s.OnlineCount]));
    t.same(counts, expected, 'only A\'s own sessions are counted');
  };
}

function flowFigures(expected: { TotalBytes: string; TotalLeaveBytes: string }) {
  return (t: Test, body: Body) => {
    const [figures] = body.SagStatistics.Statistics as Body[];
    t.same({ TotalBytes: figures.TotalBytes, TotalLeaveBytes: figures.TotalLeaveBytes }, expected, 'only A\'s own traffic is counted');
  };
}

// ---------------------------------------------------------------- the cases

function cases(world: World): Case[] {
  return [...coreCases(world), ...isolationFamilies.flatMap((family, i) => family.cases(world.familyIds[i]))];
}

/** The cases of the families whose operations came first (instances, client accounts, CCNs, enterprise codes). */
function coreCases(world: World): Case[] {
  const { bCcn, bSpareCcns } = world;
  const c = (action: string, label: string, params: Params, expect: string, extra: Partial<Case> = {}): Case =>
    ({ action, label, params, expect, ...extra });
  const newUser = { UserMail: 'new@isolation-a.example', Bandwidth: '1000', Password: PASSWORDS.aTry };
  const NOT_FOUND = 'SAG.InstanceNoFound';
  const NO_USER = 'ResourceNotFound.User';
  return [
    // RoamClientUser
    c('RoamClientUser', "from B's instance into A's", { RegionId: HZ, OriginRegionId: SH, OriginSmartAGId: B2.SmartAGId, TargetSmartAGId: A1.SmartAGId, UserName: 'bobquiet001' }, NOT_FOUND),
    c('RoamClientUser', "from A's instance into B's", { RegionId: HZ, OriginRegionId: SH, OriginSmartAGId: A2.SmartAGId, TargetSmartAGId: B1.SmartAGId, UserName: 'aliceonly02' }, NOT_FOUND),
    c('RoamClientUser', "between two of B's instances", { RegionId: HZ, OriginRegionId: SH, OriginSmartAGId: B2.SmartAGId, TargetSmartAGId: B1.SmartAGId, UserName: 'bobquiet001' }, NOT_FOUND),
    c('RoamClientUser', "B's user name between A's instances", { RegionId: HZ, OriginRegionId: SH, OriginSmartAGId: A2.SmartAGId, TargetSmartAGId: A1.SmartAGId, UserName: 'bobquiet001' }, NO_USER),
    c('RoamClientUser', "into the id both hold: A's own (B's holds a user of that name)", { RegionId: HZ, OriginRegionId: SH, OriginSmartAGId: A2.SmartAGId, TargetSmartAGId: TWIN.SmartAGId, UserName: 'twinshared1' }, 'OK', {
      check: async (t, _body, w) => {
        const a = await stateOf(w.app, A.id);
        t.same(a.instances.find((i: Body) => i.id === TWIN.SmartAGId).clientUsers.map((u: Body) => u.userName), ['twinalice01', 'twinshared1'], "roamed into A's twin, not refused as ClientUser.UserExist");
      },
    }),
    // CreateSmartAccessGatewayClientUser
    c('CreateSmartAccessGatewayClientUser', "on B's instance", { ...B1, UserName: 'newuser0001', ...newUser }, NOT_FOUND),
    c('CreateSmartAccessGatewayClientUser', "on B's instance, B's user name and password", { ...B2, UserName: 'bobquiet001', ...newUser, Password: PASSWORDS.bFixture3 }, NOT_FOUND),
    c('CreateSmartAccessGatewayClientUser', "on A's instance, a name only B holds", { ...A2, UserName: 'bobquiet001', ...newUser }, 'OK'),
    c('CreateSmartAccessGatewayClientUser', "on A's instance, the static IP B's user holds in the same block", { ...A2, UserName: 'newuser0002', ...newUser, ClientIp: '192.168.50.20' }, 'OK', {
      check: (t, body) => t.equal(body.ClientIp, '192.168.50.20', 'not ClientUser.InvalidClientIp: B\'s address is B\'s alone'),
    }),
    // DescribeSmartAccessGatewayClientUsers
    c('DescribeSmartAccessGatewayClientUsers', "B's instance", { ...B1 }, NOT_FOUND),
    c('DescribeSmartAccessGatewayClientUsers', "B's instance, by B's user name", { ...B2, UserName: 'bobquiet001' }, NOT_FOUND),
    c('DescribeSmartAccessGatewayClientUsers', "A's instance, by a name only B holds", { ...A2, UserName: 'bobquiet001' }, 'OK', {
      check: (t, body) => t.same(userNamesOf(body), []),
    }),
    c('DescribeSmartAccessGatewayClientUsers', "A's instance, unfiltered", { ...A1, PageSize: '50' }, 'OK', {
      check: (t, body) => t.same(userNamesOf(body), ['shared0001', 'aliceonly01'], "A's users only"),
    }),
    c('DescribeSmartAccessGatewayClientUsers', 'the id both hold', { ...TWIN, PageSize: '50' }, 'OK', {
      check: (t, body) => t.same(userNamesOf(body), ['twinalice01'], "A's twin's users only"),
    }),
    // ModifySmartAccessGatewayClientUser
    c('ModifySmartAccessGatewayClientUser', "B's user on B's instance", { ...B1, UserName: 'bobonline01', Bandwidth: '500' }, NOT_FOUND),
    c('ModifySmartAccessGatewayClientUser', "B's user name on A's instance", { ...A1, UserName: 'bobonline01', Email: 'x@isolation-a.example' }, NO_USER),
    // DeleteSmartAccessGatewayClientUser
    c('DeleteSmartAccessGatewayClientUser', "B's online user (would be UserInUsing)", { ...B1, UserName: 'bobonline01' }, NOT_FOUND),
    c('DeleteSmartAccessGatewayClientUser', "B's idle user", { ...B2, UserName: 'bobquiet001' }, NOT_FOUND),
    c('DeleteSmartAccessGatewayClientUser', "B's user name on A's instance", { ...A1, UserName: 'bobonline01' }, NO_USER),
    c('DeleteSmartAccessGatewayClientUser', "B's user name on the id both hold", { ...TWIN, UserName: 'twinbob0001' }, NO_USER),
    // ResetSmartAccessGatewayClientUserPassword
    c('ResetSmartAccessGatewayClientUserPassword', "B's user, with B's password", { ...B2, UserName: 'bobquiet001', Password: PASSWORDS.bFixture3 }, NOT_FOUND),
    c('ResetSmartAccessGatewayClientUserPassword', "B's user, generated password", { ...B1, UserName: 'bobonline01' }, NOT_FOUND),
    c('ResetSmartAccessGatewayClientUserPassword', "B's user name on A's instance", { ...A2, UserName: 'bobquiet001', Password: PASSWORDS.aTry }, NO_USER),
    // Enable / Disable
    c('EnableSmartAccessGatewayUser', "B's disabled user", { ...B1, UserName: 'bobdisabled1' }, NOT_FOUND),
    c('EnableSmartAccessGatewayUser', "B's user name on A's instance", { ...A1, UserName: 'bobdisabled1' }, NO_USER),
    c('DisableSmartAccessGatewayUser', "B's online user (would end its sessions)", { ...B1, UserName: 'bobonline01' }, NOT_FOUND),
    c('DisableSmartAccessGatewayUser', "B's user name on A's instance", { ...A1, UserName: 'bobonline01' }, NO_USER),
    // UpdateSmartAGUserAccelerateConfig
    c('UpdateSmartAGUserAccelerateConfig', "B's user on B's instance", { ...B1, UserName: 'bobonline01', Bandwidth: '1000' }, 'ResourceNotFound.SmartAccessGateway'),
    c('UpdateSmartAGUserAccelerateConfig', "B's user on B's instance, DryRun", { ...B1, UserName: 'bobonline01', Bandwidth: '1000', DryRun: 'true' }, 'ResourceNotFound.SmartAccessGateway'),
    c('UpdateSmartAGUserAccelerateConfig', "B's user name on A's instance", { ...A1, UserName: 'bobonline01', Bandwidth: '1000' }, NO_USER),
    // DescribeUserOnlineClients
    c('DescribeUserOnlineClients', "B's online user on B's instance", { ...B1, UserName: 'bobonline01' }, NOT_FOUND),
    c('DescribeUserOnlineClients', "B's online user's name on A's instance", { ...A1, UserName: 'bobonline01' }, 'OK', { check: noClientsOnline }),
    c('DescribeUserOnlineClients', "a name online at B, held offline by A", { ...A1, UserName: 'shared0001' }, 'OK', { check: noClientsOnline }),
    c('DescribeUserOnlineClients', "B's online user on the id both hold", { ...TWIN, UserName: 'twinbob0001' }, 'OK', { check: noClientsOnline }),
    // KickOutClients
    c('KickOutClients', "B's online user on B's instance", { ...B1, Username: 'bobonline01' }, NOT_FOUND),
    c('KickOutClients', "B's online user's name on A's instance", { ...A1, Username: 'bobonline01' }, 'OK'),
    c('KickOutClients', 'a name online at B, on A\'s instance', { ...A1, Username: 'shared0001' }, 'OK'),
    c('KickOutClients', "B's online user on the id both hold", { ...TWIN, Username: 'twinbob0001' }, 'OK'),
    // DescribeUserOnlineClientStatistics
    c('DescribeUserOnlineClientStatistics', "B's instance", { ...B1, 'UserNames.1': 'bobonline01' }, NOT_FOUND),
    c('DescribeUserOnlineClientStatistics', "B's online user's name on A's instance", { ...A1, 'UserNames.1': 'bobonline01' }, 'OK', { check: onlineCounts({ bobonline01: '0' }) }),
    c('DescribeUserOnlineClientStatistics', 'a name online at B, held offline by A', { ...A1, 'UserNames.1': 'shared0001' }, 'OK', { check: onlineCounts({ shared0001: '0' }) }),
    c('DescribeUserOnlineClientStatistics', "B's online user on the id both hold", { ...TWIN, 'UserNames.1': 'twinbob0001' }, 'OK', { check: onlineCounts({ twinbob0001: '0' }) }),
    // DescribeSagOnlineClientStatistics
    c('DescribeSagOnlineClientStatistics', "B's instance", { RegionId: HZ, 'SmartAGIds.1': B1.SmartAGId }, 'InvalidId.SMARTAG'),
    c('DescribeSagOnlineClientStatistics', "A's and B's instance", { RegionId: HZ, 'SmartAGIds.1': A1.SmartAGId, 'SmartAGIds.2': B1.SmartAGId }, 'InvalidId.SMARTAG'),
    c('DescribeSagOnlineClientStatistics', 'the id both hold (B has a client online there)', { RegionId: HZ, 'SmartAGIds.1': TWIN.SmartAGId }, 'OK', { check: onlineCounts({ [TWIN.SmartAGId]: '0' }) }),
    c('DescribeSagOnlineClientStatistics', 'every instance of the region', { RegionId: HZ }, 'OK', { check: onlineCounts({ [A1.SmartAGId]: '0', [TWIN.SmartAGId]: '0' }) }),
    // DescribeUserFlowStatistics
    c('DescribeUserFlowStatistics', "B's instance", { ...B1, 'UserNames.1': 'bobonline01' }, NOT_FOUND),
    c('DescribeUserFlowStatistics', "B's user name on A's instance", { ...A1, 'UserNames.1': 'bobonline01' }, 'OK', { check: flowFigures({ TotalBytes: '0', TotalLeaveBytes: '0' }) }),
    c('DescribeUserFlowStatistics', 'a name with traffic at B, none at A', { ...A1, 'UserNames.1': 'shared0001' }, 'OK', { check: flowFigures({ TotalBytes: '0', TotalLeaveBytes: String(5 * 2 ** 30) }) }),
    c('DescribeUserFlowStatistics', "B's user on the id both hold", { ...TWIN, 'UserNames.1': 'twinbob0001' }, 'OK', { check: flowFigures({ TotalBytes: '0', TotalLeaveBytes: '0' }) }),
    // DNS
    c('ModifyClientUserDNS', "B's instance", { ...B1, 'AppDNS.1': '8.8.8.8' }, NOT_FOUND),
    c('DescribeClientUserDNS', "B's instance", { ...B1 }, NOT_FOUND),
    c('DescribeClientUserDNS', 'the id both hold', { ...TWIN }, 'OK', { check: (t, body) => t.same([body.AppDNS, body.RecoveredDNS], [[], []]) }),
    // Instances
    c('CreateSmartAccessGatewaySoftware', "A's new instance", { RegionId: HZ, Period: '1', AutoPay: 'false', ChargeType: 'PREPAY', UserCount: '5', DataPlan: '5' }, 'OK', {
      check: async (t, body, w) => {
        const created = (await stateOf(w.app, A.id)).instances.find((i: Body) => i.id === body.SmartAGId);
        t.equal(created?.enterpriseCode, 'ISA01', "it gets A's default enterprise code, not B's");
      },
    }),
    c('UpgradeSmartAccessGatewaySoftware', "B's instance", { ...B2, UserCount: '10', DataPlan: '5', AutoPay: 'false' }, NOT_FOUND),
    c('UpgradeSmartAccessGatewaySoftware', 'the id both hold', { ...TWIN, UserCount: '20', DataPlan: '5', AutoPay: 'false' }, 'OK'),
    c('DowngradeSmartAccessGatewaySoftware', "B's instance", { ...B1, UserCount: '5', DataPlan: '5', AutoPay: 'false' }, NOT_FOUND),
    c('DescribeSmartAccessGateways', "by B's instance id", { RegionId: HZ, SmartAGId: B1.SmartAGId }, 'OK', { check: emptyInstanceList }),
    c('DescribeSmartAccessGateways', "by B's instance ids", { RegionId: SH, 'SmartAGIds.1': B2.SmartAGId }, 'OK', { check: emptyInstanceList }),
    c('DescribeSmartAccessGateways', "by B's CCN", { RegionId: HZ, AssociatedCcnId: bCcn }, 'OK', { check: emptyInstanceList }),
    c('DescribeSmartAccessGateways', "by B's CCN name", { RegionId: HZ, AssociatedCcnName: 'IsolationBNet' }, 'OK', { check: emptyInstanceList }),
    c('DescribeSmartAccessGateways', "by B's resource group", { RegionId: HZ, ResourceGroupId: defaultResourceGroupId(B_ID) }, 'OK', { check: emptyInstanceList }),
    c('DescribeSmartAccessGateways', "by B's instance names", { RegionId: HZ, Name: 'IsolationBTwin' }, 'OK', { check: emptyInstanceList }),
    c('DescribeSmartAccessGateways', 'cn-hangzhou, unfiltered', { RegionId: HZ, PageSize: '50' }, 'OK', {
      check: (t, body) => t.same(instanceIdsOf(body), [A1.SmartAGId, TWIN.SmartAGId], "A's instances only"),
    }),
    c('DescribeSmartAccessGateways', 'cn-shanghai, unfiltered', { RegionId: SH, PageSize: '50' }, 'OK', {
      check: (t, body) => t.same(instanceIdsOf(body), [A2.SmartAGId], "A's instances only"),
    }),
    c('DescribeSmartAccessGatewayAttribute', "B's instance", { ...B1 }, NOT_FOUND),
    c('DescribeSmartAccessGatewayAttribute', 'the id both hold', { ...TWIN }, 'OK', {
      check: (t, body) => t.match(body, { Name: 'IsolationATwin', CidrBlock: '10.1.4.0/24' }, "A's twin, not B's"),
    }),
    c('ModifySmartAccessGateway', "B's instance", { ...B1, Name: 'Renamed' }, NOT_FOUND),
    c('ModifySmartAccessGateway', "B's instance, its CIDR", { ...B1, CidrBlock: '10.9.0.0/24' }, NOT_FOUND),
    c('ModifySmartAccessGateway', "A's bound instance onto the block B's instance uses in B's CCN", { ...A1, CidrBlock: '10.1.2.0/24' }, 'OK'),
    c('DeleteSmartAccessGateway', "B's unbound instance", { RegionId: SH, InstanceId: B2.SmartAGId }, NOT_FOUND),
    c('DeleteSmartAccessGateway', "B's bound instance (would be SAG.BusinessStateNotSupport)", { RegionId: HZ, InstanceId: B1.SmartAGId }, NOT_FOUND),
    c('DeleteSmartAccessGateway', "the id both hold: A's goes, B's stays", { RegionId: HZ, InstanceId: TWIN.SmartAGId }, 'OK'),
    c('DescribeRegions', 'the region list', {}, 'OK', { check: (t, body) => t.ok(body.Regions.Region.length > 0) }),
    c('GetSmartAccessGatewayUseLimit', 'cn-hangzhou', { RegionId: HZ }, 'OK', { check: (t, body) => t.equal(body.UsedAmount, 2, "A's two instances, not B's") }),
    c('GetSmartAccessGatewayUseLimit', 'cn-shanghai', { RegionId: SH }, 'OK', { check: (t, body) => t.equal(body.UsedAmount, 1) }),
    // Cloud connect networks
    c('CreateCloudConnectNetwork', "in a region where B is at its CCN quota", { RegionId: HZ, Name: 'IsolationANew' }, 'OK'),
    c('DescribeCloudConnectNetworks', "by B's CCN id", { RegionId: HZ, CcnId: bCcn }, 'OK', { check: emptyCcnList }),
    c('DescribeCloudConnectNetworks', "by B's CCN name", { RegionId: HZ, Name: 'IsolationBNet' }, 'OK', { check: emptyCcnList }),
    c('DescribeCloudConnectNetworks', 'unfiltered', { RegionId: HZ, PageSize: '50' }, 'OK', {
      check: (t, body) => {
        const listed = (body.CloudConnectNetworks.CloudConnectNetwork as Body[]).map((n) => [n.CcnId, n.AssociatedCloudBoxCount]);
        t.same(listed, [[A_CCN, '1']], "A's CCN only, counting A's bound instance only");
      },
    }),
    c('ModifyCloudConnectNetwork', "B's CCN", { RegionId: HZ, CcnId: bCcn, Name: 'Renamed' }, 'InvalidId.CCN'),
    c('ModifyCloudConnectNetwork', "B's CCN, blocks that drop its member's (would be CCN.CidrInUse)", { RegionId: HZ, CcnId: bCcn, CidrBlock: '172.16.0.0/12' }, 'InvalidId.CCN'),
    c('DeleteCloudConnectNetwork', "B's bound CCN (would be AlreadyBound.SMARTAG)", { RegionId: HZ, CcnId: bCcn }, 'InvalidId.CCN'),
    c('DeleteCloudConnectNetwork', "B's unbound CCN", { RegionId: HZ, CcnId: bSpareCcns[0] }, 'InvalidId.CCN'),
    c('BindSmartAccessGateway', "B's instance to A's CCN", { RegionId: HZ, CcnId: A_CCN, SmartAGId: B1.SmartAGId }, 'InvalidId.SMARTAG'),
    c('BindSmartAccessGateway', "A's instance to B's CCN", { RegionId: HZ, CcnId: bSpareCcns[1], SmartAGId: TWIN.SmartAGId }, 'InvalidId.CCN'),
    c('BindSmartAccessGateway', "B's instance to B's CCN", { RegionId: HZ, CcnId: bSpareCcns[1], SmartAGId: B1.SmartAGId }, 'InvalidId.CCN'),
    c('BindSmartAccessGateway', "A's instance, SmartAGUid of B", { RegionId: HZ, CcnId: A_CCN, SmartAGId: TWIN.SmartAGId, SmartAGUid: B_ID }, 'InvalidId.SMARTAG'),
    c('BindSmartAccessGateway', "B's instance, SmartAGUid of B", { RegionId: HZ, CcnId: A_CCN, SmartAGId: B1.SmartAGId, SmartAGUid: B_ID }, 'InvalidId.SMARTAG'),
    c('UnbindSmartAccessGateway', "B's bound instance from B's CCN", { RegionId: HZ, CcnId: bCcn, SmartAGId: B1.SmartAGId }, 'InvalidId.SMARTAG'),
    c('UnbindSmartAccessGateway', "B's bound instance from A's CCN", { RegionId: HZ, CcnId: A_CCN, SmartAGId: B1.SmartAGId }, 'InvalidId.SMARTAG'),
    c('UnbindSmartAccessGateway', "A's bound instance from B's CCN", { RegionId: HZ, CcnId: bCcn, SmartAGId: A1.SmartAGId }, 'SmartAccessGatewayNotBind'),
    c('UnbindSmartAccessGateway', "B's instance, SmartAGUid of B", { RegionId: HZ, CcnId: bCcn, SmartAGId: B1.SmartAGId, SmartAGUid: B_ID }, 'InvalidId.SMARTAG'),
    // Enterprise codes
    c('CreateEnterpriseCode', "B's code", { RegionId: SH, EnterpriseCode: 'ISB03' }, 'EnterpriseCode.BeenOccupied', {
      documentedDivergence: 'codes are unique across all accounts, so a code another account holds is occupied',
    }),
    c('CreateEnterpriseCode', "B's code with the ClientToken B created it with (not a retry for A)", { RegionId: SH, EnterpriseCode: 'ISB01', ClientToken: 'isob-token-0001' }, 'EnterpriseCode.BeenOccupied', {
      documentedDivergence: 'codes are unique across all accounts; B\'s ClientToken makes no retry of A\'s call',
    }),
    c('ListEnterpriseCode', "by B's code", { RegionId: SH, EnterpriseCode: 'ISB01' }, 'OK', {
      check: (t, body) => t.same([body.TotalCount, body.EnterpriseCodes], [0, []]),
    }),
    c('ListEnterpriseCode', 'unfiltered', { RegionId: SH }, 'OK', {
      check: (t, body) => t.same(body.EnterpriseCodes, [{ EnterpriseCode: 'ISA01', IsDefault: true }, { EnterpriseCode: 'ISA02', IsDefault: false }], "A's codes only"),
    }),
    c('ListEnterpriseCode', 'the default only', { RegionId: SH, IsDefault: 'true' }, 'OK', {
      check: (t, body) => t.same(body.EnterpriseCodes, [{ EnterpriseCode: 'ISA01', IsDefault: true }], "A's default, not B's"),
    }),
    c('UpdateEnterpriseCode', "B's code made default", { RegionId: SH, EnterpriseCode: 'ISB03', IsDefault: 'true' }, 'EnterpriseCode.NotExist'),
    c('UpdateEnterpriseCode', "B's default code made ordinary", { RegionId: SH, EnterpriseCode: 'ISB01', IsDefault: 'false' }, 'EnterpriseCode.NotExist'),
    c('DeleteEnterpriseCode', "B's default code (would be EnterpriseCode.DeleteLimit)", { RegionId: SH, EnterpriseCode: 'ISB01' }, 'EnterpriseCode.NotExist'),
    c('DeleteEnterpriseCode', "B's code in use (would be EnterpriseCode.BeingUsed)", { RegionId: SH, EnterpriseCode: 'ISB02' }, 'EnterpriseCode.NotExist'),
    c('DeleteEnterpriseCode', "B's unused code", { RegionId: SH, EnterpriseCode: 'ISB03' }, 'EnterpriseCode.NotExist'),
    c('UpdateSmartAGEnterpriseCode', "A's instance to B's code", { ...A1, EnterpriseCode: 'ISB01' }, 'EnterpriseCode.NotExist'),
    c('UpdateSmartAGEnterpriseCode', "B's instance to A's code", { ...B1, EnterpriseCode: 'ISA02' }, NOT_FOUND),
    c('UpdateSmartAGEnterpriseCode', "B's instance to B's code", { ...B2, EnterpriseCode: 'ISB03' }, NOT_FOUND),
  ];
}

// ---------------------------------------------------------------- comparing with an absent resource

/** The call with each of B's values replaced by a value of the same kind nobody holds; undefined when it names none of B's. */
function absentVariant(params: Params, absentOf: Map<string, string>): Params | undefined {
  let changed = false;
  const variant: Params = {};
  for (const [key, value] of Object.entries(params)) {
    const absent = absentOf.get(value);
    if (absent !== undefined) changed = true;
    variant[key] = absent ?? value;
  }
  return changed ? variant : undefined;
}

/** The body with its RequestId and every B or absent value it echoes replaced by one placeholder per pair. */
function normalised(answer: Answer, pairs: [string, string][], side: 0 | 1): unknown {
  let text = answer.body.split(answer.requestId).join('<RequestId>');
  pairs.forEach((pair, i) => { text = text.split(pair[side]).join(`<value${i}>`); });
  return JSON.parse(text);
}

function sentValues(params: Params): string {
  return Object.values(params).join('\n');
}

// ---------------------------------------------------------------- the test

t.test('no account can see, change, roam into or learn of another account\'s resources', async (t) => {
  const world = await buildWorld(t);
  const { app, absentOf } = world;
  const all = cases(world);
  const pairs = [...absentOf.entries()].sort((x, y) => y[0].length - x[0].length);
  const aAnswers: Answer[] = [];

  t.test('every stateful operation, and every id parameter of it, has an isolation case', async (t) => {
    for (const action of operations.keys()) {
      const own = all.filter((one) => one.action === action);
      t.ok(own.length > 0, `${action} has an isolation case`);
      const parameters = getOperation(action)!.parameters.map((p) => p.name).filter((name) => ID_PARAMETERS.has(name));
      for (const parameter of parameters) {
        const covered = own.some((one) => Object.entries(one.params).some(([key, value]) =>
          (key === parameter || key.startsWith(`${parameter}.`)) && absentOf.has(value)));
        t.ok(covered, `${action}: some case gives ${parameter} one of B's values`);
      }
    }
    for (const one of all) t.ok(operations.has(one.action), `${one.action} (${one.label}) is a stateful operation`);
  });

  const bBefore = await fingerprintOfB(world);

  t.test('the walk, as A', async (t) => {
    for (const one of all) {
      const label = `${one.action}: ${one.label}`;
      const params = { ...minimalValidParams(one.action), ...one.params };
      await reseedA(app);
      const answer = await asA(app, one.action, params);
      aAnswers.push(answer);
      const body = answer.json();
      t.equal(body.Code ?? 'OK', one.expect, `${label}: answers ${one.expect}`);
      if ((body.Code ?? 'OK') !== one.expect) t.comment(answer.body);
      if (one.expect === 'OK') t.equal(answer.status, 200, `${label}: status`);

      // Nothing of B's that the call did not send comes back, in the body or a header.
      const sent = sentValues(params);
      const seen = `${answer.body}\n${JSON.stringify(answer.headers)}`;
      const leaked = world.leakTokens.filter((token) => !sent.includes(token) && seen.includes(token));
      t.same(leaked, [], `${label}: the answer holds nothing of B's it was not sent`);

      if (one.check) await one.check(t, body, world);
      t.equal(await fingerprintOfB(world), bBefore, `${label}: B's rows are unchanged`);

      const variant = absentVariant(params, absentOf);
      if (variant && !one.documentedDivergence) {
        await reseedA(app);
        const absent = await asA(app, one.action, variant);
        aAnswers.push(absent);
        t.equal(answer.status, absent.status, `${label}: same status as for ids nobody holds`);
        t.same(normalised(answer, pairs, 0), normalised(absent, pairs, 1), `${label}: same answer as for ids nobody holds`);
      } else if (one.documentedDivergence) {
        t.equal(body.Message, 'The specified enterprise code is occupied by other enterprises.', `${label}: ${one.documentedDivergence}; the answer names no owner`);
      }
    }
  });

  t.test("B's state after the walk is byte-identical to before", async (t) => {
    t.equal(await fingerprintOfB(world), bBefore);
    // And B still sees all of it through the API.
    const users = await asB(app, world.b, 'DescribeSmartAccessGatewayClientUsers', { ...B1, PageSize: '50' });
    t.same(userNamesOf(users.json()), ['shared0001', 'bobonline01', 'bobdisabled1']);
    const online = await asB(app, world.b, 'DescribeUserOnlineClients', { ...B1, UserName: 'bobonline01' });
    t.same(online.json().Users.User.map((u: Body) => u.ClientIp), ['10.1.2.101'], "B's session is still online");
    const codes = await asB(app, world.b, 'ListEnterpriseCode', { RegionId: HZ });
    t.same(codes.json().EnterpriseCodes.map((c: Body) => c.EnterpriseCode), ['ISB01', 'ISB02', 'ISB03']);
    world.setupAnswers.push(users, online, codes);
  });

  t.test("the journal: A sees only A's calls; no secret or password anywhere", async (t) => {
    const ofA = (await control(app, 'GET', `/requests?account=${A.id}`)).json().requests as Body[];
    t.ok(ofA.every((entry) => entry.accountId === A.id), "every entry of A's journal is A's");
    t.same(ofA.map((entry) => entry.requestId).sort(), aAnswers.map((a) => a.requestId).sort(), "A's journal is exactly A's calls");
    t.equal((await control(app, 'GET', `/requests/count?account=${A.id}`)).json().count, aAnswers.length);
    const ofB = (await control(app, 'GET', `/requests?account=${world.b.id}`)).json().requests as Body[];
    t.same(ofB.map((entry) => entry.requestId).sort(), world.setupAnswers.map((a) => a.requestId).sort(), "B's journal is exactly B's calls");
    t.ok(ofB.every((entry) => entry.params.Signature === '***'), "B's signatures are redacted");

    const secrets = [world.b.accessKeySecret, A.secret, ...Object.values(PASSWORDS)];
    const places: [string, string][] = [
      ['the whole journal', (await control(app, 'GET', '/requests')).body],
      ['the state dump', (await control(app, 'GET', '/state')).body],
      ['the account list', (await control(app, 'GET', '/accounts')).body],
      ...[...aAnswers, ...world.setupAnswers].map((a): [string, string] => [`answer ${a.requestId}`, `${a.body}\n${JSON.stringify(a.headers)}`]),
    ];
    for (const [place, text] of places) {
      const found = secrets.filter((secret) => text.includes(secret));
      if (found.length > 0) t.fail(`${place} holds ${found.join(', ')}`);
    }
    t.pass(`no secret or password in the journal, the state dump, the account list or any of ${aAnswers.length + world.setupAnswers.length} answers`);
  });
});
