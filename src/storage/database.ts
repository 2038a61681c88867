import Database from 'better-sqlite3';
import { migrations } from './migrations';
import { checkBeforeOpen, checkOpened, explainOpenFailure } from './database-file';

export type Db = Database.Database;

/**
 * Opens the state database. `:memory:` by default; a file keeps state across
 * restarts. WAL with synchronous=NORMAL: a committed transaction survives a
 * crash of the process (it is in the WAL file); the last transactions before
 * an OS crash or power loss may be lost, which an emulator can afford.
 * A file is opened in exclusive locking mode, set before WAL so that no -shm
 * file is used: no lock calls or shared-memory checks per transaction (about
 * 15% of a RoamClientUser call on a file), and a second process can neither
 * read nor write the file while the emulator runs (it gets SQLITE_BUSY).
 * Durability is unchanged: the lock goes with the process, and the next open
 * replays the WAL.
 */
export function openDatabase(path: string): Db {
  if (path === ':memory:') return configure(new Database(path));
  checkBeforeOpen(path);
  let db: Db | undefined;
  try {
    db = new Database(path);
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('journal_mode = WAL');
    checkOpened(path, db, migrations.length);
    return configure(db);
  } catch (error) {
    db?.close();
    return explainOpenFailure(path, error);
  }
}

function configure(db: Db): Db {
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Applies every pending migration, each in its own transaction. */
export function migrate(db: Db): void {
  for (let version = schemaVersion(db); version < migrations.length; version++) {
    db.transaction(() => {
      db.exec(migrations[version]);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
