/**
 * Keeps web pages out of the control plane. Without an admin token it is
 * open on loopback, and the developer's browser is on loopback too: a page
 * of any site could POST a form or text/plain to /_emulator/seed (browsers
 * send such "simple" requests across sites without asking), or rebind its
 * own DNS name to 127.0.0.1 and read /_emulator/state as same-origin.
 *
 * - Host: without a token, a call must be addressed to a loopback name or
 *   the configured host; a rebound name is refused. With a token the token
 *   is the protection, and other names (a compose service) are fine.
 * - Origin: a browser names the page's origin on every cross-origin call;
 *   only loopback origins and the configured host pass. `Sec-Fetch-Site:
 *   cross-site` is refused too, for a browser that sends no Origin.
 * - Content type: control/input.ts refuses a body not declared JSON, which
 *   no page can send across sites without a CORS preflight (never granted).
 */
import type { EmulatorConfig } from '../config';
import { apiError } from '../protocol/errors';
import { isLoopback, type ControlAccess } from './admin';

type Headers = Record<string, string | string[] | undefined>;

export function checkBrowserSafety(access: ControlAccess, config: Pick<EmulatorConfig, 'host'>, headers: Headers): void {
  const allowed = (hostname: string) => isLoopback(hostname) || sameHost(hostname, config.host);
  if (access === 'open') {
    const host = first(headers.host);
    if (host === undefined || !allowed(hostnameOf(host))) {
      throw apiError('Emulator.HostNotAllowed', { description: host === undefined ? 'No Host header was sent.' : `Host "${host}".` });
    }
  }
  const origin = first(headers.origin);
  if (origin !== undefined && !allowed(originHostname(origin))) {
    throw apiError('Emulator.OriginNotAllowed', { description: `Origin "${origin}".` });
  }
  if (first(headers['sec-fetch-site'])?.toLowerCase() === 'cross-site') {
    throw apiError('Emulator.OriginNotAllowed', { description: 'Sec-Fetch-Site "cross-site".' });
  }
}

/** `localhost:8080` -> localhost, `[::1]:8080` -> ::1, `127.0.0.1` -> 127.0.0.1. */
function hostnameOf(host: string): string {
  const bracketed = /^\[([^\]]*)\](?::\d*)?$/.exec(host);
  if (bracketed) return bracketed[1];
  return host.replace(/:\d*$/, '');
}

/** The hostname of an origin; "null" and anything unparseable match nothing. */
function originHostname(origin: string): string {
  try {
    return new URL(origin).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return '';
  }
}

function sameHost(hostname: string, configured: string): boolean {
  return hostname !== '' && hostname.toLowerCase() === configured.replace(/^\[|\]$/g, '').toLowerCase();
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
