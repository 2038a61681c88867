/**
 * Enterprise codes in fixtures: `enterpriseCodes: [{ code, isDefault }]`
 * under an account. Codes are unique across all accounts, an account has at
 * most one default, and an instance uses only a code its account declares.
 */
import type { AccountBasics, FixtureSection } from '../../fixtures/section';

export interface FixtureEnterpriseCode {
  code: string;
  isDefault: boolean;
  /** The ClientToken of the call that created it: a retry with it is idempotent. */
  clientToken?: string;
  createdAt?: number;
}

export interface AccountWithEnterpriseCodes extends AccountBasics {
  enterpriseCodes?: FixtureEnterpriseCode[];
  instances?: { id: string; regionId: string; instanceType: string; enterpriseCode: string | null }[];
}

export const enterpriseCodeFixtures: FixtureSection<AccountWithEnterpriseCodes> = {
  check(account, at, fail, load) {
    const codes = account.enterpriseCodes ?? [];
    const taken = load.taken('enterpriseCode');
    codes.forEach(({ code }, c) => {
      if (taken.has(code)) fail(`${at}/enterpriseCodes/${c}/code`, `enterprise code ${code} is defined twice (codes are unique across accounts)`);
      taken.add(code);
    });
    if (codes.filter((code) => code.isDefault).length > 1) fail(`${at}/enterpriseCodes`, 'more than one code is the default');
    const declared = new Set(codes.map(({ code }) => code));
    (account.instances ?? []).forEach((instance, i) => {
      if (instance.enterpriseCode !== null && !declared.has(instance.enterpriseCode)) {
        fail(`${at}/instances/${i}/enterpriseCode`, `${instance.enterpriseCode} is not one of this account's enterpriseCodes`);
      }
    });
  },
  insert(store, account, now) {
    for (const { code, isDefault, clientToken, createdAt } of account.enterpriseCodes ?? []) {
      store.enterpriseCodes.insert({ accountId: account.id, code, isDefault, clientToken: clientToken ?? null, createdAt: createdAt ?? now });
    }
  },
  dump(store, accountId) {
    const codes = store.enterpriseCodes.listOfAccount(accountId);
    if (codes.length === 0) return {};
    return {
      enterpriseCodes: codes.map(({ code, isDefault, clientToken, createdAt }) => (
        clientToken === null ? { code, isDefault, createdAt } : { code, isDefault, clientToken, createdAt })),
    };
  },
};
