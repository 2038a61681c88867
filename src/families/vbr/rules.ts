/**
 * What a VBR is to Smartag. VBRs belong to VPC, which the emulator does not
 * model: a VbrId is accepted by its shape (`vbr-` and lower-case letters and
 * digits; `*` for the documents' masked samples), a VbrRegionId by the shape
 * of a region id. Anything else answers InvalidId.VBR.
 */
import { apiError } from '../../protocol/errors';

const VBR_ID = /^vbr-[a-z0-9*]{1,64}$/;
const REGION_ID = /^[a-z]{2,}(-[a-z0-9]+){1,4}$/;
/** DescribeSagVbrRelations: "at most 20" VbrInstanceIds (the metadata's maxItems of 50 is the gateway's). */
export const MAX_VBR_IDS = 20;

export function isVbrId(text: string): boolean {
  return VBR_ID.test(text);
}

export function isVbrRegionId(text: string): boolean {
  return REGION_ID.test(text);
}

export function checkVbr(vbrId: string, vbrRegionId?: string): void {
  if (!isVbrId(vbrId) || (vbrRegionId !== undefined && !isVbrRegionId(vbrRegionId))) throw apiError('InvalidId.VBR');
}
