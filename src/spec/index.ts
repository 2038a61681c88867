/**
 * The Smartag 2018-03-13 API surface, loaded from the committed spec that
 * scripts/gen-spec.ts derives from Alibaba Cloud's metadata.
 */
import specJson from './smartag-2018-03-13.json';
import type { EndpointSpec, OperationSpec, Spec } from './types';

export type {
  EndpointSpec,
  ErrorSpecEntry,
  GroupSpec,
  OperationSpec,
  ParameterSpec,
  ResponseSchema,
  Spec,
  ValueSpec,
  ValueType,
} from './types';

// The JSON's inferred type widens every literal to string; the generator is what guarantees the Spec shape.
export const spec = specJson as unknown as Spec;

export const endpoints: readonly EndpointSpec[] = spec.endpoints;

/** The region ids the real service has endpoints in. */
export const regions: readonly string[] = endpoints.map((endpoint) => endpoint.regionId);

/** The operation of an exact Action name; never an Object.prototype member. */
export function getOperation(action: string): OperationSpec | undefined {
  return Object.hasOwn(spec.operations, action) ? spec.operations[action] : undefined;
}

/** Every Action name, sorted. */
export function operationNames(): string[] {
  return Object.keys(spec.operations);
}
