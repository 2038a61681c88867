/**
 * Schema migrations, applied in order under `PRAGMA user_version`: entry N
 * brings a database from version N to N+1. Never edit an entry that has
 * shipped; add a new one.
 */
import { familyMigrations } from './family-migrations';

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
  // 2: lifecycle of instances, cloud connect networks and enterprise codes
  `
  CREATE TABLE ccns (
    account_id          TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    id                  TEXT NOT NULL,
    region_id           TEXT NOT NULL,
    name                TEXT NOT NULL DEFAULT '',
    description         TEXT NOT NULL DEFAULT '',
    cidr_blocks         TEXT NOT NULL DEFAULT '',   -- comma separated, as the API shows them
    snat_cidr_block     TEXT NOT NULL DEFAULT '',
    interworking_status TEXT NOT NULL DEFAULT 'enable',
    created_at          INTEGER NOT NULL,
    PRIMARY KEY (account_id, id)
  );
  -- Codes are unique across all accounts (the API says so); the primary key
  -- stays per account so that loading one account's fixture never fails on
  -- another's row: the API checks global uniqueness itself.
  CREATE TABLE enterprise_codes (
    account_id   TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    code         TEXT NOT NULL,
    is_default   INTEGER NOT NULL DEFAULT 0,
    client_token TEXT,                      -- of the creating call, for idempotent retries
    created_at   INTEGER NOT NULL,
    PRIMARY KEY (account_id, code)
  );
  CREATE INDEX enterprise_codes_by_code ON enterprise_codes(code);
  -- No foreign key to ccns: snapshots restore tables in creation order, and
  -- ccns comes after instances. Bind and delete keep the reference whole.
  ALTER TABLE instances ADD COLUMN ccn_id TEXT;
  ALTER TABLE instances ADD COLUMN data_plan INTEGER NOT NULL DEFAULT 5;         -- GB per client account and month
  ALTER TABLE instances ADD COLUMN end_time INTEGER NOT NULL DEFAULT 0;          -- ms since the epoch
  ALTER TABLE instances ADD COLUMN serial_number TEXT NOT NULL DEFAULT '';       -- devices, comma separated
  ALTER TABLE instances ADD COLUMN software_version TEXT NOT NULL DEFAULT '';
  ALTER TABLE instances ADD COLUMN routing_strategy TEXT NOT NULL DEFAULT 'static';
  ALTER TABLE instances ADD COLUMN security_lock_threshold INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE instances ADD COLUMN position TEXT NOT NULL DEFAULT '';
  ALTER TABLE instances ADD COLUMN connection_audit INTEGER NOT NULL DEFAULT 0;
  UPDATE instances SET end_time = created_at + 365 * 86400000;
  CREATE INDEX instances_by_ccn ON instances(account_id, ccn_id) WHERE ccn_id IS NOT NULL;
  `,
  // 3: client accounts: online clients, traffic figures, DNS and acceleration settings
  `
  ALTER TABLE client_users ADD COLUMN accelerate_bandwidth INTEGER;   -- Kbps; NULL: the instance's default
  -- Clients connected now. An address is held by one client of an instance at a time.
  CREATE TABLE online_clients (
    account_id  TEXT NOT NULL,
    instance_id TEXT NOT NULL,
    user_name   TEXT NOT NULL,
    client_ip   TEXT NOT NULL,
    online_at   INTEGER NOT NULL,           -- ms since the epoch
    PRIMARY KEY (account_id, instance_id, client_ip),
    FOREIGN KEY (account_id, instance_id, user_name)
      REFERENCES client_users(account_id, instance_id, user_name) ON DELETE CASCADE
  );
  CREATE INDEX online_clients_by_user ON online_clients(account_id, instance_id, user_name);
  -- Traffic of a client account per calendar month (UTC); no row means none.
  CREATE TABLE client_traffic (
    account_id  TEXT NOT NULL,
    instance_id TEXT NOT NULL,
    user_name   TEXT NOT NULL,
    month       TEXT NOT NULL,              -- YYYYMM
    total_bytes INTEGER NOT NULL,
    PRIMARY KEY (account_id, instance_id, user_name, month),
    FOREIGN KEY (account_id, instance_id, user_name)
      REFERENCES client_users(account_id, instance_id, user_name) ON DELETE CASCADE
  );
  -- What a SAG APP instance applies to all its clients; no row means the defaults.
  CREATE TABLE app_client_settings (
    account_id           TEXT NOT NULL,
    instance_id          TEXT NOT NULL,
    app_dns              TEXT NOT NULL DEFAULT '',   -- comma separated, at most 2
    recovered_dns        TEXT NOT NULL DEFAULT '',   -- comma separated, at most 2
    accelerate_bandwidth INTEGER NOT NULL DEFAULT 0, -- Mbps: the instance's application-acceleration peak
    PRIMARY KEY (account_id, instance_id),
    FOREIGN KEY (account_id, instance_id) REFERENCES instances(account_id, id) ON DELETE CASCADE
  );
  `,
  // 4: reset points of accounts created through POST /_emulator/accounts (JSON rows of the
  // account as created). No foreign key: resetting an account deletes and re-inserts its
  // row, which must not take its reset point with it.
  `
  CREATE TABLE account_baselines (
    account_id TEXT PRIMARY KEY,
    data       TEXT NOT NULL
  );
  `,
  // 5: how many client accounts each instance holds, kept by triggers (which also fire for
  // cascading deletes), so the quota check of every account creation and roam is one
  // lookup: count(*) walks the instance's accounts, about 0.1 ms per 1,000 of them.
  // Derived data: snapshots leave it out (storage/snapshots.ts), their rows rebuild it.
  `
  CREATE TABLE client_user_counts (
    account_id  TEXT NOT NULL,
    instance_id TEXT NOT NULL,
    users       INTEGER NOT NULL,
    PRIMARY KEY (account_id, instance_id)
  ) WITHOUT ROWID;
  INSERT INTO client_user_counts (account_id, instance_id, users)
    SELECT account_id, instance_id, count(*) FROM client_users GROUP BY account_id, instance_id;
  CREATE TRIGGER client_user_counts_insert AFTER INSERT ON client_users BEGIN
    INSERT INTO client_user_counts (account_id, instance_id, users) VALUES (NEW.account_id, NEW.instance_id, 1)
      ON CONFLICT (account_id, instance_id) DO UPDATE SET users = users + 1;
  END;
  CREATE TRIGGER client_user_counts_delete AFTER DELETE ON client_users BEGIN
    UPDATE client_user_counts SET users = users - 1 WHERE account_id = OLD.account_id AND instance_id = OLD.instance_id;
  END;
  CREATE TRIGGER client_user_counts_move AFTER UPDATE OF account_id, instance_id ON client_users BEGIN
    UPDATE client_user_counts SET users = users - 1 WHERE account_id = OLD.account_id AND instance_id = OLD.instance_id;
    INSERT INTO client_user_counts (account_id, instance_id, users) VALUES (NEW.account_id, NEW.instance_id, 1)
      ON CONFLICT (account_id, instance_id) DO UPDATE SET users = users + 1;
  END;
  `,
  // 6: DescribeSmartAccessGatewayClientUsers pages in SQL, oldest first (ORDER BY created_at,
  // rowid). An index entry ends with the rowid, so this index is in exactly that order within
  // an instance: LIMIT/OFFSET walk it with no sort. IF NOT EXISTS: a database copied and
  // wound back to an earlier user_version (as a test does) still holds the index.
  `
  CREATE INDEX IF NOT EXISTS client_users_by_instance_created ON client_users(account_id, instance_id, created_at);
  `,
  // 7: migration 5's counts move to a read cache (storage/read-cache.ts, countRows). Every
  // RoamClientUser inserts an account, and a trigger on that insert cost more than the row:
  // without it and the row cache's insert trigger, a roam went from about 51 to 43 µs of server
  // CPU (BENCHMARKS.md). The cache counts an instance's accounts once (count(*) over its index)
  // and follows the repository's inserts from there.
  `
  DROP TRIGGER client_user_counts_insert;
  DROP TRIGGER client_user_counts_delete;
  DROP TRIGGER client_user_counts_move;
  DROP TABLE client_user_counts;
  `,
  // 8: access control lists and their rules, and which instances each network policy (ACL,
  // QoS policy, flow log) is associated with; a CCN's IsDefault. Lists page in SQL over indexes in creation order
  // (an index entry ends with the rowid, so LIMIT/OFFSET walk it with no sort).
  `
  CREATE TABLE acls (
    account_id  TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    id          TEXT NOT NULL,
    region_id   TEXT NOT NULL,
    name        TEXT NOT NULL,
    acl_type    TEXT NOT NULL,                -- acl-hardware or acl-software: the instances it may take
    created_at  INTEGER NOT NULL,
    PRIMARY KEY (account_id, id)
  );
  CREATE INDEX acls_by_region ON acls(account_id, region_id, created_at);
  CREATE TABLE acl_rules (
    account_id        TEXT NOT NULL,
    acl_id            TEXT NOT NULL,
    id                TEXT NOT NULL,          -- acr-...
    name              TEXT NOT NULL DEFAULT '',
    description       TEXT NOT NULL DEFAULT '',
    direction         TEXT NOT NULL,          -- in or out
    policy            TEXT NOT NULL,          -- accept or drop
    ip_protocol       TEXT NOT NULL,          -- upper case: ALL, TCP, UDP, ICMP, GRE
    source_cidr       TEXT NOT NULL,
    source_port_range TEXT NOT NULL,          -- from/to, -1/-1 for any
    dest_cidr         TEXT NOT NULL,
    dest_port_range   TEXT NOT NULL,
    priority          INTEGER NOT NULL,       -- 1-100, smaller first
    type              TEXT NOT NULL,          -- LAN or WAN
    dpi_signature_ids TEXT NOT NULL DEFAULT '',   -- comma separated
    dpi_group_ids     TEXT NOT NULL DEFAULT '',   -- comma separated
    created_at        INTEGER NOT NULL,
    PRIMARY KEY (account_id, id),
    FOREIGN KEY (account_id, acl_id) REFERENCES acls(account_id, id) ON DELETE CASCADE
  );
  CREATE INDEX acl_rules_by_acl ON acl_rules(account_id, acl_id, created_at);
  CREATE TABLE instance_associations (
    account_id  TEXT NOT NULL,
    kind        TEXT NOT NULL,                -- acl, qos or flow_log
    policy_id   TEXT NOT NULL,
    instance_id TEXT NOT NULL,
    created_at  INTEGER NOT NULL,
    PRIMARY KEY (account_id, kind, policy_id, instance_id),
    FOREIGN KEY (account_id, instance_id) REFERENCES instances(account_id, id) ON DELETE CASCADE
  );
  CREATE INDEX instance_associations_by_instance ON instance_associations(account_id, instance_id, kind);
  -- Whether the CCN is the account's default one (CreateCloudConnectNetwork IsDefault).
  ALTER TABLE ccns ADD COLUMN is_default INTEGER NOT NULL DEFAULT 0;
  `,
  // 9: a region's instances in creation order, so DescribeSmartAccessGateways pages in the index.
  `
  CREATE INDEX instances_by_region_created ON instances(account_id, region_id, created_at);
  `,
  ...familyMigrations,
];
