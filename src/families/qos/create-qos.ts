/** CreateQos: a new QoS policy, with no rules, in a region. */
import { apiError } from '../../protocol/errors';
import { defaultResourceGroupId, newResourceId } from '../../model/ids';
import { regionOf } from '../../model/regions';
import { defineOperation } from '../operation';
import { checkedDescription, isQosName, QOSES_PER_ACCOUNT } from './rules';

interface CreateQosParams {
  RegionId: string;
  QosName: string;
  QosDescription?: string;
}

export default defineOperation<CreateQosParams>({
  action: 'CreateQos',
  handle(params, context) {
    const regionId = regionOf(params.RegionId);
    if (!isQosName(params.QosName)) throw apiError('InvalidParameter.Name');
    const description = checkedDescription(params.QosDescription) ?? '';
    const { qoses } = context.store;
    // The quota is the account's, across regions, as the ACLs'.
    if (qoses.count({ accountId: context.accountId }) >= QOSES_PER_ACCOUNT) throw apiError('QosAmountLimit');
    const id = newResourceId('qos');
    qoses.insert({ accountId: context.accountId, id, regionId, name: params.QosName, description, createdAt: context.now() });
    return { QosId: id, ResourceGroupId: defaultResourceGroupId(context.accountId) };
  },
});
