/** VBR bindings and grants; messages verbatim from the metadata. */
import type { CatalogueEntry } from './entry';

export const vbrErrors = {
  'InvalidId.VBR': { status: 400, message: 'The specified VBR instance is invalid. You must specify a VBR instance that is associated with an ECC instance.' },
  'SAG.SoftwareNoSupportVbr': { status: 400, message: 'You cannot bind an SAG software instance with a VBR instance.' },
  'SAG.VbrBound': { status: 400, message: 'The specified SAG instance is bound to another VBR instance. Unbind them first.' },
  'SAG.VbrBoundToSAG': { status: 400, message: 'The specified VBR instance is bound to another SAG instance. Unbind them first.' },
} satisfies Record<string, CatalogueEntry>;
