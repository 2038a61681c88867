/** The one shape of every lookup: the row a call names, or the operation's not-found error. */
import { apiError, type CatalogueCode } from '../../protocol/errors';

export function found<T>(row: T | undefined, notFound: CatalogueCode): T {
  if (row === undefined) throw apiError(notFound);
  return row;
}
