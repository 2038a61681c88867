/**
 * DescribeACLAttribute: one ACL's rules, oldest first, paged. `Name`
 * matches part of a rule's name (documented as a fuzzy search). `Order`
 * names an order, which rules do not have: it is accepted and filters
 * nothing.
 */
import { pageWindow } from '../../model/paging';
import { regionOf } from '../../model/regions';
import { defineOperation } from '../operation';
import { contains } from '../shared/table';
import { aclIn } from './lookups';
import { ruleListItem } from './views';

interface DescribeAclAttributeParams {
  RegionId: string;
  AclId: string;
  Direction?: string;
  Name?: string;
  Order?: string;
  PageSize?: number;
  PageNumber?: number;
}

export default defineOperation<DescribeAclAttributeParams>({
  action: 'DescribeACLAttribute',
  handle(params, context) {
    const window = pageWindow(params.PageNumber, params.PageSize);
    const acl = aclIn(context, regionOf(params.RegionId), params.AclId);
    const page = context.store.aclRules.page({
      accountId: acl.accountId,
      aclId: acl.id,
      direction: params.Direction,
      name: params.Name === undefined ? undefined : contains(params.Name),
    }, window);
    return {
      TotalCount: page.totalCount,
      PageSize: window.pageSize,
      PageNumber: window.pageNumber,
      Acrs: { Acr: page.rows.map((rule) => ruleListItem(rule, acl.aclType)) },
    };
  },
});
