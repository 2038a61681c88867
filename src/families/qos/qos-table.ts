/** The rows of the QoS family: QoS policies (`qoses`), their traffic classification rules and rate-limit rules. */
import type { Db } from '../../storage/database';
import type { ReadCaches } from '../../storage/read-cache';
import { defineTable } from '../shared/table';

/** A QoS policy, in one region; associated with instances through instance_associations. */
export interface Qos {
  accountId: string;
  id: string;
  regionId: string;
  name: string;
  description: string;
  createdAt: number;
}

/** A traffic classification rule (a "QoS policy" in the API's names: QosPolicyId, qospy-). */
export interface QosPolicy {
  accountId: string;
  qosId: string;
  id: string;
  name: string;
  description: string;
  priority: number;
  ipProtocol: string;
  sourceCidr: string;
  sourcePortRange: string;
  destCidr: string;
  destPortRange: string;
  /** As given, `YYYY-MM-DDThh:mm:ss+0800`, or empty. */
  startTime: string;
  endTime: string;
  /** Comma separated, as stored; the views answer lists. */
  dpiSignatureIds: string;
  dpiGroupIds: string;
  createdAt: number;
}

/** A rate-limit rule (QosCarId, qoscar-): bandwidth by value (Absolute) or by share (Percent). */
export interface QosCar {
  accountId: string;
  qosId: string;
  id: string;
  name: string;
  description: string;
  priority: number;
  limitType: string;
  minBandwidthAbs: number;
  maxBandwidthAbs: number;
  minBandwidthPercent: number;
  maxBandwidthPercent: number;
  percentSourceType: string;
  createdAt: number;
}

export function createQosTables(db: Db, caches: ReadCaches) {
  return {
    qoses: defineTable<Qos>(db, 'qoses', caches),
    qosPolicies: defineTable<QosPolicy>(db, 'qos_policies', caches),
    qosCars: defineTable<QosCar>(db, 'qos_cars', caches),
  };
}
