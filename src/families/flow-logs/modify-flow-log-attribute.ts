/**
 * ModifyFlowLogAttribute: changes exactly the settings it names; the result
 * must hold together as CreateFlowLog's would (an output switched to `all`
 * needs the fields of both outputs).
 */
import { regionOf } from '../../model/regions';
import { defineOperation } from '../operation';
import { flowLogIn } from './lookups';
import { applied, checkSettings, type SettingParams } from './rules';

interface ModifyFlowLogAttributeParams extends SettingParams {
  RegionId: string;
  FlowLogId: string;
}

export default defineOperation<ModifyFlowLogAttributeParams>({
  action: 'ModifyFlowLogAttribute',
  handle(params, context) {
    const flowLog = flowLogIn(context, regionOf(params.RegionId), params.FlowLogId);
    const settings = applied(flowLog, params);
    checkSettings(settings);
    context.store.flowLogs.update({ accountId: flowLog.accountId, id: flowLog.id }, {
      name: params.Name,
      description: params.Description,
      ...settings,
    });
    return {};
  },
});
