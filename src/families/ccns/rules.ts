/** What CreateCloudConnectNetwork and ModifyCloudConnectNetwork accept, and how a CCN reads. */
import { apiError, type CatalogueCode } from '../../protocol/errors';
import { anyOverlap, cidrListProblem, splitCidrList, type CidrListProblem } from '../../model/cidr';
import { defaultResourceGroupId } from '../../model/ids';
import { isValidDescription, isValidResourceName } from '../../model/resource-names';
import type { Ccn } from './ccns-table';
import type { Instance } from '../instances/instances-table';

/** CIDR blocks a CCN may have. */
const MAX_CCN_CIDR_BLOCKS = 5;
/** CCNs an account may hold in one region (the real quota can be raised on request; this one cannot). */
export const CCN_LIMIT_PER_REGION = 10;
export const INTERWORKING_STATUSES = new Set(['enable', 'disable']);

const CIDR_LIST_CODES: Record<CidrListProblem, CatalogueCode> = {
  format: 'CCN.InvalidCidr',
  tooMany: 'CCN.CidrAmountLimit',
  invalid: 'CCN.InvalidCidr',
  overlap: 'CCN.InvalidCidr',
};

/** The CCN operations answer the 403 wording of InvalidName and InvalidDescription. */
export function checkCcnTexts(name: string | undefined, description: string | undefined, nameMaxLength: number): void {
  if (name !== undefined && !isValidResourceName(name, nameMaxLength)) throw apiError('InvalidName (403)');
  if (description !== undefined && !isValidDescription(description)) throw apiError('InvalidDescription (403)');
}

/** The blocks of a `CidrBlock` parameter, or the CCN error that refuses them. */
export function ccnCidrBlocks(text: string): string[] {
  const blocks = splitCidrList(text);
  const problem = cidrListProblem(blocks, MAX_CCN_CIDR_BLOCKS);
  if (problem) throw apiError(CIDR_LIST_CODES[problem]);
  return blocks;
}

/** The SNAT block: one private block, apart from the CCN's own blocks. */
export function checkSnatCidrBlock(snat: string, cidrBlocks: readonly string[]): void {
  if (cidrListProblem([snat], 1) !== undefined) throw apiError('CCN.InvalidSnatCidr');
  if (anyOverlap([snat], cidrBlocks)) throw apiError('CCN.SnatCidrConflict');
}

/** Instances bound to the CCN count as its cloud boxes; those Active are available. */
export function ccnView(ccn: Ccn, members: readonly Instance[]) {
  return {
    CcnId: ccn.id,
    Name: ccn.name,
    Description: ccn.description,
    CidrBlock: ccn.cidrBlocks.join(','),
    SnatCidrBlock: ccn.snatCidrBlock,
    InterworkingStatus: ccn.interworkingStatus,
    CreateTime: ccn.createdAt,
    ResourceGroupId: defaultResourceGroupId(ccn.accountId),
    AssociatedCloudBoxCount: String(members.length),
    AvailableCloudBoxCount: String(members.filter((member) => member.status === 'Active').length),
    AssociatedCenId: '',
    AssociatedCenOwnerId: '',
    Tags: { Tag: [] },
    IsDefault: ccn.isDefault,
  };
}
