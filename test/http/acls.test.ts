/**
 * Access control lists: CreateACL, DescribeACLs, ModifyACL, DeleteACL,
 * AddACLRule, DescribeACLAttribute, ModifyACLRule, DeleteACLRule,
 * AssociateACL, DisassociateACL and GetAclAttribute, over the default
 * fixtures (which hold acl-sample00000000001 with one rule, in cn-hangzhou).
 * Every documented error an operation can reach is asserted with the status
 * and message its own documentation gives, in JSON and in XML.
 */
import t, { type Test } from 'tap';
import type { FastifyInstance } from 'fastify';
import { call, testApp } from '../helpers/app';
import { expectError, expectSuccess, expectXmlSuccess, invalidParameterError, ERRORS } from '../helpers/api-expect';
import { documentedError, documentedElsewhere } from '../helpers/documented';

const ACCOUNT = '1000000000000001';
const HZ = 'cn-hangzhou';
const SAMPLE_ACL = 'acl-sample00000000001';
const SAMPLE_RULE = 'acr-sample00000000001';
const HARDWARE = 'sag-hardware0001';
const APP = 'sag-ghwa10ko6ndwug****';
const AS_OTHER_ACCOUNT = { AccessKeyId: 'otherid' };
const RULE = {
  Direction: 'in', Policy: 'accept', IpProtocol: 'tcp', SourceCidr: '192.168.20.0/24', DestCidr: '192.168.10.0/24',
  SourcePortRange: '1/200', DestPortRange: '1/200',
};

type Params = Record<string, string>;

async function appFor(t: Test): Promise<FastifyInstance> {
  const app = await testApp();
  t.teardown(() => app.close());
  return app;
}

function acl(app: FastifyInstance, action: string, params: Params, format?: 'XML') {
  return call(app, action, { RegionId: HZ, ...params }, { format });
}

async function createAcl(t: Test, app: FastifyInstance, params: Params = {}): Promise<string> {
  return expectSuccess(t, 'CreateACL', await acl(app, 'CreateACL', { Name: 'office', ...params })).AclId;
}

async function addRule(t: Test, app: FastifyInstance, aclId: string, params: Params = {}): Promise<Record<string, any>> {
  return expectSuccess(t, 'AddACLRule', await acl(app, 'AddACLRule', { AclId: aclId, ...RULE, ...params }));
}

function rulesOf(app: FastifyInstance, aclId: string) {
  return app.emulator.store.aclRules.list({ accountId: ACCOUNT, aclId });
}

const idsOf = (body: Record<string, any>) => body.Acls.Acl.map((item: { AclId: string }) => item.AclId);
const ruleIdsOf = (body: Record<string, any>) => body.Acrs.Acr.map((item: { AcrId: string }) => item.AcrId);

t.test('CreateACL', async (t) => {
  t.test('creates an empty ACL and answers its id, type and resource group', async (t) => {
    const app = await appFor(t);
    const body = expectSuccess(t, 'CreateACL', await acl(app, 'CreateACL', { Name: 'Branch-ACL_1' }));
    t.match(body, { AclId: /^acl-[a-z0-9]{18}$/, AclType: 'acl-hardware', ResourceGroupId: /^rg-acfm[a-z0-9]{11}$/ });
    t.match(app.emulator.store.acls.find({ accountId: ACCOUNT, id: body.AclId }), { regionId: HZ, name: 'Branch-ACL_1', aclType: 'acl-hardware' });
    const software = expectSuccess(t, 'CreateACL', await acl(app, 'CreateACL', { Name: '分支', AclType: 'acl-software' }));
    t.equal(software.AclType, 'acl-software', 'a name may start with a Chinese character');
    expectXmlSuccess(t, 'CreateACL', await acl(app, 'CreateACL', { Name: 'xmlacl' }, 'XML'), '<AclId>acl-', '<AclType>acl-hardware</AclType>');
  });

  t.test('errors', async (t) => {
    const app = await appFor(t);
    const invalidName = documentedError('CreateACL', 'InvalidName');
    for (const [label, name] of [['one character', 'a'], ['129 characters', `a${'b'.repeat(128)}`], ['a digit first', '1acl'], ['a dot', 'my.acl']]) {
      expectError(t, await acl(app, 'CreateACL', { Name: name }), invalidName, `Name with ${label}`);
    }
    expectError(t, await acl(app, 'CreateACL', { Name: '1acl' }, 'XML'), invalidName, 'XML');
    expectError(t, await acl(app, 'CreateACL', { Name: 'office', AclType: 'acl-cloud' }), documentedElsewhere('ACL.InvalidType'), 'unknown AclType');
    expectError(t, await acl(app, 'CreateACL', { Name: 'office', RegionId: 'cn-nowhere' }), ERRORS.invalidRegion);
    expectError(t, await call(app, 'CreateACL', { RegionId: HZ }), [400, 'MissingName', 'Name is mandatory for this action.']);
    t.equal(app.emulator.store.acls.count({ accountId: ACCOUNT }), 1, 'no error created an ACL');
  });

  t.test('at most 10 ACLs per account, across regions', async (t) => {
    const app = await appFor(t);
    for (let i = 2; i <= 10; i++) await createAcl(t, app, { RegionId: i % 2 === 0 ? HZ : 'cn-shanghai' });
    const limit = documentedError('CreateACL', 'AclAmountLimit');
    expectError(t, await acl(app, 'CreateACL', { Name: 'eleventh' }), limit);
    expectError(t, await acl(app, 'CreateACL', { Name: 'eleventh', RegionId: 'cn-shanghai' }, 'XML'), limit, 'XML, another region');
    await createAcl(t, app, AS_OTHER_ACCOUNT);
  });
});

