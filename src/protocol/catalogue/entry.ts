/** One fixed-text error of the catalogue. */
export interface CatalogueEntry {
  status: number;
  message: string;
  /**
   * The code on the wire, when it differs from the key: the metadata gives
   * some codes another status or message in some operations, and each
   * variant has its own key, `<Code> (<variant>)`.
   */
  code?: string;
}
