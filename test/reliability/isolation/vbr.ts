/**
 * Isolation of VBR grants and bindings. B grants its device to a VBR it owns
 * and binds it; A, holding no grant, can neither bind nor see B's device,
 * grant or binding.
 */
import { isolationCase as c, type IsolationFamily } from './family';

/** A region of their own, so A's instance lists and counts in cn-hangzhou and cn-shanghai stay as the main test expects. */
const SH = 'ap-southeast-2';

const A_ID = '1000000000000021';
const B_ID = '1000000000000022';
const A_DEVICE = 'sag-isoavbr01';
const B_DEVICE = 'sag-isobvbr01';
const A_VBR = 'vbr-isoa0001';
const B_VBR = 'vbr-isob0001';

export const vbrIsolation: IsolationFamily = {
  idParameters: ['VbrId', 'VbrInstanceId', 'VbrInstanceIds'],
  aFixture: {
    instances: [{ id: A_DEVICE, regionId: SH, instanceType: 'sag-1000', name: 'IsolationAVbrDevice' }],
    vbrGrants: [{ id: 'sgv-isoa0001', smartAGId: A_DEVICE, vbrId: A_VBR, vbrRegionId: SH, vbrUid: A_ID }],
  },
  bInstances: [{ id: B_DEVICE, regionId: SH, instanceType: 'sag-1000', name: 'IsolationBVbrDevice' }],
  async setUpB(asB) {
    const { CcnId } = await asB('CreateCloudConnectNetwork', { RegionId: SH, Name: 'IsolationBVbrNet' });
    await asB('BindSmartAccessGateway', { RegionId: SH, CcnId, SmartAGId: B_DEVICE });
    await asB('GrantSagInstanceToVbr', { RegionId: SH, SmartAGId: B_DEVICE, VbrInstanceId: B_VBR, VbrRegionId: SH, VbrUid: B_ID });
    await asB('BindVbr', { RegionId: SH, SmartAGId: B_DEVICE, VbrId: B_VBR, VbrRegionId: SH });
    return {
      absent: [[B_DEVICE, 'sag-isononevbr1'], [B_VBR, 'vbr-isonone0001'], [CcnId, 'ccn-isonone0000000vbr1']],
      leakTokens: ['IsolationBVbrDevice', 'IsolationBVbrNet'],
      ids: { device: B_DEVICE, vbr: B_VBR },
    };
  },
  cases: (b) => [
    c('BindVbr', "B's device, no grant to A", { RegionId: SH, SmartAGId: b.device, SmartAGUid: B_ID, VbrId: A_VBR, VbrRegionId: SH }, 'InvalidId.SMARTAG'),
    c('BindVbr', "A's device to B's VBR id", { RegionId: SH, SmartAGId: A_DEVICE, VbrId: b.vbr, VbrRegionId: SH }, 'NotBoundCCN'),
    c('UnbindVbr', "B's binding", { RegionId: SH, SmartAGId: b.device, SmartAGUid: B_ID, VbrId: b.vbr, VbrRegionId: SH }, 'InvalidId.SMARTAG'),
    c('GrantSagInstanceToVbr', "B's device", { RegionId: SH, SmartAGId: b.device, VbrInstanceId: A_VBR, VbrRegionId: SH, VbrUid: A_ID }, 'SAG.InstanceNoFound'),
    c('GrantSagInstanceToVbr', "B's device to B's VBR", { RegionId: SH, SmartAGId: b.device, VbrInstanceId: b.vbr, VbrRegionId: SH, VbrUid: B_ID }, 'SAG.InstanceNoFound'),
    c('RevokeInstanceFromVbr', "B's device's grant", { RegionId: SH, SmartAGId: b.device, VbrInstanceId: b.vbr }, 'SAG.InstanceNoFound'),
    c('RevokeInstanceFromVbr', "A's device from B's VBR", { RegionId: SH, SmartAGId: A_DEVICE, VbrInstanceId: b.vbr }, 'InvalidId.VBR'),
    c('DescribeGrantSagVbrRules', "B's device", { RegionId: SH, SmartAGId: b.device }, 'SAG.InstanceNoFound'),
    c('DescribeGrantSagVbrRules', "by B's VBR", { RegionId: SH, VbrInstanceId: b.vbr }, 'OK', { check: (t, body) => t.equal(body.TotalCount, 0) }),
    c('DescribeSagVbrRelations', "B's VBR", { RegionId: SH, VbrRegionId: SH, 'VbrInstanceIds.1': b.vbr }, 'OK', {
      check: (t, body) => t.same(body.SagVbrRelations.SagVbrRelation ?? body.SagVbrRelations, []),
    }),
  ],
};
