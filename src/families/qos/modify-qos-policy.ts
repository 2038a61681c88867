/** ModifyQosPolicy: changes exactly the values it names; ports and times are checked as they will be. */
import { regionOf } from '../../model/regions';
import { defineOperation } from '../operation';
import { policyOf, qosIn } from './lookups';
import { checkedProtocol, checkPolicyValues, type PolicyValues } from './rules';

interface ModifyQosPolicyParams extends PolicyValues {
  RegionId: string;
  QosId: string;
  QosPolicyId: string;
}

export default defineOperation<ModifyQosPolicyParams>({
  action: 'ModifyQosPolicy',
  handle(params, context) {
    const qos = qosIn(context, regionOf(params.RegionId), params.QosId);
    const policy = policyOf(context, qos, params.QosPolicyId);
    const shape = {
      ipProtocol: params.IpProtocol === undefined ? policy.ipProtocol : checkedProtocol(params.IpProtocol),
      sourcePortRange: params.SourcePortRange ?? policy.sourcePortRange,
      destPortRange: params.DestPortRange ?? policy.destPortRange,
      startTime: params.StartTime ?? policy.startTime,
      endTime: params.EndTime ?? policy.endTime,
    };
    checkPolicyValues(params, shape);
    context.store.qosPolicies.update({ accountId: policy.accountId, id: policy.id }, {
      name: params.Name,
      description: params.Description,
      priority: params.Priority,
      ...shape,
      sourceCidr: params.SourceCidr,
      destCidr: params.DestCidr,
      dpiSignatureIds: params.DpiSignatureIds?.join(','),
      dpiGroupIds: params.DpiGroupIds?.join(','),
    });
    return {};
  },
});
