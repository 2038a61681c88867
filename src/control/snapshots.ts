/**
 * Named snapshots of the whole state. Each is persisted in the snapshots
 * table (so it survives a restart with --db) and kept parsed in memory, so
 * a restore is one transaction of deletes and inserts with no JSON parsing.
 */
import { apiError } from '../protocol/errors';
import type { StateImage } from '../storage/snapshots';
import type { Store } from '../storage/store';

const NAME = /^[A-Za-z0-9._-]{1,64}$/;
/**
 * Each snapshot is the whole state, kept in the database and parsed in
 * memory: 2,000 of the default fixtures' cost 75 MB and slowed every call
 * four times. The catalogue's message for Emulator.SnapshotLimitExceeded
 * states this number.
 */
export const MAX_SNAPSHOTS = 100;

export interface SnapshotView {
  name: string;
  /** ISO 8601 UTC. */
  createdAt: string;
}

export class SnapshotLibrary {
  private readonly images = new Map<string, StateImage>();

  constructor(private readonly store: Store) {}

  /** Saves the current state under `name`, replacing a snapshot of that name. */
  save(name: string): SnapshotView {
    checkName(name);
    const names = this.store.snapshots.list().map((info) => info.name);
    if (names.length >= MAX_SNAPSHOTS && !names.includes(name)) {
      throw apiError('Emulator.SnapshotLimitExceeded', { description: `${names.length} snapshots are kept; "${name}" would be one more.` });
    }
    const image = this.store.snapshots.capture();
    const info = this.store.snapshots.save(name, image);
    this.images.set(name, image);
    return view(info);
  }

  restore(name: string): void {
    checkName(name);
    let image = this.images.get(name);
    if (!image) {
      image = this.store.snapshots.load(name);
      if (!image) throw notFound(name);
      this.images.set(name, image);
    }
    this.store.snapshots.apply(image);
  }

  list(): SnapshotView[] {
    return this.store.snapshots.list().map(view);
  }

  remove(name: string): void {
    checkName(name);
    if (!this.store.snapshots.remove(name)) throw notFound(name);
    this.images.delete(name);
  }
}

function checkName(name: string): void {
  if (!NAME.test(name)) throw apiError('Emulator.InvalidSnapshotName', { description: `Got "${name}".` });
}

function notFound(name: string) {
  return apiError('Emulator.SnapshotNotFound', { description: `No snapshot named "${name}".` });
}

function view(info: { name: string; createdAt: number }): SnapshotView {
  return { name: info.name, createdAt: new Date(info.createdAt).toISOString() };
}
