/** CreateACL: a new, empty access control list in a region. */
import { apiError } from '../../protocol/errors';
import { defaultResourceGroupId, newResourceId } from '../../model/ids';
import { regionOf } from '../../model/regions';
import { defineOperation } from '../operation';
import { ACL_TYPES, ACLS_PER_ACCOUNT, DEFAULT_ACL_TYPE, isAclName } from './rules';

interface CreateAclParams {
  RegionId: string;
  Name: string;
  AclType?: string;
}

export default defineOperation<CreateAclParams>({
  action: 'CreateACL',
  handle(params, context) {
    const regionId = regionOf(params.RegionId);
    if (!isAclName(params.Name)) throw apiError('InvalidName (403)');
    const aclType = params.AclType ?? DEFAULT_ACL_TYPE;
    if (!(ACL_TYPES as readonly string[]).includes(aclType)) throw apiError('ACL.InvalidType');
    const { acls } = context.store;
    // The quota is the account's, across regions (the product's limits page).
    if (acls.count({ accountId: context.accountId }) >= ACLS_PER_ACCOUNT) throw apiError('AclAmountLimit');
    const id = newResourceId('acl');
    acls.insert({ accountId: context.accountId, id, regionId, name: params.Name, aclType, createdAt: context.now() });
    return { AclId: id, ResourceGroupId: defaultResourceGroupId(context.accountId), AclType: aclType };
  },
});