t.test('DescribeACLs', async (t) => {
  t.test('lists the region\'s ACLs with how many instances apply each', async (t) => {
    const app = await appFor(t);
    expectSuccess(t, 'AssociateACL', await acl(app, 'AssociateACL', { AclId: SAMPLE_ACL, SmartAGId: HARDWARE }));
    const body = expectSuccess(t, 'DescribeACLs', await acl(app, 'DescribeACLs', {}));
    t.same(body, {
      RequestId: body.RequestId, TotalCount: 1, PageSize: 10, PageNumber: 1,
      Acls: { Acl: [{ SagCount: '1', AclId: SAMPLE_ACL, Name: 'SampleAcl', ResourceGroupId: body.Acls.Acl[0].ResourceGroupId, AclType: 'acl-hardware' }] },
    });
    expectXmlSuccess(t, 'DescribeACLs', await acl(app, 'DescribeACLs', {}, 'XML'), `<Acls><Acl><SagCount>1</SagCount><AclId>${SAMPLE_ACL}</AclId>`);
  });

  t.test('filters by ids, name and type; pages oldest first; scoped by region and account', async (t) => {
    const app = await appFor(t);
    const created = [SAMPLE_ACL];
    for (const name of ['alpha', 'beta', 'gamma']) created.push(await createAcl(t, app, { Name: name, AclType: 'acl-software' }));
    const elsewhere = await createAcl(t, app, { RegionId: 'cn-shanghai' });
    const list = async (params: Params) => expectSuccess(t, 'DescribeACLs', await acl(app, 'DescribeACLs', params));
    t.same(idsOf(await list({ AclIds: `${created[3]},${created[1]}` })), [created[1], created[3]], 'ids, in list order');
    t.same(idsOf(await list({ AclIds: `${created[2]}, ${elsewhere}` })), [created[2]], "another region's id is not listed");
    t.same(idsOf(await list({ Name: 'beta' })), [created[2]]);
    t.same(idsOf(await list({ Name: 'bet' })), [], 'names match exactly');
    t.same(idsOf(await list({ AclType: 'acl-software' })), created.slice(1));
    t.same(idsOf(await list({ AclType: 'acl-hardware' })), [SAMPLE_ACL]);
    const pages = [];
    for (const page of [1, 2, 3]) {
      const body = await list({ PageSize: '3', PageNumber: String(page) });
      t.match(body, { TotalCount: 4, PageSize: 3, PageNumber: page });
      pages.push(idsOf(body));
    }
    t.same(pages, [created.slice(0, 3), created.slice(3), []]);
    t.same(idsOf(await list({ RegionId: 'cn-shanghai' })), [elsewhere]);
    t.same(idsOf(await list(AS_OTHER_ACCOUNT)), []);
    expectError(t, await acl(app, 'DescribeACLs', { PageSize: '51' }), invalidParameterError('PageSize'));
    expectError(t, await acl(app, 'DescribeACLs', { PageNumber: '0' }, 'XML'), invalidParameterError('PageNumber'), 'XML');
  });
});

