/**
 * QoS policies in fixtures: `qoses: [{ id, regionId, name, description,
 * smartAGIds, policies, cars }]` under an account. Quotas bind the API, not
 * fixtures.
 */
import type { AccountBasics, Fail, FixtureSection } from '../../fixtures/section';
import type { Store } from '../../storage/store';
import { SAG_APP_TYPE } from '../instances/instances-table';
import { isPortRange, isRuleCidr, portsFitProtocol, protocolOf } from '../acls/rules';
import type { QosCar, QosPolicy } from './qos-table';
import { QOSES_PER_INSTANCE, timeOf } from './rules';

type Fixture<Row> = Omit<Row, 'accountId' | 'qosId' | 'createdAt'> & { createdAt?: number };
export type FixtureQosPolicy = Omit<Fixture<QosPolicy>, 'dpiSignatureIds' | 'dpiGroupIds'> & { dpiSignatureIds: string[]; dpiGroupIds: string[] };
export type FixtureQosCar = Fixture<QosCar>;

export interface FixtureQos {
  id: string;
  regionId: string;
  name: string;
  description: string;
  /** SAG devices of the account in the QoS's region that apply it (one QoS per instance). */
  smartAGIds: string[];
  policies: FixtureQosPolicy[];
  cars: FixtureQosCar[];
  createdAt?: number;
}

export interface AccountWithQoses extends AccountBasics {
  qoses?: FixtureQos[];
}

const ids = (list: string[]) => list.join(',');
const list = (text: string) => (text === '' ? [] : text.split(','));

export const qosFixtures: FixtureSection<AccountWithQoses> = {
  check(account, at, fail) {
    const instances = new Map((account.instances ?? []).map((instance) => [instance.id, instance]));
    const seen = new Set<string>();
    const qosesOfInstance = new Map<string, number>();
    (account.qoses ?? []).forEach((qos, q) => {
      const qat = `${at}/qoses/${q}`;
      if (seen.has(qos.id)) fail(`${qat}/id`, `QoS ${qos.id} is defined twice in this account`);
      seen.add(qos.id);
      qos.smartAGIds.forEach((sagId, s) => {
        const instance = instances.get(sagId);
        if (!instance || instance.regionId !== qos.regionId) return fail(`${qat}/smartAGIds/${s}`, `${sagId} is not an instance of this account in ${qos.regionId}`);
        if (instance.instanceType === SAG_APP_TYPE) fail(`${qat}/smartAGIds/${s}`, `${sagId} is a SAG APP instance, which takes no QoS`);
        const count = (qosesOfInstance.get(sagId) ?? 0) + 1;
        if (count > QOSES_PER_INSTANCE) fail(`${qat}/smartAGIds/${s}`, `${sagId} already applies another QoS (an instance takes ${QOSES_PER_INSTANCE})`);
        qosesOfInstance.set(sagId, count);
      });
      qos.policies.forEach((policy, p) => checkPolicy(policy, `${qat}/policies/${p}`, seen, fail));
      qos.cars.forEach((car, c) => {
        const cat = `${qat}/cars/${c}`;
        if (seen.has(car.id)) fail(`${cat}/id`, `${car.id} is defined twice in this account`);
        seen.add(car.id);
        const [min, max] = car.limitType === 'Absolute' ? [car.minBandwidthAbs, car.maxBandwidthAbs] : [car.minBandwidthPercent, car.maxBandwidthPercent];
        if (max < min) fail(`${cat}`, 'the maximum bandwidth is below the minimum');
        if (car.limitType === 'Percent' && car.percentSourceType === '') fail(`${cat}/percentSourceType`, 'a Percent limit needs CcnBandwidth or InternetUpBandwidth');
      });
    });
  },
  insert(store, account, now) {
    for (const qos of account.qoses ?? []) {
      const createdAt = qos.createdAt ?? now;
      store.qoses.insert({ accountId: account.id, id: qos.id, regionId: qos.regionId, name: qos.name, description: qos.description, createdAt });
      for (const policy of qos.policies) {
        store.qosPolicies.insert({
          ...policy,
          accountId: account.id,
          qosId: qos.id,
          ipProtocol: protocolOf(policy.ipProtocol)!,
          dpiSignatureIds: ids(policy.dpiSignatureIds),
          dpiGroupIds: ids(policy.dpiGroupIds),
          createdAt: policy.createdAt ?? now,
        });
      }
      for (const car of qos.cars) store.qosCars.insert({ ...car, accountId: account.id, qosId: qos.id, createdAt: car.createdAt ?? now });
      for (const sagId of qos.smartAGIds) store.associations.add(account.id, 'qos', qos.id, sagId, createdAt);
    }
  },
  dump(store: Store, accountId: string) {
    const qoses = store.qoses.list({ accountId });
    if (qoses.length === 0) return {};
    return {
      qoses: qoses.map((qos) => ({
        id: qos.id,
        regionId: qos.regionId,
        name: qos.name,
        description: qos.description,
        smartAGIds: store.associations.instancesOf(accountId, 'qos', qos.id),
        policies: store.qosPolicies.list({ accountId, qosId: qos.id }).map(({ accountId: _a, qosId: _q, dpiSignatureIds, dpiGroupIds, ...policy }) => ({
          ...policy, dpiSignatureIds: list(dpiSignatureIds), dpiGroupIds: list(dpiGroupIds),
        })),
        cars: store.qosCars.list({ accountId, qosId: qos.id }).map(({ accountId: _a, qosId: _q, ...car }) => car),
        createdAt: qos.createdAt,
      })),
    };
  },
};

function checkPolicy(policy: FixtureQosPolicy, at: string, seen: Set<string>, fail: Fail): void {
  if (seen.has(policy.id)) fail(`${at}/id`, `${policy.id} is defined twice in this account`);
  seen.add(policy.id);
  const protocol = protocolOf(policy.ipProtocol);
  if (!protocol) return fail(`${at}/ipProtocol`, `"${policy.ipProtocol}" is not a supported protocol`);
  for (const field of ['sourceCidr', 'destCidr'] as const) {
    if (!isRuleCidr(policy[field])) fail(`${at}/${field}`, `"${policy[field]}" is not a CIDR block (address must be the network address)`);
  }
  for (const field of ['sourcePortRange', 'destPortRange'] as const) {
    if (!isPortRange(policy[field])) fail(`${at}/${field}`, `"${policy[field]}" is not a port range (from/to, 1-65535, or -1/-1)`);
  }
  if (!portsFitProtocol(protocol, policy.sourcePortRange, policy.destPortRange)) fail(`${at}/ipProtocol`, `${protocol} takes only the port range -1/-1`);
  for (const field of ['startTime', 'endTime'] as const) {
    if (policy[field] !== '' && timeOf(policy[field]) === undefined) fail(`${at}/${field}`, 'is YYYY-MM-DDThh:mm:ss+0800');
  }
}
