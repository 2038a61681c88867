/** CreateCloudConnectNetwork: a new CCN in a region, with optional CIDR and SNAT blocks. */
import { apiError } from '../../protocol/errors';
import { defaultResourceGroupId, newResourceId } from '../../model/ids';
import { regionOf } from '../../model/regions';
import type { Ccn } from './ccns-table';
import { CCN_LIMIT_PER_REGION, ccnCidrBlocks, checkCcnTexts, checkSnatCidrBlock } from './rules';
import { defineOperation } from '../operation';

interface CreateCloudConnectNetworkParams {
  RegionId?: string;
  Name?: string;
  Description?: string;
  CidrBlock?: string;
  SnatCidrBlock?: string;
  IsDefault?: boolean;
}

const NAME_MAX_LENGTH = 100;

export default defineOperation<CreateCloudConnectNetworkParams>({
  action: 'CreateCloudConnectNetwork',
  handle(params, context) {
    const regionId = regionOf(params.RegionId);
    checkCcnTexts(params.Name, params.Description, NAME_MAX_LENGTH);
    const cidrBlocks = params.CidrBlock === undefined ? [] : ccnCidrBlocks(params.CidrBlock);
    if (params.SnatCidrBlock !== undefined) {
      // SNAT translates into the CCN's own address space: it needs one.
      if (cidrBlocks.length === 0) throw apiError('CCN.CidrEmpty');
      checkSnatCidrBlock(params.SnatCidrBlock, cidrBlocks);
    }
    return context.store.transaction(() => {
      if (context.store.ccns.countInRegion(context.accountId, regionId) >= CCN_LIMIT_PER_REGION) {
        throw apiError('CcnAmountLimit');
      }
      const ccn: Ccn = {
        accountId: context.accountId,
        id: newResourceId('ccn'),
        regionId,
        name: params.Name ?? '',
        description: params.Description ?? '',
        cidrBlocks,
        snatCidrBlock: params.SnatCidrBlock ?? '',
        interworkingStatus: 'enable',
        isDefault: params.IsDefault ?? false,
        createdAt: context.now(),
      };
      context.store.ccns.insert(ccn);
      return {
        CcnId: ccn.id,
        Name: ccn.name,
        Description: ccn.description,
        CidrBlock: ccn.cidrBlocks.join(','),
        SnatCidrBlock: ccn.snatCidrBlock,
        Status: 'Active',
        ResourceGroupId: defaultResourceGroupId(context.accountId),
      };
    });
  },
});
