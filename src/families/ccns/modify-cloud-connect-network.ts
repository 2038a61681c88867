/**
 * ModifyCloudConnectNetwork: name, description, CIDR blocks and
 * interworking of a CCN. New CIDR blocks replace the old ones and must
 * still hold every client block of the instances bound to it.
 */
import { apiError } from '../../protocol/errors';
import { allWithin } from '../../model/cidr';
import { regionOf } from '../../model/regions';
import { ccnCidrBlocks, checkCcnTexts, checkSnatCidrBlock, INTERWORKING_STATUSES } from './rules';
import { ccnIn, membersOf } from './lookups';
import { defineOperation } from '../operation';

interface ModifyCloudConnectNetworkParams {
  CcnId: string;
  RegionId: string;
  Name?: string;
  Description?: string;
  CidrBlock?: string;
  InterworkingStatus?: string;
}

const NAME_MAX_LENGTH = 128;

export default defineOperation<ModifyCloudConnectNetworkParams>({
  action: 'ModifyCloudConnectNetwork',
  handle(params, context) {
    const regionId = regionOf(params.RegionId);
    return context.store.transaction(() => {
      const ccn = ccnIn(context, regionId, params.CcnId);
      checkCcnTexts(params.Name, params.Description, NAME_MAX_LENGTH);
      if (params.InterworkingStatus !== undefined && !INTERWORKING_STATUSES.has(params.InterworkingStatus)) {
        throw apiError('CCN.InvalidInterworkingStatus');
      }
      const cidrBlocks = params.CidrBlock === undefined ? ccn.cidrBlocks : ccnCidrBlocks(params.CidrBlock);
      if (params.CidrBlock !== undefined) {
        const members = membersOf(context, ccn);
        if (members.some((member) => !allWithin(member.cidrBlocks, cidrBlocks))) throw apiError('CCN.CidrInUse');
        if (ccn.snatCidrBlock !== '') checkSnatCidrBlock(ccn.snatCidrBlock, cidrBlocks);
      }
      context.store.ccns.save({
        ...ccn,
        name: params.Name ?? ccn.name,
        description: params.Description ?? ccn.description,
        cidrBlocks,
        interworkingStatus: params.InterworkingStatus ?? ccn.interworkingStatus,
      });
      return {};
    });
  },
});
