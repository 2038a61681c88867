/** VBR bindings of SAG devices and grants to other accounts' VBRs: the family's operations. */
import type { Operation } from '../operation';
import bindVbr from './bind-vbr';
import unbindVbr from './unbind-vbr';
import grantSagInstanceToVbr from './grant-sag-instance-to-vbr';
import revokeInstanceFromVbr from './revoke-instance-from-vbr';
import describeGrantSagVbrRules from './describe-grant-sag-vbr-rules';
import describeSagVbrRelations from './describe-sag-vbr-relations';

export { vbrFixtures as fixture } from './fixture';

export const operations: Operation[] = [
  bindVbr,
  unbindVbr,
  grantSagInstanceToVbr,
  revokeInstanceFromVbr,
  describeGrantSagVbrRules,
  describeSagVbrRelations,
];
