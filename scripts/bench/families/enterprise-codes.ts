/** Enterprise codes: 1,000 codes, listed in batches of 100 (MaxResults' documented maximum), NextToken to NextToken. */
import { push, ROWS, seq, type FamilyBench, type Params } from './types';

const MAX_RESULTS = 100;
const code = (n: number) => `B${seq(n)}`;
/** The token of the batch after the one ending with `last` (src/model/paging.ts: the last key, hex-encoded). */
const tokenAfter = (last: string) => Buffer.from(last, 'utf8').toString('hex');

function batches(): Params[] {
  return Array.from({ length: ROWS / MAX_RESULTS }, (_, b) => ({
    RegionId: 'cn-hangzhou',
    MaxResults: String(MAX_RESULTS),
    ...(b === 0 ? {} : { NextToken: tokenAfter(code(b * MAX_RESULTS)) }),
  }));
}

export const enterpriseCodesBench: FamilyBench = {
  family: 'enterprise-codes',
  fill(account) {
    // The default account's EC001 sorts before every B code: batches start at B0001 after the first one.
    push(account, 'enterpriseCodes', Array.from({ length: ROWS }, (_, i) => ({ code: code(i + 1) })));
  },
  reads: [
    {
      action: 'ListEnterpriseCode',
      onDefault: { RegionId: 'cn-hangzhou' },
      expectDefault: '"EnterpriseCode":"EC001"',
      onLarge: batches(),
      expectLarge: `"TotalCount":${ROWS + 1}`,
    },
  ],
};
