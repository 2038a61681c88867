/**
 * Who may use the control plane. It can wipe and rewrite all state, so:
 * - an admin token configured: every control call must present it;
 * - no token, listening on loopback only: open (a developer's machine);
 * - no token, listening beyond loopback: refused, since anyone on the
 *   network could otherwise reset it.
 * /_emulator/health is never guarded (container health checks). The
 * listening address is config.host: buildApp is given the address that
 * the CLI and startEmulator then listen on.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { EmulatorConfig } from '../config';
import { apiError } from '../protocol/errors';

export type ControlAccess = 'open' | 'token' | 'disabled';

export function controlAccess(config: Pick<EmulatorConfig, 'host' | 'adminToken'>): ControlAccess {
  if (config.adminToken) return 'token';
  return isLoopback(config.host) ? 'open' : 'disabled';
}

export function isLoopback(host: string): boolean {
  const address = host.replace(/^\[|\]$/g, '').toLowerCase();
  return address === 'localhost'
    || address === '::1'
    || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(address)
    || /^::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(address);
}

type Headers = Record<string, string | string[] | undefined>;

/** Throws Emulator.ControlPlaneDisabled or Emulator.Unauthorized unless the call may proceed. */
export function checkAdmin(access: ControlAccess, adminToken: string | null, headers: Headers): void {
  if (access === 'open') return;
  if (access === 'disabled') throw apiError('Emulator.ControlPlaneDisabled');
  const presented = presentedToken(headers);
  if (presented === undefined) {
    throw apiError('Emulator.Unauthorized', { description: 'No token was sent.', headers: { 'www-authenticate': 'Bearer' } });
  }
  if (!sameSecret(presented, adminToken ?? '')) {
    throw apiError('Emulator.Unauthorized', { description: 'The token does not match.', headers: { 'www-authenticate': 'Bearer' } });
  }
}

function presentedToken(headers: Headers): string | undefined {
  const direct = first(headers['x-emulator-token']);
  if (direct) return direct;
  const bearer = /^Bearer\s+(.+)$/i.exec(first(headers.authorization) ?? '');
  return bearer ? bearer[1].trim() : undefined;
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Constant-time whatever the lengths: both sides are hashed first. */
function sameSecret(presented: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(presented), digest(expected));
}