t.test('ModifyACL renames; DeleteACL removes the ACL, its rules and its associations', async (t) => {
  const app = await appFor(t);
  expectSuccess(t, 'ModifyACL', await acl(app, 'ModifyACL', { AclId: SAMPLE_ACL, Name: 'Renamed' }));
  t.equal(idsOf(expectSuccess(t, 'DescribeACLs', await acl(app, 'DescribeACLs', { Name: 'Renamed' })))[0], SAMPLE_ACL);
  expectXmlSuccess(t, 'ModifyACL', await acl(app, 'ModifyACL', { AclId: SAMPLE_ACL, Name: 'Again' }, 'XML'));
  expectError(t, await acl(app, 'ModifyACL', { AclId: SAMPLE_ACL, Name: '-bad' }), documentedError('ModifyACL', 'InvalidName'));
  expectError(t, await acl(app, 'ModifyACL', { AclId: 'acl-doesnotexist', Name: 'x1' }), documentedError('ModifyACL', 'InvalidId.ACL'));
  expectError(t, await acl(app, 'ModifyACL', { AclId: SAMPLE_ACL, Name: 'x1', RegionId: 'cn-shanghai' }, 'XML'), documentedError('ModifyACL', 'InvalidId.ACL'), 'another region, XML');

  expectSuccess(t, 'AssociateACL', await acl(app, 'AssociateACL', { AclId: SAMPLE_ACL, SmartAGId: HARDWARE }));
  expectSuccess(t, 'DeleteACL', await acl(app, 'DeleteACL', { AclId: SAMPLE_ACL }));
  t.same(idsOf(expectSuccess(t, 'DescribeACLs', await acl(app, 'DescribeACLs', { AclIds: SAMPLE_ACL }))), [], 'read after delete: gone');
  t.same(rulesOf(app, SAMPLE_ACL), [], 'its rules went with it');
  t.same(app.emulator.store.associations.policiesOf(ACCOUNT, 'acl', HARDWARE), [], 'its instance no longer applies it');
  const notFound = documentedError('DeleteACL', 'InvalidId.ACL');
  expectError(t, await acl(app, 'DeleteACL', { AclId: SAMPLE_ACL }), notFound, 'a second delete');
  expectError(t, await acl(app, 'DeleteACL', { AclId: SAMPLE_ACL }, 'XML'), notFound, 'XML');
  expectError(t, await acl(app, 'DescribeACLAttribute', { AclId: SAMPLE_ACL }), documentedError('DescribeACLAttribute', 'InvalidId.ACL'), 'its rules are gone too');
});

