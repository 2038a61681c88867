/**
 * GET /_emulator/state: every account in the fixture format, as each
 * family's fixture section reads its rows back, so that a dump can be fed to
 * POST /_emulator/seed and gives the same state. Secrets and passwords are
 * left out; seeding the dump keeps the ones the accounts hold.
 */
import type { Store } from '../storage/store';
import { fixtureSections } from '../families';
import type { FixtureAccount } from '../fixtures/loader';

export function dumpState(store: Store): { accounts: FixtureAccount[] } {
  return {
    accounts: store.accounts.list().map((account) => {
      const dumped: FixtureAccount = {
        id: account.id,
        name: account.name,
        accessKeys: store.accounts.keysOf(account.id).map(({ accessKeyId, sts, active }) => ({ accessKeyId, sts, active })),
      };
      for (const section of fixtureSections) Object.assign(dumped, section.dump(store, account.id, dumped));
      return dumped;
    }),
  };
}
