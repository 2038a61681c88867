/**
 * VBR grants and bindings in fixtures, under the account that owns the
 * instance: `vbrGrants: [{ id, smartAGId, vbrId, vbrRegionId, vbrUid }]` and
 * `vbrBindings: [{ smartAGId, vbrId, vbrRegionId, vbrUid }]`, on hardware
 * instances of the account. vbrUid is the VBR owner's uid (any account,
 * this one included).
 */
import type { AccountBasics, FixtureSection } from '../../fixtures/section';
import type { Store } from '../../storage/store';
import { SAG_APP_TYPE } from '../instances/instances-table';
import { isVbrId, isVbrRegionId } from './rules';

export interface FixtureVbrGrant {
  id: string;
  smartAGId: string;
  vbrId: string;
  vbrRegionId: string;
  vbrUid: string;
  createdAt?: number;
}

export interface FixtureVbrBinding {
  smartAGId: string;
  vbrId: string;
  vbrRegionId: string;
  vbrUid: string;
  createdAt?: number;
}

export interface AccountWithVbrs extends AccountBasics {
  vbrGrants?: FixtureVbrGrant[];
  vbrBindings?: FixtureVbrBinding[];
}

export const vbrFixtures: FixtureSection<AccountWithVbrs> = {
  check(account, at, fail) {
    const devices = new Map((account.instances ?? []).filter((instance) => instance.instanceType !== SAG_APP_TYPE).map((instance) => [instance.id, instance]));
    const checkVbrOf = (entry: FixtureVbrBinding, eat: string) => {
      if (!devices.has(entry.smartAGId)) fail(`${eat}/smartAGId`, `${entry.smartAGId} is not a hardware instance of this account`);
      if (!isVbrId(entry.vbrId)) fail(`${eat}/vbrId`, `"${entry.vbrId}" is not a VBR id (vbr- then lower-case letters and digits)`);
      if (!isVbrRegionId(entry.vbrRegionId)) fail(`${eat}/vbrRegionId`, `"${entry.vbrRegionId}" is not a region id`);
    };
    const grantIds = new Set<string>();
    (account.vbrGrants ?? []).forEach((grant, g) => {
      const gat = `${at}/vbrGrants/${g}`;
      if (grantIds.has(grant.id)) fail(`${gat}/id`, `VBR grant ${grant.id} is defined twice in this account`);
      grantIds.add(grant.id);
      checkVbrOf(grant, gat);
    });
    const boundInstances = new Set<string>();
    const boundVbrs = new Set<string>();
    (account.vbrBindings ?? []).forEach((binding, b) => {
      const bat = `${at}/vbrBindings/${b}`;
      checkVbrOf(binding, bat);
      if (boundInstances.has(binding.smartAGId)) fail(`${bat}/smartAGId`, `${binding.smartAGId} is bound to another VBR (one per instance)`);
      boundInstances.add(binding.smartAGId);
      const vbrKey = `${binding.vbrUid}/${binding.vbrId}`;
      if (boundVbrs.has(vbrKey)) fail(`${bat}/vbrId`, `${binding.vbrId} is bound to another instance (one per VBR)`);
      boundVbrs.add(vbrKey);
    });
  },
  insert(store, account, now) {
    const regionOf = new Map((account.instances ?? []).map((instance) => [instance.id, instance.regionId]));
    for (const grant of account.vbrGrants ?? []) {
      store.vbrGrants.insert({
        accountId: account.id, id: grant.id, regionId: regionOf.get(grant.smartAGId)!, instanceId: grant.smartAGId,
        vbrId: grant.vbrId, vbrRegionId: grant.vbrRegionId, vbrUid: grant.vbrUid, createdAt: grant.createdAt ?? now,
      });
    }
    for (const binding of account.vbrBindings ?? []) {
      store.vbrBindings.insert({
        accountId: account.id, instanceId: binding.smartAGId, regionId: regionOf.get(binding.smartAGId)!,
        vbrId: binding.vbrId, vbrRegionId: binding.vbrRegionId, vbrUid: binding.vbrUid, createdAt: binding.createdAt ?? now,
      });
    }
  },
  dump(store: Store, accountId: string) {
    const grants = store.vbrGrants.list({ accountId });
    const bindings = store.vbrBindings.list({ accountId });
    const section: Partial<AccountWithVbrs> = {};
    if (grants.length > 0) {
      section.vbrGrants = grants.map((grant) => ({
        id: grant.id, smartAGId: grant.instanceId, vbrId: grant.vbrId, vbrRegionId: grant.vbrRegionId, vbrUid: grant.vbrUid, createdAt: grant.createdAt,
      }));
    }
    if (bindings.length > 0) {
      section.vbrBindings = bindings.map((binding) => ({
        smartAGId: binding.instanceId, vbrId: binding.vbrId, vbrRegionId: binding.vbrRegionId, vbrUid: binding.vbrUid, createdAt: binding.createdAt,
      }));
    }
    return section;
  },
};
