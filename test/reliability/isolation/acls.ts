/** Isolation of access control lists, their rules and their associations. */
import { A1, B1, HZ, isolationCase as c, type IsolationFamily } from './family';

const A_ACL = 'acl-isoa00000000000001';
const A_RULE = 'acr-isoa00000000000001';
const RULE = {
  Direction: 'in', Policy: 'accept', IpProtocol: 'TCP', SourceCidr: '10.0.0.0/8', DestCidr: '10.1.1.0/24', SourcePortRange: '-1/-1', DestPortRange: '443/443',
};

export const aclIsolation: IsolationFamily = {
  idParameters: ['AclId', 'AclIds', 'AcrId'],
  aFixture: {
    acls: [{
      id: A_ACL, regionId: HZ, name: 'IsolationAAcl', aclType: 'acl-software', smartAGIds: [A1.SmartAGId],
      rules: [{ id: A_RULE, direction: 'in', policy: 'accept', ipProtocol: 'TCP', sourceCidr: '10.0.0.0/8', destCidr: '10.1.1.0/24', destPortRange: '80/80' }],
    }],
  },
  async setUpB(asB) {
    const { AclId } = await asB('CreateACL', { RegionId: HZ, Name: 'IsolationBAcl', AclType: 'acl-software' });
    const { AcrId } = await asB('AddACLRule', { RegionId: HZ, AclId, ...RULE, Name: 'IsolationBRule', Priority: '7' });
    await asB('AssociateACL', { RegionId: HZ, AclId, SmartAGId: B1.SmartAGId });
    return {
      absent: [[AclId, 'acl-isonone00000000000'], [AcrId, 'acr-isonone00000000000'], ['IsolationBAcl', 'IsolationNoAcl'], ['IsolationBRule', 'IsolationNoRule']],
      leakTokens: [],
      ids: { acl: AclId, rule: AcrId },
    };
  },
  cases: (b) => [
    c('CreateACL', "A's new ACL", { RegionId: HZ, Name: 'IsolationANew', AclType: 'acl-software' }, 'OK'),
    c('DescribeACLs', "by B's ACL id", { RegionId: HZ, AclIds: b.acl }, 'OK', { check: (t, body) => t.same([body.TotalCount, body.Acls.Acl], [0, []]) }),
    c('DescribeACLs', "by B's ACL name", { RegionId: HZ, Name: 'IsolationBAcl' }, 'OK', { check: (t, body) => t.equal(body.TotalCount, 0) }),
    c('DescribeACLs', "A's and B's ids", { RegionId: HZ, AclIds: `${A_ACL},${b.acl}` }, 'OK', {
      check: (t, body) => t.same(body.Acls.Acl.map((acl: { AclId: string; SagCount: string }) => [acl.AclId, acl.SagCount]), [[A_ACL, '1']], "A's ACL only, counting A's instance only"),
    }),
    c('DescribeSmartAccessGateways', "instances applying B's ACL", { RegionId: HZ, AclIds: b.acl }, 'OK', {
      check: (t, body) => t.same([body.TotalCount, body.SmartAccessGateways.SmartAccessGateway], [0, []]),
    }),
    c('ModifyACL', "B's ACL", { RegionId: HZ, AclId: b.acl, Name: 'Renamed' }, 'InvalidId.ACL'),
    c('DeleteACL', "B's associated ACL", { RegionId: HZ, AclId: b.acl }, 'InvalidId.ACL'),
    c('DescribeACLAttribute', "B's ACL", { RegionId: HZ, AclId: b.acl }, 'InvalidId.ACL'),
    c('DescribeACLAttribute', "A's ACL, by B's rule name", { RegionId: HZ, AclId: A_ACL, Name: 'IsolationBRule' }, 'OK', { check: (t, body) => t.equal(body.TotalCount, 0) }),
    c('GetAclAttribute', "B's ACL", { RegionId: HZ, AclId: b.acl }, 'InvalidId.ACL'),
    c('AddACLRule', "to B's ACL", { RegionId: HZ, AclId: b.acl, ...RULE }, 'InvalidId.ACL'),
    c('ModifyACLRule', "B's rule of B's ACL", { RegionId: HZ, AclId: b.acl, AcrId: b.rule, Priority: '9' }, 'InvalidId.ACL'),
    c('ModifyACLRule', "B's rule through A's ACL", { RegionId: HZ, AclId: A_ACL, AcrId: b.rule, Priority: '9' }, 'InvalidId.ACR'),
    c('DeleteACLRule', "B's rule of B's ACL", { RegionId: HZ, AclId: b.acl, AcrId: b.rule }, 'InvalidId.ACL'),
    c('DeleteACLRule', "B's rule through A's ACL", { RegionId: HZ, AclId: A_ACL, AcrId: b.rule }, 'InvalidId.ACR'),
    c('AssociateACL', "B's ACL to A's instance", { RegionId: HZ, AclId: b.acl, SmartAGId: 'sag-twin0001' }, 'InvalidId.ACL'),
    c('AssociateACL', "A's ACL to B's instance", { RegionId: HZ, AclId: A_ACL, SmartAGId: B1.SmartAGId }, 'InvalidId.SMARTAG'),
    c('DisassociateACL', "B's ACL from B's instance", { RegionId: HZ, AclId: b.acl, SmartAGId: B1.SmartAGId }, 'InvalidId.ACL'),
    c('DisassociateACL', "A's ACL from B's instance", { RegionId: HZ, AclId: A_ACL, SmartAGId: B1.SmartAGId }, 'InvalidId.SMARTAG'),
  ],
};