t.test('AddACLRule', async (t) => {
  t.test('adds a rule and answers it as stored (protocol in upper case, defaults filled)', async (t) => {
    const app = await appFor(t);
    const body = await addRule(t, app, SAMPLE_ACL);
    t.same(body, {
      RequestId: body.RequestId, Policy: 'accept', Description: '', SourcePortRange: '1/200', SourceCidr: '192.168.20.0/24', Priority: 1,
      AclId: SAMPLE_ACL, AcrId: body.AcrId, DestPortRange: '1/200', Direction: 'in', DpiGroupIds: { DpiGroupId: [] }, Name: '', Type: 'LAN',
      GmtCreate: body.GmtCreate, DestCidr: '192.168.10.0/24', DpiSignatureIds: { DpiSignatureId: [] }, IpProtocol: 'TCP',
    });
    t.match(body.AcrId, /^acr-[a-z0-9]{18}$/);
    t.ok(Math.abs(body.GmtCreate - Date.now()) < 60_000, 'GmtCreate is the creation time in ms');
    const full = await addRule(t, app, SAMPLE_ACL, {
      Name: 'web.rule', Description: 'allow the web', Priority: '100', Type: 'WAN', IpProtocol: 'ICMP', SourcePortRange: '-1/-1', DestPortRange: '-1/-1',
      'DpiSignatureIds.1': '1', 'DpiSignatureIds.2': '23', 'DpiGroupIds.1': '20', Policy: 'drop', Direction: 'out',
    });
    t.match(full, { Name: 'web.rule', Priority: 100, Type: 'WAN', IpProtocol: 'ICMP', DpiSignatureIds: { DpiSignatureId: ['1', '23'] }, DpiGroupIds: { DpiGroupId: ['20'] } });
    t.equal(rulesOf(app, SAMPLE_ACL).length, 3);
    expectXmlSuccess(t, 'AddACLRule', await acl(app, 'AddACLRule', { AclId: SAMPLE_ACL, ...RULE }, 'XML'), '<IpProtocol>TCP</IpProtocol>', '<DpiGroupIds/>');
  });

  t.test('errors, and none of them adds a rule', async (t) => {
    const app = await appFor(t);
    const err = (code: string) => documentedError('AddACLRule', code);
    const cases: [string, Params, ReturnType<typeof err>][] = [
      ['an unknown ACL', { AclId: 'acl-doesnotexist' }, err('InvalidId.ACL')],
      ['an ACL of another region', { RegionId: 'cn-shanghai' }, err('InvalidId.ACL')],
      ['an unsupported protocol', { IpProtocol: 'sctp' }, err('NotSupportedProtocol')],
      ['a name starting with a digit', { Name: '9rule' }, err('InvalidParameter')],
      ['a description of 513 characters', { Description: 'd'.repeat(513) }, err('InvalidDescription')],
      ['a direction other than in and out', { Direction: 'both' }, err('InvalidParameter')],
      ['a policy other than accept and drop', { Policy: 'allow' }, err('InvalidParameter')],
      ['a source that is not a CIDR block', { SourceCidr: '192.168.20.1' }, err('InvalidParameter')],
      ['a destination with host bits', { DestCidr: '192.168.10.1/24' }, err('InvalidParameter')],
      ['ports not from/to', { SourcePortRange: '80' }, err('InvalidPortRange')],
      ['ports above 65535', { DestPortRange: '1/65536' }, err('InvalidPortRange')],
      ['ports the wrong way round', { DestPortRange: '200/100' }, err('InvalidPortRange')],
      ['port 0', { SourcePortRange: '0/80' }, err('InvalidPortRange')],
      ['-1 with a port', { SourcePortRange: '-1/80' }, err('InvalidPortRange')],
      ['ports on ICMP', { IpProtocol: 'icmp' }, err('InvalidPortRange')],
      ['priority 0', { Priority: '0' }, err('InvalidParameter')],
      ['priority 101', { Priority: '101' }, err('InvalidParameter')],
      ['11 application ids', Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`DpiSignatureIds.${i + 1}`, String(i + 1)])), err('InvalidParameter')],
      ['an application group id that is not a number', { 'DpiGroupIds.1': 'web' }, err('InvalidParameter')],
    ];
    for (const [label, change, expected] of cases) {
      expectError(t, await acl(app, 'AddACLRule', { AclId: SAMPLE_ACL, ...RULE, ...change }), expected, label);
      expectError(t, await acl(app, 'AddACLRule', { AclId: SAMPLE_ACL, ...RULE, ...change }, 'XML'), expected, `${label} (XML)`);
    }
    expectError(t, await acl(app, 'AddACLRule', { AclId: SAMPLE_ACL, ...RULE, Type: 'BOTH' }), invalidParameterError('Type'), 'Type outside its enum: the gateway');
    t.equal(rulesOf(app, SAMPLE_ACL).length, 1, 'only the fixture\'s rule');
  });

  t.test('rule types: WAN rules need an acl-hardware ACL that no SAG-1000 applies', async (t) => {
    const app = await appFor(t);
    const software = await createAcl(t, app, { AclType: 'acl-software' });
    expectError(t, await acl(app, 'AddACLRule', { AclId: software, ...RULE, Type: 'WAN' }), documentedError('AddACLRule', 'ACL.InvalidType'));
    await addRule(t, app, software, { Type: 'LAN' });
    expectSuccess(t, 'AssociateACL', await acl(app, 'AssociateACL', { AclId: SAMPLE_ACL, SmartAGId: HARDWARE }));
    expectError(t, await acl(app, 'AddACLRule', { AclId: SAMPLE_ACL, ...RULE, Type: 'WAN' }), documentedError('AddACLRule', 'ACL.NoSupportWanType'));
    expectError(t, await acl(app, 'ModifyACLRule', { AclId: SAMPLE_ACL, AcrId: SAMPLE_RULE, Type: 'WAN' }, 'XML'), documentedError('ModifyACLRule', 'ACL.NoSupportWanType'), 'Modify, XML');
  });

  t.test('at most 50 rules per ACL', async (t) => {
    const app = await appFor(t);
    for (let i = 2; i <= 50; i++) await addRule(t, app, SAMPLE_ACL, { Priority: String(i) });
    expectError(t, await acl(app, 'AddACLRule', { AclId: SAMPLE_ACL, ...RULE }), documentedError('AddACLRule', 'AcrPerAclAmountLimit'));
    const other = await createAcl(t, app);
    await addRule(t, app, other);
  });
});

