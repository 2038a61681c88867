/** The model behind instances, CCNs and enterprise codes: CIDR lists, paging, ids, names, regions, fixtures. */
import t from 'tap';
import { allWithin, cidrListProblem, splitCidrList } from '../../src/model/cidr';
import { batchAfter, pageOf } from '../../src/model/paging';
import { defaultResourceGroupId, newOrderId, newResourceId } from '../../src/model/ids';
import { isValidDescription, isValidResourceName } from '../../src/model/resource-names';
import { subscriptionEnd } from '../../src/families/instances/sag-app';
import { activationProblem } from '../../src/families/instances/states';
import { describeRegions, regionOf } from '../../src/model/regions';
import { applyFixture, FixtureError, validateFixture } from '../../src/fixtures/loader';
import { openStore } from '../../src/storage/store';

t.test('CIDR lists', async (t) => {
  t.same(splitCidrList('10.0.0.0/24, 10.1.0.0/24 ,10.2.0.0/24'), ['10.0.0.0/24', '10.1.0.0/24', '10.2.0.0/24']);
  t.equal(cidrListProblem(['10.0.0.0/24', '192.168.1.0/24', '172.31.0.0/16'], 5), undefined);
  t.equal(cidrListProblem(['10.0.0.0'], 5), 'format');
  t.equal(cidrListProblem(['10.0.0.0/24', ''], 5), 'format');
  t.equal(cidrListProblem(['10.0.0.0/24', '10.0.1.0/24', '10.0.2.0/24'], 2), 'tooMany');
  t.equal(cidrListProblem(['10.0.0.0/33'], 5), 'format', 'format is checked before the count');
  t.equal(cidrListProblem(['10.0.0.1/24'], 5), 'invalid', 'host bits set');
  t.equal(cidrListProblem(['172.32.0.0/16'], 5), 'invalid', 'just outside 172.16.0.0/12');
  t.equal(cidrListProblem(['0.0.0.0/0'], 5), 'invalid');
  t.equal(cidrListProblem(['10.0.0.0/8', '10.9.9.0/24'], 5), 'overlap');
  t.ok(allWithin(['10.1.0.0/16', '192.168.0.0/24'], ['10.0.0.0/8', '192.168.0.0/16']));
  t.notOk(allWithin(['10.0.0.0/7'], ['10.0.0.0/8']));
  t.ok(allWithin([], []), 'nothing is within anything');
});

t.test('pages and batches', async (t) => {
  const items = ['a', 'b', 'c', 'd', 'e'];
  t.same(pageOf(items), { items, totalCount: 5, pageNumber: 1, pageSize: 10 });
  t.same(pageOf(items, 2, 2), { items: ['c', 'd'], totalCount: 5, pageNumber: 2, pageSize: 2 });
  t.same(pageOf(items, 9, 2).items, []);
  t.throws(() => pageOf(items, 1, 51), { code: 'InvalidParameter', message: 'Specified parameter PageSize is not valid.' });
  t.throws(() => pageOf(items, 0, 5), { code: 'InvalidParameter', message: 'Specified parameter PageNumber is not valid.' });
  const first = batchAfter(items, (item) => item, undefined, 2);
  t.same(first.items, ['a', 'b']);
  const second = batchAfter(items, (item) => item, first.nextToken, 2);
  t.same(second.items, ['c', 'd']);
  const last = batchAfter(items, (item) => item, second.nextToken, 2);
  t.same(last, { items: ['e'], nextToken: '' });
  t.same(batchAfter(items, (item) => item, undefined, 5).nextToken, '', 'exactly one batch: no token');
  t.throws(() => batchAfter(items, (item) => item, 'xyz', 2), { code: 'InvalidParameter', message: 'Specified parameter NextToken is not valid.' });
});

t.test('ids', async (t) => {
  t.match(newResourceId('sag'), /^sag-[a-z0-9]{18}$/);
  t.match(newResourceId('ccn'), /^ccn-[a-z0-9]{18}$/);
  t.equal(new Set(Array.from({ length: 100 }, () => newResourceId('sag'))).size, 100);
  t.match(newOrderId(), /^[1-9][0-9]{14}$/);
  t.equal(defaultResourceGroupId('1000000000000001'), defaultResourceGroupId('1000000000000001'), 'stable');
  t.not(defaultResourceGroupId('1000000000000001'), defaultResourceGroupId('1000000000000002'), 'per account');
  t.match(defaultResourceGroupId('1000000000000001'), /^rg-acfm[a-z0-9]{11}$/);
});

t.test('names and descriptions', async (t) => {
  for (const name of ['ab', 'Office-1', '上海.分支_2', 'a'.repeat(128)]) t.ok(isValidResourceName(name, 128), name);
  for (const name of ['a', '1abc', '_abc', 'a b', 'a/b', 'a'.repeat(129)]) t.notOk(isValidResourceName(name, 128), name);
  t.notOk(isValidResourceName('a'.repeat(101), 100));
  for (const text of ['ok', 'Branch office, floor 3', '描述']) t.ok(isValidDescription(text), text);
  for (const text of ['x', '3rd floor', 'http://x.example', 'HTTPS://x.example', 'a'.repeat(257)]) t.notOk(isValidDescription(text), text);
});

