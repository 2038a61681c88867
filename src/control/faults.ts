/**
 * Fault injection: rules that make chosen API calls fail, slow down, or
 * succeed ambiguously (the change is committed, then the client sees an
 * error or a dropped connection: the case that makes retries create
 * duplicates). The dispatcher asks `match` once per call, after routing
 * and authentication. Rules live in memory only.
 *
 * Rules are tried in the order they were added. Every rule whose filter
 * matches counts the call (`calls`); the first of them whose trigger fires
 * applies (`fired`), the others do not fire for this call.
 */
import { ApiError, apiError, catalogue, customError, type CatalogueCode } from '../protocol/errors';
import { getOperation } from '../spec';
import { ACCOUNT_ID_PATTERN, bodyChecker, invalidRequest } from './input';

export interface FaultErrorInput {
  /** Default ServiceUnavailable. */
  code?: string;
  /** Default: the catalogue's for a known code, else 400. */
  status?: number;
  /** Default: the catalogue's for a known code, else a generic text. */
  message?: string;
  /** Value of the x-acs-retry-after header; codes containing "Throttling" send 1 unless told. */
  retryAfter?: number;
}

export interface FaultRuleInput {
  /** An Action of the API, or "*" for every one. */
  action: string;
  account?: string;
  /** Matches the RegionId parameter. */
  region?: string;
  /** Parameters that must have exactly these values. */
  params?: Record<string, string>;
  /** Trigger, at most one; none fires on every matching call. */
  probability?: number;
  nth?: number;
  times?: number;
  /** Effects: delay the answer; answer an error instead; or commit, then fail. */
  latencyMs?: number;
  error?: FaultErrorInput;
  ambiguous?: FaultErrorInput & { disconnect?: boolean };
}

export interface FaultError {
  code: string;
  status: number;
  message: string;
  retryAfter?: number;
}

export interface FaultRule {
  id: string;
  action: string;
  account?: string;
  region?: string;
  params?: Record<string, string>;
  probability?: number;
  nth?: number;
  times?: number;
  latencyMs?: number;
  error?: FaultError;
  ambiguous?: FaultError | { disconnect: true };
  /** Matching calls seen so far. */
  calls: number;
  /** Calls it applied to. */
  fired: number;
}

export interface FaultCall {
  action: string;
  accountId: string;
  params: Record<string, string>;
}

export interface FiredFault {
  id: string;
  latencyMs: number;
  /** Answered instead of running the call. */
  error?: ApiError;
  /** Answered (or the connection dropped) after the call has committed. */
  ambiguous?: ApiError | 'disconnect';
}

/**
 * Every call is matched against every rule, so their number and size are
 * bounded; the catalogue's message for Emulator.FaultLimitExceeded states
 * MAX_FAULT_RULES.
 */
export const MAX_FAULT_RULES = 100;
const MAX_MATCHED_PARAMS = 20;

const errorSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    code: { type: 'string', minLength: 1, maxLength: 128 },
    status: { type: 'integer', minimum: 400, maximum: 599 },
    message: { type: 'string', maxLength: 1024 },
    retryAfter: { type: 'integer', minimum: 0 },
  },
};

const checkRule = bodyChecker<FaultRuleInput>({
  type: 'object',
  additionalProperties: false,
  required: ['action'],
  properties: {
    action: { type: 'string', minLength: 1, maxLength: 128 },
    account: { type: 'string', pattern: ACCOUNT_ID_PATTERN },
    region: { type: 'string', minLength: 1, maxLength: 64 },
    params: {
      type: 'object',
      maxProperties: MAX_MATCHED_PARAMS,
      propertyNames: { maxLength: 128 },
      additionalProperties: { type: 'string', maxLength: 1024 },
    },
    probability: { type: 'number', minimum: 0, maximum: 1 },
    nth: { type: 'integer', minimum: 1 },
    times: { type: 'integer', minimum: 1 },
    latencyMs: { type: 'integer', minimum: 0, maximum: 600_000 },
    error: errorSchema,
    ambiguous: { ...errorSchema, properties: { ...errorSchema.properties, disconnect: { type: 'boolean' } } },
  },
});

export class FaultRules {
  private rules: FaultRule[] = [];
  private lastId = 0;

  /** `random` is injectable so probabilities can be tested deterministically. */
  constructor(private readonly random: () => number = Math.random) {}