t.test('DescribeACLAttribute', async (t) => {
  t.test('lists the rules of one ACL, oldest first, with the ACL\'s type', async (t) => {
    const app = await appFor(t);
    const body = expectSuccess(t, 'DescribeACLAttribute', await acl(app, 'DescribeACLAttribute', { AclId: SAMPLE_ACL }));
    t.same(body, {
      RequestId: body.RequestId, TotalCount: 1, PageSize: 10, PageNumber: 1,
      Acrs: {
        Acr: [{
          Direction: 'in', Type: 'LAN', DpiSignatureIds: { DpiSignatureId: [] }, IpProtocol: 'TCP', Priority: 10, AclId: SAMPLE_ACL, Policy: 'accept',
          Description: '', GmtCreate: body.Acrs.Acr[0].GmtCreate, DestCidr: '172.17.0.0/24', DestPortRange: '443/443', Name: 'allow-web', AcrId: SAMPLE_RULE,
          SourceCidr: '0.0.0.0/0', SourcePortRange: '-1/-1', DpiGroupIds: { DpiGroupId: [] }, AclType: 'acl-hardware',
        }],
      },
    });
    expectXmlSuccess(t, 'DescribeACLAttribute', await acl(app, 'DescribeACLAttribute', { AclId: SAMPLE_ACL }, 'XML'), `<Acrs><Acr><Direction>in</Direction>`, `<AcrId>${SAMPLE_RULE}</AcrId>`);
  });

  t.test('filters by direction and part of the name; pages; Order filters nothing', async (t) => {
    const app = await appFor(t);
    const ids = [SAMPLE_RULE];
    for (const [name, direction] of [['web-in', 'in'], ['web-out', 'out'], ['mail-out', 'out']]) ids.push((await addRule(t, app, SAMPLE_ACL, { Name: name, Direction: direction })).AcrId);
    const list = async (params: Params) => expectSuccess(t, 'DescribeACLAttribute', await acl(app, 'DescribeACLAttribute', { AclId: SAMPLE_ACL, ...params }));
    t.same(ruleIdsOf(await list({ Direction: 'out' })), [ids[2], ids[3]]);
    t.same(ruleIdsOf(await list({ Name: 'web' })), [ids[0], ids[1], ids[2]], 'Name matches part of a name (allow-web, web-in, web-out)');
    t.same(ruleIdsOf(await list({ Name: 'web', Direction: 'out' })), [ids[2]]);
    t.same(ruleIdsOf(await list({ Order: '1255444444' })), ids);
    const second = await list({ PageSize: '3', PageNumber: '2' });
    t.match(second, { TotalCount: 4, PageSize: 3, PageNumber: 2 });
    t.same(ruleIdsOf(second), [ids[3]]);
    expectError(t, await acl(app, 'DescribeACLAttribute', { AclId: SAMPLE_ACL, PageSize: '51' }), invalidParameterError('PageSize'));
  });

  t.test('an unknown ACL', async (t) => {
    const app = await appFor(t);
    const notFound = documentedError('DescribeACLAttribute', 'InvalidId.ACL');
    expectError(t, await acl(app, 'DescribeACLAttribute', { AclId: 'acl-doesnotexist' }), notFound);
    expectError(t, await acl(app, 'DescribeACLAttribute', { AclId: SAMPLE_ACL, ...AS_OTHER_ACCOUNT }, 'XML'), notFound, "another account's, XML");
  });
});

t.test('ModifyACLRule changes exactly what it names', async (t) => {
  const app = await appFor(t);
  const before = rulesOf(app, SAMPLE_ACL)[0];
  const body = expectSuccess(t, 'ModifyACLRule', await acl(app, 'ModifyACLRule', { AclId: SAMPLE_ACL, AcrId: SAMPLE_RULE, Priority: '3', Description: 'changed' }));
  t.match(body, { AcrId: SAMPLE_RULE, Priority: 3, Description: 'changed', Name: 'allow-web', DestPortRange: '443/443', IpProtocol: 'TCP' });
  t.same(rulesOf(app, SAMPLE_ACL)[0], { ...before, priority: 3, description: 'changed' }, 'only the two named fields changed');
  expectSuccess(t, 'ModifyACLRule', await acl(app, 'ModifyACLRule', { AclId: SAMPLE_ACL, AcrId: SAMPLE_RULE, IpProtocol: 'all', SourcePortRange: '-1/-1', DestPortRange: '-1/-1' }));
  t.match(rulesOf(app, SAMPLE_ACL)[0], { ipProtocol: 'ALL', destPortRange: '-1/-1' });
  expectXmlSuccess(t, 'ModifyACLRule', await acl(app, 'ModifyACLRule', { AclId: SAMPLE_ACL, AcrId: SAMPLE_RULE, Name: 'renamed' }, 'XML'), '<Name>renamed</Name>');

  const err = (code: string) => documentedError('ModifyACLRule', code);
  const cases: [string, Params, ReturnType<typeof err>][] = [
    ['an unknown ACL', { AclId: 'acl-doesnotexist' }, err('InvalidId.ACL')],
    ['an unknown rule', { AcrId: 'acr-doesnotexist' }, err('InvalidId.ACR')],
    ['ports on a portless protocol', { DestPortRange: '80/80' }, err('InvalidPortRange')],
    ['an unsupported protocol', { IpProtocol: 'sctp' }, err('NotSupportedProtocol')],
    ['a description of 513 characters', { Description: 'd'.repeat(513) }, err('InvalidDescription')],
    ['priority 101', { Priority: '101' }, err('InvalidParameter')],
  ];
  for (const [label, change, expected] of cases) {
    expectError(t, await acl(app, 'ModifyACLRule', { AclId: SAMPLE_ACL, AcrId: SAMPLE_RULE, ...change }), expected, label);
    expectError(t, await acl(app, 'ModifyACLRule', { AclId: SAMPLE_ACL, AcrId: SAMPLE_RULE, ...change }, 'XML'), expected, `${label} (XML)`);
  }
  const other = await createAcl(t, app);
  expectError(t, await acl(app, 'ModifyACLRule', { AclId: other, AcrId: SAMPLE_RULE, Priority: '2' }), err('InvalidId.ACR'), "another ACL's rule");
  t.match(rulesOf(app, SAMPLE_ACL)[0], { name: 'renamed', priority: 3 }, 'no error changed the rule');
});

