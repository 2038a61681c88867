/**
 * What the grant operations accept. CEN belongs to another product: a
 * CenInstanceId is accepted by its shape (`cen-` and lower-case letters and
 * digits, `*` for masked samples), and a grantee's CCN by the shape of a CCN
 * id; the grantee's account need not exist in the emulator.
 */
import { apiError, invalidParameter } from '../../protocol/errors';

const CEN_ID = /^cen-[a-z0-9*]{1,64}$/;
const CCN_ID = /^ccn-[a-z0-9*]{1,64}$/;
/** Alibaba Cloud uids: up to 19 digits, never 0. */
const UID = /^[1-9][0-9]{0,18}$/;

export function isCenId(text: string): boolean {
  return CEN_ID.test(text);
}

export function isCcnId(text: string): boolean {
  return CCN_ID.test(text);
}

export function isUid(text: string): boolean {
  return UID.test(text);
}

export function checkCenId(cenId: string): void {
  if (!isCenId(cenId)) throw invalidParameter('CenInstanceId', 'is not a CEN instance id (cen- then lower-case letters and digits)');
}

export function checkCenUid(uid: number): string {
  const text = String(uid);
  if (!isUid(text)) throw invalidParameter('CenUid', 'is not an Alibaba Cloud account id');
  return text;
}

/** A CcnInstanceId naming some CCN: blank or not shaped like one answers CCN.InvalidId. */
export function checkCcnId(ccnId: string): void {
  if (!isCcnId(ccnId)) throw apiError('CCN.InvalidId');
}

export function checkSmartAgIdGiven(smartAgId: string): void {
  if (smartAgId.trim() === '') throw apiError('SAG.InstanceIdEmpty');
}
