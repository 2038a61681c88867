/**
 * CreateEnterpriseCode: reserves a code for the account. Codes are unique
 * across all accounts; a retry with the ClientToken of the call that
 * created the code succeeds again without a second code.
 */
import { apiError, invalidParameter } from '../../protocol/errors';
import { regionOf } from '../../model/regions';
import { defineOperation, type OperationContext } from '../operation';

interface CreateEnterpriseCodeParams {
  RegionId: string;
  EnterpriseCode: string;
  ClientToken?: string;
}

/**
 * The documented shape: 5 characters, letters and digits, at least one of
 * each. `*` counts as a character too, so that the documentation's masked
 * sample (12P**) works as printed.
 */
const ENTERPRISE_CODE = /^(?=.*[A-Za-z])(?=.*\d)[A-Za-z\d*]{5}$/;

export default defineOperation<CreateEnterpriseCodeParams>({
  action: 'CreateEnterpriseCode',
  handle(params, context) {
    regionOf(params.RegionId);
    if (!ENTERPRISE_CODE.test(params.EnterpriseCode)) {
      throw invalidParameter('EnterpriseCode', 'must be 5 letters and digits, with at least one of each');
    }
    return context.store.transaction(() => {
      if (isRetry(params, context)) return {};
      if (context.store.enterpriseCodes.ownerOf(params.EnterpriseCode) !== undefined) throw apiError('EnterpriseCode.BeenOccupied');
      context.store.enterpriseCodes.insert({
        accountId: context.accountId,
        code: params.EnterpriseCode,
        isDefault: false,
        clientToken: params.ClientToken ?? null,
        createdAt: context.now(),
      });
      return {};
    });
  },
});

function isRetry(params: CreateEnterpriseCodeParams, context: OperationContext): boolean {
  const existing = context.store.enterpriseCodes.find(context.accountId, params.EnterpriseCode);
  return existing !== undefined && params.ClientToken !== undefined && existing.clientToken === params.ClientToken;
}
