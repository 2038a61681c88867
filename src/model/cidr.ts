/** IPv4 addresses and CIDR blocks, as 32-bit unsigned numbers. */

export interface CidrBlock {
  network: number;
  prefix: number;
  /** First and last address of the block. */
  first: number;
  last: number;
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

export function parseIpv4(text: string): number | undefined {
  if (!IPV4.test(text)) return undefined;
  return text.split('.').reduce((acc, octet) => acc * 256 + Number(octet), 0);
}

/**
 * Instances' blocks are parsed again by every roam and account check: each text is parsed once
 * (bounded memo; blocks are frozen, as they are shared).
 */
const parsedBlocks = new Map<string, CidrBlock | undefined>();
const MAX_PARSED_BLOCKS = 4096;

/** `10.0.0.0/24`; the address must be the block's network address. */
export function parseCidr(text: string): CidrBlock | undefined {
  const known = parsedBlocks.get(text);
  if (known !== undefined || parsedBlocks.has(text)) return known;
  const block = parseCidrText(text);
  if (parsedBlocks.size >= MAX_PARSED_BLOCKS) parsedBlocks.clear();
  parsedBlocks.set(text, block);
  return block;
}

function parseCidrText(text: string): CidrBlock | undefined {
  const slash = text.indexOf('/');
  if (slash === -1) return undefined;
  const address = parseIpv4(text.slice(0, slash));
  const prefixText = text.slice(slash + 1);
  if (address === undefined || !/^\d{1,2}$/.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  if (prefix > 32) return undefined;
  const size = 2 ** (32 - prefix);
  if (address % size !== 0) return undefined;
  return Object.freeze({ network: address, prefix, first: address, last: address + size - 1 });
}

export function blocksOverlap(a: CidrBlock, b: CidrBlock): boolean {
  return a.first <= b.last && b.first <= a.last;
}

export function anyOverlap(left: readonly string[], right: readonly string[]): boolean {
  const rightBlocks = right.map(parseCidr).filter((b): b is CidrBlock => b !== undefined);
  return left.some((text) => {
    const block = parseCidr(text);
    return block !== undefined && rightBlocks.some((other) => blocksOverlap(block, other));
  });
}

/**
 * Whether `ip` can be handed to a client from one of `blocks`: inside a
 * block, and not its network or broadcast address (a /31 or /32 has neither).
 */
export function isAssignableIn(ip: string, blocks: readonly string[]): boolean {
  const address = parseIpv4(ip);
  if (address === undefined) return false;
  return blocks.some((text) => {
    const block = parseCidr(text);
    if (block === undefined || address < block.first || address > block.last) return false;
    return block.prefix >= 31 || (address !== block.first && address !== block.last);
  });
}

/** Whether every block of `inner` lies inside one block of `outer`. */
export function allWithin(inner: readonly string[], outer: readonly string[]): boolean {
  const outerBlocks = outer.map(parseCidr).filter((b): b is CidrBlock => b !== undefined);
  return inner.every((text) => {
    const block = parseCidr(text);
    return block !== undefined && outerBlocks.some((o) => o.first <= block.first && block.last <= o.last);
  });
}

/** The private ranges of RFC 1918: client and CCN blocks must lie in one. */
const PRIVATE_RANGES = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'];

const CIDR_TEXT = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}\/(3[0-2]|[12]?\d)$/;

export type CidrListProblem = 'format' | 'tooMany' | 'invalid' | 'overlap';

/**
 * Why a list of CIDR blocks (`CidrBlock` in the API) is not acceptable,
 * checked in this order: an item is not `a.b.c.d/n` text (`format`), there
 * are more than `maxBlocks` (`tooMany`), a block is not a network address or
 * not private (`invalid`), two blocks overlap (`overlap`). Undefined when
 * the list is fine. Each operation maps the reasons to its documented codes.
 */
export function cidrListProblem(blocks: readonly string[], maxBlocks: number): CidrListProblem | undefined {
  if (blocks.some((text) => !CIDR_TEXT.test(text))) return 'format';
  if (blocks.length > maxBlocks) return 'tooMany';
  if (!blocks.every((text) => parseCidr(text) !== undefined && allWithin([text], PRIVATE_RANGES))) return 'invalid';
  const hasOverlap = blocks.some((text, i) => anyOverlap([text], blocks.slice(i + 1)));
  return hasOverlap ? 'overlap' : undefined;
}

/** `CidrBlock` text as a list: comma separated, spaces around items ignored. */
export function splitCidrList(text: string): string[] {
  return text.split(',').map((item) => item.trim());
}
