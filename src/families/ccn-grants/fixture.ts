/**
 * CCN grants in fixtures. Under the CCN's owner, `ccnGrants: [{ id, ccnId,
 * cenId, cenUid, grantTrafficService }]`: its CCNs granted to CEN instances.
 * Under the instance's owner, `sagGrants: [{ id, smartAGId, ccnId, ccnUid,
 * grantTrafficService }]`: its instances granted to other accounts' CCNs (one
 * grant per instance). An instance whose `ccnId` names the CCN of its grant
 * is bound to it by the grantee.
 */
import type { AccountBasics, FixtureSection } from '../../fixtures/section';
import type { Store } from '../../storage/store';
import { isCcnId, isCenId, isUid } from './rules';

export interface FixtureCcnGrant {
  id: string;
  ccnId: string;
  cenId: string;
  cenUid: string;
  grantTrafficService?: boolean;
  createdAt?: number;
}

export interface FixtureSagGrant {
  id: string;
  smartAGId: string;
  ccnId: string;
  ccnUid: string;
  grantTrafficService?: boolean;
  createdAt?: number;
}

export interface AccountWithGrants extends AccountBasics {
  ccns?: { id: string; regionId: string }[];
  ccnGrants?: FixtureCcnGrant[];
  sagGrants?: FixtureSagGrant[];
}

export const grantFixtures: FixtureSection<AccountWithGrants> = {
  check(account, at, fail) {
    const ccnIds = new Set((account.ccns ?? []).map((ccn) => ccn.id));
    const grantIds = new Set<string>();
    const cens = new Set<string>();
    (account.ccnGrants ?? []).forEach((grant, g) => {
      const gat = `${at}/ccnGrants/${g}`;
      if (grantIds.has(grant.id)) fail(`${gat}/id`, `CCN grant ${grant.id} is defined twice in this account`);
      grantIds.add(grant.id);
      if (!ccnIds.has(grant.ccnId)) fail(`${gat}/ccnId`, `${grant.ccnId} is not a CCN of this account`);
      if (!isCenId(grant.cenId)) fail(`${gat}/cenId`, `"${grant.cenId}" is not a CEN id (cen- then lower-case letters and digits)`);
      const key = `${grant.ccnId}/${grant.cenId}`;
      if (cens.has(key)) fail(`${gat}/cenId`, `${grant.ccnId} is granted to ${grant.cenId} twice`);
      cens.add(key);
    });
    const instanceIds = new Set((account.instances ?? []).map((instance) => instance.id));
    const sagGrantIds = new Set<string>();
    const granted = new Set<string>();
    (account.sagGrants ?? []).forEach((grant, g) => {
      const gat = `${at}/sagGrants/${g}`;
      if (sagGrantIds.has(grant.id)) fail(`${gat}/id`, `SAG grant ${grant.id} is defined twice in this account`);
      sagGrantIds.add(grant.id);
      if (!instanceIds.has(grant.smartAGId)) fail(`${gat}/smartAGId`, `${grant.smartAGId} is not an instance of this account`);
      if (granted.has(grant.smartAGId)) fail(`${gat}/smartAGId`, `${grant.smartAGId} is granted to another CCN (one grant per instance)`);
      granted.add(grant.smartAGId);
      if (!isCcnId(grant.ccnId)) fail(`${gat}/ccnId`, `"${grant.ccnId}" is not a CCN id (ccn- then lower-case letters and digits)`);
      if (!isUid(grant.ccnUid) || grant.ccnUid === account.id) fail(`${gat}/ccnUid`, `${grant.ccnUid} is not another account's uid`);
    });
  },
  insert(store, account, now) {
    const regionOfCcn = new Map((account.ccns ?? []).map((ccn) => [ccn.id, ccn.regionId]));
    for (const grant of account.ccnGrants ?? []) {
      store.ccnGrants.insert({
        accountId: account.id, id: grant.id, regionId: regionOfCcn.get(grant.ccnId)!, ccnId: grant.ccnId, cenId: grant.cenId, cenUid: grant.cenUid,
        grantTrafficService: grant.grantTrafficService ? 1 : 0, createdAt: grant.createdAt ?? now,
      });
    }
    const regionOfInstance = new Map((account.instances ?? []).map((instance) => [instance.id, instance.regionId]));
    for (const grant of account.sagGrants ?? []) {
      store.sagGrants.insert({
        accountId: account.id, id: grant.id, regionId: regionOfInstance.get(grant.smartAGId)!, instanceId: grant.smartAGId, ccnId: grant.ccnId,
        ccnUid: grant.ccnUid, grantTrafficService: grant.grantTrafficService ? 1 : 0, createdAt: grant.createdAt ?? now,
      });
    }
  },
  dump(store: Store, accountId: string) {
    const section: Partial<AccountWithGrants> = {};
    const ccnGrants = store.ccnGrants.list({ accountId });
    if (ccnGrants.length > 0) {
      section.ccnGrants = ccnGrants.map((grant) => ({
        id: grant.id, ccnId: grant.ccnId, cenId: grant.cenId, cenUid: grant.cenUid, grantTrafficService: grant.grantTrafficService === 1, createdAt: grant.createdAt,
      }));
    }
    const sagGrants = store.sagGrants.list({ accountId });
    if (sagGrants.length > 0) {
      section.sagGrants = sagGrants.map((grant) => ({
        id: grant.id, smartAGId: grant.instanceId, ccnId: grant.ccnId, ccnUid: grant.ccnUid, grantTrafficService: grant.grantTrafficService === 1, createdAt: grant.createdAt,
      }));
    }
    return section;
  },
};
