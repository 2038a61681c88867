/** DescribeClientUserDNS: the DNS servers a SAG APP instance gives its clients (empty lists when none are set). */
import { appInstanceIn } from './lookups';
import { defineOperation } from '../operation';

interface DescribeClientUserDnsParams {
  RegionId: string;
  SmartAGId: string;
}

export default defineOperation<DescribeClientUserDnsParams>({
  action: 'DescribeClientUserDNS',
  handle(params, context) {
    const instance = appInstanceIn(context, params.RegionId, params.SmartAGId);
    const settings = context.store.appClientSettings.get(context.accountId, instance.id);
    return { AppDNS: settings.appDns, RecoveredDNS: settings.recoveredDns };
  },
});
