import type { Db } from './database';

export interface Account {
  id: string;
  name: string;
}

export interface AccessKey {
  accessKeyId: string;
  accountId: string;
  accessKeySecret: string;
  sts: boolean;
  active: boolean;
}

interface AccessKeyRow {
  access_key_id: string;
  account_id: string;
  access_key_secret: string;
  sts: number;
  active: number;
}

function toAccessKey(row: AccessKeyRow): AccessKey {
  return {
    accessKeyId: row.access_key_id,
    accountId: row.account_id,
    accessKeySecret: row.access_key_secret,
    sts: row.sts === 1,
    active: row.active === 1,
  };
}

export type AccountRepository = ReturnType<typeof createAccountRepository>;

export function createAccountRepository(db: Db) {
  const insertAccount = db.prepare('INSERT INTO accounts (id, name) VALUES (@id, @name)');
  const selectAccount = db.prepare('SELECT id, name FROM accounts WHERE id = ?');
  const selectAccounts = db.prepare('SELECT id, name FROM accounts ORDER BY id');
  const deleteAccount = db.prepare('DELETE FROM accounts WHERE id = ?');
  const insertKey = db.prepare(`INSERT INTO access_keys (access_key_id, account_id, access_key_secret, sts, active)
    VALUES (@accessKeyId, @accountId, @accessKeySecret, @sts, @active)`);
  const selectKey = db.prepare('SELECT * FROM access_keys WHERE access_key_id = ?');
  const selectKeysOf = db.prepare('SELECT * FROM access_keys WHERE account_id = ? ORDER BY access_key_id');

  return {
    insert(account: Account): void {
      insertAccount.run(account);
    },
    find(id: string): Account | undefined {
      return selectAccount.get(id) as Account | undefined;
    },
    /** Removes the account and, by cascade, everything it owns. */
    remove(id: string): void {
      deleteAccount.run(id);
    },
    list(): Account[] {
      return selectAccounts.all() as Account[];
    },
    insertKey(key: AccessKey): void {
      insertKey.run({ ...key, sts: key.sts ? 1 : 0, active: key.active ? 1 : 0 });
    },
    findKey(accessKeyId: string): AccessKey | undefined {
      const row = selectKey.get(accessKeyId) as AccessKeyRow | undefined;
      return row && toAccessKey(row);
    },
    keysOf(accountId: string): AccessKey[] {
      return (selectKeysOf.all(accountId) as AccessKeyRow[]).map(toAccessKey);
    },
  };
}
