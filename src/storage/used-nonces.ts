/**
 * The nonces a file database remembers across restarts: each accepted
 * signed call's nonce with its expiry. The nonce store in memory answers
 * every lookup; this table only refills it when the server starts.
 *
 * Writes are batched: nonces accepted during one turn of the event loop are
 * written in one transaction at the next (and on close), so a strict call
 * costs no commit of its own. A kill -9 can lose the nonces of that last
 * turn, which is far shorter than the time it takes to restart.
 */

import type { Db } from './database';

export interface UsedNonces {
  /** Unexpired nonces, oldest first; expired rows are deleted. */
  load(now: number): [key: string, expiry: number][];
  /** Queues a nonce for the next write. */
  record(key: string, expiry: number): void;
  /** Writes what is queued now (the server is closing). */
  flush(): void;
}

export function createUsedNonces(db: Db): UsedNonces {
  const insert = db.prepare('INSERT OR REPLACE INTO used_nonces (nonce_key, expires_at) VALUES (?, ?)');
  const purge = db.prepare('DELETE FROM used_nonces WHERE expires_at <= ?');
  const select = db.prepare('SELECT nonce_key, expires_at FROM used_nonces ORDER BY expires_at').raw();
  let pending: [string, number][] = [];
  let scheduled = false;
  const write = db.transaction((batch: [string, number][], now: number) => {
    purge.run(now);
    for (const [key, expiry] of batch) insert.run(key, Math.ceil(expiry));
  });
  const flush = () => {
    scheduled = false;
    if (pending.length === 0 || !db.open) return;
    const batch = pending;
    pending = [];
    write(batch, Date.now());
  };
  return {
    load(now) {
      purge.run(now);
      return select.all() as [string, number][];
    },
    record(key, expiry) {
      pending.push([key, expiry]);
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    },
    flush,
  };
}
