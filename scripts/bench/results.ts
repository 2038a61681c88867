/** What a measured scenario yields, and the arithmetic on it: medians, the merged baseline, paced ratios. */
import type { Scenario, HeadToHeadPair } from './scenarios';

export interface Point {
  connections: number;
  reqPerSec: number;
  p50: number;
  p99: number;
  cpuUsPerRequest: number;
  systemUsPerRequest: number;
  requests: number;
}

export interface ScenarioResult {
  scenario: Scenario;
  skipped?: string;
  points: Point[];
  peakRssKb: number;
  idleRssKb: number;
  logBytesPerRequest: number;
  /** Client accounts the scenario created (RoamClientUser successes), warm-up included. */
  accountsWritten: number;
  /** The baseline's CPU per request at 50 connections just before and just after this scenario's own window. */
  pacer?: { before: number; after: number };
}

export interface HeadToHeadResult {
  pair: HeadToHeadPair;
  /** CPU µs per request of base's windows (one more than other's) and of other's, in order. */
  baseCpu: number[];
  otherCpu: number[];
  /** Each window of other against the faster of the base windows around it. */
  ratios: number[];
}

export interface StartupResult {
  name: string;
  medianMs: number;
  runs: number[];
}

export interface RestoreResult {
  what: string;
  medianMs: number;
  maxMs: number;
  runs: number;
  note: string;
}

/**
 * The faster of a scenario's two pacer windows, or undefined without them. Interference on this
 * machine only ever adds CPU time to a window (one pacer window once read 42.6 µs with 22.6
 * after it), so the faster one is the better reading of the machine, and a slow pacer window
 * can never flatter a scenario.
 */
export function pacedBaseline(result: ScenarioResult | undefined): number | undefined {
  return result?.pacer && Math.min(result.pacer.before, result.pacer.after);
}

/** The server arguments of a scenario; `name` names its database file, if it has one. */
export function pointOf(result: ScenarioResult | undefined, connections: number): Point | undefined {
  return result?.points.find((p) => p.connections === connections);
}

/** Mean of the baseline's two runs, point by point. */
export function mergeBaselines(a: ScenarioResult, b: ScenarioResult): ScenarioResult {
  const mean = (x: number, y: number) => (x + y) / 2;
  return {
    ...a,
    points: a.points.map((p, i) => {
      const q = b.points[i];
      return {
        connections: p.connections,
        reqPerSec: mean(p.reqPerSec, q.reqPerSec),
        p50: mean(p.p50, q.p50),
        p99: mean(p.p99, q.p99),
        cpuUsPerRequest: mean(p.cpuUsPerRequest, q.cpuUsPerRequest),
        systemUsPerRequest: mean(p.systemUsPerRequest, q.systemUsPerRequest),
        requests: p.requests + q.requests,
      };
    }),
    peakRssKb: Math.max(a.peakRssKb, b.peakRssKb),
  };
}

