/**
 * SNAT and DNAT entries: AddSnatEntry, DeleteSnatEntry, DescribeSnatEntries,
 * AddDnatEntry, DeleteDnatEntry and DescribeDnatEntries, on the default
 * fixtures' hardware instance sag-hardware0001 (cn-hangzhou). Every
 * documented error an operation can reach is asserted with the status and
 * message the metadata gives, in JSON and in XML.
 */
import t, { type Test } from 'tap';
import type { FastifyInstance } from 'fastify';
import { call, testApp } from '../helpers/app';
import { expectError, expectSuccess, expectXmlSuccess, ERRORS, invalidParameterError } from '../helpers/api-expect';
import { documentedError, documentedElsewhere } from '../helpers/documented';

const ACCOUNT = '1000000000000001';
const HZ = 'cn-hangzhou';
const DEVICE = 'sag-hardware0001';
const APP = 'sag-ghwa10ko6ndwug****';
const AS_OTHER_ACCOUNT = { AccessKeyId: 'otherid' };
const DNAT = { Type: 'Intranet', IpProtocol: 'TCP', ExternalIp: '10.10.1.1', ExternalPort: '80', InternalIp: '192.168.0.1', InternalPort: '8080' };

type Params = Record<string, string>;

async function appFor(t: Test): Promise<FastifyInstance> {
  const app = await testApp();
  t.teardown(() => app.close());
  return app;
}

function nat(app: FastifyInstance, action: string, params: Params, format?: 'XML') {
  return call(app, action, { RegionId: HZ, ...params }, { format });
}

async function addSnat(t: Test, app: FastifyInstance, params: Params = {}): Promise<string> {
  return expectSuccess(t, 'AddSnatEntry', await nat(app, 'AddSnatEntry', { SmartAGId: DEVICE, CidrBlock: '192.168.1.0/24', SnatIp: '11.0.0.1', ...params })).InstanceId;
}

async function addDnat(t: Test, app: FastifyInstance, params: Params = {}): Promise<string> {
  return expectSuccess(t, 'AddDnatEntry', await nat(app, 'AddDnatEntry', { SagId: DEVICE, ...DNAT, ...params })).DnatEntryId;
}

function setStatus(app: FastifyInstance, id: string, status: string): void {
  const instance = app.emulator.store.instances.findInRegion(ACCOUNT, HZ, id)!;
  app.emulator.store.instances.save({ ...instance, status });
}

const snatIds = (body: Record<string, any>) => body.SnatEntries.SnatEntry.map((entry: { InstanceId: string }) => entry.InstanceId);
const dnatIds = (body: Record<string, any>) => body.DnatEntries.DnatEntry.map((entry: { DnatEntryId: string }) => entry.DnatEntryId);

