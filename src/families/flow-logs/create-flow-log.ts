/** CreateFlowLog: a new flow log in a region, Active, capturing no instance yet. */
import { apiError } from '../../protocol/errors';
import { defaultResourceGroupId, newResourceId } from '../../model/ids';
import { regionOf } from '../../model/regions';
import { defineOperation } from '../operation';
import { applied, checkSettings, DEFAULT_SETTINGS, FLOW_LOGS_PER_ACCOUNT, INITIAL_STATUS, type SettingParams } from './rules';

interface CreateFlowLogParams extends SettingParams {
  RegionId: string;
}

export default defineOperation<CreateFlowLogParams>({
  action: 'CreateFlowLog',
  handle(params, context) {
    const regionId = regionOf(params.RegionId);
    const settings = applied(DEFAULT_SETTINGS, params);
    checkSettings(settings);
    const { flowLogs } = context.store;
    if (flowLogs.count({ accountId: context.accountId }) >= FLOW_LOGS_PER_ACCOUNT) throw apiError('QuotaExceeded.Flowlog');
    const id = newResourceId('fl');
    flowLogs.insert({
      accountId: context.accountId,
      id,
      regionId,
      name: params.Name ?? '',
      description: params.Description ?? '',
      status: INITIAL_STATUS,
      ...settings,
      createdAt: context.now(),
    });
    return { FlowLogId: id, ResourceGroupId: defaultResourceGroupId(context.accountId) };
  },
});
