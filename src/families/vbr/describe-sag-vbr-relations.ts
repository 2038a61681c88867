/**
 * DescribeSagVbrRelations: which instances the caller's VBRs (of one VBR
 * region) are bound to, in the order the VBRs are named; RegionId, when
 * given, keeps instances of that region only.
 */
import { invalidParameter } from '../../protocol/errors';
import { regionOf } from '../../model/regions';
import { defineOperation } from '../operation';
import { MAX_VBR_IDS } from './rules';
import { relationView } from './views';

interface DescribeSagVbrRelationsParams {
  RegionId?: string;
  VbrRegionId: string;
  VbrInstanceIds: string[];
}

export default defineOperation<DescribeSagVbrRelationsParams>({
  action: 'DescribeSagVbrRelations',
  handle(params, context) {
    const regionId = params.RegionId === undefined ? undefined : regionOf(params.RegionId);
    if (params.VbrInstanceIds.length > MAX_VBR_IDS) throw invalidParameter('VbrInstanceIds', `holds at most ${MAX_VBR_IDS} ids`);
    const rows = context.store.vbrBindings.list({ vbrUid: context.accountId, vbrRegionId: params.VbrRegionId, vbrId: params.VbrInstanceIds, regionId });
    const order = new Map(params.VbrInstanceIds.map((id, i) => [id, i]));
    rows.sort((a, b) => order.get(a.vbrId)! - order.get(b.vbrId)!);
    return { SagVbrRelations: rows.map(relationView) };
  },
});