t.test('AddSnatEntry', async (t) => {
  t.test('adds an entry that DescribeSnatEntries lists', async (t) => {
    const app = await appFor(t);
    const id = await addSnat(t, app);
    t.match(id, /^snat-[a-z0-9]{18}$/);
    t.match(app.emulator.store.snatEntries.find({ accountId: ACCOUNT, id }), { instanceId: DEVICE, cidrBlock: '192.168.1.0/24', snatIp: '11.0.0.1' });
    expectXmlSuccess(t, 'AddSnatEntry', await nat(app, 'AddSnatEntry', { SmartAGId: DEVICE, CidrBlock: '192.168.2.0/24', SnatIp: '11.0.0.2' }, 'XML'), '<InstanceId>snat-');
  });

  t.test('errors', async (t) => {
    const app = await appFor(t);
    const add = (params: Params, format?: 'XML') => nat(app, 'AddSnatEntry', { SmartAGId: DEVICE, CidrBlock: '192.168.1.0/24', SnatIp: '11.0.0.1', ...params }, format);
    expectError(t, await add({ SmartAGId: 'sag-nosuch' }), documentedError('AddSnatEntry', 'SAG.InstanceNoFound'), 'unknown instance');
    expectError(t, await add({ RegionId: 'cn-shanghai' }), documentedError('AddSnatEntry', 'SAG.InstanceNoFound'), 'another region');
    expectError(t, await call(app, 'AddSnatEntry', { RegionId: HZ, SmartAGId: DEVICE, CidrBlock: '192.168.1.0/24', SnatIp: '11.0.0.1', ...AS_OTHER_ACCOUNT }), documentedError('AddSnatEntry', 'SAG.InstanceNoFound'), 'another account');
    expectError(t, await add({ SmartAGId: APP }), documentedError('AddSnatEntry', 'FeatureNotSupport'), 'a SAG APP instance');
    expectError(t, await add({ SmartAGId: APP }, 'XML'), documentedError('AddSnatEntry', 'FeatureNotSupport'), 'XML');
    expectError(t, await add({ CidrBlock: '192.168.1.1/24' }), documentedError('AddSnatEntry', 'SNAT.InvalidCidr'), 'host bits set');
    expectError(t, await add({ CidrBlock: 'office' }), documentedError('AddSnatEntry', 'SNAT.InvalidCidr'), 'not a block');
    expectError(t, await add({ SnatIp: '11.0.0' }), documentedError('AddSnatEntry', 'SNAT.InvalidIp'), 'not an address');
    expectError(t, await call(app, 'AddSnatEntry', { RegionId: HZ, SmartAGId: DEVICE, CidrBlock: '192.168.1.0/24' }), [400, 'MissingSnatIp', 'SnatIp is mandatory for this action.']);
    expectError(t, await add({ RegionId: 'cn-nowhere' }), ERRORS.invalidRegion);
    setStatus(app, DEVICE, 'Locked');
    expectError(t, await add({}), documentedError('AddSnatEntry', 'SmartAccessGatewayInArrears'), 'Locked');
    setStatus(app, DEVICE, 'Shipped');
    expectError(t, await add({}), documentedError('AddSnatEntry', 'SmartAccessGatewayNotActivated'), 'Shipped');
    t.equal(app.emulator.store.snatEntries.count({ accountId: ACCOUNT }), 0, 'no error added an entry');
  });

  t.test('a block once per instance, an address no DNAT entry takes, at most 20', async (t) => {
    const app = await appFor(t);
    await addSnat(t, app);
    expectError(t, await nat(app, 'AddSnatEntry', { SmartAGId: DEVICE, CidrBlock: '192.168.1.0/24', SnatIp: '11.0.0.9' }), documentedError('AddSnatEntry', 'SNAT.CidrConfigExist'));
    await addDnat(t, app, { ExternalIp: '11.0.0.7' });
    expectError(t, await nat(app, 'AddSnatEntry', { SmartAGId: DEVICE, CidrBlock: '192.168.7.0/24', SnatIp: '11.0.0.7' }), documentedError('AddSnatEntry', 'SNAT.SnatDnatIpConflict'));
    for (let i = 2; i <= 20; i++) await addSnat(t, app, { CidrBlock: `10.0.${i}.0/24` });
    expectError(t, await nat(app, 'AddSnatEntry', { SmartAGId: DEVICE, CidrBlock: '10.1.0.0/24', SnatIp: '11.0.0.1' }), documentedError('AddSnatEntry', 'SNAT.AmountLimit'));
    t.equal(app.emulator.store.snatEntries.count({ accountId: ACCOUNT, instanceId: DEVICE }), 20);
  });
});

