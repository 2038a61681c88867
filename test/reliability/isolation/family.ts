/**
 * What a resource family adds to the isolation test (../isolation.test.ts):
 * its resource-naming parameters, A's resources (in A's fixture), B's
 * resources (made through B's own signed calls) and the cases of its
 * operations. One file per family beside this one, listed in index.ts.
 */
import type { Test } from 'tap';

export type Params = Record<string, string>;
export type Body = Record<string, any>;

export const HZ = 'cn-hangzhou';
export const SH = 'cn-shanghai';
/** A's and B's instances, as the main test's fixtures hold them (all SAG APP instances). */
export const A1 = { RegionId: HZ, SmartAGId: 'sag-isoa0001' };
export const A2 = { RegionId: SH, SmartAGId: 'sag-isoa0002' };
export const B1 = { RegionId: HZ, SmartAGId: 'sag-isob0001' };
export const B2 = { RegionId: SH, SmartAGId: 'sag-isob0002' };

export interface IsolationCase {
  action: string;
  label: string;
  params: Params;
  /** 'OK' or the error code A must get. */
  expect: string;
  /** Answers differently from an absent id, as documented (enterprise codes are unique across accounts). */
  documentedDivergence?: string;
  check?: (t: Test, body: Body) => unknown;
}

export interface BResources {
  /** Each of B's values, and a value of the same kind that nobody holds. */
  absent: [string, string][];
  /** More of B's values that no answer to A may hold. */
  leakTokens: string[];
  /** B's ids, by name, for the cases. */
  ids: Record<string, string>;
}

export interface IsolationFamily {
  idParameters: string[];
  /** Keys merged into A's fixture account (arrays such as `instances` are appended to). */
  aFixture: Record<string, unknown>;
  /** Instances added to B's fixture account (hardware devices, which B's API cannot create). */
  bInstances?: Record<string, unknown>[];
  setUpB(asB: (action: string, params: Params) => Promise<Body>): Promise<BResources>;
  cases(b: Record<string, string>): IsolationCase[];
}

export function isolationCase(action: string, label: string, params: Params, expect: string, extra: Partial<IsolationCase> = {}): IsolationCase {
  return { action, label, params, expect, ...extra };
}
