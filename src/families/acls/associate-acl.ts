/**
 * AssociateACL: applies an ACL to an instance of its region. An ACL is made
 * for one kind of instance (AclType): acl-hardware for SAG devices,
 * acl-software for SAG APP instances; an instance takes one ACL.
 */
import { apiError } from '../../protocol/errors';
import { regionOf } from '../../model/regions';
import { SAG_APP_TYPE } from '../instances/instances-table';
import { instanceIn } from '../instances/lookups';
import { defineOperation } from '../operation';
import { aclIn } from './lookups';
import { ACLS_PER_INSTANCE, DEFAULT_ACL_TYPE } from './rules';

interface AssociateAclParams {
  RegionId: string;
  AclId: string;
  SmartAGId: string;
}

export default defineOperation<AssociateAclParams>({
  action: 'AssociateACL',
  handle(params, context) {
    const regionId = regionOf(params.RegionId);
    const acl = aclIn(context, regionId, params.AclId);
    const instance = instanceIn(context, regionId, params.SmartAGId, 'InvalidId.SMARTAG');
    const isApp = instance.instanceType === SAG_APP_TYPE;
    if (acl.aclType === DEFAULT_ACL_TYPE && isApp) throw apiError('SAG.SoftwareNotSupport');
    if (acl.aclType !== DEFAULT_ACL_TYPE && !isApp) throw apiError('FeatureNotSupport');
    const { associations } = context.store;
    if (associations.has(acl.accountId, 'acl', acl.id, instance.id)) throw apiError('SmartAGAlreadyAssociateAcl');
    if (associations.policiesOf(acl.accountId, 'acl', instance.id).length >= ACLS_PER_INSTANCE) throw apiError('AclPerSmartagAmountLimit');
    associations.add(acl.accountId, 'acl', acl.id, instance.id, context.now());
    return {};
  },
});
