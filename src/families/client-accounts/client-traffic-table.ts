import type { Db } from '../../storage/database';

/**
 * Traffic of client accounts, one figure per account and calendar month
 * (UTC, `YYYYMM`). Figures are staged by fixtures or the control plane;
 * the emulator carries no traffic of its own.
 */
export type ClientTrafficRepository = ReturnType<typeof createClientTrafficRepository>;

export function createClientTrafficRepository(db: Db) {
  const upsert = db.prepare(`INSERT INTO client_traffic (account_id, instance_id, user_name, month, total_bytes)
    VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (account_id, instance_id, user_name, month) DO UPDATE SET total_bytes = excluded.total_bytes`);
  const selectBytes = db.prepare(
    'SELECT total_bytes FROM client_traffic WHERE account_id = ? AND instance_id = ? AND user_name = ? AND month = ?',
  ).pluck();
  const selectOfUser = db.prepare(`SELECT month, total_bytes AS totalBytes FROM client_traffic
    WHERE account_id = ? AND instance_id = ? AND user_name = ? ORDER BY month`);

  return {
    /** Sets the account's traffic of `month`; the account must exist. */
    set(accountId: string, instanceId: string, userName: string, month: string, totalBytes: number): void {
      upsert.run(accountId, instanceId, userName, month, totalBytes);
    },
    /** Bytes used in `month`; 0 when nothing is recorded. */
    totalBytes(accountId: string, instanceId: string, userName: string, month: string): number {
      return (selectBytes.get(accountId, instanceId, userName, month) as number | undefined) ?? 0;
    },
    /** Every recorded month of the account, oldest first. */
    listOfUser(accountId: string, instanceId: string, userName: string): { month: string; totalBytes: number }[] {
      return selectOfUser.all(accountId, instanceId, userName) as { month: string; totalBytes: number }[];
    },
  };
}
