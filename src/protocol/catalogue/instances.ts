/** SAG instances; messages verbatim from the metadata. */
import type { CatalogueEntry } from './entry';

export const instanceErrors = {
  'Param.InvalidVersionComparator': { status: 400, message: 'The specified version comparison operator is invalid.' },
  'SAG.InvalidUserCount': { status: 400, message: 'The specified UserCount is invalid.' },
  'SAG.InvalidDataPlan': { status: 400, message: 'The specified DataPlan is invalid.' },
  'SAG.InvalidCidrFormat': { status: 400, message: 'The specified CIDR format is invalid.' },
  'SAG.InvalidCidr': { status: 400, message: 'The specified CIDR block is invalid.' },
  'SAG.CidrAmountLimit': { status: 400, message: 'The maximum number of static routes for the SAG instance is exceeded.' },
  'SAG.CcnCidrNoConfig': { status: 400, message: 'You must configure the CIDR block of CCN.' },
  'SAG.InvalidCidr.NoBelongCcnCidr': { status: 400, message: 'The specified SAG CIDR block does not belong to the CCN CIDR block.' },
  'SAG.CidrUsedByRoutableAddress': { status: 400, message: 'A routable internal IP address belongs to the specified internal CIDR block. You cannot modify this CIDR block.' },
  'SAG.NotAllowConfigCidr': { status: 400, message: 'You cannot specify a static CIDR block when the dynamic routing strategy is used.' },
  'SAG.NoActive': { status: 400, message: 'The specified SAG instance has not been activated.' },
  'SAG.Arrearage': { status: 400, message: 'The specified SAG instance has overdue payments. Renew the instance first.' },
  'SAG.BusinessStateNotSupport': { status: 400, message: 'The specified SAG instance is in use and cannot be deleted.' },
} satisfies Record<string, CatalogueEntry>;
