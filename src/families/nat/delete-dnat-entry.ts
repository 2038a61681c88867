/** DeleteDnatEntry: removes one DNAT entry; an unknown instance or entry answers the documented InstanceNotExit. */
import { regionOf } from '../../model/regions';
import { defineOperation } from '../operation';
import { deviceIn, dnatEntryOf } from './lookups';

interface DeleteDnatEntryParams {
  RegionId: string;
  SagId: string;
  DnatEntryId: string;
}

export default defineOperation<DeleteDnatEntryParams>({
  action: 'DeleteDnatEntry',
  handle(params, context) {
    const instance = deviceIn(context, regionOf(params.RegionId), params.SagId, 'InstanceNotExit');
    const entry = dnatEntryOf(context, instance, params.DnatEntryId);
    context.store.dnatEntries.remove({ accountId: entry.accountId, id: entry.id });
    return {};
  },
});
