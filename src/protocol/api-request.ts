/** One API call as the emulator reads it off the wire, before validation. */

export type Format = 'JSON' | 'XML';

/** Which signature scheme the request claims (protocol.md section 1). */
export type SignatureScheme = 'v3' | 'v1' | 'none';

/** Flat parameters exactly as sent, repeat lists still flat (`UserNames.1`). */
export type Params = Record<string, string>;

export interface ApiRequest {
  method: 'GET' | 'POST';
  /** Path without the query, exactly as the client sent it (v3 signs it). */
  path: string;
  /** Query parameters alone, decoded (v3 canonical query). */
  query: Params;
  /** Query and form body merged, decoded; body values win. */
  params: Params;
  /** The raw request body ('' when none): v3 hashes it. */
  rawBody: string;
  /** Request headers, names in lower case, as Node gives them. */
  headers: Record<string, string | string[] | undefined>;
  action: string;
  version: string;
  format: Format;
  scheme: SignatureScheme;
}
