/**
 * Cloud connect networks in fixtures: `ccns: [{ id, regionId, name,
 * description, cidrBlocks, snatCidrBlock, interworkingStatus, isDefault }]`
 * under an account; an instance's `ccnId` binds it to one of its region,
 * or to the other account's CCN its `sagGrants` entry grants it to.
 */
import type { AccountBasics, FixtureSection } from '../../fixtures/section';
import { parseCidr } from '../../model/cidr';

export interface FixtureCcn {
  id: string;
  regionId: string;
  name?: string;
  description?: string;
  cidrBlocks: string[];
  snatCidrBlock: string | null;
  interworkingStatus: string;
  isDefault: boolean;
  createdAt?: number;
}

export interface AccountWithCcns extends AccountBasics {
  ccns?: FixtureCcn[];
  instances?: { id: string; regionId: string; instanceType: string; ccnId: string | null }[];
  sagGrants?: { smartAGId: string; ccnId: string }[];
}

export const ccnFixtures: FixtureSection<AccountWithCcns> = {
  check(account, at, fail) {
    const regionOfCcn = new Map<string, string>();
    (account.ccns ?? []).forEach((ccn, c) => {
      const cat = `${at}/ccns/${c}`;
      if (regionOfCcn.has(ccn.id)) fail(`${cat}/id`, `CCN ${ccn.id} is defined twice in this account`);
      regionOfCcn.set(ccn.id, ccn.regionId);
      ccn.cidrBlocks.forEach((block, b) => {
        if (!parseCidr(block)) fail(`${cat}/cidrBlocks/${b}`, `"${block}" is not a CIDR block (address must be the network address)`);
      });
      if (ccn.snatCidrBlock !== null && !parseCidr(ccn.snatCidrBlock)) fail(`${cat}/snatCidrBlock`, `"${ccn.snatCidrBlock}" is not a CIDR block`);
    });
    const grantedCcn = new Map((account.sagGrants ?? []).map((grant) => [grant.smartAGId, grant.ccnId]));
    (account.instances ?? []).forEach((instance, i) => {
      if (instance.ccnId !== null && regionOfCcn.get(instance.ccnId) !== instance.regionId && grantedCcn.get(instance.id) !== instance.ccnId) {
        fail(`${at}/instances/${i}/ccnId`, `${instance.ccnId} is not a CCN of this account in ${instance.regionId}, nor one its sagGrants grant it to`);
      }
    });
  },
  insert(store, account, now) {
    for (const ccn of account.ccns ?? []) {
      store.ccns.insert({
        accountId: account.id,
        id: ccn.id,
        regionId: ccn.regionId,
        name: ccn.name ?? '',
        description: ccn.description ?? '',
        cidrBlocks: ccn.cidrBlocks,
        snatCidrBlock: ccn.snatCidrBlock ?? '',
        interworkingStatus: ccn.interworkingStatus,
        isDefault: ccn.isDefault,
        createdAt: ccn.createdAt ?? now,
      });
    }
  },
  dump(store, accountId) {
    const ccns = store.ccns.listOfAccount(accountId);
    if (ccns.length === 0) return {};
    return {
      ccns: ccns.map((ccn) => ({
        id: ccn.id,
        regionId: ccn.regionId,
        name: ccn.name,
        description: ccn.description,
        cidrBlocks: ccn.cidrBlocks,
        snatCidrBlock: ccn.snatCidrBlock === '' ? null : ccn.snatCidrBlock,
        interworkingStatus: ccn.interworkingStatus,
        isDefault: ccn.isDefault,
        createdAt: ccn.createdAt,
      })),
    };
  },
};
