/** Purchase rules of SAG APP instances (CreateSmartAccessGatewaySoftware, Upgrade..., Downgrade...). */
import { apiError } from '../../protocol/errors';

/** The only data plan on sale: 5 GB per client account and month. */
export const DATA_PLAN_GB = 5;

/** Client accounts are sold in packs of 5; the emulator's ceiling matches the fixture format's. */
export const USER_COUNT_STEP = 5;
export const MAX_USER_COUNT = 100_000;

export function checkUserCount(userCount: number): void {
  if (userCount < USER_COUNT_STEP || userCount > MAX_USER_COUNT || userCount % USER_COUNT_STEP !== 0) {
    throw apiError('SAG.InvalidUserCount');
  }
}

export function checkDataPlan(dataPlan: number): void {
  if (dataPlan !== DATA_PLAN_GB) throw apiError('SAG.InvalidDataPlan');
}

/**
 * The end of a subscription of `months` starting at `start` (ms): the same
 * day of the month, or the month's last day when it is shorter (UTC).
 */
export function subscriptionEnd(start: number, months: number): number {
  const end = new Date(start);
  const day = end.getUTCDate();
  end.setUTCDate(1);
  end.setUTCMonth(end.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() + 1, 0)).getUTCDate();
  end.setUTCDate(Math.min(day, lastDay));
  return end.getTime();
}
