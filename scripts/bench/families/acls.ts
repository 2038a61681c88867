/**
 * ACLs: 1,000 ACLs in a region of their own, the first with 1,000 rules. The
 * lists page at 50; GetAclAttribute cycles through 20 ACLs. aclWithRules also
 * builds the large-table scenario's ACL (10,000 rules).
 */
import { BENCH_REGIONS, pages, push, ROWS, seq, type FamilyBench } from './types';

const REGION = BENCH_REGIONS.acls;
const aclId = (n: number) => `acl-bench${seq(n)}`;

/** An ACL of `rules` distinct accept rules (one destination /32 each, priorities 1-100). */
export function aclWithRules(id: string, regionId: string, rules: number): Record<string, unknown> {
  return {
    id,
    regionId,
    name: `bench-${rules}-rules`,
    rules: Array.from({ length: rules }, (_, r) => ({
      id: `acr-${id.slice(4)}r${r + 1}`,
      name: `rule-${r + 1}`,
      direction: r % 2 ? 'out' : 'in',
      policy: 'accept',
      ipProtocol: 'TCP',
      sourceCidr: '0.0.0.0/0',
      sourcePortRange: '-1/-1',
      destCidr: `10.${(r >> 16) & 255}.${(r >> 8) & 255}.${r & 255}/32`,
      destPortRange: '443/443',
      priority: (r % 100) + 1,
    })),
  };
}

export const aclsBench: FamilyBench = {
  family: 'acls',
  fill(account) {
    push(account, 'acls', [
      aclWithRules(aclId(1), REGION, ROWS),
      ...Array.from({ length: ROWS - 1 }, (_, i) => ({ id: aclId(i + 2), regionId: REGION, name: `bench-acl-${i + 2}` })),
    ]);
  },
  reads: [
    {
      action: 'DescribeACLs',
      onDefault: { RegionId: 'cn-hangzhou' },
      expectDefault: '"AclId":"acl-sample00000000001"',
      onLarge: pages({ RegionId: REGION }),
      expectLarge: `"TotalCount":${ROWS}`,
    },
    {
      action: 'DescribeACLAttribute',
      onDefault: { RegionId: 'cn-hangzhou', AclId: 'acl-sample00000000001' },
      expectDefault: '"AcrId":"acr-sample00000000001"',
      onLarge: pages({ RegionId: REGION, AclId: aclId(1) }),
      expectLarge: `"TotalCount":${ROWS}`,
    },
    {
      action: 'GetAclAttribute',
      onDefault: { RegionId: 'cn-hangzhou', AclId: 'acl-sample00000000001' },
      expectDefault: '"AclId":"acl-sample00000000001"',
      onLarge: Array.from({ length: 20 }, (_, k) => ({ RegionId: REGION, AclId: aclId(k * 50 + 2) })),
      expectLarge: '"AclId":"acl-bench',
    },
  ],
};
