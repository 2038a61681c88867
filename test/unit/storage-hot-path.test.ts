/**
 * The shortcuts of the hot path stay exact: the per-instance account count
 * (a read cache since migration 7), the instance, AccessKey and client
 * account read caches (storage/read-cache.ts), whichever way the tables
 * change, and the group commit that lets the calls of one turn share a
 * transaction (store.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import t from 'tap';
import Database from 'better-sqlite3';
import { createStore, openStore, type Store } from '../../src/storage/store';
import { migrate } from '../../src/storage/database';
import { migrations } from '../../src/storage/migrations';
import { createReadCaches } from '../../src/storage/read-cache';
import type { Instance } from '../../src/families/instances/instances-table';
import type { ClientUser } from '../../src/families/client-accounts/client-users-table';

const ACCOUNT = '1000000000000009';

function instance(id: string, changes: Partial<Instance> = {}): Instance {
  return {
    accountId: ACCOUNT, id, regionId: 'cn-hangzhou', instanceType: 'sag-software', status: 'Active', name: '',
    description: '', cidrBlocks: ['10.0.0.0/24'], userQuota: 10, maxBandwidth: 20000, enterpriseCode: null,
    idaasInstanceId: null, createdAt: 1, ccnId: null, dataPlan: 5, endTime: 2, serialNumber: '', softwareVersion: '',
    routingStrategy: 'static', securityLockThreshold: 0, position: '', connectionAudit: false, ...changes,
  };
}

function user(instanceId: string, userName: string): ClientUser {
  return {
    accountId: ACCOUNT, instanceId, userName, userMail: '', bandwidth: 1000, clientIp: null, passwordHash: 'x',
    state: 0, roamedFromRegionId: null, roamedFromInstanceId: null, createdAt: 1, accelerateBandwidth: null,
  };
}

function seeded(): Store {
  const store = openStore(':memory:');
  store.transaction(() => {
    store.accounts.insert({ id: ACCOUNT, name: '' });
    store.instances.insert(instance('sag-a'));
    store.instances.insert(instance('sag-b'));
  });
  return store;
}

t.test('the account count follows inserts, deletes, cascades and restores', async (t) => {
  const store = seeded();
  t.teardown(() => store.close());
  const { clientUsers } = store;
  t.equal(clientUsers.count(ACCOUNT, 'sag-a'), 0, 'no row yet reads as 0');
  store.transaction(() => ['u1', 'u2', 'u3'].forEach((name) => clientUsers.insert(user('sag-a', name))));
  clientUsers.insert(user('sag-b', 'u1'));
  t.equal(clientUsers.count(ACCOUNT, 'sag-a'), 3);
  t.equal(clientUsers.count(ACCOUNT, 'sag-b'), 1);

  t.throws(() => clientUsers.insert(user('sag-a', 'u1')), /UNIQUE/);
  t.equal(clientUsers.count(ACCOUNT, 'sag-a'), 3, 'a refused insert counts nothing');
  t.throws(() => store.transaction(() => {
    clientUsers.insert(user('sag-a', 'u4'));
    throw new Error('rolled back');
  }));
  t.equal(clientUsers.count(ACCOUNT, 'sag-a'), 3, 'a rolled-back insert counts nothing');

  const image = store.snapshots.capture();
  clientUsers.remove(ACCOUNT, 'sag-a', 'u2');
  t.equal(clientUsers.count(ACCOUNT, 'sag-a'), 2);
  store.instances.remove(ACCOUNT, 'sag-b');
  t.equal(clientUsers.count(ACCOUNT, 'sag-b'), 0, 'cascading delete');
  store.snapshots.apply(image);
  t.equal(clientUsers.count(ACCOUNT, 'sag-a'), 3, 'restored');
  t.equal(clientUsers.count(ACCOUNT, 'sag-b'), 1, 'restored');
  store.db.prepare("UPDATE client_users SET instance_id = 'sag-b' WHERE user_name = 'u3' AND instance_id = 'sag-a'").run();
  t.equal(clientUsers.count(ACCOUNT, 'sag-a'), 2, 'an account moved by plain SQL leaves its instance...');
  t.equal(clientUsers.count(ACCOUNT, 'sag-b'), 2, '...and joins the other');
  t.equal(clientUsers.page(ACCOUNT, 'sag-b', {}, 0, 10).totalCount, 2, 'a listing reads the same count');
  t.throws(() => store.snapshots.apply({ client_users: [{ account_id: ACCOUNT, instance_id: 'sag-a' }] }), /NOT NULL/);
  t.equal(clientUsers.count(ACCOUNT, 'sag-a'), 2, 'a restore that fails changes nothing');
  store.accounts.remove(ACCOUNT);
  t.equal(clientUsers.count(ACCOUNT, 'sag-a'), 0, 'account removed');
});

t.test('a count read inside a group or a transaction that fails is not kept', async (t) => {
  const store = seeded();
  t.teardown(() => store.close());
  const { clientUsers } = store;
  store.group.join();
  clientUsers.insert(user('sag-a', 'u1'));
  t.equal(clientUsers.count(ACCOUNT, 'sag-a'), 1, 'the group sees its own insert');
  store.db.exec('ROLLBACK'); // as SQLite does by itself on a full disk
  store.group.commit();
  t.equal(clientUsers.count(ACCOUNT, 'sag-a'), 0, 'the group is gone, and so is the count it read');

  t.equal(clientUsers.count(ACCOUNT, 'sag-b'), 0);
  const users = Array.from({ length: 75 }, (_, i) => user('sag-b', `u${i}`));
  users[60] = user('sag-b', 'u10'); // a duplicate in the second statement
  t.throws(() => store.transaction(() => store.clientUsers.insertMany(users)), /UNIQUE/);
  t.equal(clientUsers.count(ACCOUNT, 'sag-b'), 0, 'the first statement of the bulk insert rolled back, uncounted');
});

t.test('insertMany writes exactly what insert writes, one by one', async (t) => {
  // Around the statement size of 50: none, one, a chunk less one, a chunk, a chunk and one, several.
  for (const size of [0, 1, 49, 50, 51, 120]) {
    const [single, bulk] = [seeded(), seeded()];
    const users = Array.from({ length: size }, (_, i) => ({ ...user(i % 3 === 0 ? 'sag-b' : 'sag-a', `u${i}`), createdAt: i, userMail: `m${i}` }));
    t.equal(bulk.clientUsers.find(ACCOUNT, 'sag-a', 'u1'), undefined, 'a miss before the load');
    // One instance's count read before the load in each store: the loads must follow a cached count and fill an uncached one.
    t.same([bulk.clientUsers.count(ACCOUNT, 'sag-a'), single.clientUsers.count(ACCOUNT, 'sag-b')], [0, 0]);
    single.transaction(() => users.forEach((u) => single.clientUsers.insert(u)));
    bulk.transaction(() => bulk.clientUsers.insertMany(users));
    const rows = (store: Store) => store.db.prepare('SELECT rowid, * FROM client_users ORDER BY rowid').all();
    t.same(rows(bulk), rows(single), `${size} rows, in the same order`);
    const expected = [users.filter((u) => u.instanceId === 'sag-a').length, users.filter((u) => u.instanceId === 'sag-b').length];
    t.same(['sag-a', 'sag-b'].map((id) => bulk.clientUsers.count(ACCOUNT, id)), expected, `${size} rows counted, the counts read before the load followed`);
    t.same(['sag-a', 'sag-b'].map((id) => single.clientUsers.count(ACCOUNT, id)), expected);
    t.equal(rows(bulk).length, size);
    if (size > 1) t.same(bulk.clientUsers.find(ACCOUNT, 'sag-a', 'u1'), users[1], 'the loaded row is read, not the miss');
    single.close();
    bulk.close();
  }
});

t.test('insertMany is all or nothing inside its transaction', async (t) => {
  const store = seeded();
  t.teardown(() => store.close());
  const users = Array.from({ length: 75 }, (_, i) => user('sag-a', `u${i}`));
  users[60] = user('sag-a', 'u10'); // a duplicate in the second statement
  t.throws(() => store.transaction(() => store.clientUsers.insertMany(users)), /UNIQUE/);
  t.equal(store.db.prepare('SELECT count(*) FROM client_users').pluck().get(), 0, 'the first statement rolled back too');
  t.equal(store.clientUsers.count(ACCOUNT, 'sag-a'), 0);
});

t.test('a database written before migration 5 opens with its accounts counted', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'smartag-counts-'));
  t.teardown(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'old.db');
  // A database as version 4 wrote it: its schema and rows only (migrations 5-7 then count its rows and drop the counts).
  const old = new Database(file);
  for (const migration of migrations.slice(0, 4)) old.exec(migration);
  old.pragma('user_version = 4');
  old.prepare("INSERT INTO accounts (id, name) VALUES (?, '')").run(ACCOUNT);
  old.prepare("INSERT INTO instances (account_id, id, region_id, instance_type, status, created_at) VALUES (?, 'sag-a', 'cn-hangzhou', 'sag-software', 'Active', 1)").run(ACCOUNT);
  const addUser = old.prepare("INSERT INTO client_users (account_id, instance_id, user_name, bandwidth, password_hash, created_at) VALUES (?, 'sag-a', ?, 1000, 'x', 1)");
  addUser.run(ACCOUNT, 'u1');
  addUser.run(ACCOUNT, 'u2');
  old.close();
  const reopened = openStore(file);
  t.teardown(() => reopened.close());
  t.equal(reopened.clientUsers.count(ACCOUNT, 'sag-a'), 2);
});

t.test('migration 7 removes the counts table and its triggers; the accounts are still counted', async (t) => {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  for (const migration of migrations.slice(0, 6)) db.exec(migration);
  db.pragma('user_version = 6');
  // Rows written as version 6 wrote them (a store of today's schema cannot open a version-6 database before migrating it).
  db.prepare("INSERT INTO accounts (id, name) VALUES (?, '')").run(ACCOUNT);
  db.prepare("INSERT INTO instances (account_id, id, region_id, instance_type, status, created_at) VALUES (?, 'sag-a', 'cn-hangzhou', 'sag-software', 'Active', 1)").run(ACCOUNT);
  const addUser = db.prepare("INSERT INTO client_users (account_id, instance_id, user_name, bandwidth, password_hash, created_at) VALUES (?, 'sag-a', ?, 1000, 'x', 1)");
  addUser.run(ACCOUNT, 'u1');
  addUser.run(ACCOUNT, 'u2');
  t.equal(db.prepare('SELECT users FROM client_user_counts').pluck().get(), 2, 'version 6 kept its counts by trigger');
  migrate(db);
  t.same(db.prepare("SELECT name FROM sqlite_master WHERE name LIKE 'client_user_counts%'").pluck().all(), [], 'table and triggers gone');
  const reopened = createStore(db);
  t.teardown(() => reopened.close());
  t.equal(reopened.clientUsers.count(ACCOUNT, 'sag-a'), 2);
  reopened.clientUsers.insert(user('sag-a', 'u3'));
  t.equal(reopened.clientUsers.count(ACCOUNT, 'sag-a'), 3);
});

t.test('cached instance reads never outlive a change', async (t) => {
  const store = seeded();
  t.teardown(() => store.close());
  const { instances } = store;
  const read = () => instances.findInRegion(ACCOUNT, 'cn-hangzhou', 'sag-a');

  const first = read()!;
  first.name = 'changed by a caller';
  first.cidrBlocks.push('10.0.1.0/24');
  t.same(read(), instance('sag-a'), 'callers get copies');

  instances.save({ ...read()!, name: 'saved' });
  t.equal(read()!.name, 'saved', 'repository update');
  store.db.prepare("UPDATE instances SET name = 'raw' WHERE id = 'sag-a'").run();
  t.equal(read()!.name, 'raw', 'update outside the repository');

  t.throws(() => store.transaction(() => {
    instances.save({ ...read()!, name: 'uncommitted' });
    t.equal(read()!.name, 'uncommitted', 'the transaction sees its own change');
    throw new Error('rolled back');
  }));
  t.equal(read()!.name, 'raw', 'a rolled-back change is never served');

  const outer = store.db.transaction(() => {
    instances.save({ ...read()!, name: 'inside a plain db.transaction' });
    read();
    throw new Error('rolled back');
  });
  t.throws(() => outer());
  t.equal(read()!.name, 'raw', 'also for transactions that bypass store.transaction');

  const image = store.snapshots.capture();
  instances.remove(ACCOUNT, 'sag-a');
  t.equal(read(), undefined, 'delete');
  store.snapshots.apply(image);
  t.equal(read()!.name, 'raw', 'snapshot restore');
  store.accounts.remove(ACCOUNT);
  t.equal(read(), undefined, 'cascading delete of the account');
  t.equal(instances.findInRegion(ACCOUNT, 'cn-shanghai', 'sag-a'), undefined, 'another region');
});

t.test('cached AccessKey reads never outlive a change', async (t) => {
  const store = seeded();
  t.teardown(() => store.close());
  const { accounts } = store;
  accounts.insertKey({ accessKeyId: 'k1', accountId: ACCOUNT, accessKeySecret: 's1', sts: false, active: true });
  const first = accounts.findKey('k1')!;
  first.active = false;
  t.equal(accounts.findKey('k1')!.active, true, 'callers get copies');
  store.db.prepare("UPDATE access_keys SET active = 0 WHERE access_key_id = 'k1'").run();
  t.equal(accounts.findKey('k1')!.active, false, 'disabled');
  store.accounts.remove(ACCOUNT);
  t.equal(accounts.findKey('k1'), undefined, 'cascading delete of the account');
});

t.test('cached client account reads forget exactly the rows that change', async (t) => {
  const store = seeded();
  t.teardown(() => store.close());
  const db = store.db;
  let lookups = 0;
  const select = db.prepare('SELECT user_mail FROM client_users WHERE account_id = ? AND instance_id = ? AND user_name = ?').pluck();
  const caches = createReadCaches(db);
  const find = caches.wrapRows('client_users', ['account_id', 'instance_id', 'user_name'], (account, instance, name) => {
    lookups++;
    const mail = select.get(account, instance, name) as string | undefined;
    return mail === undefined ? undefined : { mail };
  }, (row) => ({ ...row }), 3);
  const mailOf = (name: string, instance = 'sag-a') => find(ACCOUNT, instance, name)?.mail;
  const setMail = (name: string, mail: string) => db.prepare("UPDATE client_users SET user_mail = ? WHERE instance_id = 'sag-a' AND user_name = ?").run(mail, name);
  store.clientUsers.insert({ ...user('sag-a', 'u1'), userMail: 'one@example.com' });

  t.equal(mailOf('u1'), 'one@example.com');
  t.equal(mailOf('u1'), 'one@example.com');
  t.equal(lookups, 1, 'the second read is the cache\'s');
  find(ACCOUNT, 'sag-a', 'u1')!.mail = 'changed by a caller';
  t.equal(mailOf('u1'), 'one@example.com', 'callers get copies');

  store.clientUsers.insert(user('sag-b', 'u1'));
  store.clientUsers.insert(user('sag-a', 'u2'));
  t.equal(mailOf('u1'), 'one@example.com');
  t.equal(lookups, 1, 'inserting other rows keeps the cached one');

  setMail('u1', 'new@example.com');
  t.equal(mailOf('u1'), 'new@example.com', 'an update, by plain SQL, is seen');
  t.equal(mailOf('nobody'), undefined);
  t.equal(mailOf('nobody'), undefined);
  const before = lookups;
  t.equal(mailOf('nobody'), undefined);
  t.equal(lookups, before + 1, 'a missing row is never cached');

  t.test('inside a transaction, a row it changed is read afresh each time, and a rollback leaves nothing wrong', async (t) => {
    t.equal(mailOf('u1'), 'new@example.com');
    t.throws(() => store.transaction(() => {
      setMail('u1', 'doomed@example.com');
      t.equal(mailOf('u1'), 'doomed@example.com');
      const inside = lookups;
      t.equal(mailOf('u1'), 'doomed@example.com');
      t.equal(lookups, inside + 1, 'not cached: the transaction may roll back');
      throw new Error('roll back');
    }), /roll back/);
    t.equal(mailOf('u1'), 'new@example.com', 'after the rollback, the committed row');
    t.throws(() => store.transaction(() => {
      store.clientUsers.insert(user('sag-a', 'phantom'));
      t.equal(mailOf('phantom'), '');
      throw new Error('roll back');
    }), /roll back/);
    t.equal(mailOf('phantom'), undefined, 'a row inserted and rolled back is not served');
  });

  t.test('a key is unambiguous whatever the names hold', async (t) => {
    store.instances.insert(instance('sag-x\ny'));
    store.instances.insert(instance('sag-x'));
    store.clientUsers.insert({ ...user('sag-x\ny', 'z'), userMail: 'first' });
    store.clientUsers.insert({ ...user('sag-x', 'y\nz'), userMail: 'second' });
    t.equal(mailOf('z', 'sag-x\ny'), 'first');
    t.equal(mailOf('y\nz', 'sag-x'), 'second');
  });

  t.test('deletes, cascades included, are seen; the oldest entry goes first when full', async (t) => {
    t.equal(mailOf('u2'), '');
    db.prepare("DELETE FROM client_users WHERE user_name = 'u2'").run();
    t.equal(mailOf('u2'), undefined);
    t.equal(find(ACCOUNT, 'sag-b', 'u1')?.mail, '');
    store.instances.remove(ACCOUNT, 'sag-b');
    t.equal(find(ACCOUNT, 'sag-b', 'u1'), undefined, 'gone with its instance');

    store.clientUsers.insert(user('sag-a', 'u3'));
    store.clientUsers.insert(user('sag-a', 'u4'));
    for (const name of ['u1', 'u3', 'u4']) mailOf(name);
    const full = lookups;
    for (const name of ['u1', 'u3', 'u4']) mailOf(name);
    t.equal(lookups, full, 'three rows fit');
    store.clientUsers.insert(user('sag-a', 'u5'));
    mailOf('u5');
    mailOf('u3');
    mailOf('u4');
    t.equal(lookups, full + 1, 'the fourth row took a place...');
    mailOf('u1');
    t.equal(lookups, full + 2, '...the oldest one\'s');
  });
});

t.test('a file database changed by another connection is read afresh', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'smartag-cache-'));
  t.teardown(() => fs.rmSync(dir, { recursive: true, force: true }));

  t.test('the emulator holds its file exclusively: nothing can change behind the cache', async (t) => {
    const file = path.join(dir, 'exclusive.db');
    const store = openStore(file);
    t.teardown(() => store.close());
    store.transaction(() => {
      store.accounts.insert({ id: ACCOUNT, name: '' });
      store.instances.insert(instance('sag-a'));
    });
    t.equal(store.instances.findInRegion(ACCOUNT, 'cn-hangzhou', 'sag-a')!.name, '');
    const other = new Database(file, { timeout: 0 });
    t.teardown(() => other.close());
    t.throws(() => other.prepare("UPDATE instances SET name = 'elsewhere' WHERE id = 'sag-a'").run(), /locked|busy/i);
  });

  t.test('a store over a shared connection sees another connection\'s commits (PRAGMA data_version)', async (t) => {
    const file = path.join(dir, 'shared.db');
    const db = new Database(file);
    migrate(db);
    const store = createStore(db);
    t.teardown(() => store.close());
    store.transaction(() => {
      store.accounts.insert({ id: ACCOUNT, name: '' });
      store.instances.insert(instance('sag-a'));
    });
    t.equal(store.instances.findInRegion(ACCOUNT, 'cn-hangzhou', 'sag-a')!.name, '', 'read, and cached');
    const other = new Database(file);
    other.prepare("UPDATE instances SET name = 'elsewhere' WHERE id = 'sag-a'").run();
    other.close();
    t.equal(store.instances.findInRegion(ACCOUNT, 'cn-hangzhou', 'sag-a')!.name, 'elsewhere');
  });
});

t.test('group commit', async (t) => {
  const userCount = (store: Store) => store.db.prepare('SELECT count(*) FROM client_users').pluck().get();

  t.test('the calls of a group share one transaction, committed once', async (t) => {
    const store = seeded();
    t.teardown(() => store.close());
    const first = store.group.join();
    t.equal(store.db.inTransaction, true, 'joining opens a transaction');
    store.clientUsers.insert(user('sag-a', 'u1'));
    t.equal(store.group.join(), first, 'a second call joins the same group');
    t.equal(store.clientUsers.exists(ACCOUNT, 'sag-a', 'u1'), true, 'and sees the first call\'s write');
    store.clientUsers.insert(user('sag-a', 'u2'));
    store.group.commit();
    t.equal(store.db.inTransaction, false);
    t.equal(store.group.committed(first), true);
    t.equal(userCount(store), 2);
    store.group.commit();
    t.equal(store.db.inTransaction, false, 'committing with no group open does nothing');
    t.equal(store.group.join(), first + 1, 'the next call opens the next group');
    store.group.commit();
  });

  t.test('a call that fails inside a group loses its own writes only', async (t) => {
    const store = seeded();
    t.teardown(() => store.close());
    const id = store.group.join();
    store.clientUsers.insert(user('sag-a', 'kept'));
    t.throws(() => store.transaction(() => {
      store.clientUsers.insert(user('sag-a', 'undone'));
      throw new Error('refused after a write');
    }), /refused after a write/);
    t.throws(() => store.clientUsers.insert(user('sag-a', 'kept')), /UNIQUE/, 'a failing statement undoes itself only');
    t.equal(store.db.inTransaction, true, 'the group is still open');
    store.group.commit();
    t.equal(store.group.committed(id), true);
    t.strictSame(store.db.prepare('SELECT user_name FROM client_users').pluck().all(), ['kept']);
    t.equal(store.clientUsers.count(ACCOUNT, 'sag-a'), 1, 'the trigger-kept count agrees');
  });

  t.test('a commit that fails rolls the whole group back and says so', async (t) => {
    const store = seeded();
    t.teardown(() => store.close());
    // A deferred foreign key is checked only at COMMIT: a real commit failure.
    store.db.exec(`CREATE TABLE test_parent (id INTEGER PRIMARY KEY);
      CREATE TABLE test_child (parent INTEGER REFERENCES test_parent(id) DEFERRABLE INITIALLY DEFERRED)`);
    t.equal(store.instances.findInRegion(ACCOUNT, 'cn-hangzhou', 'sag-a')!.name, '', 'cached before the group');
    const id = store.group.join();
    store.clientUsers.insert(user('sag-a', 'lost'));
    store.instances.save(instance('sag-a', { name: 'renamed' }));
    t.equal(store.instances.findInRegion(ACCOUNT, 'cn-hangzhou', 'sag-a')!.name, 'renamed', 'the group sees its own change');
    store.db.prepare('INSERT INTO test_child VALUES (42)').run();
    t.doesNotThrow(() => store.group.commit(), 'commit never throws');
    t.equal(store.group.committed(id), false);
    t.match(String(store.group.lastFailure), /FOREIGN KEY constraint failed/, 'the cause is kept for the log');
    t.equal(store.db.inTransaction, false, 'rolled back');
    t.equal(userCount(store), 0, 'nothing of the group remains');
    t.equal(store.clientUsers.count(ACCOUNT, 'sag-a'), 0);
    t.equal(store.instances.findInRegion(ACCOUNT, 'cn-hangzhou', 'sag-a')!.name, '', 'no cache serves the rolled-back row');
    const next = store.group.join();
    store.clientUsers.insert(user('sag-a', 'later'));
    store.group.commit();
    t.equal(store.group.committed(next), true, 'the next group commits');
    t.equal(store.group.committed(id), false, 'the failed one stays failed');
    t.equal(userCount(store), 1);
  });

  t.test('a group SQLite rolled back by itself counts as failed', async (t) => {
    const store = seeded();
    t.teardown(() => store.close());
    const id = store.group.join();
    store.clientUsers.insert(user('sag-a', 'lost'));
    // What SQLITE_FULL or an I/O error does to the open transaction.
    store.db.prepare('ROLLBACK').run();
    const again = store.group.join();
    t.not(again, id, 'the next call does not join a group that is gone');
    t.equal(store.group.committed(id), false);
    store.group.commit();
    t.equal(store.group.committed(again), true);
    const third = store.group.join();
    store.clientUsers.insert(user('sag-a', 'lost too'));
    store.db.prepare('ROLLBACK').run();
    store.group.commit();
    t.equal(store.group.committed(third), false, 'noticed at commit as well');
    t.equal(userCount(store), 0);
  });

  t.test('closing the store commits the open group', async (t) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'smartag-group-'));
    t.teardown(() => fs.rmSync(dir, { recursive: true, force: true }));
    const file = path.join(dir, 'state.db');
    const store = openStore(file);
    store.transaction(() => {
      store.accounts.insert({ id: ACCOUNT, name: '' });
      store.instances.insert(instance('sag-a'));
    });
    store.group.join();
    store.clientUsers.insert(user('sag-a', 'u1'));
    store.close();
    const reopened = openStore(file);
    t.teardown(() => reopened.close());
    t.equal(reopened.clientUsers.exists(ACCOUNT, 'sag-a', 'u1'), true);
  });
});
