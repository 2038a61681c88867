/** Isolation of SNAT and DNAT entries, which live on hardware instances (a device each for A and B). */
import { isolationCase as c, type IsolationFamily } from './family';

/** A region of their own, so A's instance lists and counts in cn-hangzhou and cn-shanghai stay as the main test expects. */
const HZ = 'ap-southeast-1';

const A_DEVICE = 'sag-isoahw01';
const B_DEVICE = 'sag-isobhw01';
const A_SNAT = 'snat-isoa000000000001';
const A_DNAT = 'fwd-isoa0000000000001';
const DNAT = { Type: 'Intranet', IpProtocol: 'tcp', ExternalIp: '10.9.9.9', ExternalPort: '8080', InternalIp: '192.168.9.9', InternalPort: '80' };

export const natIsolation: IsolationFamily = {
  idParameters: ['SagId', 'DnatEntryId'],
  aFixture: {
    instances: [{ id: A_DEVICE, regionId: HZ, instanceType: 'sag-1000', name: 'IsolationADevice' }],
    snatEntries: [{ id: A_SNAT, smartAGId: A_DEVICE, cidrBlock: '192.168.10.0/24', snatIp: '11.0.0.10' }],
    dnatEntries: [{ id: A_DNAT, smartAGId: A_DEVICE, type: 'Intranet', ipProtocol: 'tcp', externalIp: '10.8.8.8', externalPort: '80', internalIp: '192.168.8.8', internalPort: '80' }],
  },
  bInstances: [{ id: B_DEVICE, regionId: HZ, instanceType: 'sag-1000', name: 'IsolationBDevice' }],
  async setUpB(asB) {
    const { InstanceId: snat } = await asB('AddSnatEntry', { RegionId: HZ, SmartAGId: B_DEVICE, CidrBlock: '192.168.20.0/24', SnatIp: '11.0.0.20' });
    const { DnatEntryId: dnat } = await asB('AddDnatEntry', { RegionId: HZ, SagId: B_DEVICE, ...DNAT });
    return {
      absent: [[B_DEVICE, 'sag-isononehw1'], [snat, 'snat-isonone00000000001'], [dnat, 'fwd-isonone000000000001']],
      leakTokens: ['IsolationBDevice', '192.168.20.0/24', '11.0.0.20'],
      ids: { device: B_DEVICE, snat, dnat },
    };
  },
  cases: (b) => [
    c('AddSnatEntry', "on B's device", { RegionId: HZ, SmartAGId: b.device, CidrBlock: '192.168.30.0/24', SnatIp: '11.0.0.30' }, 'SAG.InstanceNoFound'),
    c('AddSnatEntry', "on A's device, B's block", { RegionId: HZ, SmartAGId: A_DEVICE, CidrBlock: '192.168.20.0/24', SnatIp: '11.0.0.20' }, 'OK'),
    c('DeleteSnatEntry', "B's entry on B's device", { RegionId: HZ, SmartAGId: b.device, InstanceId: b.snat }, 'SAG.InstanceNoFound'),
    c('DeleteSnatEntry', "B's entry through A's device", { RegionId: HZ, SmartAGId: A_DEVICE, InstanceId: b.snat }, 'InstanceNotExit'),
    c('DescribeSnatEntries', "B's device", { RegionId: HZ, SmartAGId: b.device }, 'SAG.InstanceNoFound'),
    c('DescribeSnatEntries', "A's device", { RegionId: HZ, SmartAGId: A_DEVICE }, 'OK', {
      check: (t, body) => t.same([body.TotalCount, body.SnatEntries.SnatEntry.map((entry: { InstanceId: string }) => entry.InstanceId)], [1, [A_SNAT]], "A's entry only"),
    }),
    c('AddDnatEntry', "on B's device", { RegionId: HZ, SagId: b.device, ...DNAT }, 'InvalidId.SMARTAG'),
    c('DeleteDnatEntry', "B's entry on B's device", { RegionId: HZ, SagId: b.device, DnatEntryId: b.dnat }, 'InstanceNotExit'),
    c('DeleteDnatEntry', "B's entry through A's device", { RegionId: HZ, SagId: A_DEVICE, DnatEntryId: b.dnat }, 'InstanceNotExit'),
    c('DescribeDnatEntries', "B's device", { RegionId: HZ, SagId: b.device }, 'InvalidId.SMARTAG'),
    c('DescribeDnatEntries', "A's device", { RegionId: HZ, SagId: A_DEVICE }, 'OK', {
      check: (t, body) => t.same([body.TotalCount, body.DnatEntries.DnatEntry.map((entry: { DnatEntryId: string }) => entry.DnatEntryId)], [1, [A_DNAT]], "A's entry only"),
    }),
  ],
};