t.test('DescribeSnatEntries', async (t) => {
  t.test('lists oldest first and pages', async (t) => {
    const app = await appFor(t);
    const ids = [];
    for (let i = 1; i <= 3; i++) ids.push(await addSnat(t, app, { CidrBlock: `10.0.${i}.0/24`, SnatIp: `11.0.0.${i}` }));
    const all = expectSuccess(t, 'DescribeSnatEntries', await nat(app, 'DescribeSnatEntries', { SmartAGId: DEVICE }));
    t.same(snatIds(all), ids);
    t.match(all, { TotalCount: 3, PageSize: 10, PageNumber: 1 });
    t.match(all.SnatEntries.SnatEntry[0], { CidrBlock: '10.0.1.0/24', SnatIp: '11.0.0.1', CreateTime: Number });
    const second = expectSuccess(t, 'DescribeSnatEntries', await nat(app, 'DescribeSnatEntries', { SmartAGId: DEVICE, PageSize: '2', PageNumber: '2' }));
    t.same(snatIds(second), [ids[2]]);
    t.equal(second.TotalCount, 3);
    expectXmlSuccess(t, 'DescribeSnatEntries', await nat(app, 'DescribeSnatEntries', { SmartAGId: DEVICE }, 'XML'), '<TotalCount>3</TotalCount>', `<InstanceId>${ids[0]}</InstanceId>`);
  });

  t.test('errors', async (t) => {
    const app = await appFor(t);
    expectError(t, await nat(app, 'DescribeSnatEntries', { SmartAGId: 'sag-nosuch' }), documentedElsewhere('SAG.InstanceNoFound'));
    expectError(t, await nat(app, 'DescribeSnatEntries', { SmartAGId: APP }, 'XML'), documentedElsewhere('FeatureNotSupport'));
    expectError(t, await nat(app, 'DescribeSnatEntries', { SmartAGId: DEVICE, PageSize: '51' }), invalidParameterError('PageSize'));
  });
});

t.test('DeleteSnatEntry', async (t) => {
  const app = await appFor(t);
  const id = await addSnat(t, app);
  const keep = await addSnat(t, app, { CidrBlock: '192.168.9.0/24' });
  expectError(t, await nat(app, 'DeleteSnatEntry', { SmartAGId: DEVICE, InstanceId: 'snat-nosuch' }), documentedElsewhere('InstanceNotExit'), 'unknown entry');
  expectError(t, await nat(app, 'DeleteSnatEntry', { SmartAGId: 'sag-nosuch', InstanceId: id }, 'XML'), documentedElsewhere('SAG.InstanceNoFound'), 'unknown instance');
  expectError(t, await call(app, 'DeleteSnatEntry', { RegionId: HZ, SmartAGId: DEVICE, InstanceId: id, ...AS_OTHER_ACCOUNT }), documentedElsewhere('SAG.InstanceNoFound'), 'another account');
  expectSuccess(t, 'DeleteSnatEntry', await nat(app, 'DeleteSnatEntry', { SmartAGId: DEVICE, InstanceId: id }));
  const listed = expectSuccess(t, 'DescribeSnatEntries', await nat(app, 'DescribeSnatEntries', { SmartAGId: DEVICE }));
  t.same(snatIds(listed), [keep], 'only the other entry is left');
  expectError(t, await nat(app, 'DeleteSnatEntry', { SmartAGId: DEVICE, InstanceId: id }), documentedElsewhere('InstanceNotExit'), 'deleted twice');
  expectXmlSuccess(t, 'DeleteSnatEntry', await nat(app, 'DeleteSnatEntry', { SmartAGId: DEVICE, InstanceId: keep }, 'XML'));
});

