/**
 * Isolation of CCN grants: B's CCN granted to a CEN, B's instance granted to
 * a third account's CCN. A sees none of them (a grant is visible to its
 * grantee only through DescribeBindableSmartAccessGateways, and A is no
 * grantee here).
 */
import { A1, B1, HZ, SH, B2, isolationCase as c, type IsolationFamily } from './family';

const A_CCN = 'ccn-isolationa00000001';
const A_CEN = 'cen-isoa0001';
const B_CEN = 'cen-isob0001';
const THIRD_CCN = 'ccn-isothird0001';
const THIRD_UID = '1000000000000099';

export const ccnGrantIsolation: IsolationFamily = {
  idParameters: ['CcnInstanceId', 'CenInstanceId', 'AssociatedCcnId'],
  aFixture: {
    ccnGrants: [{ id: '7b1e2c9a-0000-4000-8000-00000000a001', ccnId: A_CCN, cenId: A_CEN, cenUid: '1250000000000001' }],
    sagGrants: [{ id: 'sgc-isoa0001', smartAGId: A1.SmartAGId, ccnId: THIRD_CCN, ccnUid: THIRD_UID }],
  },
  async setUpB(asB) {
    // In cn-shanghai: B's cn-hangzhou CCN quota is full.
    const { CcnId } = await asB('CreateCloudConnectNetwork', { RegionId: SH, Name: 'IsolationBGrantNet' });
    await asB('GrantInstanceToCbn', { RegionId: SH, CcnInstanceId: CcnId, CenInstanceId: B_CEN, CenUid: '1250000000000002', GrantTrafficService: 'true' });
    const { InstanceId } = await asB('GrantSagInstanceToCcn', { ...B2, CcnInstanceId: THIRD_CCN, CcnUid: THIRD_UID });
    return {
      absent: [[CcnId, 'ccn-isonone00000000000'], [B_CEN, 'cen-isonone0001']],
      leakTokens: ['IsolationBGrantNet', InstanceId],
      ids: { ccn: CcnId },
    };
  },
  cases: (b) => [
    c('GrantInstanceToCbn', "B's CCN", { RegionId: SH, CcnInstanceId: b.ccn, CenInstanceId: A_CEN, CenUid: '1250000000000001' }, 'InvalidId.CCN'),
    c('RevokeInstanceFromCbn', "B's CCN from B's CEN", { RegionId: SH, CcnInstanceId: b.ccn, CenInstanceId: B_CEN }, 'InvalidId.CCN'),
    // A may grant its CCN to any CEN, B's too: that grant is A's own. (A is reseeded before each case.)
    c('GrantInstanceToCbn', "A's CCN to B's CEN", { RegionId: HZ, CcnInstanceId: A_CCN, CenInstanceId: B_CEN, CenUid: '1250000000000002' }, 'OK'),
    c('RevokeInstanceFromCbn', "A's CCN from B's CEN (B's grant is of another CCN)", { RegionId: HZ, CcnInstanceId: A_CCN, CenInstanceId: B_CEN }, 'InvalidInstanceId.NotFound'),
    c('DescribeGrantRules', "B's CCN", { RegionId: SH, AssociatedCcnId: b.ccn }, 'OK', { check: (t, body) => t.same([body.TotalCount, body.GrantRules.GrantRule], [0, []]) }),
    c('DescribeGrantRules', "the region of B's grant", { RegionId: SH }, 'OK', { check: (t, body) => t.equal(body.TotalCount, 0) }),
    c('DescribeGrantRules', "A's region", { RegionId: HZ }, 'OK', {
      check: (t, body) => t.same(body.GrantRules.GrantRule.map((rule: { CenInstanceId: string }) => rule.CenInstanceId), [A_CEN], "A's grant only"),
    }),
    c('GetCloudConnectNetworkUseLimit', "A's count in the region B fills", { RegionId: HZ }, 'OK', { check: (t, body) => t.ok(body.UsedAmount < 10, "B's CCNs are not counted") }),
    c('GrantSagInstanceToCcn', "B's instance", { ...B2, CcnInstanceId: THIRD_CCN, CcnUid: THIRD_UID }, 'SAG.InstanceNoFound'),
    c('GrantSagInstanceToCcn', "A's granted instance to B's CCN", { ...A1, CcnInstanceId: b.ccn, CcnUid: '1000000000000022' }, 'SAG.GrantDuplicated'),
    c('RevokeSagInstanceFromCcn', "B's instance's grant", { ...B2, CcnInstanceId: THIRD_CCN }, 'SAG.InstanceNoFound'),
    c('RevokeSagInstanceFromCcn', "A's instance from B's CCN", { ...A1, CcnInstanceId: b.ccn }, 'CCN.InvalidId'),
    c('DescribeGrantSagRules', "B's instance", { ...B2 }, 'SAG.InstanceNoFound'),
    c('DescribeGrantSagRules', "A's instance", { ...A1 }, 'OK', {
      check: (t, body) => t.same(body.GrantRules.GrantRule.map((rule: { InstanceId: string }) => rule.InstanceId), ['1000000000000021'], "A's grant only"),
    }),
    c('DescribeBindableSmartAccessGateways', "B's CCN", { RegionId: SH, CcnId: b.ccn }, 'InvalidId.CCN'),
    c('DescribeBindableSmartAccessGateways', "A's CCN, other accounts' instances", { RegionId: HZ, CcnId: A_CCN, CrossAccount: 'true' }, 'OK', {
      check: (t, body) => t.same([body.TotalCount, body.SmartAccessGateways.SmartAccessGateway], [0, []], 'nothing is granted to A'),
    }),
    c('DescribeBindableSmartAccessGateways', "A's CCN, by B's instance", { RegionId: HZ, CcnId: A_CCN, SmartAGId: B1.SmartAGId }, 'OK', {
      check: (t, body) => t.same([body.TotalCount, body.SmartAccessGateways.SmartAccessGateway], [0, []]),
    }),
  ],
};
