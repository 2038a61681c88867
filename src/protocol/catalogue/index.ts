/**
 * The one error catalogue: every fixed-text error the emulator can answer,
 * with its HTTP status and exact message, by code (or variant). It is one
 * object, kept in one file per area so that each reads as the error table of
 * its documentation pages. Gateway errors follow the public Alibaba Cloud
 * gateway tables; product errors (SAG.*, ClientUser.*, ...) carry the
 * verbatim messages of the Smartag metadata (test/unit/errors.test.ts checks
 * each against the generated spec). Emulator-only codes are marked as such
 * and listed in the README.
 */
import { gatewayErrors } from './gateway';
import { commonProductErrors } from './common';
import { clientAccountErrors } from './client-accounts';
import { instanceErrors } from './instances';
import { ccnErrors } from './ccns';
import { enterpriseCodeErrors } from './enterprise-codes';
import { aclErrors } from './acls';
import { natErrors } from './nat';
import { vbrErrors } from './vbr';
import { ccnGrantErrors } from './ccn-grants';
import { flowLogErrors } from './flow-logs';
import { qosErrors } from './qos';
import { wireErrors } from './wire';
import { controlPlaneErrors } from './control-plane';

export type { CatalogueEntry } from './entry';

export const catalogue = {
  ...gatewayErrors,
  ...commonProductErrors,
  ...clientAccountErrors,
  ...instanceErrors,
  ...ccnErrors,
  ...enterpriseCodeErrors,
  ...aclErrors,
  ...natErrors,
  ...vbrErrors,
  ...ccnGrantErrors,
  ...flowLogErrors,
  ...qosErrors,
  ...wireErrors,
  ...controlPlaneErrors,
};

export type CatalogueCode = keyof typeof catalogue;