t.test('AddDnatEntry', async (t) => {
  t.test('adds an entry, protocol and ports as stored', async (t) => {
    const app = await appFor(t);
    const id = await addDnat(t, app);
    t.match(id, /^fwd-[a-z0-9]{18}$/);
    t.match(app.emulator.store.dnatEntries.find({ accountId: ACCOUNT, id }), {
      instanceId: DEVICE, type: 'Intranet', ipProtocol: 'tcp', externalIp: '10.10.1.1', externalPort: '80', internalIp: '192.168.0.1', internalPort: '8080',
    });
    const internet = await addDnat(t, app, { Type: 'Internet', ExternalIp: '1.2.3.4', IpProtocol: 'Any', ExternalPort: 'any', InternalPort: 'ANY' });
    t.match(app.emulator.store.dnatEntries.find({ accountId: ACCOUNT, id: internet }), { type: 'Internet', ipProtocol: 'any', externalIp: '', externalPort: 'any', internalPort: 'any' },
      'an Internet entry keeps no external address');
    const noType = await addDnat(t, app, { Type: '', IpProtocol: 'udp', ExternalPort: '53', InternalPort: '53' });
    t.equal(app.emulator.store.dnatEntries.find({ accountId: ACCOUNT, id: noType })?.type, 'Intranet', 'Intranet is the default');
    expectXmlSuccess(t, 'AddDnatEntry', await nat(app, 'AddDnatEntry', { SagId: DEVICE, ...DNAT, ExternalPort: '81' }, 'XML'), '<DnatEntryId>fwd-');
  });

  t.test('errors', async (t) => {
    const app = await appFor(t);
    const add = (params: Params, format?: 'XML') => nat(app, 'AddDnatEntry', { SagId: DEVICE, ...DNAT, ...params }, format);
    const illegal = documentedError('AddDnatEntry', 'IllegalParam');
    expectError(t, await add({ SagId: 'sag-nosuch' }), documentedError('AddDnatEntry', 'InvalidId.SMARTAG'), 'unknown instance');
    expectError(t, await call(app, 'AddDnatEntry', { RegionId: HZ, SagId: DEVICE, ...DNAT, ...AS_OTHER_ACCOUNT }), documentedError('AddDnatEntry', 'InvalidId.SMARTAG'), 'another account');
    expectError(t, await add({ SagId: APP }), documentedError('AddDnatEntry', 'FeatureNotSupport'), 'a SAG APP instance');
    expectError(t, await add({ RegionId: 'cn-nowhere' }), documentedError('AddDnatEntry', 'InvalidRegionID'));
    for (const [label, params] of [
      ['Type', { Type: 'Public' }], ['IpProtocol', { IpProtocol: 'icmp' }], ['ExternalPort 0', { ExternalPort: '0' }],
      ['InternalPort 65536', { InternalPort: '65536' }], ['one port any', { ExternalPort: 'any' }], ['protocol any with ports', { IpProtocol: 'any' }],
      ['InternalIp', { InternalIp: '192.168.0' }], ['ExternalIp', { ExternalIp: 'example.com' }],
    ] as const) {
      expectError(t, await add(params), illegal, label);
    }
    expectError(t, await add({ IpProtocol: 'icmp' }, 'XML'), illegal, 'XML');
    expectError(t, await add({ ExternalIp: '' }), documentedError('AddDnatEntry', 'MissingParam'), 'Intranet without ExternalIp');
    expectError(t, await call(app, 'AddDnatEntry', { RegionId: HZ, SagId: DEVICE, IpProtocol: 'tcp', ExternalIp: '1.1.1.1', InternalIp: '192.168.0.1', InternalPort: '80' }),
      [400, 'MissingExternalPort', 'ExternalPort is mandatory for this action.']);
    setStatus(app, DEVICE, 'Locked');
    expectError(t, await add({}), documentedError('AddDnatEntry', 'SmartAccessGatewayInArrears'), 'Locked');
    setStatus(app, DEVICE, 'Init');
    expectError(t, await add({}), documentedError('AddDnatEntry', 'SmartAccessGatewayNotActivated'), 'Init');
    t.equal(app.emulator.store.dnatEntries.count({ accountId: ACCOUNT }), 0, 'no error added an entry');
  });

  t.test('no duplicate, at most 50 per instance', async (t) => {
    const app = await appFor(t);
    await addDnat(t, app);
    expectError(t, await nat(app, 'AddDnatEntry', { SagId: DEVICE, ...DNAT, IpProtocol: 'tcp' }), documentedError('AddDnatEntry', 'DuplicatedDnatEntry'));
    for (let port = 2; port <= 50; port++) await addDnat(t, app, { ExternalPort: String(port) });
    expectError(t, await nat(app, 'AddDnatEntry', { SagId: DEVICE, ...DNAT, ExternalPort: '9999' }), documentedError('AddDnatEntry', 'QuotaExceeded.DnatPerSag'));
  });
});

