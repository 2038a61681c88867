import type { Db } from '../../storage/database';
import type { ReadCaches } from '../../storage/read-cache';

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
  /** Application-acceleration peak in Kbps; null: the instance's default applies. */
  accelerateBandwidth: number | null;
}

/** Optional exact-match filters of a listing. */
export interface ClientUserFilter {
  userName?: string;
  userMail?: string;
}

/** What a listing shows of an account: a page reads only these columns (a quarter less per row). */
export type ClientUserListing = Pick<ClientUser, 'userName' | 'userMail' | 'bandwidth' | 'clientIp' | 'state' | 'accelerateBandwidth'>;

/** One page of a listing, and the size of the whole listing. */
export interface ClientUserPage {
  users: ClientUserListing[];
  totalCount: number;
}

/**
 * Rows are read as arrays (`.raw()`) in this column order: better-sqlite3 builds a keyed object
 * per row slowly (a lookup by name: 3.8 to 2.6 µs in process), and the repository maps each row
 * to a ClientUser anyway.
 */
const COLUMNS = `account_id, instance_id, user_name, user_mail, bandwidth, client_ip, password_hash, state,
  roamed_from_region_id, roamed_from_instance_id, created_at, accelerate_bandwidth`;

type ClientUserRow = [
  accountId: string, instanceId: string, userName: string, userMail: string, bandwidth: number,
  clientIp: string | null, passwordHash: string, state: number, roamedFromRegionId: string | null,
  roamedFromInstanceId: string | null, createdAt: number, accelerateBandwidth: number | null,
];

const LISTING_COLUMNS = 'user_name, user_mail, bandwidth, client_ip, state, accelerate_bandwidth';

type ListingRow = [userName: string, userMail: string, bandwidth: number, clientIp: string | null, state: number, accelerateBandwidth: number | null];

function toListing(row: ListingRow): ClientUserListing {
  return { userName: row[0], userMail: row[1], bandwidth: row[2], clientIp: row[3], state: row[4], accelerateBandwidth: row[5] };
}

/** The listing view of a whole account. */
export function listingOf(user: ClientUser): ClientUserListing {
  const { userName, userMail, bandwidth, clientIp, state, accelerateBandwidth } = user;
  return { userName, userMail, bandwidth, clientIp, state, accelerateBandwidth };
}

function toClientUser(row: ClientUserRow): ClientUser {
  return {
    accountId: row[0],
    instanceId: row[1],
    userName: row[2],
    userMail: row[3],
    bandwidth: row[4],
    clientIp: row[5],
    passwordHash: row[6],
    state: row[7],
    roamedFromRegionId: row[8],
    roamedFromInstanceId: row[9],
    createdAt: row[10],
    accelerateBandwidth: row[11],
  };
}

export type ClientUserRepository = ReturnType<typeof createClientUserRepository>;

/** One row's placeholders, in COLUMNS order. */
const ROW = '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';
/**
 * Rows per statement of insertMany. A fixture of 10,000 accounts inserted one statement per row
 * spent about a third of its insert time crossing into SQLite: 57-70 ms against 36-53 ms in
 * chunks of 50 (in process), some 5% of a 10,000-account start-up.
 */
const INSERT_CHUNK = 50;

/** A row's values in COLUMNS order, appended to `values`. */
function pushRow(values: unknown[], user: ClientUser): void {
  values.push(user.accountId, user.instanceId, user.userName, user.userMail, user.bandwidth, user.clientIp,
    user.passwordHash, user.state, user.roamedFromRegionId, user.roamedFromInstanceId, user.createdAt,
    user.accelerateBandwidth);
}

