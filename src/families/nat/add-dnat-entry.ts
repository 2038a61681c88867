/**
 * AddDnatEntry: forwards an external address and port to an internal one.
 * An Internet entry listens on the device's current public address, so its
 * ExternalIp is not needed and not kept; an Intranet entry needs one.
 */
import { apiError } from '../../protocol/errors';
import { newResourceId } from '../../model/ids';
import { regionOf } from '../../model/regions';
import { defineOperation } from '../operation';
import { activeDeviceIn } from './lookups';
import { DEFAULT_DNAT_TYPE, DNAT_ENTRIES_PER_INSTANCE, DNAT_TYPES, dnatPortOf, dnatProtocolOf, isIpv4, portsFitDnat } from './rules';

interface AddDnatEntryParams {
  RegionId: string;
  SagId: string;
  Type?: string;
  ExternalIp?: string;
  ExternalPort: string;
  InternalIp: string;
  IpProtocol: string;
  InternalPort: string;
}

function illegal(): never {
  throw apiError('IllegalParam');
}

export default defineOperation<AddDnatEntryParams>({
  action: 'AddDnatEntry',
  handle(params, context) {
    const instance = activeDeviceIn(context, regionOf(params.RegionId), params.SagId, 'InvalidId.SMARTAG');
    const type = params.Type ?? DEFAULT_DNAT_TYPE;
    if (!DNAT_TYPES.includes(type)) illegal();
    const ipProtocol = dnatProtocolOf(params.IpProtocol) ?? illegal();
    const externalPort = dnatPortOf(params.ExternalPort) ?? illegal();
    const internalPort = dnatPortOf(params.InternalPort) ?? illegal();
    if (!portsFitDnat(ipProtocol, externalPort, internalPort)) illegal();
    if (!isIpv4(params.InternalIp)) illegal();
    let externalIp = '';
    if (type === DEFAULT_DNAT_TYPE) {
      if (params.ExternalIp === undefined) throw apiError('MissingParam');
      if (!isIpv4(params.ExternalIp)) illegal();
      externalIp = params.ExternalIp;
    }
    const { dnatEntries } = context.store;
    const ofInstance = { accountId: instance.accountId, instanceId: instance.id };
    const entry = { ...ofInstance, id: newResourceId('fwd'), type, ipProtocol, externalIp, externalPort, internalIp: params.InternalIp, internalPort, createdAt: context.now() };
    if (dnatEntries.find({ ...ofInstance, type, ipProtocol, externalIp, externalPort, internalIp: entry.internalIp, internalPort })) throw apiError('DuplicatedDnatEntry');
    if (dnatEntries.count(ofInstance) >= DNAT_ENTRIES_PER_INSTANCE) throw apiError('QuotaExceeded.DnatPerSag');
    dnatEntries.insert(entry);
    return { DnatEntryId: entry.id };
  },
});
