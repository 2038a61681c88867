/**
 * The shape of the committed spec (smartag-2018-03-13.json), which
 * scripts/gen-spec.ts derives from Alibaba Cloud's api-docs metadata.
 * Examples keep the documented wire text (always a string); defaults and
 * ranges are typed.
 */

export type ValueType = 'string' | 'integer' | 'boolean' | 'array' | 'object';

/** int32 and int64 are the only formats the metadata uses (on integers). */
export type IntegerFormat = 'int32' | 'int64';

/** The shape of a parameter value, a list item or an item's property. */
export interface ValueSpec {
  type: ValueType;
  format?: IntegerFormat;
  /** Set on the properties of object items only; parameters carry their own. */
  required?: boolean;
  enum?: string[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
  items?: ValueSpec;
  properties?: Record<string, ValueSpec>;
  default?: string | number | boolean;
  example?: string;
}

/**
 * How a list travels on the wire. Both styles flatten with 1-based indexes
 * (`Name.1=a`, objects `Name.1.Key=k`); `flat` is what the metadata calls a
 * list of objects in one operation.
 */
export type ParameterStyle = 'repeatList' | 'flat';

export interface ParameterSpec extends ValueSpec {
  name: string;
  required: boolean;
  style?: ParameterStyle;
}

export interface ResponseSchema {
  type: ValueType;
  format?: IntegerFormat;
  enum?: string[];
  properties?: Record<string, ResponseSchema>;
  items?: ResponseSchema;
  example?: string;
}

export interface ErrorSpecEntry {
  code: string;
  /** The HTTP status the metadata lists the code under. */
  status: number;
  /** Verbatim, stray spaces included: clients compare it. */
  message: string;
}

export type OperationType = 'read' | 'write' | 'readAndWrite';

export interface OperationSpec {
  group: string;
  methods: Array<'get' | 'post'>;
  /** null where the metadata does not say. */
  operationType: OperationType | null;
  deprecated: boolean;
  parameters: ParameterSpec[];
  response: ResponseSchema;
  errors: ErrorSpecEntry[];
}

export interface EndpointSpec {
  regionId: string;
  endpoint: string;
}

export interface GroupSpec {
  name: string;
  operations: string[];
}

export interface Spec {
  product: string;
  version: string;
  endpoints: EndpointSpec[];
  groups: GroupSpec[];
  operations: Record<string, OperationSpec>;
}
