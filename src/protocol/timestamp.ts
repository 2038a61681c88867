/**
 * The timestamp rules of a signed request (protocol.md section 9): the
 * format a client may send and how far from the server's clock it may be.
 */

import { apiError, missingParameter } from './errors';

/** Allowed clock skew and nonce memory, as on the real gateway. */
export const SIGNATURE_WINDOW_MS = 15 * 60 * 1000;

/**
 * Step 4 of the checks: `value` is the request's v1 `Timestamp` or v3
 * `x-acs-date`, `name` how its scheme names it (for Missing{Name}).
 */
export function checkTimestamp(value: string | undefined, name: string, now: number): void {
  if (!value) throw missingParameter(name);
  const time = parseUtcTimestamp(value);
  if (time === undefined) throw apiError('InvalidTimeStamp.Format');
  if (Math.abs(time - now) > SIGNATURE_WINDOW_MS) throw apiError('InvalidTimeStamp.Expired');
}

const ISO_UTC = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?Z$/;

/**
 * Milliseconds of an ISO 8601 UTC time, with or without fractional seconds
 * (`2026-11-28T03:09:41Z`, `2026-11-28T03:09:41.131Z`); undefined when
 * malformed or not a real date (month 13, February 30).
 */
export function parseUtcTimestamp(value: string): number | undefined {
  return (value.length === 20 ? parsePlainUtcTimestamp(value) : undefined) ?? parseAnyUtcTimestamp(value);
}

/**
 * The shape every official client sends, `YYYY-MM-DDTHH:mm:ssZ` with a year
 * from 1970, read without a regular expression or a Date. Undefined for
 * anything else, valid or not: parseAnyUtcTimestamp has the last word.
 */
function parsePlainUtcTimestamp(value: string): number | undefined {
  if (
    value.charCodeAt(4) !== DASH || value.charCodeAt(7) !== DASH || value.charCodeAt(10) !== LETTER_T ||
    value.charCodeAt(13) !== COLON || value.charCodeAt(16) !== COLON || value.charCodeAt(19) !== LETTER_Z
  ) return undefined;
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 2);
  const day = digits(value, 8, 2);
  const hour = digits(value, 11, 2);
  const minute = digits(value, 14, 2);
  const second = digits(value, 17, 2);
  if (year < 1970 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return undefined;
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

const DASH = 0x2d;
const COLON = 0x3a;
const LETTER_T = 0x54;
const LETTER_Z = 0x5a;

/** The decimal number of `length` ASCII digits at `start`; -1 when one is not a digit. */
function digits(value: string, start: number, length: number): number {
  let result = 0;
  for (let i = start; i < start + length; i++) {
    const digit = value.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) return -1;
    result = result * 10 + digit;
  }
  return result;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Any shape parseUtcTimestamp accepts, fractional seconds included. */
function parseAnyUtcTimestamp(value: string): number | undefined {
  const match = ISO_UTC.exec(value);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  const roundTrips =
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute &&
    date.getUTCSeconds() === second;
  if (!roundTrips) return undefined;
  const fraction = match[7] ? Number(`0.${match[7]}`) * 1000 : 0;
  return date.getTime() + fraction;
}
