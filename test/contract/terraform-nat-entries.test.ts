/**
 * Replays what the Terraform provider does for alicloud_sag_snat_entry and
 * alicloud_sag_dnat_entry (resource_alicloud_sag_snat_entry.go,
 * resource_alicloud_sag_dnat_entry.go, service_alicloud_sag.go): create, the
 * id it builds (sagId:entryId), the read of the first page matched by the
 * entry's id, delete, the wait until gone, and a second delete, in the Go
 * SDK's wire shape against a strict emulator.
 */
import t from 'tap';
import { compositeId, expectGoneAtFirstPoll, readAs, splitId, startProvider, type Provider } from '../helpers/terraform';

const DEVICE = 'sag-hardware0001';

/** DescribeSagSnatEntry: DescribeSnatEntries of the instance (first page), matched by InstanceId. */
function readSnat(provider: Provider, id: string) {
  const [sagId, entryId] = splitId(id);
  return readAs(async () => (await provider.call('DescribeSnatEntries', { SmartAGId: sagId })).SnatEntries.SnatEntry
    .find((entry: { InstanceId: string }) => entry.InstanceId === entryId));
}

/** DescribeSagDnatEntry: DescribeDnatEntries of the instance (first page), matched by DnatEntryId. */
function readDnat(provider: Provider, id: string) {
  const [sagId, entryId] = splitId(id);
  return readAs(async () => (await provider.call('DescribeDnatEntries', { SagId: sagId })).DnatEntries.DnatEntry
    .find((entry: { DnatEntryId: string }) => entry.DnatEntryId === entryId));
}

t.test('alicloud_sag_snat_entry: create, read, delete, gone, delete again', async (t) => {
  const provider = await startProvider(t);
  const created = await provider.call('AddSnatEntry', { SmartAGId: DEVICE, CidrBlock: '192.168.7.0/24', SnatIp: '192.0.2.10' });
  const id = compositeId(DEVICE, created.InstanceId);
  t.match(created.InstanceId, /^snat-[a-z0-9]{18}$/, 'the entry id in the provider\'s composite id');
  t.match(await readSnat(provider, id), { CidrBlock: '192.168.7.0/24', SnatIp: '192.0.2.10' }, 'read after create: what was configured');
  const [sagId, entryId] = splitId(id);
  await provider.call('DeleteSnatEntry', { SmartAGId: sagId, InstanceId: entryId });
  await expectGoneAtFirstPoll(t, 'WaitForSagSnatEntry', () => readSnat(provider, id));
  const again = await provider.send('DeleteSnatEntry', { SmartAGId: sagId, InstanceId: entryId });
  t.equal(again.body.Code, 'InstanceNotExit', 'a second delete answers the entry as absent');
});

t.test('alicloud_sag_dnat_entry: Intranet and Internet entries, created, read, deleted, gone', async (t) => {
  const provider = await startProvider(t);
  const configured = [
    { Type: 'Intranet', IpProtocol: 'tcp', ExternalIp: '10.0.0.2', ExternalPort: '1', InternalIp: '10.0.0.3', InternalPort: '20' },
    { Type: 'Internet', IpProtocol: 'any', ExternalIp: undefined, ExternalPort: 'any', InternalIp: '10.0.0.4', InternalPort: 'any' },
  ];
  for (const entry of configured) {
    const { DnatEntryId } = await provider.call('AddDnatEntry', { SagId: DEVICE, ...entry });
    const id = compositeId(DEVICE, DnatEntryId);
    t.match(DnatEntryId, /^fwd-[a-z0-9]{18}$/);
    const read = await readDnat(provider, id);
    t.match(read, { SagId: DEVICE, Type: entry.Type, IpProtocol: entry.IpProtocol, ExternalPort: entry.ExternalPort, InternalIp: entry.InternalIp, InternalPort: entry.InternalPort },
      `${entry.Type}: read after create`);
    // The provider reads ExternalIp back only for Intranet entries.
    if (entry.Type === 'Intranet') t.equal(read.ExternalIp, entry.ExternalIp);
    await provider.call('DeleteDnatEntry', { SagId: DEVICE, DnatEntryId });
    await expectGoneAtFirstPoll(t, `${entry.Type}: WaitForSagDnatEntry`, () => readDnat(provider, id));
    // The provider tolerates only ParameterSagClientId on delete; the documents give InstanceNotExit for an absent entry.
    const again = await provider.send('DeleteDnatEntry', { SagId: DEVICE, DnatEntryId });
    t.equal(again.body.Code, 'InstanceNotExit', `${entry.Type}: a second delete answers the entry as absent`);
  }
});