t.test('DeleteACLRule', async (t) => {
  const app = await appFor(t);
  const added = await addRule(t, app, SAMPLE_ACL);
  expectSuccess(t, 'DeleteACLRule', await acl(app, 'DeleteACLRule', { AclId: SAMPLE_ACL, AcrId: SAMPLE_RULE }));
  t.same(ruleIdsOf(expectSuccess(t, 'DescribeACLAttribute', await acl(app, 'DescribeACLAttribute', { AclId: SAMPLE_ACL }))), [added.AcrId]);
  const err = (code: string) => documentedError('DeleteACLRule', code);
  expectError(t, await acl(app, 'DeleteACLRule', { AclId: SAMPLE_ACL, AcrId: SAMPLE_RULE }), err('InvalidId.ACR'), 'a second delete');
  expectError(t, await acl(app, 'DeleteACLRule', { AclId: 'acl-doesnotexist', AcrId: added.AcrId }, 'XML'), err('InvalidId.ACL'), 'an unknown ACL, XML');
  expectXmlSuccess(t, 'DeleteACLRule', await acl(app, 'DeleteACLRule', { AclId: SAMPLE_ACL, AcrId: added.AcrId }, 'XML'));
});

t.test('AssociateACL and DisassociateACL', async (t) => {
  t.test('associate, count, disassociate', async (t) => {
    const app = await appFor(t);
    expectSuccess(t, 'AssociateACL', await acl(app, 'AssociateACL', { AclId: SAMPLE_ACL, SmartAGId: HARDWARE }));
    t.same(app.emulator.store.associations.instancesOf(ACCOUNT, 'acl', SAMPLE_ACL), [HARDWARE]);
    const err = (action: string, code: string) => documentedError(action, code);
    expectError(t, await acl(app, 'AssociateACL', { AclId: SAMPLE_ACL, SmartAGId: HARDWARE }), err('AssociateACL', 'SmartAGAlreadyAssociateAcl'), 'twice');
    const second = await createAcl(t, app);
    expectError(t, await acl(app, 'AssociateACL', { AclId: second, SmartAGId: HARDWARE }, 'XML'), err('AssociateACL', 'AclPerSmartagAmountLimit'), 'a second ACL on one instance, XML');
    expectSuccess(t, 'DisassociateACL', await acl(app, 'DisassociateACL', { AclId: SAMPLE_ACL, SmartAGId: HARDWARE }));
    t.equal(idsOf(expectSuccess(t, 'DescribeACLs', await acl(app, 'DescribeACLs', { AclIds: SAMPLE_ACL }))).length, 1);
    t.equal(expectSuccess(t, 'DescribeACLs', await acl(app, 'DescribeACLs', { AclIds: SAMPLE_ACL })).Acls.Acl[0].SagCount, '0');
    expectError(t, await acl(app, 'DisassociateACL', { AclId: SAMPLE_ACL, SmartAGId: HARDWARE }), err('DisassociateACL', 'SmartAGNotAssociateAcl'), 'twice');
    expectXmlSuccess(t, 'AssociateACL', await acl(app, 'AssociateACL', { AclId: second, SmartAGId: HARDWARE }, 'XML'));
    expectXmlSuccess(t, 'DisassociateACL', await acl(app, 'DisassociateACL', { AclId: second, SmartAGId: HARDWARE }, 'XML'));
  });

  t.test('the ACL type must fit the instance', async (t) => {
    const app = await appFor(t);
    expectError(t, await acl(app, 'AssociateACL', { AclId: SAMPLE_ACL, SmartAGId: APP }), documentedError('AssociateACL', 'SAG.SoftwareNotSupport'), 'a hardware ACL on a SAG APP instance');
    const software = await createAcl(t, app, { AclType: 'acl-software' });
    expectError(t, await acl(app, 'AssociateACL', { AclId: software, SmartAGId: HARDWARE }, 'XML'), documentedError('AssociateACL', 'FeatureNotSupport'), 'a software ACL on a device, XML');
    expectSuccess(t, 'AssociateACL', await acl(app, 'AssociateACL', { AclId: software, SmartAGId: APP }));
  });

  t.test('unknown ACLs and instances', async (t) => {
    const app = await appFor(t);
    for (const action of ['AssociateACL', 'DisassociateACL']) {
      expectError(t, await acl(app, action, { AclId: 'acl-doesnotexist', SmartAGId: HARDWARE }), documentedError(action, 'InvalidId.ACL'), `${action}: unknown ACL`);
      expectError(t, await acl(app, action, { AclId: SAMPLE_ACL, SmartAGId: 'sag-doesnotexist' }), documentedError(action, 'InvalidId.SMARTAG'), `${action}: unknown instance`);
      expectError(t, await acl(app, action, { AclId: SAMPLE_ACL, SmartAGId: 'sag-m9uhqekwnqcnyy****' }, 'XML'), documentedError(action, 'InvalidId.SMARTAG'), `${action}: an instance of another region, XML`);
    }
  });

  t.test("the instance's own views show its ACL, and DescribeSmartAccessGateways filters on it", async (t) => {
    const app = await appFor(t);
    const gateways = async (params: Params, format?: 'XML') => acl(app, 'DescribeSmartAccessGateways', params, format);
    const ids = (body: Record<string, any>) => body.SmartAccessGateways.SmartAccessGateway.map((item: { SmartAGId: string }) => item.SmartAGId);
    const all = ids(expectSuccess(t, 'DescribeSmartAccessGateways', await gateways({})));
    t.ok(all.includes(HARDWARE) && all.length > 1, 'the region holds the device and others');
    t.same(ids(expectSuccess(t, 'DescribeSmartAccessGateways', await gateways({ AclIds: SAMPLE_ACL }))), [], 'nothing applies the ACL yet');

    expectSuccess(t, 'AssociateACL', await acl(app, 'AssociateACL', { AclId: SAMPLE_ACL, SmartAGId: HARDWARE }));
    const bound = expectSuccess(t, 'DescribeSmartAccessGateways', await gateways({ AclIds: SAMPLE_ACL }));
    t.same(ids(bound), [HARDWARE], 'AclIds: the instances that apply the ACL');
    t.equal(bound.TotalCount, 1);
    t.equal(bound.SmartAccessGateways.SmartAccessGateway[0].AclIds, SAMPLE_ACL, 'the list item names it');
    t.equal(bound.SmartAccessGateways.SmartAccessGateway[0].QosIds, '');
    t.same(ids(expectSuccess(t, 'DescribeSmartAccessGateways', await gateways({ UnboundAclIds: `${SAMPLE_ACL},acl-other` }))), all.filter((id: string) => id !== HARDWARE), 'UnboundAclIds: the others');
    t.same(ids(expectSuccess(t, 'DescribeSmartAccessGateways', await gateways({ AclIds: `acl-other, ${SAMPLE_ACL}` }))), [HARDWARE], 'a comma-separated list matches any of its ids');
    expectXmlSuccess(t, 'DescribeSmartAccessGateways', await gateways({ AclIds: SAMPLE_ACL }, 'XML'), `<AclIds>${SAMPLE_ACL}</AclIds>`);
    const attribute = expectSuccess(t, 'DescribeSmartAccessGatewayAttribute', await acl(app, 'DescribeSmartAccessGatewayAttribute', { SmartAGId: HARDWARE }));
    t.same(attribute.AclIds, { AclId: [SAMPLE_ACL] });
    t.same(attribute.QosIds, { QosId: [] });
    t.same(attribute.FlowLogIds, { FlowLogId: [] });

    expectSuccess(t, 'DisassociateACL', await acl(app, 'DisassociateACL', { AclId: SAMPLE_ACL, SmartAGId: HARDWARE }));
    t.same(ids(expectSuccess(t, 'DescribeSmartAccessGateways', await gateways({ AclIds: SAMPLE_ACL }))), []);
    t.same(expectSuccess(t, 'DescribeSmartAccessGatewayAttribute', await acl(app, 'DescribeSmartAccessGatewayAttribute', { SmartAGId: HARDWARE })).AclIds, { AclId: [] });
    t.same(ids(expectSuccess(t, 'DescribeSmartAccessGateways', await gateways({ CanAssociateQos: 'true' }))), all, 'no instance applies a QoS policy');
    t.same(ids(expectSuccess(t, 'DescribeSmartAccessGateways', await gateways({ CanAssociateQos: 'false' }))), []);
  });

  t.test('deleting an instance drops its associations', async (t) => {
    const app = await appFor(t);
    expectSuccess(t, 'AssociateACL', await acl(app, 'AssociateACL', { AclId: SAMPLE_ACL, SmartAGId: HARDWARE }));
    expectSuccess(t, 'DeleteSmartAccessGateway', await call(app, 'DeleteSmartAccessGateway', { RegionId: HZ, InstanceId: HARDWARE }));
    t.equal(expectSuccess(t, 'DescribeACLs', await acl(app, 'DescribeACLs', {})).Acls.Acl[0].SagCount, '0');
  });
});

