/**
 * GetAclAttribute: how many of the ACL's instances failed to apply its
 * application (DPI) rules. No device ever fails to in the emulator: 0.
 */
import { regionOf } from '../../model/regions';
import { defineOperation } from '../operation';
import { aclIn } from './lookups';

interface GetAclAttributeParams {
  RegionId: string;
  AclId: string;
}

export default defineOperation<GetAclAttributeParams>({
  action: 'GetAclAttribute',
  handle(params, context) {
    const acl = aclIn(context, regionOf(params.RegionId), params.AclId);
    return { AclId: acl.id, ErrorConfigSmartAGCount: 0, AclName: acl.name };
  },
});
