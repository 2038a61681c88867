/** DowngradeSmartAccessGatewaySoftware: fewer client accounts, never fewer than those in use. */
import { changeSagAppQuota, type ChangeSagAppQuotaParams } from './change-sag-app-quota';
import { defineOperation } from '../operation';

export default defineOperation<ChangeSagAppQuotaParams>({
  action: 'DowngradeSmartAccessGatewaySoftware',
  handle: (params, context) => changeSagAppQuota('down', params, context),
});