t.test('subscriptions, states, regions', async (t) => {
  t.equal(subscriptionEnd(Date.UTC(2024, 0, 15), 12), Date.UTC(2025, 0, 15));
  t.equal(subscriptionEnd(Date.UTC(2024, 10, 30, 8, 30), 3), Date.UTC(2025, 1, 28, 8, 30), 'a shorter month ends on its last day');
  t.equal(subscriptionEnd(Date.UTC(2024, 0, 31), 1), Date.UTC(2024, 1, 29), 'leap year');
  t.equal(subscriptionEnd(Date.UTC(2024, 0, 31), 36), Date.UTC(2027, 0, 31));
  t.equal(activationProblem('Active'), undefined);
  t.equal(activationProblem('Offline'), undefined);
  t.equal(activationProblem('Init'), 'notActivated');
  t.equal(activationProblem('Ordered'), 'notActivated');
  t.equal(activationProblem('Locked'), 'inArrears');
  t.equal(regionOf(undefined), 'cn-shanghai');
  t.equal(regionOf('ap-southeast-5'), 'ap-southeast-5');
  t.throws(() => regionOf('cn-beijing'), { code: 'InvalidRegionID', status: 400, message: 'The specified regionId does not exist.' });
  t.equal(describeRegions('zh-CN').length, 10);
  t.ok(describeRegions('en-US').every((region) => /^[A-Za-z0-9 ()]+$/.test(region.localName)), 'English names are plain ASCII');
});

t.test('fixtures: enterprise codes and CCNs', async (t) => {
  const account = (extra: object) => ({ accounts: [{ id: '1000000000000009', ...extra }] });
  const cases: [unknown, string, string][] = [
    [account({ enterpriseCodes: [{ code: 'ABCDE' }] }), '/accounts/0/enterpriseCodes/0/code', 'must match pattern "^(?=.*[A-Za-z])(?=.*[0-9])[A-Za-z0-9*]{5}$"'],
    [account({ enterpriseCodes: [{ code: 'AB123', isDefault: true }, { code: 'CD456', isDefault: true }] }), '/accounts/0/enterpriseCodes', 'more than one code is the default'],
    [{ accounts: [{ id: '1000000000000008', enterpriseCodes: [{ code: 'AB123' }] }, { id: '1000000000000009', enterpriseCodes: [{ code: 'AB123' }] }] },
      '/accounts/1/enterpriseCodes/0/code', 'enterprise code AB123 is defined twice (codes are unique across accounts)'],
    [account({ instances: [{ id: 'sag-x', regionId: 'cn-hangzhou', enterpriseCode: 'AB123' }] }), '/accounts/0/instances/0/enterpriseCode', "AB123 is not one of this account's enterpriseCodes"],
    [account({ ccns: [{ id: 'ccn-a', regionId: 'cn-hangzhou' }, { id: 'ccn-a', regionId: 'cn-hangzhou' }] }), '/accounts/0/ccns/1/id', 'CCN ccn-a is defined twice in this account'],
    [account({ ccns: [{ id: 'ccn-a', regionId: 'cn-hangzhou', cidrBlocks: ['10.0.0.1/8'] }] }), '/accounts/0/ccns/0/cidrBlocks/0', '"10.0.0.1/8" is not a CIDR block (address must be the network address)'],
    [account({ ccns: [{ id: 'ccn-a', regionId: 'cn-hangzhou' }], instances: [{ id: 'sag-x', regionId: 'cn-shanghai', ccnId: 'ccn-a' }] }),
      '/accounts/0/instances/0/ccnId', 'ccn-a is not a CCN of this account in cn-shanghai'],
  ];
  for (const [data, jsonPath, reason] of cases) {
    t.throws(() => validateFixture(data, 'f.json'), new FixtureError('f.json', jsonPath, reason), reason);
  }
  const fixture = validateFixture(account({
    enterpriseCodes: [{ code: 'AB123', isDefault: true }],
    ccns: [{ id: 'ccn-a', regionId: 'cn-hangzhou', cidrBlocks: ['10.0.0.0/8'], snatCidrBlock: '172.16.0.0/24' }],
    instances: [{ id: 'sag-x', regionId: 'cn-hangzhou', ccnId: 'ccn-a', enterpriseCode: 'AB123', instanceType: 'sag-1000', serialNumber: 'sage1,sage2', softwareVersion: '2.3.0.0' }],
  }), 'ok.json');
  const store = openStore(':memory:');
  t.teardown(() => store.close());
  applyFixture(store, fixture, 1000);
  t.same(store.enterpriseCodes.listOfAccount('1000000000000009').map(({ code, isDefault }) => [code, isDefault]), [['AB123', true]]);
  t.match(store.ccns.findInRegion('1000000000000009', 'cn-hangzhou', 'ccn-a'), { cidrBlocks: ['10.0.0.0/8'], snatCidrBlock: '172.16.0.0/24', interworkingStatus: 'enable' });
  t.match(store.instances.findInRegion('1000000000000009', 'cn-hangzhou', 'sag-x'), {
    ccnId: 'ccn-a', enterpriseCode: 'AB123', dataPlan: 5, serialNumber: 'sage1,sage2', softwareVersion: '2.3.0.0', endTime: 1000 + 365 * 86400000,
  });
});
