/**
 * DescribeCloudConnectNetworks: the caller's CCNs in one region, oldest
 * first, filtered and paged. Tags are not modelled, so no CCN has any and a
 * Tag filter matches none; the filter itself is still checked.
 */
import { apiError } from '../../protocol/errors';
import { pageOf } from '../../model/paging';
import { regionOf } from '../../model/regions';
import { ccnView } from './rules';
import { defineOperation } from '../operation';
import { membersOf } from './lookups';

interface Tag {
  Key?: string;
  Value?: string;
}

interface DescribeCloudConnectNetworksParams {
  RegionId: string;
  Name?: string;
  CcnId?: string;
  PageSize?: number;
  PageNumber?: number;
  Tag?: Tag[];
}

/** The tag rules of Alibaba Cloud resources: keys 1-128 characters, values up to 128, neither naming the system's prefixes. */
const TAG_MAX_LENGTH = 128;
const RESERVED_TAG_PREFIX = /^(aliyun|acs:)/i;

export default defineOperation<DescribeCloudConnectNetworksParams>({
  action: 'DescribeCloudConnectNetworks',
  handle(params, context) {
    const regionId = regionOf(params.RegionId);
    if (params.Tag) checkTags(params.Tag);
    const { ccns } = context.store;
    const matching = ccns.listInRegion(context.accountId, regionId).filter((ccn) =>
      (params.CcnId === undefined || ccn.id === params.CcnId)
      && (params.Name === undefined || ccn.name === params.Name)
      && params.Tag === undefined);
    const page = pageOf(matching, params.PageNumber, params.PageSize);
    return {
      TotalCount: page.totalCount,
      PageNumber: page.pageNumber,
      PageSize: page.pageSize,
      CloudConnectNetworks: {
        CloudConnectNetwork: page.items.map((ccn) => ccnView(ccn, membersOf(context, ccn))),
      },
    };
  },
});

function checkTags(tags: Tag[]): void {
  const keys = new Set<string>();
  for (const { Key: key, Value: value } of tags) {
    if (key === undefined || key.length > TAG_MAX_LENGTH || RESERVED_TAG_PREFIX.test(key)) throw apiError('InvalidTagKey');
    if (value !== undefined && (value.length > TAG_MAX_LENGTH || RESERVED_TAG_PREFIX.test(value))) throw apiError('InvalidTagValue');
    if (keys.has(key)) throw apiError('Forbidden.TagKey.Duplicated');
    keys.add(key);
  }
}