  add(input: unknown): FaultRule {
    if (this.rules.length >= MAX_FAULT_RULES) {
      throw apiError('Emulator.FaultLimitExceeded', { description: `${this.rules.length} rules are in place.` });
    }
    const rule = toRule(checkRule(input), `f${this.lastId + 1}`);
    this.lastId++;
    this.rules.push(rule);
    return { ...rule };
  }

  list(): FaultRule[] {
    return this.rules.map((rule) => ({ ...rule }));
  }

  remove(id: string): void {
    const before = this.rules.length;
    this.rules = this.rules.filter((rule) => rule.id !== id);
    if (this.rules.length === before) throw apiError('Emulator.FaultNotFound', { description: `No fault rule "${id}".` });
  }

  /** Removes every rule; returns how many there were. */
  clear(): number {
    const count = this.rules.length;
    this.rules = [];
    return count;
  }

  match(call: FaultCall): FiredFault | undefined {
    let chosen: FaultRule | undefined;
    for (const rule of this.rules) {
      if (!matches(rule, call)) continue;
      rule.calls++;
      if (chosen || !this.triggers(rule)) continue;
      rule.fired++;
      chosen = rule;
    }
    return chosen && fire(chosen);
  }

  private triggers(rule: FaultRule): boolean {
    if (rule.probability !== undefined) return this.random() < rule.probability;
    if (rule.nth !== undefined) return rule.calls === rule.nth;
    if (rule.times !== undefined) return rule.fired < rule.times;
    return true;
  }
}

function toRule(input: FaultRuleInput, id: string): FaultRule {
  if (input.action !== '*' && !getOperation(input.action)) {
    throw invalidRequest(`At /action: "${input.action}" is not an Action of Smartag 2018-03-13 (use "*" for every action).`);
  }
  const triggers = (['probability', 'nth', 'times'] as const).filter((name) => input[name] !== undefined);
  if (triggers.length > 1) throw invalidRequest(`Use at most one of probability, nth and times (got ${triggers.join(', ')}).`);
  if (input.error && input.ambiguous) throw invalidRequest('A rule has either error or ambiguous, not both.');
  if (!input.error && !input.ambiguous && input.latencyMs === undefined) {
    throw invalidRequest('A rule needs an effect: error, ambiguous or latencyMs.');
  }
  const rule: FaultRule = { id, action: input.action, calls: 0, fired: 0 };
  if (input.account !== undefined) rule.account = input.account;
  if (input.region !== undefined) rule.region = input.region;
  if (input.params !== undefined) rule.params = { ...input.params };
  for (const name of ['probability', 'nth', 'times', 'latencyMs'] as const) {
    if (input[name] !== undefined) rule[name] = input[name];
  }
  if (input.error) rule.error = resolveError(input.error);
  if (input.ambiguous) rule.ambiguous = input.ambiguous.disconnect ? { disconnect: true } : resolveError(input.ambiguous);
  return rule;
}

/** Fills what was left out from the catalogue. */
function resolveError(input: FaultErrorInput): FaultError {
  const code = input.code ?? 'ServiceUnavailable';
  const known = Object.hasOwn(catalogue, code) ? catalogue[code as CatalogueCode] : undefined;
  const resolved: FaultError = {
    code,
    status: input.status ?? known?.status ?? 400,
    message: input.message ?? known?.message ?? 'The request has failed (fault injected by the emulator).',
  };
  const retryAfter = input.retryAfter ?? (code.includes('Throttling') ? 1 : undefined);
  if (retryAfter !== undefined) resolved.retryAfter = retryAfter;
  return resolved;
}

function matches(rule: FaultRule, call: FaultCall): boolean {
  if (rule.action !== '*' && rule.action !== call.action) return false;
  if (rule.account !== undefined && rule.account !== call.accountId) return false;
  if (rule.region !== undefined && rule.region !== call.params.RegionId) return false;
  if (rule.params) {
    for (const [name, value] of Object.entries(rule.params)) if (call.params[name] !== value) return false;
  }
  return true;
}

function fire(rule: FaultRule): FiredFault {
  const fired: FiredFault = { id: rule.id, latencyMs: rule.latencyMs ?? 0 };
  if (rule.error) fired.error = toApiError(rule.error);
  if (rule.ambiguous) fired.ambiguous = 'disconnect' in rule.ambiguous ? 'disconnect' : toApiError(rule.ambiguous);
  return fired;
}

function toApiError(error: FaultError): ApiError {
  const headers = error.retryAfter === undefined ? undefined : { 'x-acs-retry-after': String(error.retryAfter) };
  return customError(error.code, error.status, error.message, { headers });
}
