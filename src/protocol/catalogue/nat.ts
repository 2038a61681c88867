/** SNAT and DNAT entries of hardware instances; messages verbatim from the metadata. */
import type { CatalogueEntry } from './entry';

export const natErrors = {
  'SNAT.CidrConfigExist': { status: 400, message: 'The specified SNAT CIDR block already exists.' },
  'SNAT.AmountLimit': { status: 400, message: 'The maximum number of SNAT entries is exceeded.' },
  'SNAT.SnatDnatIpConflict': { status: 400, message: 'The SNAT destination IP address is the same as the DNAT IP address.' },
  'SNAT.InvalidCidr': { status: 400, message: 'The specified SNAT CIDR block is invalid.' },
  'SNAT.InvalidIp': { status: 400, message: 'The specified SNAT destination IP is invalid.' },
  'MissingParam': { status: 400, message: 'You must specify the parameter.' },
  'IllegalParam': { status: 400, message: 'The parameter is invalid.' },
  'DuplicatedDnatEntry': { status: 400, message: 'The specified ExternalIp, IpProtocol, ExternalPort, InternalIp, and InternalPort are duplicated.' },
  'QuotaExceeded.DnatPerSag': { status: 400, message: 'The maximum number of dnat rules in an SAG is exceeded. You can open a ticket to increase the quota.' },
  'InstanceNotExit': { status: 400, message: 'The specified instance does not exist.' },
} satisfies Record<string, CatalogueEntry>;
