/** Enterprise codes; messages verbatim from the metadata. */
import type { CatalogueEntry } from './entry';

export const enterpriseCodeErrors = {
  'EnterpriseCode.BeenOccupied': { status: 400, message: 'The specified enterprise code is occupied by other enterprises.' },
  'EnterpriseCode.NotExist': { status: 400, message: 'The specified enterprise code does not exist.' },
  'EnterpriseCode.BeingUsed': { status: 400, message: 'The specified enterprise code is being used.' },
  'EnterpriseCode.DeleteLimit': { status: 400, message: 'The specified default enterprise code cannot be deleted.' },
  'EnterpriseCode.UserNameConflict': { status: 400, message: 'The specified username already exists.' },
} satisfies Record<string, CatalogueEntry>;
