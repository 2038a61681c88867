/** Product codes that several resource families answer; messages verbatim from the metadata. */
import type { CatalogueEntry } from './entry';

export const commonProductErrors = {
  'InvalidRegionID': { status: 400, message: 'The specified regionId does not exist.' },
  'InvalidName': { status: 400, message: 'The specified name is invalid.' },
  'InvalidDescription': { status: 400, message: 'The specified description is invalid.' },
  'InvalidName (403)': { code: 'InvalidName', status: 403, message: 'Name not valid.' },
  'InvalidDescription (403)': { code: 'InvalidDescription', status: 403, message: 'Description not valid.' },
  'InvalidId.SMARTAG': { status: 403, message: 'The specified smart access gateway instance id is invalid.' },
  'SmartAccessGatewayNotActivated': { status: 400, message: 'The specified Smart Access Gateway has not been activated.' },
  'SmartAccessGatewayInArrears': { status: 400, message: 'The specified Smart Access Gateway has expired.' },
  // The product's own refusal of a value (the gateway's InvalidParameter is 400 and names the parameter).
  'InvalidParameter (403)': { code: 'InvalidParameter', status: 403, message: 'The specified parameter is invalid.' },
  'FeatureNotSupport': { status: 403, message: 'The current edition of the smart access gateway does not support this feature.' },
  'ActionNotSupport': { status: 400, message: 'The specified instance does not support this action.' },
} satisfies Record<string, CatalogueEntry>;
