import type { Db } from '../../storage/database';

/** What a SAG APP instance applies to all its clients. */
export interface AppClientSettings {
  /** DNS servers of clients connected to the private network (AppDNS), at most 2. */
  appDns: string[];
  /** DNS servers of clients once disconnected from it (RecoveredDNS), at most 2. */
  recoveredDns: string[];
  /** The instance's application-acceleration peak in Mbps; 0 when it has none. */
  accelerateBandwidth: number;
}

interface AppClientSettingsRow {
  app_dns: string;
  recovered_dns: string;
  accelerate_bandwidth: number;
}

function splitList(text: string): string[] {
  return text === '' ? [] : text.split(',');
}

export type AppClientSettingsRepository = ReturnType<typeof createAppClientSettingsRepository>;

export function createAppClientSettingsRepository(db: Db) {
  const selectRow = db.prepare(
    'SELECT app_dns, recovered_dns, accelerate_bandwidth FROM app_client_settings WHERE account_id = ? AND instance_id = ?',
  );
  const upsertDns = db.prepare(`INSERT INTO app_client_settings (account_id, instance_id, app_dns, recovered_dns)
    VALUES (?, ?, ?, ?)
    ON CONFLICT (account_id, instance_id) DO UPDATE SET app_dns = excluded.app_dns, recovered_dns = excluded.recovered_dns`);
  const upsertAccelerate = db.prepare(`INSERT INTO app_client_settings (account_id, instance_id, accelerate_bandwidth)
    VALUES (?, ?, ?)
    ON CONFLICT (account_id, instance_id) DO UPDATE SET accelerate_bandwidth = excluded.accelerate_bandwidth`);

  return {
    /** The instance's settings; the defaults when none were ever set. */
    get(accountId: string, instanceId: string): AppClientSettings {
      const row = selectRow.get(accountId, instanceId) as AppClientSettingsRow | undefined;
      if (!row) return { appDns: [], recoveredDns: [], accelerateBandwidth: 0 };
      return {
        appDns: splitList(row.app_dns),
        recoveredDns: splitList(row.recovered_dns),
        accelerateBandwidth: row.accelerate_bandwidth,
      };
    },
    /** Replaces both DNS lists (an empty list clears one). */
    setDns(accountId: string, instanceId: string, appDns: readonly string[], recoveredDns: readonly string[]): void {
      upsertDns.run(accountId, instanceId, appDns.join(','), recoveredDns.join(','));
    },
    /** Sets the instance's application-acceleration peak, in Mbps. */
    setAccelerateBandwidth(accountId: string, instanceId: string, mbps: number): void {
      upsertAccelerate.run(accountId, instanceId, mbps);
    },
  };
}
