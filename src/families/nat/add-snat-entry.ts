/**
 * AddSnatEntry: traffic from a block leaves the device as one address. A
 * block is translated once per instance, and the address may not be one a
 * DNAT entry of the instance receives on.
 */
import { apiError } from '../../protocol/errors';
import { newResourceId } from '../../model/ids';
import { regionOf } from '../../model/regions';
import { defineOperation } from '../operation';
import { activeDeviceIn } from './lookups';
import { isIpv4, isSnatCidr, SNAT_ENTRIES_PER_INSTANCE } from './rules';

interface AddSnatEntryParams {
  RegionId: string;
  SmartAGId: string;
  CidrBlock: string;
  SnatIp: string;
}

export default defineOperation<AddSnatEntryParams>({
  action: 'AddSnatEntry',
  handle(params, context) {
    const instance = activeDeviceIn(context, regionOf(params.RegionId), params.SmartAGId, 'SAG.InstanceNoFound');
    if (!isSnatCidr(params.CidrBlock)) throw apiError('SNAT.InvalidCidr');
    if (!isIpv4(params.SnatIp)) throw apiError('SNAT.InvalidIp');
    const { snatEntries, dnatEntries } = context.store;
    const ofInstance = { accountId: instance.accountId, instanceId: instance.id };
    if (snatEntries.find({ ...ofInstance, cidrBlock: params.CidrBlock })) throw apiError('SNAT.CidrConfigExist');
    if (dnatEntries.find({ ...ofInstance, externalIp: params.SnatIp })) throw apiError('SNAT.SnatDnatIpConflict');
    if (snatEntries.count(ofInstance) >= SNAT_ENTRIES_PER_INSTANCE) throw apiError('SNAT.AmountLimit');
    const id = newResourceId('snat');
    snatEntries.insert({ ...ofInstance, id, cidrBlock: params.CidrBlock, snatIp: params.SnatIp, createdAt: context.now() });
    return { InstanceId: id };
  },
});
