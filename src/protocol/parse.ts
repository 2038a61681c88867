/**
 * Parsing of query strings and form bodies, done by hand because the
 * signatures are computed over exactly what the client sent: split on `&`,
 * then on the first `=`, `+` is a space, then percent-decode (protocol.md §1).
 */
import { apiError } from './errors';
import type { Params } from './api-request';

export interface ParseLimits {
  maxParameters: number;
  maxParameterLength: number;
}

/** Decodes one component; malformed escapes or invalid UTF-8 are a clear 400. */
export function decodeComponent(raw: string): string {
  const spaced = raw.includes('+') ? raw.replace(/\+/g, ' ') : raw;
  if (!spaced.includes('%')) return spaced;
  try {
    return decodeURIComponent(spaced);
  } catch {
    throw apiError('InvalidParameter.Encoding', { description: `Cannot decode "${truncate(raw, 64)}".` });
  }
}

/**
 * Parses `a=1&b=2` into `target`. A key given twice keeps its last value,
 * as the real gateway does.
 */
export function parseUrlEncoded(text: string, limits: ParseLimits, target: Params = emptyParams()): Params {
  if (text === '') return target;
  let count = Object.keys(target).length;
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const key = decodeComponent(eq === -1 ? pair : pair.slice(0, eq));
    const value = eq === -1 ? '' : decodeComponent(pair.slice(eq + 1));
    if (key === '') continue;
    if (value.length > limits.maxParameterLength || key.length > limits.maxParameterLength) {
      throw apiError('InvalidParameter.TooLong', {
        description: `Parameter "${truncate(key, 64)}" is longer than ${limits.maxParameterLength} characters.`,
      });
    }
    if (!(key in target) && ++count > limits.maxParameters) {
      throw apiError('InvalidParameter.TooMany', {
        description: `At most ${limits.maxParameters} parameters are accepted.`,
      });
    }
    target[key] = value;
  }
  return target;
}

/** A params object without a prototype, so keys like `__proto__` stay plain data. */
export function emptyParams(): Params {
  return Object.create(null) as Params;
}

/** The query part of a raw URL ('' when none). */
export function splitUrl(url: string): { path: string; query: string } {
  const q = url.indexOf('?');
  return q === -1 ? { path: url, query: '' } : { path: url.slice(0, q), query: url.slice(q + 1) };
}

function truncate(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max)}...` : s;
}
