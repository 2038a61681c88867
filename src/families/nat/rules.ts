/**
 * What the SNAT and DNAT operations accept (the parameter descriptions of
 * AddSnatEntry and AddDnatEntry), as predicates the fixture loader shares.
 * The quotas are the emulator's (the documents name the errors, not the
 * numbers): README, "How the emulator decides".
 */
import { parseCidr, parseIpv4 } from '../../model/cidr';

export const SNAT_ENTRIES_PER_INSTANCE = 20;
export const DNAT_ENTRIES_PER_INSTANCE = 50;

export const DNAT_TYPES = ['Intranet', 'Internet'];
export const DEFAULT_DNAT_TYPE = 'Intranet';
/** Documented as TCP, UDP and Any; answered in lower case, as DescribeDnatEntries' example shows. */
const DNAT_PROTOCOLS = ['tcp', 'udp', 'any'];
export const ANY_PORT = 'any';
const PORT = /^[0-9]{1,5}$/;

/** A CIDR block whose address is the network address. */
export function isSnatCidr(text: string): boolean {
  return parseCidr(text) !== undefined;
}

export function isIpv4(text: string): boolean {
  return parseIpv4(text) !== undefined;
}

/** The stored (lower-case) protocol, or undefined. */
export function dnatProtocolOf(text: string): string | undefined {
  const protocol = text.toLowerCase();
  return DNAT_PROTOCOLS.includes(protocol) ? protocol : undefined;
}

/** A port 1-65535, or `any` (stored lower case), or undefined. */
export function dnatPortOf(text: string): string | undefined {
  if (text.toLowerCase() === ANY_PORT) return ANY_PORT;
  if (!PORT.test(text)) return undefined;
  const port = Number(text);
  return port >= 1 && port <= 65535 ? String(port) : undefined;
}

/** `any` forwards every port: both sides say so, or neither does; protocol `any` has no ports. */
export function portsFitDnat(protocol: string, externalPort: string, internalPort: string): boolean {
  if ((externalPort === ANY_PORT) !== (internalPort === ANY_PORT)) return false;
  return protocol !== 'any' || externalPort === ANY_PORT;
}
