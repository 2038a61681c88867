/** DescribeACLs: the caller's ACLs in one region, oldest first, filtered and paged. */
import { pageWindow } from '../../model/paging';
import { regionOf } from '../../model/regions';
import { defineOperation } from '../operation';
import { aclView } from './views';

interface DescribeAclsParams {
  RegionId: string;
  /** Comma separated. */
  AclIds?: string;
  Name?: string;
  AclType?: string;
  PageSize?: number;
  PageNumber?: number;
}

export default defineOperation<DescribeAclsParams>({
  action: 'DescribeACLs',
  handle(params, context) {
    const window = pageWindow(params.PageNumber, params.PageSize);
    const { accountId } = context;
    const page = context.store.acls.page({
      accountId,
      regionId: regionOf(params.RegionId),
      id: params.AclIds?.split(',').map((id) => id.trim()),
      name: params.Name,
      aclType: params.AclType,
    }, window);
    const instances = context.store.associations.instancesOfEach(accountId, 'acl', page.rows.map((acl) => acl.id));
    return {
      TotalCount: page.totalCount,
      PageSize: window.pageSize,
      PageNumber: window.pageNumber,
      Acls: { Acl: page.rows.map((acl) => aclView(acl, instances.get(acl.id)?.length ?? 0)) },
    };
  },
});
