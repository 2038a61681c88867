/** Emulator-only: the control plane under /_emulator/ (never an API answer); Description says why. */
import type { CatalogueEntry } from './entry';

export const controlPlaneErrors = {
  'Emulator.InvalidRequest': { status: 400, message: 'The control-plane request is not valid.' },
  'Emulator.InvalidFixture': { status: 400, message: 'The fixture is not valid.' },
  'Emulator.InvalidSnapshotName': { status: 400, message: 'A snapshot name is 1 to 64 characters from A-Z, a-z, 0-9, ".", "_" and "-".' },
  'Emulator.AccountNotFound': { status: 404, message: 'The specified account does not exist.' },
  'Emulator.AccountExists': { status: 409, message: 'The specified account already exists.' },
  'Emulator.SnapshotNotFound': { status: 404, message: 'The specified snapshot does not exist.' },
  'Emulator.FaultNotFound': { status: 404, message: 'The specified fault rule does not exist.' },
  'Emulator.Unauthorized': { status: 401, message: 'The control plane requires the admin token: send it in the x-emulator-token header or as Authorization: Bearer <token>.' },
  'Emulator.ControlPlaneDisabled': { status: 403, message: 'The control plane is disabled: the emulator listens beyond loopback and no admin token is set (--admin-token or SMARTAG_ADMIN_TOKEN).' },
  'Emulator.HostNotAllowed': { status: 403, message: 'Without an admin token the control plane answers only calls addressed to a loopback name (localhost, 127.x.x.x, [::1]) or the address the emulator listens on.' },
  'Emulator.OriginNotAllowed': { status: 403, message: 'The control plane refuses calls from web pages of other sites: a browser Origin must be a loopback origin or the address the emulator listens on.' },
  'Emulator.UnsupportedMediaType': { status: 415, message: 'A control-plane body must be JSON, sent with Content-Type: application/json.' },
  'Emulator.SnapshotLimitExceeded': { status: 409, message: 'The emulator keeps at most 100 snapshots: delete one first (DELETE /_emulator/snapshots/{name}).' },
  'Emulator.FaultLimitExceeded': { status: 409, message: 'The emulator keeps at most 100 fault rules: delete one first (DELETE /_emulator/faults/{id}).' },
} satisfies Record<string, CatalogueEntry>;
