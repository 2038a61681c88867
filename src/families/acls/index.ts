/** Access control lists, their rules, and the instances they apply to: the family's operations. */
import type { Operation } from '../operation';
import createAcl from './create-acl';
import describeAcls from './describe-acls';
import modifyAcl from './modify-acl';
import deleteAcl from './delete-acl';
import addAclRule from './add-acl-rule';
import describeAclAttribute from './describe-acl-attribute';
import modifyAclRule from './modify-acl-rule';
import deleteAclRule from './delete-acl-rule';
import associateAcl from './associate-acl';
import disassociateAcl from './disassociate-acl';
import getAclAttribute from './get-acl-attribute';

export { aclFixtures as fixture } from './fixture';

export const operations: Operation[] = [
  createAcl,
  describeAcls,
  modifyAcl,
  deleteAcl,
  addAclRule,
  describeAclAttribute,
  modifyAclRule,
  deleteAclRule,
  associateAcl,
  disassociateAcl,
  getAclAttribute,
];
