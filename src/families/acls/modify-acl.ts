/** ModifyACL: renames an ACL. */
import { apiError } from '../../protocol/errors';
import { regionOf } from '../../model/regions';
import { defineOperation } from '../operation';
import { aclIn } from './lookups';
import { isAclName } from './rules';

interface ModifyAclParams {
  RegionId: string;
  AclId: string;
  Name: string;
}

export default defineOperation<ModifyAclParams>({
  action: 'ModifyACL',
  handle(params, context) {
    const acl = aclIn(context, regionOf(params.RegionId), params.AclId);
    if (!isAclName(params.Name)) throw apiError('InvalidName (403)');
    context.store.acls.update({ accountId: acl.accountId, id: acl.id }, { name: params.Name });
    return {};
  },
});