t.test('DescribeDnatEntries', async (t) => {
  t.test('lists oldest first, filters by Type, pages', async (t) => {
    const app = await appFor(t);
    const intranet = await addDnat(t, app);
    const internet = await addDnat(t, app, { Type: 'Internet', ExternalIp: '' });
    const third = await addDnat(t, app, { ExternalPort: '443', InternalPort: '443' });
    const all = expectSuccess(t, 'DescribeDnatEntries', await nat(app, 'DescribeDnatEntries', { SagId: DEVICE }));
    t.same(dnatIds(all), [intranet, internet, third]);
    t.same(all.DnatEntries.DnatEntry[0], {
      Type: 'Intranet', SagId: DEVICE, InternalIp: '192.168.0.1', InternalPort: '8080', IpProtocol: 'tcp', ExternalPort: '80', DnatEntryId: intranet, ExternalIp: '10.10.1.1',
    });
    const onlyInternet = expectSuccess(t, 'DescribeDnatEntries', await nat(app, 'DescribeDnatEntries', { SagId: DEVICE, Type: 'Internet' }));
    t.same(dnatIds(onlyInternet), [internet]);
    t.equal(onlyInternet.TotalCount, 1);
    const page = expectSuccess(t, 'DescribeDnatEntries', await nat(app, 'DescribeDnatEntries', { SagId: DEVICE, PageSize: '1', PageNumber: '3' }));
    t.same(dnatIds(page), [third]);
    t.match(page, { TotalCount: 3, PageSize: 1, PageNumber: 3 });
    expectXmlSuccess(t, 'DescribeDnatEntries', await nat(app, 'DescribeDnatEntries', { SagId: DEVICE }, 'XML'), `<DnatEntryId>${intranet}</DnatEntryId>`);
  });

  t.test('errors', async (t) => {
    const app = await appFor(t);
    expectError(t, await nat(app, 'DescribeDnatEntries', { SagId: DEVICE, Type: 'Public' }), documentedError('DescribeDnatEntries', 'InvalidParameter'));
    expectError(t, await nat(app, 'DescribeDnatEntries', { SagId: DEVICE, Type: 'Public' }, 'XML'), documentedError('DescribeDnatEntries', 'InvalidParameter'), 'XML');
    expectError(t, await nat(app, 'DescribeDnatEntries', { SagId: 'sag-nosuch' }), documentedElsewhere('InvalidId.SMARTAG'));
    expectError(t, await nat(app, 'DescribeDnatEntries', { SagId: APP }), documentedElsewhere('FeatureNotSupport'));
  });
});

t.test('DeleteDnatEntry', async (t) => {
  const app = await appFor(t);
  const id = await addDnat(t, app);
  const notExist = documentedError('DeleteDnatEntry', 'InstanceNotExit');
  expectError(t, await nat(app, 'DeleteDnatEntry', { SagId: DEVICE, DnatEntryId: 'fwd-nosuch' }), notExist, 'unknown entry');
  expectError(t, await nat(app, 'DeleteDnatEntry', { SagId: 'sag-nosuch', DnatEntryId: id }, 'XML'), notExist, 'unknown instance');
  expectError(t, await call(app, 'DeleteDnatEntry', { RegionId: HZ, SagId: DEVICE, DnatEntryId: id, ...AS_OTHER_ACCOUNT }), notExist, 'another account');
  expectSuccess(t, 'DeleteDnatEntry', await nat(app, 'DeleteDnatEntry', { SagId: DEVICE, DnatEntryId: id }));
  t.equal(app.emulator.store.dnatEntries.count({ accountId: ACCOUNT }), 0);
  expectError(t, await nat(app, 'DeleteDnatEntry', { SagId: DEVICE, DnatEntryId: id }), notExist, 'deleted twice');
  const xml = await addDnat(t, app);
  expectXmlSuccess(t, 'DeleteDnatEntry', await nat(app, 'DeleteDnatEntry', { SagId: DEVICE, DnatEntryId: xml }, 'XML'));
});

t.test('deleting an instance takes its entries with it', async (t) => {
  const app = await appFor(t);
  await addSnat(t, app);
  await addDnat(t, app);
  expectSuccess(t, 'DeleteSmartAccessGateway', await nat(app, 'DeleteSmartAccessGateway', { InstanceId: DEVICE }));
  t.equal(app.emulator.store.snatEntries.count({ accountId: ACCOUNT }), 0);
  t.equal(app.emulator.store.dnatEntries.count({ accountId: ACCOUNT }), 0);
});

