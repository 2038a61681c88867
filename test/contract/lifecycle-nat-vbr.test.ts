/**
 * Contract: SNAT and DNAT entries and a VBR binding through the official
 * client a generated Smartag SDK uses (v3 signature, strict emulator), each
 * from creation to deletion and the read after it.
 */
import t from 'tap';
import { officialClient } from '../helpers/official-client';

const HZ = { RegionId: 'cn-hangzhou' };
const DEVICE = 'sag-hardware0001';
const VBR = 'vbr-lifecycle0001';

t.test('SNAT and DNAT entries from creation to deletion', async (t) => {
  const api = await officialClient(t);
  const { InstanceId: snatId } = await api.ok('AddSnatEntry', { ...HZ, SmartAGId: DEVICE, CidrBlock: '192.168.5.0/24', SnatIp: '198.51.100.5' });
  const snats = async () => (await api.ok('DescribeSnatEntries', { ...HZ, SmartAGId: DEVICE })).SnatEntries.SnatEntry;
  t.match(await snats(), [{ InstanceId: snatId, CidrBlock: '192.168.5.0/24', SnatIp: '198.51.100.5' }], 'read after add');
  t.match(await api.fails('AddSnatEntry', { ...HZ, SmartAGId: DEVICE, CidrBlock: '192.168.5.0/24', SnatIp: '198.51.100.6' }), { code: 'SNAT.CidrConfigExist' });

  const { DnatEntryId } = await api.ok('AddDnatEntry', {
    ...HZ, SagId: DEVICE, Type: 'Intranet', IpProtocol: 'TCP', ExternalIp: '10.3.3.3', ExternalPort: '8443', InternalIp: '192.168.5.10', InternalPort: '443',
  });
  const dnats = async () => (await api.ok('DescribeDnatEntries', { ...HZ, SagId: DEVICE })).DnatEntries.DnatEntry;
  t.match(await dnats(), [{ DnatEntryId, IpProtocol: 'tcp', ExternalPort: '8443', InternalPort: '443' }], 'read after add');
  t.match(await api.fails('AddSnatEntry', { ...HZ, SmartAGId: DEVICE, CidrBlock: '192.168.6.0/24', SnatIp: '10.3.3.3' }), { code: 'SNAT.SnatDnatIpConflict' });

  await api.ok('DeleteSnatEntry', { ...HZ, SmartAGId: DEVICE, InstanceId: snatId });
  await api.ok('DeleteDnatEntry', { ...HZ, SagId: DEVICE, DnatEntryId });
  t.same(await snats(), [], 'SNAT: read after delete');
  t.same(await dnats(), [], 'DNAT: read after delete');
  t.match(await api.fails('DeleteSnatEntry', { ...HZ, SmartAGId: DEVICE, InstanceId: snatId }), { code: 'InstanceNotExit' });
  t.match(await api.fails('DeleteDnatEntry', { ...HZ, SagId: DEVICE, DnatEntryId }), { code: 'InstanceNotExit' }, 'DNAT: delete after delete');
});

t.test('a VBR binding from grant to revoke', async (t) => {
  const api = await officialClient(t);
  const { CcnId } = await api.ok('CreateCloudConnectNetwork', { ...HZ, Name: 'vbr-lifecycle' });
  await api.ok('BindSmartAccessGateway', { ...HZ, CcnId, SmartAGId: DEVICE });
  await api.ok('GrantSagInstanceToVbr', { ...HZ, SmartAGId: DEVICE, VbrInstanceId: VBR, VbrRegionId: 'cn-hangzhou', VbrUid: 1000000000000001 });
  const grants = async () => (await api.ok('DescribeGrantSagVbrRules', { ...HZ, SmartAGId: DEVICE })).GrantRules.GrantRule;
  t.match(await grants(), [{ VbrInstanceId: VBR, SmartAGId: DEVICE, Bound: false }], 'granted, not bound');

  await api.ok('BindVbr', { ...HZ, SmartAGId: DEVICE, VbrId: VBR, VbrRegionId: 'cn-hangzhou' });
  t.match(await grants(), [{ Bound: true }], 'bound');
  const relations = async () => (await api.ok('DescribeSagVbrRelations', { VbrRegionId: 'cn-hangzhou', 'VbrInstanceIds.1': VBR })).SagVbrRelations;
  t.match(await relations(), [{ VbrInstanceId: VBR, SagInstanceId: DEVICE }], 'the VBR names the instance it is bound to');
  t.match(await api.fails('BindVbr', { ...HZ, SmartAGId: DEVICE, VbrId: VBR, VbrRegionId: 'cn-hangzhou' }), { code: 'SAG.VbrBound' });

  await api.ok('UnbindVbr', { ...HZ, SmartAGId: DEVICE, VbrId: VBR, VbrRegionId: 'cn-hangzhou' });
  t.match(await grants(), [{ Bound: false }], 'unbound');
  t.same(await relations(), [], 'no relation after unbind');
  await api.ok('RevokeInstanceFromVbr', { ...HZ, SmartAGId: DEVICE, VbrInstanceId: VBR });
  t.same(await grants(), [], 'read after revoke');
  t.match(await api.fails('RevokeInstanceFromVbr', { ...HZ, SmartAGId: DEVICE, VbrInstanceId: VBR }), { code: 'InvalidId.VBR' });
});
