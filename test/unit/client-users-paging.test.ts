/**
 * ClientUserRepository.page (SQL LIMIT/OFFSET, migration 6's index) returns
 * exactly the page and total that list() sliced in JS returns.
 */
import t from 'tap';
import { openStore } from '../../src/storage/store';
import { listingOf, type ClientUserFilter } from '../../src/families/client-accounts/client-users-table';

const ACCOUNT = '1000000000000009';

t.test('page() is list() sliced, for every filter and window', async (t) => {
  const store = openStore(':memory:');
  t.teardown(() => store.close());
  store.transaction(() => {
    store.accounts.insert({ id: ACCOUNT, name: '' });
    for (const id of ['sag-a', 'sag-b']) {
      store.instances.insert({
        accountId: ACCOUNT, id, regionId: 'cn-hangzhou', instanceType: 'sag-software', status: 'Active', name: '',
        description: '', cidrBlocks: ['10.0.0.0/24'], userQuota: 500, maxBandwidth: 20000, enterpriseCode: null,
        idaasInstanceId: null, createdAt: 1, ccnId: null, dataPlan: 5, endTime: 2, serialNumber: '', softwareVersion: '',
        routingStrategy: 'static', securityLockThreshold: 0, position: '', connectionAudit: false,
      });
    }
    // Names not in creation order, many sharing a millisecond, so rowid decides ties.
    for (let i = 0; i < 120; i++) {
      store.clientUsers.insert({
        accountId: ACCOUNT, instanceId: i % 7 === 0 ? 'sag-b' : 'sag-a', userName: `u${(i * 37) % 120}`,
        userMail: `m${i % 4}@x.com`, bandwidth: 1000, clientIp: null, passwordHash: 'x', state: 0,
        roamedFromRegionId: null, roamedFromInstanceId: null, createdAt: 100 - Math.floor(i / 10) * (i % 2), accelerateBandwidth: null,
      });
    }
  });
  const filters: ClientUserFilter[] = [
    {}, { userMail: 'm1@x.com' }, { userMail: 'none' }, { userName: 'u37' }, { userName: 'u37', userMail: 'm1@x.com' },
    { userName: 'u37', userMail: 'm2@x.com' }, { userName: 'nobody' }, { userMail: '' }, { userName: '' },
  ];
  let checked = 0;
  for (const instanceId of ['sag-a', 'sag-b', 'sag-none']) {
    for (const filter of filters) {
      const all = store.clientUsers.list(ACCOUNT, instanceId, filter);
      for (const limit of [1, 7, 50]) {
        for (let offset = 0; offset <= all.length + limit; offset += limit) {
          const page = store.clientUsers.page(ACCOUNT, instanceId, filter, offset, limit);
          if (page.totalCount !== all.length) t.fail(`total ${instanceId} ${JSON.stringify(filter)}`);
          t.strictSame(page.users, all.slice(offset, offset + limit).map(listingOf));
          checked++;
        }
      }
    }
  }
  t.ok(checked > 100);
});
