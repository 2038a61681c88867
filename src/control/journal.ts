/** The request journal: a bounded ring buffer of API calls, for tests to assert on. */

export interface JournalEntry {
  /** Increasing sequence number; survives the ring's wrap-around. */
  seq: number;
  time: string;
  requestId: string;
  action: string;
  accountId: string;
  method: string;
  /** Parameters with secrets and signatures redacted. */
  params: Record<string, string>;
  status: number;
  code: string | null;
  durationMs: number;
  synthesized: boolean;
  /** In lenient auth mode: the check that failed but was let through. */
  authFailure: string | null;
  fault: string | null;
}

export interface JournalFilter {
  action?: string;
  account?: string;
  code?: string;
  /** ISO time or sequence number: only entries after it. */
  since?: string;
}

const REDACTED = '***';
const SECRET_PARAMS = new Set(['Signature', 'SecurityToken', 'Password', 'AccessKeySecret']);

export function redactParams(params: Record<string, string>): Record<string, string> {
  const copy: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) copy[key] = SECRET_PARAMS.has(key) ? REDACTED : value;
  return copy;
}

export class Journal {
  private entries: (JournalEntry | undefined)[];
  private next = 0;
  private seq = 0;

  constructor(readonly capacity: number) {
    this.entries = new Array(capacity);
  }

  record(entry: Omit<JournalEntry, 'seq'>): void {
    if (this.capacity === 0) return;
    this.entries[this.next] = { seq: ++this.seq, ...entry };
    this.next = (this.next + 1) % this.capacity;
  }

  /** Entries oldest first. */
  list(filter: JournalFilter = {}): JournalEntry[] {
    const ordered = [...this.entries.slice(this.next), ...this.entries.slice(0, this.next)];
    return ordered.filter((entry): entry is JournalEntry => entry !== undefined && matches(entry, filter));
  }

  count(filter: JournalFilter = {}): number {
    return this.list(filter).length;
  }

  clear(): void {
    this.entries = new Array(this.capacity);
    this.next = 0;
  }
}

function matches(entry: JournalEntry, filter: JournalFilter): boolean {
  if (filter.action !== undefined && entry.action !== filter.action) return false;
  if (filter.account !== undefined && entry.accountId !== filter.account) return false;
  if (filter.code !== undefined && (entry.code ?? 'OK') !== filter.code) return false;
  if (filter.since !== undefined) {
    const since = filter.since;
    if (/^\d+$/.test(since) ? entry.seq <= Number(since) : entry.time <= since) return false;
  }
  return true;
}
