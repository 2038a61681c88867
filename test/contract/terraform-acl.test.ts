/**
 * Replays what the Terraform provider does for alicloud_sag_acl and
 * alicloud_sag_acl_rule (resource_alicloud_sag_acl*.go, service_alicloud_sag.go):
 * create, the read after it, an update and its read, delete and the wait
 * until gone, in the Go SDK's wire shape against a strict emulator.
 */
import t from 'tap';
import { compositeId, expectGoneAtFirstPoll, readAs, splitId, startProvider, type Provider } from '../helpers/terraform';

/** DescribeSagAcl: DescribeACLs by AclIds, the first element, which must be the id. */
function readAcl(provider: Provider, id: string) {
  return readAs(async () => {
    const [first] = (await provider.call('DescribeACLs', { AclIds: id })).Acls.Acl;
    return first?.AclId === id ? first : undefined;
  });
}

/** DescribeSagAclRule: DescribeACLAttribute of the ACL (no paging parameters: the first page), matched by AcrId. */
function readRule(provider: Provider, id: string) {
  const [aclId, acrId] = splitId(id);
  return readAs(async () => (await provider.call('DescribeACLAttribute', { AclId: aclId })).Acrs.Acr.find((rule: { AcrId: string }) => rule.AcrId === acrId));
}

t.test('alicloud_sag_acl: create, read, rename, delete, gone', async (t) => {
  const provider = await startProvider(t, { fixtures: null });
  const { AclId: id } = await provider.call('CreateACL', { Name: 'tf-testAccSagAcl' });
  t.match(id, /^acl-[a-z0-9]{18}$/, 'the id the provider stores');
  t.equal((await readAcl(provider, id))?.Name, 'tf-testAccSagAcl', 'read after create: name as configured');
  await provider.call('ModifyACL', { AclId: id, Name: 'tf-testAccSagAclRenamed' });
  t.equal((await readAcl(provider, id))?.Name, 'tf-testAccSagAclRenamed', 'read after update');
  await provider.call('DeleteACL', { AclId: id });
  await expectGoneAtFirstPoll(t, 'WaitForSagAcl', () => readAcl(provider, id));
});

t.test('alicloud_sag_acl_rule: several rules of one ACL, each created, read, changed and deleted', async (t) => {
  const provider = await startProvider(t, { fixtures: null });
  const { AclId: aclId } = await provider.call('CreateACL', { Name: 'tf-testAccSagAclRule' });
  const configured = [
    { Policy: 'accept', IpProtocol: 'ALL', Direction: 'in', SourceCidr: '10.10.1.0/24', SourcePortRange: '-1/-1', DestCidr: '192.168.10.0/24', DestPortRange: '-1/-1', Priority: 1, Description: 'tf-testSagAclRule' },
    { Policy: 'drop', IpProtocol: 'TCP', Direction: 'out', SourceCidr: '10.10.2.0/24', SourcePortRange: '1/65535', DestCidr: '0.0.0.0/0', DestPortRange: '22/22', Priority: 2, Description: undefined },
    { Policy: 'accept', IpProtocol: 'UDP', Direction: 'in', SourceCidr: '10.10.3.0/24', SourcePortRange: '53/53', DestCidr: '192.168.10.0/24', DestPortRange: '53/53', Priority: 3, Description: 'dns' },
  ];
  const ids: string[] = [];
  for (const rule of configured) {
    const answer = await provider.call('AddACLRule', { AclId: aclId, ...rule });
    const id = compositeId(answer.AclId, answer.AcrId);
    ids.push(id);
    const read = await readRule(provider, id);
    t.match(read, {
      AclId: aclId, Policy: rule.Policy, IpProtocol: rule.IpProtocol, Direction: rule.Direction, SourceCidr: rule.SourceCidr, SourcePortRange: rule.SourcePortRange,
      DestCidr: rule.DestCidr, DestPortRange: rule.DestPortRange, Priority: rule.Priority, Description: rule.Description ?? '',
    }, `read after create of ${id}: every attribute as configured`);
  }
  const [aclOfSecond, acrOfSecond] = splitId(ids[1]);
  await provider.call('ModifyACLRule', { AclId: aclOfSecond, AcrId: acrOfSecond, DestPortRange: '2222/2222', Priority: 5 });
  t.match(await readRule(provider, ids[1]), { DestPortRange: '2222/2222', Priority: 5, Policy: 'drop', SourceCidr: '10.10.2.0/24' }, 'read after update: the changed attributes, the others kept');
  for (const id of ids) {
    const [acl, acr] = splitId(id);
    await provider.call('DeleteACLRule', { AclId: acl, AcrId: acr });
    await expectGoneAtFirstPoll(t, `WaitForSagAclRule ${id}`, () => readRule(provider, id));
  }
  t.ok(await readAcl(provider, aclId), 'the ACL itself stays');
});
