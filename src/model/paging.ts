/** Paging of list answers: PageNumber/PageSize pages, and NextToken/MaxResults batches. */
import { invalidParameter } from '../protocol/errors';

export interface Page<T> {
  items: T[];
  totalCount: number;
  pageNumber: number;
  pageSize: number;
}

/** The documented PageSize range of the Describe operations that page. */
const MAX_PAGE_SIZE = 50;

/**
 * One page of `items`. A page past the end is empty (TotalCount still
 * tells the whole); PageNumber below 1 and PageSize outside 1-50 are
 * refused, as the gateway refuses any out-of-range value.
 */
export function pageOf<T>(items: readonly T[], pageNumber = 1, pageSize = 10): Page<T> {
  const { offset, ...page } = pageWindow(pageNumber, pageSize);
  return { items: items.slice(offset, offset + pageSize), totalCount: items.length, ...page };
}

/** Where a page starts, for a repository that pages in SQL (`LIMIT pageSize OFFSET offset`); same checks as `pageOf`. */
export function pageWindow(pageNumber = 1, pageSize = 10): { pageNumber: number; pageSize: number; offset: number } {
  if (pageNumber < 1) throw invalidParameter('PageNumber', 'must be at least 1');
  if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) throw invalidParameter('PageSize', `must be from 1 to ${MAX_PAGE_SIZE}`);
  return { pageNumber, pageSize, offset: (pageNumber - 1) * pageSize };
}

export interface Batch<T> {
  items: T[];
  /** Empty when this batch is the last. */
  nextToken: string;
}

/**
 * One batch of `items` (sorted by `keyOf`, which is unique) after the one a
 * NextToken ended with. The token is the last key, hex-encoded: opaque to
 * clients, and stable when items are added or removed between calls.
 */
export function batchAfter<T>(items: readonly T[], keyOf: (item: T) => string, nextToken: string | undefined, maxResults: number): Batch<T> {
  const after = nextToken === undefined ? undefined : decodeToken(nextToken);
  const rest = after === undefined ? items : items.filter((item) => keyOf(item) > after);
  const batch = rest.slice(0, maxResults);
  const more = rest.length > maxResults;
  return { items: batch, nextToken: more ? encodeToken(keyOf(batch[batch.length - 1])) : '' };
}

function encodeToken(key: string): string {
  return Buffer.from(key, 'utf8').toString('hex');
}

function decodeToken(token: string): string {
  if (!/^([0-9a-f]{2})+$/.test(token)) throw invalidParameter('NextToken', 'is not a token this operation returned');
  return Buffer.from(token, 'hex').toString('utf8');
}
