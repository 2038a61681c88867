/** CreateQosPolicy: a new traffic classification rule in a QoS policy, answered as stored. */
import { apiError } from '../../protocol/errors';
import { newResourceId } from '../../model/ids';
import { regionOf } from '../../model/regions';
import { defineOperation } from '../operation';
import { qosIn } from './lookups';
import { checkedProtocol, checkPolicyValues, POLICIES_PER_QOS, type PolicyValues } from './rules';
import { policyView } from './views';

interface CreateQosPolicyParams extends PolicyValues {
  RegionId: string;
  QosId: string;
  Priority: number;
  IpProtocol: string;
  SourceCidr: string;
  DestCidr: string;
  SourcePortRange: string;
  DestPortRange: string;
}

export default defineOperation<CreateQosPolicyParams>({
  action: 'CreateQosPolicy',
  handle(params, context) {
    const qos = qosIn(context, regionOf(params.RegionId), params.QosId);
    const ipProtocol = checkedProtocol(params.IpProtocol);
    const shape = {
      ipProtocol,
      sourcePortRange: params.SourcePortRange,
      destPortRange: params.DestPortRange,
      startTime: params.StartTime ?? '',
      endTime: params.EndTime ?? '',
    };
    checkPolicyValues(params, shape);
    const { qosPolicies } = context.store;
    if (qosPolicies.count({ accountId: qos.accountId, qosId: qos.id }) >= POLICIES_PER_QOS) throw apiError('QosPolicyPerQosAmountLimit');
    const policy = {
      accountId: qos.accountId,
      qosId: qos.id,
      id: newResourceId('qospy'),
      name: params.Name ?? '',
      description: params.Description ?? '',
      priority: params.Priority,
      ...shape,
      sourceCidr: params.SourceCidr,
      destCidr: params.DestCidr,
      dpiSignatureIds: (params.DpiSignatureIds ?? []).join(','),
      dpiGroupIds: (params.DpiGroupIds ?? []).join(','),
      createdAt: context.now(),
    };
    qosPolicies.insert(policy);
    return policyView(policy);
  },
});
