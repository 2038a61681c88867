import type { Store } from '../storage/store';
import { fixtureSections } from '../families';

/** Everything the store holds, per account; passwords and secrets left out. */
export function dumpState(store: Store) {
  return {
    accounts: store.accounts.list().map((account) => ({
      id: account.id,
      name: account.name,
      accessKeyIds: store.accounts.keysOf(account.id).map((key) => key.accessKeyId),
      enterpriseCodes: store.enterpriseCodes.listOfAccount(account.id).map(({ code, isDefault }) => ({ code, isDefault })),
      ccns: store.ccns.listOfAccount(account.id).map(({ accountId: _c, ...ccn }) => ccn),
      instances: store.instances.listOfAccount(account.id).map(({ accountId: _a, ...instance }) => ({
        ...instance,
        clientSettings: store.appClientSettings.get(account.id, instance.id),
        clientUsers: store.clientUsers
          .listOfInstance(account.id, instance.id)
          .map(({ accountId: _u, instanceId: _i, passwordHash: _p, ...user }) => ({
            ...user,
            onlineClients: store.onlineClients
              .listOfUser(account.id, instance.id, user.userName)
              .map(({ clientIp, onlineAt }) => ({ clientIp, onlineAt })),
            traffic: store.clientTraffic.listOfUser(account.id, instance.id, user.userName),
          })),
      })),
      ...Object.assign({}, ...fixtureSections.map((section) => section.dump(store, account.id))),
    })),
  };
}
