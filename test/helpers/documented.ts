/**
 * Expected errors read from the metadata itself (the generated spec), not
 * from the emulator's catalogue: a test built on them checks that an
 * operation answers exactly the status and message its documentation gives.
 */
import { spec } from '../../src/spec';
import type { ExpectedError } from './api-expect';

/** The error `code` as `action` documents it; throws when the action does not document it. */
export function documentedError(action: string, code: string, status?: number): ExpectedError {
  const entry = spec.operations[action]?.errors.find((error) => error.code === code && (status === undefined || error.status === status));
  if (!entry) throw new Error(`${action} documents no ${code}${status ? ` (${status})` : ''}`);
  return [entry.status, entry.code, entry.message];
}

/** A code some other operation documents, for an operation whose own table lacks it (README, "How the emulator decides"). */
export function documentedElsewhere(code: string, status?: number): ExpectedError {
  for (const operation of Object.values(spec.operations)) {
    const entry = operation.errors.find((error) => error.code === code && (status === undefined || error.status === status));
    if (entry) return [entry.status, entry.code, entry.message];
  }
  throw new Error(`no operation documents ${code}`);
}
