/**
 * Schema migrations, applied in order under `PRAGMA user_version`: entry N
 * brings a database from version N to N+1. Never edit an entry that has
 * shipped; add a new one.
 */
export const migrations: readonly string[] = [
  `
  CREATE TABLE accounts (
    id          TEXT PRIMARY KEY,           -- 16-digit Alibaba Cloud uid
    name        TEXT NOT NULL DEFAULT ''
  );
  CREATE TABLE access_keys (
    access_key_id     TEXT PRIMARY KEY,
    account_id        TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    access_key_secret TEXT NOT NULL,
    sts               INTEGER NOT NULL DEFAULT 0,
    active            INTEGER NOT NULL DEFAULT 1
  );
  CREATE INDEX access_keys_by_account ON access_keys(account_id);
  CREATE TABLE instances (
    account_id        TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    id                TEXT NOT NULL,
    region_id         TEXT NOT NULL,
    instance_type     TEXT NOT NULL,        -- sag-software is a SAG APP instance
    status            TEXT NOT NULL,
    name              TEXT NOT NULL DEFAULT '',
    description       TEXT NOT NULL DEFAULT '',
    cidr_blocks       TEXT NOT NULL DEFAULT '',   -- comma separated, as the API shows them
    user_quota        INTEGER NOT NULL DEFAULT 0,
    max_bandwidth     INTEGER NOT NULL DEFAULT 20000,
    enterprise_code   TEXT,
    idaas_instance_id TEXT,
    created_at        INTEGER NOT NULL,
    PRIMARY KEY (account_id, id)
  );
  CREATE TABLE client_users (
    account_id       TEXT NOT NULL,
    instance_id      TEXT NOT NULL,
    user_name        TEXT NOT NULL,
    user_mail        TEXT NOT NULL DEFAULT '',
    bandwidth        INTEGER NOT NULL,
    client_ip        TEXT,
    password_hash    TEXT NOT NULL,
    state            INTEGER NOT NULL DEFAULT 0,      -- 0 enabled, 1 disabled
    roamed_from_region_id   TEXT,
    roamed_from_instance_id TEXT,
    created_at       INTEGER NOT NULL,
    PRIMARY KEY (account_id, instance_id, user_name),
    FOREIGN KEY (account_id, instance_id) REFERENCES instances(account_id, id) ON DELETE CASCADE
  );
  CREATE INDEX client_users_by_ip ON client_users(account_id, instance_id, client_ip) WHERE client_ip IS NOT NULL;
  CREATE TABLE snapshots (
    name       TEXT PRIMARY KEY,
    created_at INTEGER NOT NULL,
    data       TEXT NOT NULL                -- JSON: rows of every state table
  );
  `,
];
