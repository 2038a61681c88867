import type { Db } from '../../storage/database';

/**
 * An enterprise code: what SAG APP clients enter to reach their company's
 * instances. It belongs to an account, not a region, and is unique across
 * all accounts.
 */
export interface EnterpriseCode {
  accountId: string;
  code: string;
  isDefault: boolean;
  /** The ClientToken of the call that created it, if it had one. */
  clientToken: string | null;
  createdAt: number;
}

interface EnterpriseCodeRow {
  account_id: string;
  code: string;
  is_default: number;
  client_token: string | null;
  created_at: number;
}

function toEnterpriseCode(row: EnterpriseCodeRow): EnterpriseCode {
  return {
    accountId: row.account_id,
    code: row.code,
    isDefault: row.is_default === 1,
    clientToken: row.client_token,
    createdAt: row.created_at,
  };
}

export type EnterpriseCodeRepository = ReturnType<typeof createEnterpriseCodeRepository>;

export function createEnterpriseCodeRepository(db: Db) {
  const insertRow = db.prepare(`INSERT INTO enterprise_codes (account_id, code, is_default, client_token, created_at)
    VALUES (@accountId, @code, @isDefault, @clientToken, @createdAt)`);
  const deleteRow = db.prepare('DELETE FROM enterprise_codes WHERE account_id = ? AND code = ?');
  const selectOne = db.prepare('SELECT * FROM enterprise_codes WHERE account_id = ? AND code = ?');
  const selectOwner = db.prepare('SELECT account_id FROM enterprise_codes WHERE code = ?').pluck();
  const selectOfAccount = db.prepare('SELECT * FROM enterprise_codes WHERE account_id = ? ORDER BY code');
  const selectDefault = db.prepare('SELECT * FROM enterprise_codes WHERE account_id = ? AND is_default = 1');
  const clearDefault = db.prepare('UPDATE enterprise_codes SET is_default = 0 WHERE account_id = ?');
  const setDefault = db.prepare('UPDATE enterprise_codes SET is_default = ? WHERE account_id = ? AND code = ?');
  // A name on the instance that another instance with the code also holds, unless
  // both are the same person: one account and its roamed copies share an origin.
  const selectNameConflict = db.prepare(`SELECT mine.user_name
    FROM client_users mine
    JOIN client_users theirs
      ON theirs.account_id = mine.account_id AND theirs.user_name = mine.user_name AND theirs.instance_id <> mine.instance_id
    JOIN instances other ON other.account_id = theirs.account_id AND other.id = theirs.instance_id
    WHERE mine.account_id = ? AND mine.instance_id = ? AND other.enterprise_code = ?
      AND coalesce(theirs.roamed_from_instance_id, theirs.instance_id) <> coalesce(mine.roamed_from_instance_id, mine.instance_id)
    LIMIT 1`).pluck();

  return {
    insert(code: EnterpriseCode): void {
      insertRow.run({ ...code, isDefault: code.isDefault ? 1 : 0 });
    },
    remove(accountId: string, code: string): void {
      deleteRow.run(accountId, code);
    },
    find(accountId: string, code: string): EnterpriseCode | undefined {
      const row = selectOne.get(accountId, code) as EnterpriseCodeRow | undefined;
      return row && toEnterpriseCode(row);
    },
    /** The account holding the code, whichever it is. */
    ownerOf(code: string): string | undefined {
      return selectOwner.get(code) as string | undefined;
    },
    /** In code order. */
    listOfAccount(accountId: string): EnterpriseCode[] {
      return (selectOfAccount.all(accountId) as EnterpriseCodeRow[]).map(toEnterpriseCode);
    },
    defaultOf(accountId: string): EnterpriseCode | undefined {
      const row = selectDefault.get(accountId) as EnterpriseCodeRow | undefined;
      return row && toEnterpriseCode(row);
    },
    /** Makes the code the account's default (one at most) or an ordinary one. */
    setDefault(accountId: string, code: string, isDefault: boolean): void {
      if (isDefault) clearDefault.run(accountId);
      setDefault.run(isDefault ? 1 : 0, accountId, code);
    },
    /** A client account name of the instance that clashes under this code, if any. */
    userNameConflict(accountId: string, instanceId: string, code: string): string | undefined {
      return selectNameConflict.get(accountId, instanceId, code) as string | undefined;
    },
  };
}
