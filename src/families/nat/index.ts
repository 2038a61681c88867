/** SNAT and DNAT entries of hardware instances: the family's operations. */
import type { Operation } from '../operation';
import addSnatEntry from './add-snat-entry';
import deleteSnatEntry from './delete-snat-entry';
import describeSnatEntries from './describe-snat-entries';
import addDnatEntry from './add-dnat-entry';
import deleteDnatEntry from './delete-dnat-entry';
import describeDnatEntries from './describe-dnat-entries';

export { natFixtures as fixture } from './fixture';

export const operations: Operation[] = [
  addSnatEntry,
  deleteSnatEntry,
  describeSnatEntries,
  addDnatEntry,
  deleteDnatEntry,
  describeDnatEntries,
];