t.test('GetAclAttribute', async (t) => {
  const app = await appFor(t);
  const body = expectSuccess(t, 'GetAclAttribute', await acl(app, 'GetAclAttribute', { AclId: SAMPLE_ACL }));
  t.same(body, { RequestId: body.RequestId, AclId: SAMPLE_ACL, ErrorConfigSmartAGCount: 0, AclName: 'SampleAcl' });
  expectXmlSuccess(t, 'GetAclAttribute', await acl(app, 'GetAclAttribute', { AclId: SAMPLE_ACL }, 'XML'), '<AclName>SampleAcl</AclName>');
  // GetAclAttribute documents no error: the family's not-found code answers (README, "How the emulator decides").
  expectError(t, await acl(app, 'GetAclAttribute', { AclId: 'acl-doesnotexist' }), documentedElsewhere('InvalidId.ACL'));
});

t.test('fixtures: ACLs load, reset and dump in the fixture shape', async (t) => {
  const app = await appFor(t);
  const { control } = await import('../helpers/control');
  const state = (await control(app, 'GET', '/state')).json();
  const account = state.accounts.find((a: { id: string }) => a.id === ACCOUNT);
  const createdAt = account.acls[0].createdAt;
  t.type(createdAt, 'number', 'the dump keeps creation times, so seeding it back keeps the order');
  t.same(account.acls, [{
    id: SAMPLE_ACL, regionId: HZ, name: 'SampleAcl', aclType: 'acl-hardware', smartAGIds: [], createdAt,
    rules: [{
      id: SAMPLE_RULE, name: 'allow-web', description: '', direction: 'in', policy: 'accept', ipProtocol: 'TCP', sourceCidr: '0.0.0.0/0',
      sourcePortRange: '-1/-1', destCidr: '172.17.0.0/24', destPortRange: '443/443', priority: 10, type: 'LAN', dpiSignatureIds: [], dpiGroupIds: [], createdAt,
    }],
  }]);
  await createAcl(t, app);
  await control(app, 'POST', '/reset');
  t.equal(app.emulator.store.acls.count({ accountId: ACCOUNT }), 1, 'reset brings back the fixture ACL only');

  const bad = async (acls: unknown[]) => (await control(app, 'POST', '/seed', { accounts: [{ id: '1000000000000009', instances: [{ id: 'sag-dev0001', regionId: HZ, instanceType: 'sag-1000' }], acls }] })).json();
  const base = { id: 'acl-seed0001', regionId: HZ, name: 'seeded' };
  t.match(await bad([{ ...base, smartAGIds: ['sag-nothere'] }]), { Code: 'Emulator.InvalidFixture', Description: /\/accounts\/0\/acls\/0\/smartAGIds\/0: sag-nothere is not an instance of this account in cn-hangzhou/ });
  t.match(await bad([{ ...base, aclType: 'acl-software', smartAGIds: ['sag-dev0001'] }]), { Description: /an acl-software ACL cannot apply to sag-dev0001/ });
  t.match(await bad([{ ...base, rules: [{ id: 'acr-seed0001', direction: 'in', policy: 'accept', ipProtocol: 'icmp', sourceCidr: '10.0.0.0/8', destCidr: '10.0.0.0/8', destPortRange: '80/80' }] }]), { Description: /\/acls\/0\/rules\/0\/ipProtocol: ICMP takes only the port range -1\/-1/ });
  t.match(await bad([base, base]), { Description: /\/acls\/1\/id: ACL acl-seed0001 is defined twice/ });
  const ok = await control(app, 'POST', '/seed', { accounts: [{ id: '1000000000000009', instances: [{ id: 'sag-dev0001', regionId: HZ, instanceType: 'sag-1000' }], acls: [{ ...base, smartAGIds: ['sag-dev0001'] }] }] });
  t.equal(ok.status, 200);
  t.same(app.emulator.store.associations.instancesOf('1000000000000009', 'acl', 'acl-seed0001'), ['sag-dev0001']);
});
