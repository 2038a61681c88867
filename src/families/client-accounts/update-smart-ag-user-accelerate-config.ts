/**
 * UpdateSmartAGUserAccelerateConfig: an account's own application-
 * acceleration peak (Kbps), at most the instance's peak (Mbps, from the
 * acceleration bandwidth package bound to it; 0 when none is). Checks in
 * order: ClientUser.NameEmpty, ClientUser.NameInvalid, InvalidParameter
 * (Bandwidth below 1), ResourceNotFound.SmartAccessGateway,
 * ResourceNotFound.User, OperationDenied.BandwidthExceeded; then a DryRun
 * call answers DryRunOperation and changes nothing. ClientToken is
 * accepted and not needed: the same call twice leaves the same state.
 */
import { apiError, invalidParameter } from '../../protocol/errors';
import { KBPS_PER_MBPS } from './rules';
import { appInstanceIn, checkExistingUserName, clientUserOn } from './lookups';
import { defineOperation } from '../operation';

interface UpdateAccelerateParams {
  RegionId: string;
  SmartAGId: string;
  UserName: string;
  Bandwidth: number;
  DryRun?: boolean;
  ClientToken?: string;
}

export default defineOperation<UpdateAccelerateParams>({
  action: 'UpdateSmartAGUserAccelerateConfig',
  handle(params, context) {
    checkExistingUserName(params.UserName);
    if (params.Bandwidth < 1) throw invalidParameter('Bandwidth', 'must be at least 1 (Kbps)');
    return context.store.transaction(() => {
      const instance = appInstanceIn(context, params.RegionId, params.SmartAGId, 'ResourceNotFound.SmartAccessGateway');
      const user = clientUserOn(context, instance, params.UserName);
      const instancePeakMbps = context.store.appClientSettings.get(context.accountId, instance.id).accelerateBandwidth;
      if (params.Bandwidth > instancePeakMbps * KBPS_PER_MBPS) throw apiError('OperationDenied.BandwidthExceeded');
      if (params.DryRun) throw apiError('DryRunOperation');
      context.store.clientUsers.update({ ...user, accelerateBandwidth: params.Bandwidth });
      return {};
    });
  },
});
