/**
 * Client accounts: one SAG APP instance (in a region of its own) with 1,000
 * accounts, each with a client online and this month's traffic. The list
 * pages at 50; the per-account reads cycle through 20 accounts, and the
 * name-list reads ask for 10 names at a time (UserNames has no documented
 * maximum).
 */
import { BENCH_REGIONS, pages, push, repeated, ROWS, type FamilyBench, type Params } from './types';

const REGION = BENCH_REGIONS.clientAccounts;
const INSTANCE = 'sag-benchusers';
const user = (n: number) => `benchclient${n}`;
const ON_LARGE = { RegionId: REGION, SmartAGId: INSTANCE };
const ON_DEFAULT = { RegionId: 'cn-shanghai', SmartAGId: 'sag-appclients01' };

/** 20 different accounts, spread over the table. */
function eachOfSome(params: (userName: string) => Params): Params[] {
  return Array.from({ length: 20 }, (_, k) => params(user(k * 50 + 1)));
}

/** 10 groups of 10 names each. */
function nameGroups(): Params[] {
  return Array.from({ length: 10 }, (_, g) => ({
    ...ON_LARGE,
    ...repeated('UserNames', Array.from({ length: 10 }, (_, k) => user(g * 100 + k * 10 + 1))),
  }));
}

export const clientAccountsBench: FamilyBench = {
  family: 'client-accounts',
  fill(account) {
    push(account, 'instances', [{
      id: INSTANCE,
      regionId: REGION,
      name: 'bench: 1,000 client accounts',
      cidrBlocks: ['10.200.0.0/16'],
      userQuota: ROWS,
      appDns: ['100.100.2.136'],
      clientUsers: Array.from({ length: ROWS }, (_, i) => ({
        userName: user(i + 1),
        userMail: `${user(i + 1)}@example.com`,
        onlineClients: [{ clientIp: `10.200.${Math.floor(i / 200) + 1}.${(i % 200) + 10}` }],
        traffic: [{ totalBytes: 1048576 * (i + 1) }],
      })),
    }]);
  },
  reads: [
    {
      action: 'DescribeSmartAccessGatewayClientUsers',
      onDefault: { RegionId: 'cn-shanghai', SmartAGId: 'sag-m9uhqekwnqcnyy****' },
      expectDefault: '"UserName":"test1"',
      onLarge: pages(ON_LARGE),
      expectLarge: `"TotalCount":${ROWS}`,
    },
    {
      action: 'DescribeUserOnlineClients',
      onDefault: { ...ON_DEFAULT, UserName: 'onlineuser' },
      expectDefault: '"ClientIp":"10.20.0.100"',
      onLarge: eachOfSome((userName) => ({ ...ON_LARGE, UserName: userName })),
      expectLarge: '"ClientIp":"10.200.',
    },
    {
      action: 'DescribeUserOnlineClientStatistics',
      onDefault: { ...ON_DEFAULT, ...repeated('UserNames', ['onlineuser', 'staticonline']) },
      expectDefault: '"OnlineCount":"2"',
      onLarge: nameGroups(),
      expectLarge: '"OnlineCount":"1"',
    },
    {
      action: 'DescribeSagOnlineClientStatistics',
      onDefault: { RegionId: 'cn-shanghai' },
      expectDefault: '"SmartAGId":"sag-appclients01"',
      onLarge: [{ RegionId: REGION }],
      expectLarge: `"OnlineCount":"${ROWS}"`,
    },
    {
      action: 'DescribeUserFlowStatistics',
      onDefault: { ...ON_DEFAULT, ...repeated('UserNames', ['onlineuser']) },
      expectDefault: '"TotalBytes":"1073741824"',
      onLarge: nameGroups(),
      expectLarge: '"TotalBytes":"',
    },
    {
      action: 'DescribeClientUserDNS',
      onDefault: ON_DEFAULT,
      expectDefault: '100.100.2.136',
      onLarge: [ON_LARGE],
      expectLarge: '100.100.2.136',
    },
  ],
};
