/** DeleteSnatEntry: removes one SNAT entry of an instance; an unknown entry answers InstanceNotExit (DeleteDnatEntry's code). */
import { regionOf } from '../../model/regions';
import { defineOperation } from '../operation';
import { deviceIn, snatEntryOf } from './lookups';

interface DeleteSnatEntryParams {
  RegionId: string;
  SmartAGId: string;
  InstanceId: string;
}

export default defineOperation<DeleteSnatEntryParams>({
  action: 'DeleteSnatEntry',
  handle(params, context) {
    const instance = deviceIn(context, regionOf(params.RegionId), params.SmartAGId, 'SAG.InstanceNoFound');
    const entry = snatEntryOf(context, instance, params.InstanceId);
    context.store.snatEntries.remove({ accountId: entry.accountId, id: entry.id });
    return {};
  },
});
