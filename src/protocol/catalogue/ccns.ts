/** Cloud connect networks and the binding of instances to them; messages verbatim from the metadata. */
import type { CatalogueEntry } from './entry';

export const ccnErrors = {
  'SmartAccessGatewayNotBind': { status: 403, message: 'The instance has not yet been bound.' },
  'SmartAccessGatewayAlreadyBound': { status: 403, message: 'The smart access gateway already bound.' },
  'AlreadyBound.CCN': { status: 400, message: 'The specified SAG instance is bound to another CCN instance. Unbind them first.' },
  'AlreadyBound.SMARTAG': { status: 403, message: 'This instance has been bound, please unbind smart access gateway first.' },
  'NotBoundCCN': { status: 403, message: 'The specified smart access gateway has not bound CCN; please bind CCN first.' },
  'CidrConflict': { status: 403, message: 'Cidr is conflict, Please Check your input.' },
  'InvalidId.CCN': { status: 403, message: 'Invalid cloud connect network id.' },
  'CcnAmountLimit': { status: 403, message: 'The CCNs you created has reached the limit, you can raise the limit by application.' },
  'CCN.InvalidCidr': { status: 400, message: 'The specified CCN CIDR block is invalid.' },
  'CCN.CidrAmountLimit': { status: 400, message: 'The maximum number of CCN CIDR blocks is exceeded.' },
  'CCN.CidrEmpty': { status: 400, message: 'You must specify the CCN CIDR block.' },
  'CCN.CidrInUse': { status: 400, message: 'The specified CCN CIDR block is being used.' },
  'CCN.InvalidSnatCidr': { status: 400, message: 'The SNAT CIDR block of CCN is invalid.' },
  'CCN.SnatCidrConflict': { status: 400, message: 'The specified SNAT CIDR block is invalid.' },
  'CCN.InvalidInterworkingStatus': { status: 400, message: 'The specified connection status is invalid. Specify the connection status to enable or disable.' },
  'InvalidTagKey': { status: 400, message: 'The specified tag key is invalid.' },
  'InvalidTagValue': { status: 400, message: 'The specified tag value is invalid.' },
  'Forbidden.TagKey.Duplicated': { status: 400, message: 'The specified tag key already exists.' },
} satisfies Record<string, CatalogueEntry>;
