import type { Db } from './database';

/** A client account of a SAG APP instance. */
export interface ClientUser {
  accountId: string;
  instanceId: string;
  userName: string;
  userMail: string;
  bandwidth: number;
  clientIp: string | null;
  passwordHash: string;
  /** 0 enabled, 1 disabled. */
  state: number;
  roamedFromRegionId: string | null;
  roamedFromInstanceId: string | null;
  createdAt: number;
}

interface ClientUserRow {
  account_id: string;
  instance_id: string;
  user_name: string;
  user_mail: string;
  bandwidth: number;
  client_ip: string | null;
  password_hash: string;
  state: number;
  roamed_from_region_id: string | null;
  roamed_from_instance_id: string | null;
  created_at: number;
}

function toClientUser(row: ClientUserRow): ClientUser {
  return {
    accountId: row.account_id,
    instanceId: row.instance_id,
    userName: row.user_name,
    userMail: row.user_mail,
    bandwidth: row.bandwidth,
    clientIp: row.client_ip,
    passwordHash: row.password_hash,
    state: row.state,
    roamedFromRegionId: row.roamed_from_region_id,
    roamedFromInstanceId: row.roamed_from_instance_id,
    createdAt: row.created_at,
  };
}

function toRow(user: ClientUser): ClientUserRow {
  return {
    account_id: user.accountId,
    instance_id: user.instanceId,
    user_name: user.userName,
    user_mail: user.userMail,
    bandwidth: user.bandwidth,
    client_ip: user.clientIp,
    password_hash: user.passwordHash,
    state: user.state,
    roamed_from_region_id: user.roamedFromRegionId,
    roamed_from_instance_id: user.roamedFromInstanceId,
    created_at: user.createdAt,
  };
}

export type ClientUserRepository = ReturnType<typeof createClientUserRepository>;

export function createClientUserRepository(db: Db) {
  const insertRow = db.prepare(`INSERT INTO client_users
    (account_id, instance_id, user_name, user_mail, bandwidth, client_ip, password_hash, state,
     roamed_from_region_id, roamed_from_instance_id, created_at)
    VALUES (@account_id, @instance_id, @user_name, @user_mail, @bandwidth, @client_ip, @password_hash,
     @state, @roamed_from_region_id, @roamed_from_instance_id, @created_at)`);
  const selectOne = db.prepare('SELECT * FROM client_users WHERE account_id = ? AND instance_id = ? AND user_name = ?');
  const countOf = db.prepare('SELECT count(*) FROM client_users WHERE account_id = ? AND instance_id = ?').pluck();
  const ipHolder = db.prepare(
    'SELECT user_name FROM client_users WHERE account_id = ? AND instance_id = ? AND client_ip = ?',
  ).pluck();
  const selectOfInstance = db.prepare(
    'SELECT * FROM client_users WHERE account_id = ? AND instance_id = ? ORDER BY created_at, user_name',
  );
  const selectOfAccount = db.prepare('SELECT * FROM client_users WHERE account_id = ? ORDER BY instance_id, user_name');

  return {
    insert(user: ClientUser): void {
      insertRow.run(toRow(user));
    },
    find(accountId: string, instanceId: string, userName: string): ClientUser | undefined {
      const row = selectOne.get(accountId, instanceId, userName) as ClientUserRow | undefined;
      return row && toClientUser(row);
    },
    count(accountId: string, instanceId: string): number {
      return countOf.get(accountId, instanceId) as number;
    },
    /** Whether another account of the instance holds this static IP. */
    isIpTaken(accountId: string, instanceId: string, clientIp: string): boolean {
      return ipHolder.get(accountId, instanceId, clientIp) !== undefined;
    },
    listOfInstance(accountId: string, instanceId: string): ClientUser[] {
      return (selectOfInstance.all(accountId, instanceId) as ClientUserRow[]).map(toClientUser);
    },
    listOfAccount(accountId: string): ClientUser[] {
      return (selectOfAccount.all(accountId) as ClientUserRow[]).map(toClientUser);
    },
  };
}
