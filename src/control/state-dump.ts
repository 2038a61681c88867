import type { Store } from '../storage/store';

/** Everything the store holds, per account; passwords and secrets left out. */
export function dumpState(store: Store) {
  return {
    accounts: store.accounts.list().map((account) => ({
      id: account.id,
      name: account.name,
      accessKeyIds: store.accounts.keysOf(account.id).map((key) => key.accessKeyId),
      instances: store.instances.listOfAccount(account.id).map(({ accountId: _a, ...instance }) => ({
        ...instance,
        clientUsers: store.clientUsers
          .listOfInstance(account.id, instance.id)
          .map(({ accountId: _u, instanceId: _i, passwordHash: _p, ...user }) => user),
      })),
    })),
  };
}
