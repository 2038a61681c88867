/** DisassociateACL: the instance no longer applies the ACL. */
import { apiError } from '../../protocol/errors';
import { regionOf } from '../../model/regions';
import { instanceIn } from '../instances/lookups';
import { defineOperation } from '../operation';
import { aclIn } from './lookups';

interface DisassociateAclParams {
  RegionId: string;
  AclId: string;
  SmartAGId: string;
}

export default defineOperation<DisassociateAclParams>({
  action: 'DisassociateACL',
  handle(params, context) {
    const regionId = regionOf(params.RegionId);
    const acl = aclIn(context, regionId, params.AclId);
    const instance = instanceIn(context, regionId, params.SmartAGId, 'InvalidId.SMARTAG');
    if (!context.store.associations.remove(acl.accountId, 'acl', acl.id, instance.id)) throw apiError('SmartAGNotAssociateAcl');
    return {};
  },
});
