/**
 * Migrations 10 and on, in order, appended to storage/migrations.ts: the tables of the resource
 * families that keep state beyond instances and client accounts, and the nonces of signed calls.
 * Never edit an entry that has shipped; add a new one at the end.
 */
export const familyMigrations: readonly string[] = [
  // 10: SNAT and DNAT entries of hardware instances (AddSnatEntry, AddDnatEntry); they go with their
  // instance. Lists page in SQL over the (instance, created_at) indexes.
  `
  CREATE TABLE snat_entries (
    account_id  TEXT NOT NULL,
    id          TEXT NOT NULL,                -- snat-...
    instance_id TEXT NOT NULL,
    cidr_block  TEXT NOT NULL,                -- the source block translated
    snat_ip     TEXT NOT NULL,                -- the address it is translated to
    created_at  INTEGER NOT NULL,
    PRIMARY KEY (account_id, id),
    FOREIGN KEY (account_id, instance_id) REFERENCES instances(account_id, id) ON DELETE CASCADE
  );
  CREATE INDEX snat_entries_by_instance ON snat_entries(account_id, instance_id, created_at);
  CREATE TABLE dnat_entries (
    account_id    TEXT NOT NULL,
    id            TEXT NOT NULL,              -- fwd-...
    instance_id   TEXT NOT NULL,
    type          TEXT NOT NULL,              -- Intranet or Internet
    ip_protocol   TEXT NOT NULL,              -- lower case: tcp, udp or any
    external_ip   TEXT NOT NULL,              -- '' for Internet (the device's current public address)
    external_port TEXT NOT NULL,              -- 1-65535 or any
    internal_ip   TEXT NOT NULL,
    internal_port TEXT NOT NULL,
    created_at    INTEGER NOT NULL,
    PRIMARY KEY (account_id, id),
    FOREIGN KEY (account_id, instance_id) REFERENCES instances(account_id, id) ON DELETE CASCADE
  );
  CREATE INDEX dnat_entries_by_instance ON dnat_entries(account_id, instance_id, created_at);
  -- VBR grants and bindings (GrantSagInstanceToVbr, BindVbr). VBRs belong to VPC, another
  -- product: a VBR is its id, region and owner's uid. Both rows live in the account of the SAG
  -- instance's owner; vbr_uid is the account that may bind (the grantee) or did.
  CREATE TABLE vbr_grants (
    account_id    TEXT NOT NULL,
    id            TEXT NOT NULL,              -- sgv-...
    region_id     TEXT NOT NULL,              -- the instance's
    instance_id   TEXT NOT NULL,
    vbr_id        TEXT NOT NULL,
    vbr_region_id TEXT NOT NULL,
    vbr_uid       TEXT NOT NULL,
    created_at    INTEGER NOT NULL,
    PRIMARY KEY (account_id, id),
    FOREIGN KEY (account_id, instance_id) REFERENCES instances(account_id, id) ON DELETE CASCADE
  );
  CREATE INDEX vbr_grants_by_region ON vbr_grants(account_id, region_id, created_at);
  CREATE TABLE vbr_bindings (
    account_id    TEXT NOT NULL,
    instance_id   TEXT NOT NULL,              -- one VBR per instance, one instance per VBR
    region_id     TEXT NOT NULL,              -- the instance's
    vbr_id        TEXT NOT NULL,
    vbr_region_id TEXT NOT NULL,
    vbr_uid       TEXT NOT NULL,              -- who bound it (the VBR's owner)
    created_at    INTEGER NOT NULL,
    PRIMARY KEY (account_id, instance_id),
    FOREIGN KEY (account_id, instance_id) REFERENCES instances(account_id, id) ON DELETE CASCADE
  );
  CREATE INDEX vbr_bindings_by_vbr ON vbr_bindings(vbr_uid, vbr_id);
  `,
  // 11: nonces of accepted signed calls until they expire, so that a file database
  // refuses a replay after a restart as it did before.
  `
  CREATE TABLE used_nonces (
    nonce_key  TEXT PRIMARY KEY,            -- access key id, a newline, the nonce
    expires_at INTEGER NOT NULL             -- epoch milliseconds
  );
  CREATE INDEX used_nonces_by_expiry ON used_nonces(expires_at);
  `,
  // 12: grants around CCNs. ccn_grants: a CCN granted to another account's CEN
  // (GrantInstanceToCbn), in the CCN owner's account. sag_grants: an instance granted
  // to another account's CCN (GrantSagInstanceToCcn), in the instance owner's account;
  // the grantee's binding through it is the instance's ccn_id naming the granted CCN.
  `
  CREATE TABLE ccn_grants (
    account_id            TEXT NOT NULL,
    id                    TEXT NOT NULL,      -- GrantRuleId, a UUID
    region_id             TEXT NOT NULL,      -- the CCN's
    ccn_id                TEXT NOT NULL,
    cen_id                TEXT NOT NULL,
    cen_uid               TEXT NOT NULL,      -- the CEN's owner
    grant_traffic_service INTEGER NOT NULL,   -- 0 or 1
    created_at            INTEGER NOT NULL,
    PRIMARY KEY (account_id, id),
    FOREIGN KEY (account_id, ccn_id) REFERENCES ccns(account_id, id) ON DELETE CASCADE
  );
  CREATE INDEX ccn_grants_by_region ON ccn_grants(account_id, region_id, created_at);
  CREATE TABLE sag_grants (
    account_id            TEXT NOT NULL,
    id                    TEXT NOT NULL,      -- sgc-...
    region_id             TEXT NOT NULL,      -- the instance's
    instance_id           TEXT NOT NULL,      -- one grant per instance
    ccn_id                TEXT NOT NULL,
    ccn_uid               TEXT NOT NULL,      -- the CCN's owner, who may bind the instance
    grant_traffic_service INTEGER NOT NULL,
    created_at            INTEGER NOT NULL,
    PRIMARY KEY (account_id, id),
    FOREIGN KEY (account_id, instance_id) REFERENCES instances(account_id, id) ON DELETE CASCADE
  );
  CREATE UNIQUE INDEX sag_grants_by_instance ON sag_grants(account_id, instance_id);
  CREATE INDEX sag_grants_by_ccn ON sag_grants(ccn_uid, ccn_id, region_id);
  `,
  // 13: flow logs (CreateFlowLog); the instances they capture are rows of instance_associations
  // (kind flow_log). A flow log writes to Log Service (sls), to a NetFlow collector (netflow) or
  // to both (all); the fields of an output it does not use are kept as given.
  `
  CREATE TABLE flow_logs (
    account_id          TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    id                  TEXT NOT NULL,          -- fl-...
    region_id           TEXT NOT NULL,
    name                TEXT NOT NULL DEFAULT '',
    description         TEXT NOT NULL DEFAULT '',
    status              TEXT NOT NULL,          -- Active or Inactive
    output_type         TEXT NOT NULL,          -- sls, netflow or all
    active_aging        INTEGER NOT NULL,       -- seconds, 60-6000
    inactive_aging      INTEGER NOT NULL,       -- seconds, 10-600
    sls_region_id       TEXT NOT NULL DEFAULT '',
    project_name        TEXT NOT NULL DEFAULT '',
    logstore_name       TEXT NOT NULL DEFAULT '',
    netflow_server_ip   TEXT NOT NULL DEFAULT '',
    netflow_server_port INTEGER NOT NULL,       -- 1-65535
    netflow_version     TEXT NOT NULL,          -- V5, V9 or V10
    created_at          INTEGER NOT NULL,
    PRIMARY KEY (account_id, id)
  );
  CREATE INDEX flow_logs_by_region ON flow_logs(account_id, region_id, created_at);
  -- DescribeFlowLogSags pages a flow log's instances in the order they were associated, in the index.
  CREATE INDEX flow_log_associations_in_order ON instance_associations(account_id, policy_id, created_at) WHERE kind = 'flow_log';
  `,
  // 14: QoS policies (CreateQos), their traffic classification rules (qos_policies, qospy-...)
  // and rate-limit rules (qos_cars, qoscar-...); the instances a QoS applies to are rows of
  // instance_associations (kind qos).
  `
  CREATE TABLE qoses (
    account_id  TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    id          TEXT NOT NULL,                -- qos-...
    region_id   TEXT NOT NULL,
    name        TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    created_at  INTEGER NOT NULL,
    PRIMARY KEY (account_id, id)
  );
  CREATE INDEX qoses_by_region ON qoses(account_id, region_id, created_at);
  CREATE TABLE qos_policies (
    account_id        TEXT NOT NULL,
    qos_id            TEXT NOT NULL,
    id                TEXT NOT NULL,          -- qospy-...
    name              TEXT NOT NULL DEFAULT '',
    description       TEXT NOT NULL DEFAULT '',
    priority          INTEGER NOT NULL,       -- 1-3: the rate-limit rule's priority it belongs to
    ip_protocol       TEXT NOT NULL,          -- upper case
    source_cidr       TEXT NOT NULL,
    source_port_range TEXT NOT NULL,          -- from/to, -1/-1 for any
    dest_cidr         TEXT NOT NULL,
    dest_port_range   TEXT NOT NULL,
    start_time        TEXT NOT NULL DEFAULT '',   -- YYYY-MM-DDThh:mm:ss+0800, or empty
    end_time          TEXT NOT NULL DEFAULT '',
    dpi_signature_ids TEXT NOT NULL DEFAULT '',   -- comma separated
    dpi_group_ids     TEXT NOT NULL DEFAULT '',
    created_at        INTEGER NOT NULL,
    PRIMARY KEY (account_id, id),
    FOREIGN KEY (account_id, qos_id) REFERENCES qoses(account_id, id) ON DELETE CASCADE
  );
  CREATE INDEX qos_policies_by_qos ON qos_policies(account_id, qos_id, created_at);
  CREATE TABLE qos_cars (
    account_id            TEXT NOT NULL,
    qos_id                TEXT NOT NULL,
    id                    TEXT NOT NULL,      -- qoscar-...
    name                  TEXT NOT NULL DEFAULT '',
    description           TEXT NOT NULL DEFAULT '',
    priority              INTEGER NOT NULL,   -- 1-7, smaller first
    limit_type            TEXT NOT NULL,      -- Absolute or Percent
    min_bandwidth_abs     INTEGER NOT NULL DEFAULT 0,   -- Mbps, Absolute
    max_bandwidth_abs     INTEGER NOT NULL DEFAULT 0,
    min_bandwidth_percent INTEGER NOT NULL DEFAULT 0,   -- 1-100, Percent
    max_bandwidth_percent INTEGER NOT NULL DEFAULT 0,
    percent_source_type   TEXT NOT NULL DEFAULT '',     -- CcnBandwidth or InternetUpBandwidth, Percent
    created_at            INTEGER NOT NULL,
    PRIMARY KEY (account_id, id),
    FOREIGN KEY (account_id, qos_id) REFERENCES qoses(account_id, id) ON DELETE CASCADE
  );
  CREATE INDEX qos_cars_by_qos ON qos_cars(account_id, qos_id, created_at);
  `,
];
