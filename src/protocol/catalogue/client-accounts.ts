/** Client accounts of SAG APP instances and RoamClientUser; messages verbatim from the metadata. */
import type { CatalogueEntry } from './entry';

export const clientAccountErrors = {
  'SAG.InstanceNoFound': { status: 400, message: 'The specified SAG instance does not exist.' },
  'SAG.CidrEmpty': { status: 400, message: 'You must specify the CIDR blocks of SAG.' },
  'SAG.CidrOverlap': { status: 400, message: 'The specified CIDR overlaps with an existing CIDR.' },
  'ClientUser.NotSupportAction': { status: 400, message: 'You cannot create a user in the current SAG instance.' },
  'ClientUser.BandwidthInvalid': { status: 400, message: 'The specified Bandwidth is invalid.' },
  'ClientUser.InvalidClientIp': { status: 400, message: 'The specified ClientIp is invalid.' },
  'ClientUser.UserOverLimit': { status: 400, message: 'The maximum number of users is exceeded.' },
  'ClientUser.UserExist': { status: 400, message: 'The specified user already exists.' },
  'ClientUser.NameInvalid': { status: 400, message: 'The specified UserName is invalid.' },
  'ResourceNotFound.User': { status: 400, message: 'The specified user is not found.' },
  'EnterpriseCode.ConfigDifferent': { status: 400, message: 'The target smart access gateway enterprise code or idaas configuration is not the same.' },
  'SAG.InstanceIdEmpty': { status: 400, message: 'You must specify the SAG instance ID.' },
  'ClientUser.NameEmpty': { status: 400, message: 'You must specify UserName.' },
  'ClientUser.PasswordInvalid': { status: 400, message: 'The specified password format is invalid.' },
  'ClientUser.EmailEmpty': { status: 400, message: 'You must specify UserEmail.' },
  'ClientUser.EmailInvalid': { status: 400, message: 'The format of the specified UserEmail is invalid.' },
  'ClientUser.IpEmpty': { status: 400, message: 'You must specify ClientIp.' },
  'ClientUser.IpInvalid': { status: 400, message: 'The specified ClientIp is invalid.' },
  'ClientUser.UserInUsing': { status: 400, message: 'The specified SAG user account is already in use this month. You cannot delete it.' },
  'OperationDenied.BandwidthExceeded': { status: 400, message: 'The total bandwidth exceeds the limit. The operation is denied.' },
  // UpdateSmartAGUserAccelerateConfig documents the template ("resource of %s"); this is the text filled in, as the other operations document it.
  'ResourceNotFound.SmartAccessGateway': { status: 404, message: 'The specified resource of SmartAccessGateway is not found.' },
  // The leading space is in the metadata (DescribeSagOnlineClientStatistics).
  'InvalidId.SMARTAG (ID does not exist)': { code: 'InvalidId.SMARTAG', status: 400, message: ' The specified smart access gateway instance ID does not exist.' },
  'InvalidParam.Ip': { status: 400, message: 'The specified IP address is invalid.' },
} satisfies Record<string, CatalogueEntry>;