t.test('fixtures: SNAT and DNAT entries seed, dump in the fixture shape, round-trip and reset', async (t) => {
  const app = await appFor(t);
  const { control } = await import('../helpers/control');
  const account = {
    id: '1000000000000009',
    instances: [{ id: 'sag-dev0001', regionId: HZ, instanceType: 'sag-1000' }, { id: 'sag-app0001', regionId: HZ, instanceType: 'sag-software' }],
    snatEntries: [{ id: 'snat-seed0001', smartAGId: 'sag-dev0001', cidrBlock: '192.168.1.0/24', snatIp: '11.0.0.1', createdAt: 1000 }],
    dnatEntries: [
      { id: 'fwd-seed0001', smartAGId: 'sag-dev0001', type: 'Intranet', ipProtocol: 'TCP', externalIp: '10.0.0.1', externalPort: '80', internalIp: '192.168.1.5', internalPort: '8080', createdAt: 1000 },
      { id: 'fwd-seed0002', smartAGId: 'sag-dev0001', type: 'Internet', ipProtocol: 'any', externalPort: 'any', internalIp: '192.168.1.6', internalPort: 'any', createdAt: 2000 },
    ],
  };
  t.equal((await control(app, 'POST', '/seed', { accounts: [account] })).status, 200);
  const dumped = (await control(app, 'GET', '/state')).json().accounts.find((a: { id: string }) => a.id === account.id);
  t.same(dumped.snatEntries, account.snatEntries);
  t.same(dumped.dnatEntries, [{ ...account.dnatEntries[0], ipProtocol: 'tcp' }, { ...account.dnatEntries[1], externalIp: '' }]);
  t.equal((await control(app, 'POST', '/seed', { accounts: [dumped] })).status, 200, 'the dump seeds back');
  const again = (await control(app, 'GET', '/state')).json().accounts.find((a: { id: string }) => a.id === account.id);
  t.same(again.snatEntries, dumped.snatEntries);
  t.same(again.dnatEntries, dumped.dnatEntries);

  const bad = async (extra: Record<string, unknown>) => (await control(app, 'POST', '/seed', { accounts: [{ ...account, snatEntries: [], dnatEntries: [], ...extra }] })).json();
  t.match(await bad({ snatEntries: [{ ...account.snatEntries[0], smartAGId: 'sag-app0001' }] }), { Code: 'Emulator.InvalidFixture', Description: /\/accounts\/0\/snatEntries\/0\/smartAGId: sag-app0001 is not a hardware instance/ });
  t.match(await bad({ snatEntries: [{ ...account.snatEntries[0], cidrBlock: '192.168.1.1/24' }] }), { Description: /snatEntries\/0\/cidrBlock: "192.168.1.1\/24" is not a CIDR block/ });
  t.match(await bad({ snatEntries: [account.snatEntries[0], account.snatEntries[0]] }), { Description: /snatEntries\/1\/id: SNAT entry snat-seed0001 is defined twice/ });
  t.match(await bad({ dnatEntries: [{ ...account.dnatEntries[0], ipProtocol: 'icmp' }] }), { Description: /dnatEntries\/0\/ipProtocol: "icmp" is not tcp, udp or any/ });
  t.match(await bad({ dnatEntries: [{ ...account.dnatEntries[0], externalIp: '' }] }), { Description: /dnatEntries\/0\/externalIp: an Intranet entry needs an IPv4 address/ });
  t.match(await bad({ dnatEntries: [{ ...account.dnatEntries[0], id: 'dnat-1' }] }), { Description: /dnatEntries\/0\/id/ });

  await addSnat(t, app);
  await control(app, 'POST', '/reset');
  t.equal(app.emulator.store.snatEntries.count({ accountId: ACCOUNT }), 0, 'reset brings back the fixtures, which hold none');
});
