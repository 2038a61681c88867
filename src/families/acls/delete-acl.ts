/**
 * DeleteACL: the ACL goes with its rules. Its table of errors names no
 * "still in use" answer, so an ACL still associated is deleted too and its
 * instances lose it (README, "How the emulator decides").
 */
import { regionOf } from '../../model/regions';
import { defineOperation } from '../operation';
import { aclIn } from './lookups';

interface DeleteAclParams {
  RegionId: string;
  AclId: string;
}

export default defineOperation<DeleteAclParams>({
  action: 'DeleteACL',
  handle(params, context) {
    const acl = aclIn(context, regionOf(params.RegionId), params.AclId);
    context.store.transaction(() => {
      context.store.associations.removeAllOf(acl.accountId, 'acl', acl.id);
      context.store.acls.remove({ accountId: acl.accountId, id: acl.id });
    });
    return {};
  },
});
