import type { Db } from '../../storage/database';

/**
 * A client (a device running the SAG APP) connected now under a client
 * account. Sessions are staged, by fixtures or the control plane, and ended
 * by KickOutClients, by disabling the account or by deleting it.
 */
export interface OnlineClient {
  accountId: string;
  instanceId: string;
  userName: string;
  clientIp: string;
  /** When it came online, ms since the epoch. */
  onlineAt: number;
}

interface OnlineClientRow {
  account_id: string;
  instance_id: string;
  user_name: string;
  client_ip: string;
  online_at: number;
}

function toOnlineClient(row: OnlineClientRow): OnlineClient {
  return {
    accountId: row.account_id,
    instanceId: row.instance_id,
    userName: row.user_name,
    clientIp: row.client_ip,
    onlineAt: row.online_at,
  };
}

export type OnlineClientRepository = ReturnType<typeof createOnlineClientRepository>;

export function createOnlineClientRepository(db: Db) {
  const insertRow = db.prepare(`INSERT INTO online_clients (account_id, instance_id, user_name, client_ip, online_at)
    VALUES (@accountId, @instanceId, @userName, @clientIp, @onlineAt)`);
  const selectOfUser = db.prepare(
    'SELECT * FROM online_clients WHERE account_id = ? AND instance_id = ? AND user_name = ? ORDER BY online_at, client_ip',
  );
  const selectOfInstance = db.prepare(
    'SELECT * FROM online_clients WHERE account_id = ? AND instance_id = ? ORDER BY online_at, client_ip',
  );
  const countOfUser = db.prepare(
    'SELECT count(*) FROM online_clients WHERE account_id = ? AND instance_id = ? AND user_name = ?',
  ).pluck();
  const countOfInstance = db.prepare('SELECT count(*) FROM online_clients WHERE account_id = ? AND instance_id = ?').pluck();
  const deleteOne = db.prepare('DELETE FROM online_clients WHERE account_id = ? AND instance_id = ? AND client_ip = ?');
  const deleteOfUser = db.prepare('DELETE FROM online_clients WHERE account_id = ? AND instance_id = ? AND user_name = ?');

  return {
    /**
     * Brings a client online. The account must exist, and the address must
     * be free among the instance's online clients (else SQLite refuses it).
     * Whether the address suits the account and the instance is the
     * caller's check: `onlineAddressProblem` in rules.ts.
     */
    add(client: OnlineClient): void {
      insertRow.run(client);
    },
    /** Ends the session holding `clientIp`; false when there is none. */
    remove(accountId: string, instanceId: string, clientIp: string): boolean {
      return deleteOne.run(accountId, instanceId, clientIp).changes > 0;
    },
    /** Ends every session of the account; returns how many there were. */
    removeOfUser(accountId: string, instanceId: string, userName: string): number {
      return deleteOfUser.run(accountId, instanceId, userName).changes;
    },
    /** Oldest session first. */
    listOfUser(accountId: string, instanceId: string, userName: string): OnlineClient[] {
      return (selectOfUser.all(accountId, instanceId, userName) as OnlineClientRow[]).map(toOnlineClient);
    },
    listOfInstance(accountId: string, instanceId: string): OnlineClient[] {
      return (selectOfInstance.all(accountId, instanceId) as OnlineClientRow[]).map(toOnlineClient);
    },
    countOfUser(accountId: string, instanceId: string, userName: string): number {
      return countOfUser.get(accountId, instanceId, userName) as number;
    },
    countOfInstance(accountId: string, instanceId: string): number {
      return countOfInstance.get(accountId, instanceId) as number;
    },
  };
}
