/** Grants of CCNs to CEN instances and of instances to CCNs; messages verbatim from the metadata unless marked. */
import type { CatalogueEntry } from './entry';

export const ccnGrantErrors = {
  'DuplicatedGrantRule': { status: 400, message: 'The specified privilege granting rule already exists.' },
  'CCN.InvalidUid': { status: 400, message: 'The specified CCN user ID is invalid.' },
  'CCN.InvalidId': { status: 400, message: 'You must specify the CCN instance ID.' },
  'SAG.GrantDuplicated': { status: 400, message: 'You have authorized another CCN instance to bind to the specified SAG instance. Revoke the authorization first.' },
  // Emulator-chosen (undocumented): RevokeInstanceFromCbn of a grant that does not exist; the Terraform provider takes this code for "already revoked".
  'InvalidInstanceId.NotFound': { status: 404, message: 'The specified grant rule does not exist.' },
} satisfies Record<string, CatalogueEntry>;
