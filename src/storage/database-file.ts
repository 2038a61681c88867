/**
 * The checks a `--db` file passes before the emulator uses it. Each failure
 * is one DatabaseFileError whose message names the file, the cause and the
 * fix, which the CLI prints as its only line (exit 2).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from './database';

export class DatabaseFileError extends Error {}

function refuse(file: string, cause: string, fix: string): never {
  throw new DatabaseFileError(`--db ${file}: ${cause}; ${fix}.`);
}

/** Before opening: the directory exists and the file, if there, can be read and written. */
export function checkBeforeOpen(file: string): void {
  const directory = path.dirname(path.resolve(file));
  if (!fs.existsSync(directory)) refuse(file, `the directory ${directory} does not exist`, 'create it, or choose a file in an existing directory');
  if (fs.existsSync(file)) {
    if (!fs.statSync(file).isFile()) refuse(file, 'it is not a regular file', 'give the path of a database file');
    try {
      fs.accessSync(file, fs.constants.R_OK | fs.constants.W_OK);
    } catch {
      refuse(file, 'the file is not readable and writable by this user', 'change its permissions, or choose another file');
    }
  }
  try {
    fs.accessSync(directory, fs.constants.W_OK);
  } catch {
    refuse(file, `the directory ${directory} is not writable (SQLite writes its journal beside the file)`, 'change its permissions, or choose another directory');
  }
}

/** What opening or reading the file threw, in the same one-line form. */
export function explainOpenFailure(file: string, error: unknown): never {
  const code = (error as { code?: string }).code;
  if (code === 'SQLITE_NOTADB') refuse(file, 'the file is not an SQLite database', 'delete it to start empty, or choose another file');
  if (code === 'SQLITE_CORRUPT') refuse(file, 'the database is damaged', 'restore a copy, or delete it to start empty');
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') refuse(file, 'another process holds the database open', 'stop it, or choose another file');
  if (code === 'SQLITE_READONLY' || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_PERM') {
    refuse(file, `SQLite cannot open it for writing (${code})`, 'check the file and its directory, or choose another file');
  }
  throw error;
}

/** After opening: the pages are sound, and the schema is not from a newer emulator. */
export function checkOpened(file: string, db: Db, knownVersion: number): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > knownVersion) {
    refuse(file, `it was written by a newer smartag-emulator (schema ${version}; this one knows up to ${knownVersion})`, 'run that version, or choose another file');
  }
  const problems = (db.pragma('quick_check(5)') as { quick_check: string }[]).map((row) => row.quick_check);
  if (problems.length !== 1 || problems[0] !== 'ok') {
    refuse(file, `the database is damaged (${problems.join('; ')})`, 'restore a copy, or delete it to start empty');
  }
}
