/**
 * ModifyClientUserDNS: the DNS servers a SAG APP instance gives its
 * clients. Both lists are replaced whole: one left out is cleared, as
 * documented for AppDNS. Checks in order: InvalidParam.Ip (an item that is
 * not an IPv4 address), SAG.InstanceNoFound.
 */
import { apiError } from '../../protocol/errors';
import { parseIpv4 } from '../../model/cidr';
import { appInstanceIn } from './lookups';
import { defineOperation } from '../operation';

interface ModifyClientUserDnsParams {
  RegionId: string;
  SmartAGId: string;
  AppDNS?: string[];
  RecoveredDNS?: string[];
}

export default defineOperation<ModifyClientUserDnsParams>({
  action: 'ModifyClientUserDNS',
  handle(params, context) {
    const appDns = params.AppDNS ?? [];
    const recoveredDns = params.RecoveredDNS ?? [];
    if ([...appDns, ...recoveredDns].some((ip) => parseIpv4(ip) === undefined)) throw apiError('InvalidParam.Ip');
    return context.store.transaction(() => {
      const instance = appInstanceIn(context, params.RegionId, params.SmartAGId);
      context.store.appClientSettings.setDns(context.accountId, instance.id, appDns, recoveredDns);
      return {};
    });
  },
});
