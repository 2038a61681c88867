/** QoS policies, their traffic classification and rate-limit rules, and the instances they apply to. */
import type { Operation } from '../operation';
import createQos from './create-qos';
import describeQoses from './describe-qoses';
import modifyQos from './modify-qos';
import deleteQos from './delete-qos';
import associateQos from './associate-qos';
import disassociateQos from './disassociate-qos';
import getQosAttribute from './get-qos-attribute';
import createQosPolicy from './create-qos-policy';
import describeQosPolicies from './describe-qos-policies';
import modifyQosPolicy from './modify-qos-policy';
import deleteQosPolicy from './delete-qos-policy';
import createQosCar from './create-qos-car';
import describeQosCars from './describe-qos-cars';
import modifyQosCar from './modify-qos-car';
import deleteQosCar from './delete-qos-car';

export { qosFixtures as fixture } from './fixture';

export const operations: Operation[] = [
  createQos,
  describeQoses,
  modifyQos,
  deleteQos,
  associateQos,
  disassociateQos,
  getQosAttribute,
  createQosPolicy,
  describeQosPolicies,
  modifyQosPolicy,
  deleteQosPolicy,
  createQosCar,
  describeQosCars,
  modifyQosCar,
  deleteQosCar,
];
