/** Access control lists and their rules; messages verbatim from the metadata. */
import type { CatalogueEntry } from './entry';

export const aclErrors = {
  'InvalidId.ACL': { status: 403, message: 'The specified ACL ID is invalid.' },
  'InvalidId.ACR': { status: 403, message: 'The specified ACL rule ID is invalid.' },
  'AclAmountLimit': { status: 403, message: 'No more ACL can be created. You can open a ticket to increase the quota of ACLs.' },
  'AcrPerAclAmountLimit': { status: 403, message: 'The maximum number of rules in an ACL is exceeded. You can open a ticket to increase the quota.' },
  'NotSupportedProtocol': { status: 403, message: 'The specified protocol of the ACL rule is not supported.' },
  'InvalidPortRange': { status: 403, message: 'The specified port range is invalid.' },
  'ACL.NoSupportWanType': { status: 400, message: 'An SAG 1000 device does not support a WAN ACL.' },
  'ACL.InvalidType': { status: 400, message: 'The specified ACL type is invalid.' },
  'SAG.SoftwareNotSupport': { status: 400, message: 'The specified SAG software edition instance does not support ACL.' },
  'SmartAGAlreadyAssociateAcl': { status: 403, message: 'The specified smart access gateway has already been associated with the specified ACL.' },
  'AclPerSmartagAmountLimit': { status: 403, message: 'No more ACL can be associated with this smart access gateway.' },
  'SmartAGNotAssociateAcl': { status: 403, message: 'The specified smart access gateway is not associated with the specified ACL.' },
} satisfies Record<string, CatalogueEntry>;
