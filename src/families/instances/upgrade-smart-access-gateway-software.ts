/** UpgradeSmartAccessGatewaySoftware: more client accounts for a SAG APP instance. */
import { changeSagAppQuota, type ChangeSagAppQuotaParams } from './change-sag-app-quota';
import { defineOperation } from '../operation';

export default defineOperation<ChangeSagAppQuotaParams>({
  action: 'UpgradeSmartAccessGatewaySoftware',
  handle: (params, context) => changeSagAppQuota('up', params, context),
});
