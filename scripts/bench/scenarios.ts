/** The load scenarios (data): what each sends, to which server, and what every answer must hold. */
import { QUICK } from './context';
import { BIG_ACL_RULES, type Format } from './fixtures';
import type { Expectation } from './load';

export type Kind = 'roam' | 'exists' | 'list' | 'big-acl';

/** The fixture files a scenario's server may load (main.ts writes them): the load fixture, or it plus an ACL of 10,000 rules. */
export type FixtureName = 'load' | 'big-acl';
export type FixtureFiles = Record<FixtureName, string>;

export interface Scenario {
  id: string;
  title: string;
  action: string;
  kind: Kind;
  format: Format;
  db: 'memory' | 'file';
  strict: boolean;
  /** The load fixture unless said. */
  fixture?: FixtureName;
}

export const SCENARIOS: Scenario[] = [
  { id: 'roam-json', title: 'RoamClientUser success, JSON', action: 'RoamClientUser', kind: 'roam', format: 'JSON', db: 'memory', strict: false },
  { id: 'exists-json', title: 'RoamClientUser UserExist error, JSON', action: 'RoamClientUser', kind: 'exists', format: 'JSON', db: 'memory', strict: false },
  { id: 'list-json', title: 'DescribeSmartAccessGatewayClientUsers, 1,000 accounts, pages of 50, JSON', action: 'DescribeSmartAccessGatewayClientUsers', kind: 'list', format: 'JSON', db: 'memory', strict: false },
  { id: 'roam-xml', title: 'RoamClientUser success, XML', action: 'RoamClientUser', kind: 'roam', format: 'XML', db: 'memory', strict: false },
  { id: 'exists-xml', title: 'RoamClientUser UserExist error, XML', action: 'RoamClientUser', kind: 'exists', format: 'XML', db: 'memory', strict: false },
  { id: 'list-xml', title: 'DescribeSmartAccessGatewayClientUsers, 1,000 accounts, pages of 50, XML', action: 'DescribeSmartAccessGatewayClientUsers', kind: 'list', format: 'XML', db: 'memory', strict: false },
  { id: 'roam-json-strict', title: 'RoamClientUser success, JSON, --auth strict, signed v1', action: 'RoamClientUser', kind: 'roam', format: 'JSON', db: 'memory', strict: true },
  { id: 'acl-rules-10k', title: `DescribeACLAttribute, an ACL of ${BIG_ACL_RULES.toLocaleString('en')} rules, pages of 50, JSON`, action: 'DescribeACLAttribute', kind: 'big-acl', format: 'JSON', db: 'memory', strict: false, fixture: 'big-acl' },
  { id: 'roam-json-file', title: 'RoamClientUser success, JSON, file database', action: 'RoamClientUser', kind: 'roam', format: 'JSON', db: 'file', strict: false },
];

export function expectation(scenario: Scenario): Expectation {
  const xml = scenario.format === 'XML';
  switch (scenario.kind) {
    case 'roam':
      return { status: 200, text: xml ? '<RoamClientUserResponse>' : '"RequestId"' };
    case 'exists':
      return { status: 400, text: xml ? '<Code>ClientUser.UserExist</Code>' : '"Code":"ClientUser.UserExist"' };
    case 'list':
      return { status: 200, text: xml ? '<DescribeSmartAccessGatewayClientUsersResponse>' : '"Users"' };
    case 'big-acl':
      return { status: 200, text: `"TotalCount":${BIG_ACL_RULES}` };
  }
}

export const BASELINE_SCENARIO: Scenario = {
  id: 'baseline', title: 'bare Fastify 5 route, fixed JSON', action: '', kind: 'roam', format: 'JSON', db: 'memory', strict: false,
};

/**
 * The targets that compare two emulator scenarios (XML against JSON, signed against unsigned)
 * are measured head to head: both servers run side by side (pinned like the others), and
 * their 50-connection windows alternate, other between two of base, so each ratio compares
 * windows seconds apart; the median of the rounds is the reading. Scenarios measured minutes
 * apart met machine states that differed by more than the targets' margins (BENCHMARKS.md,
 * run-to-run spread).
 */
export interface HeadToHeadPair {
  base: string;
  other: string;
  limit: number;
}

export const HEAD_TO_HEAD: HeadToHeadPair[] = [
  { base: 'roam-json', other: 'roam-xml', limit: 1.3 },
  { base: 'exists-json', other: 'exists-xml', limit: 1.3 },
  { base: 'list-json', other: 'list-xml', limit: 1.3 },
  { base: 'roam-json', other: 'roam-json-strict', limit: 1.15 },
  // A page of a large table costs about what a write does: the page, not the table, is paid for.
  { base: 'roam-json', other: 'acl-rules-10k', limit: 1.5 },
];

export const HEAD_TO_HEAD_ROUNDS = QUICK ? 1 : 3;
export const HEAD_TO_HEAD_SEC = QUICK ? 2 : 4;
