/**
 * Contract: an ACL's whole life cycle through the official client a
 * generated Smartag SDK uses (v3 signature, strict emulator): create, read,
 * update, rules, associate, disassociate, delete, read after delete.
 */
import t from 'tap';
import { officialClient } from '../helpers/official-client';

const HZ = { RegionId: 'cn-hangzhou' };
const HARDWARE = 'sag-hardware0001';

t.test('an ACL from creation to deletion', async (t) => {
  const api = await officialClient(t);
  const { AclId } = await api.ok('CreateACL', { ...HZ, Name: 'lifecycle' });
  const listed = async () => (await api.ok('DescribeACLs', { ...HZ, AclIds: AclId })).Acls.Acl;
  t.match(await listed(), [{ AclId, Name: 'lifecycle', SagCount: '0', AclType: 'acl-hardware' }], 'read after create');

  await api.ok('ModifyACL', { ...HZ, AclId, Name: 'lifecycle-renamed' });
  t.match(await listed(), [{ Name: 'lifecycle-renamed' }], 'read after update');

  const rule = await api.ok('AddACLRule', {
    ...HZ, AclId, Direction: 'out', Policy: 'drop', IpProtocol: 'udp', SourceCidr: '10.0.0.0/8', DestCidr: '0.0.0.0/0', SourcePortRange: '-1/-1', DestPortRange: '53/53', Priority: 20,
  });
  await api.ok('ModifyACLRule', { ...HZ, AclId, AcrId: rule.AcrId, Policy: 'accept' });
  t.match((await api.ok('DescribeACLAttribute', { ...HZ, AclId })).Acrs.Acr, [{ AcrId: rule.AcrId, Policy: 'accept', IpProtocol: 'UDP', Priority: 20 }], 'the rule, changed');

  await api.ok('AssociateACL', { ...HZ, AclId, SmartAGId: HARDWARE });
  t.match(await listed(), [{ SagCount: '1' }], 'associated with one instance');
  t.match(await api.fails('AssociateACL', { ...HZ, AclId, SmartAGId: HARDWARE }), { code: 'SmartAGAlreadyAssociateAcl', statusCode: 403 });
  await api.ok('DisassociateACL', { ...HZ, AclId, SmartAGId: HARDWARE });
  t.match(await listed(), [{ SagCount: '0' }], 'disassociated');

  await api.ok('DeleteACLRule', { ...HZ, AclId, AcrId: rule.AcrId });
  await api.ok('DeleteACL', { ...HZ, AclId });
  t.same(await listed(), [], 'read after delete: not listed');
  t.match(await api.fails('DescribeACLAttribute', { ...HZ, AclId }), { code: 'InvalidId.ACL', statusCode: 403, message: 'The specified ACL ID is invalid.' });
});