export function createClientUserRepository(db: Db, caches: ReadCaches) {
  const insertRow = db.prepare(`INSERT INTO client_users (${COLUMNS}) VALUES ${ROW}`);
  const insertChunk = db.prepare(`INSERT INTO client_users (${COLUMNS}) VALUES ${Array(INSERT_CHUNK).fill(ROW).join(', ')}`);
  // The key and the history (creation, roaming) never change.
  const updateRow = db.prepare(`UPDATE client_users SET user_mail = ?, bandwidth = ?, client_ip = ?, password_hash = ?,
    state = ?, accelerate_bandwidth = ? WHERE account_id = ? AND instance_id = ? AND user_name = ?`);
  const deleteRow = db.prepare('DELETE FROM client_users WHERE account_id = ? AND instance_id = ? AND user_name = ?');
  const selectOne = db.prepare(`SELECT ${COLUMNS} FROM client_users WHERE account_id = ? AND instance_id = ? AND user_name = ?`).raw();
  // The primary key alone answers it: no table row is read, no column converted.
  const existsOne = db.prepare('SELECT 1 FROM client_users WHERE account_id = ? AND instance_id = ? AND user_name = ?').pluck();
  // Walks the instance's accounts (about 0.1 ms per 1,000), so it is read once per instance and
  // then followed: `counts` below.
  const countOf = db.prepare('SELECT count(*) FROM client_users WHERE account_id = ? AND instance_id = ?').pluck();
  // Told of every insert here; deletes and updates reach it through triggers, rollbacks empty it
  // (read-cache.ts). Not a trigger on insert: migration 7 says why.
  const counts = caches.countRows('client_users', ['account_id', 'instance_id'], (accountId, instanceId) => countOf.get(accountId, instanceId) as number);
  const ipHolder = db.prepare(
    'SELECT user_name FROM client_users WHERE account_id = ? AND instance_id = ? AND client_ip = ?',
  ).pluck();
  const selectOfInstance = db.prepare(
    `SELECT ${COLUMNS} FROM client_users WHERE account_id = ? AND instance_id = ? ORDER BY created_at, rowid`,
  ).raw();
  // Oldest first; rowid orders accounts created within the same millisecond.
  const selectFiltered = db.prepare(`SELECT ${COLUMNS} FROM client_users WHERE account_id = @accountId
    AND instance_id = @instanceId AND (@userName IS NULL OR user_name = @userName)
    AND (@userMail IS NULL OR user_mail = @userMail) ORDER BY created_at, rowid`).raw();
  const selectOfAccount = db.prepare(`SELECT ${COLUMNS} FROM client_users WHERE account_id = ? ORDER BY instance_id, user_name`).raw();
  // One page in the order of `list`, walking index client_users_by_instance_created (migration 6),
  // which is in that order (an index entry ends with the rowid): no sort. By name the primary
  // key finds the one candidate.
  const pageOfInstance = db.prepare(`SELECT ${LISTING_COLUMNS} FROM client_users WHERE account_id = ? AND instance_id = ?
    ORDER BY created_at, rowid LIMIT ? OFFSET ?`).raw();
  // The mail is not in the index: each candidate is read from the table.
  const pageOfMail = db.prepare(`SELECT ${LISTING_COLUMNS} FROM client_users WHERE account_id = ? AND instance_id = ?
    AND user_mail = ? ORDER BY created_at, rowid LIMIT ? OFFSET ?`).raw();
  const countOfMail = db.prepare(
    'SELECT count(*) FROM client_users WHERE account_id = ? AND instance_id = ? AND user_mail = ?',
  ).pluck();

  return {
    insert(user: ClientUser): void {
      // In COLUMNS order, by position: named parameters cost a lookup each. Spelled out rather
      // than through pushRow: this is every roam's write, and it builds no array.
      insertRow.run(user.accountId, user.instanceId, user.userName, user.userMail, user.bandwidth, user.clientIp,
        user.passwordHash, user.state, user.roamedFromRegionId, user.roamedFromInstanceId, user.createdAt,
        user.accelerateBandwidth);
      counts.added(user.accountId, user.instanceId);
    },
    /**
     * Inserts `users` as `insert` would one by one, in their order (rowids ascend with it, so a
     * listing's creation order is theirs), with fewer statements: bulk loads (fixtures) use it. Each statement is atomic; the
     * caller's transaction makes the whole all or nothing.
     */
    insertMany(users: readonly ClientUser[]): void {
      const values: unknown[] = [];
      let next = 0;
      for (; next + INSERT_CHUNK <= users.length; next += INSERT_CHUNK) {
        values.length = 0;
        for (let i = next; i < next + INSERT_CHUNK; i++) pushRow(values, users[i]);
        insertChunk.run(values);
      }
      for (; next < users.length; next++) {
        values.length = 0;
        pushRow(values, users[next]);
        insertRow.run(values);
      }
      for (const user of users) counts.added(user.accountId, user.instanceId);
    },
    /** Writes the mutable fields of an existing account: mail, bandwidth, IP, password, state, acceleration. */
    update(user: ClientUser): void {
      updateRow.run(user.userMail, user.bandwidth, user.clientIp, user.passwordHash, user.state,
        user.accelerateBandwidth, user.accountId, user.instanceId, user.userName);
    },
    /** Removes the account, and by cascade its online clients and traffic figures. */
    remove(accountId: string, instanceId: string, userName: string): boolean {
      return deleteRow.run(accountId, instanceId, userName).changes > 0;
    },
    find(accountId: string, instanceId: string, userName: string): ClientUser | undefined {
      const row = selectOne.get(accountId, instanceId, userName) as ClientUserRow | undefined;
      return row && toClientUser(row);
    },
    exists(accountId: string, instanceId: string, userName: string): boolean {
      return existsOne.get(accountId, instanceId, userName) !== undefined;
    },
    count(accountId: string, instanceId: string): number {
      return counts.count(accountId, instanceId);
    },
    /** Whether another account of the instance holds this static IP. */
    isIpTaken(accountId: string, instanceId: string, clientIp: string): boolean {
      return ipHolder.get(accountId, instanceId, clientIp) !== undefined;
    },
    listOfInstance(accountId: string, instanceId: string): ClientUser[] {
      return (selectOfInstance.all(accountId, instanceId) as ClientUserRow[]).map(toClientUser);
    },
    list(accountId: string, instanceId: string, filter: ClientUserFilter = {}): ClientUser[] {
      const rows = selectFiltered.all({
        accountId,
        instanceId,
        userName: filter.userName ?? null,
        userMail: filter.userMail ?? null,
      }) as ClientUserRow[];
      return rows.map(toClientUser);
    },
    /**
     * The page of `list(accountId, instanceId, filter)` starting at `offset`, at most `limit`
     * accounts, and how many accounts `list` would return in all.
     */
    page(accountId: string, instanceId: string, filter: ClientUserFilter, offset: number, limit: number): ClientUserPage {
      const { userName, userMail } = filter;
      if (userName !== undefined) {
        const row = selectOne.get(accountId, instanceId, userName) as ClientUserRow | undefined;
        const found = row !== undefined && (userMail === undefined || row[3] === userMail);
        return { users: found && offset === 0 && limit > 0 ? [listingOf(toClientUser(row))] : [], totalCount: found ? 1 : 0 };
      }
      const totalCount = userMail === undefined
        ? counts.count(accountId, instanceId)
        : (countOfMail.get(accountId, instanceId, userMail) as number);
      // Past the end: nothing to read (and no OFFSET beyond what SQLite takes as an integer).
      if (offset >= totalCount) return { users: [], totalCount };
      const rows = (userMail === undefined
        ? pageOfInstance.all(accountId, instanceId, limit, offset)
        : pageOfMail.all(accountId, instanceId, userMail, limit, offset)) as ListingRow[];
      return { users: rows.map(toListing), totalCount };
    },
    listOfAccount(accountId: string): ClientUser[] {
      return (selectOfAccount.all(accountId) as ClientUserRow[]).map(toClientUser);
    },
  };
}
