/** Monthly traffic of client accounts and their free data plan. */

/** A data plan's GB are binary: 5 GB is 5 x 2^30 bytes. */
export const BYTES_PER_GB = 1024 ** 3;

const MONTH = /^\d{4}(0[1-9]|1[0-2])$/;

/** `YYYYMM`, as StatisticsDate and the traffic figures name a month. */
export function isMonth(text: string): boolean {
  return MONTH.test(text);
}

/** The calendar month (UTC) of a time in ms. */
export function monthOf(time: number): string {
  const date = new Date(time);
  return `${date.getUTCFullYear()}${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** What is left of an account's free monthly `dataPlanGb` after `usedBytes`. */
export function freeBytesLeft(dataPlanGb: number, usedBytes: number): number {
  return Math.max(0, dataPlanGb * BYTES_PER_GB - usedBytes);
}
