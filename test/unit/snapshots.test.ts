/**
 * State images (storage/snapshots.ts): taken as column names plus row
 * arrays, they restore exactly; so do images in the earlier form (a list of
 * row objects per table, as older snapshots and account reset points in a
 * --db file hold them) and images whose columns differ from the table's.
 */
import t from 'tap';
import path from 'node:path';
import { applyFixture, readFixtureFile } from '../../src/fixtures/loader';
import { openStore, type Store } from '../../src/storage/store';
import { imageHoldsAccount, type StateImage } from '../../src/storage/snapshots';

const DEFAULT_FIXTURES = path.resolve(__dirname, '..', '..', '..', 'fixtures', 'default.json');
const DEFAULT_ACCOUNT = '1000000000000001';
const OTHER_ACCOUNT = '1000000000000002';

function loadedStore(): Store {
  const store = openStore(':memory:');
  applyFixture(store, readFixtureFile(DEFAULT_FIXTURES), Date.UTC(2026, 0, 1));
  return store;
}

/** Every state table as sorted JSON lines: what "the same state" means here. */
function dump(store: Store): Record<string, string[]> {
  const tables = store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'snapshots'").pluck().all() as string[];
  return Object.fromEntries(tables.map((table) => [
    table, (store.db.prepare(`SELECT * FROM "${table}"`).all() as object[]).map((row) => JSON.stringify(row)).sort(),
  ]));
}

/** The image in the earlier form: a list of row objects per table. */
function asRowObjects(image: StateImage): StateImage {
  return Object.fromEntries(Object.entries(image).map(([table, data]) => {
    if (Array.isArray(data)) return [table, data];
    return [table, data.rows.map((values) => Object.fromEntries(data.columns.map((column, i) => [column, values[i]])))];
  }));
}

/** The same image with every table's columns in reverse order, as after a table rebuild. */
function reversedColumns(image: StateImage): StateImage {
  return Object.fromEntries(Object.entries(image).map(([table, data]) => {
    if (Array.isArray(data)) return [table, data];
    return [table, { columns: [...data.columns].reverse(), rows: data.rows.map((row) => [...row].reverse()) }];
  }));
}

t.test('an image is columns once and rows as arrays, and restores exactly', async (t) => {
  const store = loadedStore();
  const before = dump(store);
  const image = store.snapshots.capture();
  const users = image.client_users;
  t.ok(!Array.isArray(users) && users.columns.includes('user_name') && Array.isArray(users.rows[0]), 'columns and row arrays');
  t.ok(imageHoldsAccount(image, DEFAULT_ACCOUNT));
  t.notOk(imageHoldsAccount(image, '9999999999999999'));

  store.db.exec('DELETE FROM client_users');
  store.snapshots.apply(image);
  t.strictSame(dump(store), before);
});

for (const [name, transform] of [['row objects (the earlier form)', asRowObjects], ['columns in another order', reversedColumns]] as const) {
  t.test(`an image of ${name} restores the same state, whole or one account`, async (t) => {
    const store = loadedStore();
    const before = dump(store);
    const image = transform(store.snapshots.capture());
    t.ok(imageHoldsAccount(image, DEFAULT_ACCOUNT));

    store.db.exec('DELETE FROM client_users');
    store.snapshots.apply(image);
    t.strictSame(dump(store), before, 'whole state');

    // Change both accounts; restoring one account leaves the other's change in place.
    store.db.prepare('DELETE FROM client_users WHERE account_id = ?').run(DEFAULT_ACCOUNT);
    store.db.prepare("UPDATE instances SET name = 'changed' WHERE account_id = ?").run(OTHER_ACCOUNT);
    store.snapshots.applyAccount(DEFAULT_ACCOUNT, image);
    const after = dump(store);
    t.strictSame(after.client_users, before.client_users, 'the account is back');
    t.ok(after.instances.some((row) => row.includes('"changed"')), 'the other account is untouched');
  });
}

t.test('an account reset point saved in the earlier form still loads and applies', async (t) => {
  const store = loadedStore();
  const before = dump(store);
  const legacy = asRowObjects(store.snapshots.captureAccount(DEFAULT_ACCOUNT));
  store.db.prepare("INSERT INTO account_baselines (account_id, data) VALUES (?, ?)").run(DEFAULT_ACCOUNT, JSON.stringify(legacy));
  store.db.prepare('DELETE FROM client_users WHERE account_id = ?').run(DEFAULT_ACCOUNT);
  store.snapshots.applyAccount(DEFAULT_ACCOUNT, store.snapshots.loadAccountBaseline(DEFAULT_ACCOUNT)!);
  const after = dump(store);
  t.strictSame(after.client_users, before.client_users);
});
