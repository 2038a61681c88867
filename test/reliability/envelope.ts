/**
 * What every API answer must look like, checked the same way by the fuzz
 * and limits tests: the body parses (JSON, or XML under text/xml), an error
 * is the Alibaba envelope with a code the emulator documents, and nothing
 * of the server's insides (stack frames, file paths) leaks out.
 */
import path from 'node:path';
import { parseStringPromise } from 'xml2js';
import { catalogue } from '../../src/protocol/errors';
import { JSON_CONTENT_TYPE, XML_CONTENT_TYPE, HOST_ID, recommendUrl } from '../../src/protocol/render';
import { getOperation, operationNames } from '../../src/spec';

export const UUID_UPPER = /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/;

/** The codes pop-core reads as success: a success body never carries another. */
const SUCCESS_CODES = new Set(['200', 'OK', 'Success', 'success']);

/** Wire code -> the statuses the catalogue gives it (variants share a code). */
const catalogueStatuses = new Map<string, Set<number>>();
for (const [key, entry] of Object.entries(catalogue) as [string, { status: number; code?: string }][]) {
  const code = entry.code ?? key;
  catalogueStatuses.set(code, (catalogueStatuses.get(code) ?? new Set()).add(entry.status));
}

const ACTIONS = new Set(operationNames());
const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
/** A V8 stack frame, `at fn (file:line:col)` or `at file:line:col`. */
const STACK_FRAME = /\bat (?:\S+ \()?[^\s()]+:\d+:\d+\)?/;

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
}

export interface CheckedAnswer {
  status: number;
  code: string | null;
  format: 'JSON' | 'XML';
  document: Record<string, unknown>;
}

export class EnvelopeViolation extends Error {}

function fail(reason: string, answer: Answer): never {
  throw new EnvelopeViolation(`${reason}\n  status ${answer.status}, content-type ${String(answer.headers['content-type'])}\n  body ${answer.body.slice(0, 600)}`);
}

/**
 * Why `code` is not one the emulator documents for the request, or null
 * when it is: a catalogue code with its catalogue status, Missing<Name> for
 * a parameter of the action (or Action, Version), InvalidParameter,
 * SignatureDoesNotMatch, or a product code of the action's spec. `actions`
 * are the operations the request may have named (a query Action, an
 * x-acs-action header).
 */
export function documentedCode(code: string, status: number, actions: readonly string[]): string | null {
  // The gateway's own InvalidParameter (400) is made per parameter, not kept in the catalogue; the product's (403) is.
  if (code === 'InvalidParameter' && status === 400) return null;
  const statuses = catalogueStatuses.get(code);
  if (statuses) return statuses.has(status) ? null : `${code} answered ${status}, the catalogue says ${[...statuses].join(' or ')}`;
  if (code === 'InvalidParameter' || code === 'SignatureDoesNotMatch') return status === 400 ? null : `${code} answered ${status}`;
  const operations = actions.map(getOperation).filter((operation) => operation !== undefined);
  const named = actions.join(' or ') || '(no action)';
  const missing = /^Missing(.+)$/.exec(code);
  if (missing) {
    const name = missing[1].split('.')[0];
    const known = name === 'Action' || name === 'Version' || operations.some((op) => op.parameters.some((p) => p.name === name));
    if (!known) return `${code} names no parameter of ${named}`;
    return status === 400 ? null : `${code} answered ${status}`;
  }
  const documented = operations.some((op) => op.errors.some((error) => error.code === code && error.status === status));
  return documented ? null : `${code} (${status}) is not a code the emulator documents for ${named}`;
}

/**
 * Checks one answer of the API; `actions` are the operations the request
 * may have named (for the code check); `serverError` allows a 5xx (only
 * where the test forces one). Throws EnvelopeViolation.
 */
export async function checkAnswer(answer: Answer, actions: readonly string[] = [], options: { serverError?: boolean } = {}): Promise<CheckedAnswer> {
  const { status, body } = answer;
  if (status >= 500 && !options.serverError) fail(`a ${status}`, answer);
  if (status < 200 || (status >= 300 && status < 400)) fail(`unexpected status ${status}`, answer);
  if (STACK_FRAME.test(body) || body.includes(REPO_ROOT)) fail('the body shows a stack frame or a server path', answer);
  const contentType = answer.headers['content-type'];
  let format: 'JSON' | 'XML';
  let document: Record<string, unknown>;
  if (contentType === JSON_CONTENT_TYPE) {
    format = 'JSON';
    try {
      document = JSON.parse(body);
    } catch {
      fail('the JSON body does not parse', answer);
    }
    if (document === null || typeof document !== 'object' || Array.isArray(document)) fail('the JSON body is not an object', answer);
  } else if (contentType === XML_CONTENT_TYPE) {
    format = 'XML';
    let parsed: Record<string, Record<string, unknown>>;
    try {
      parsed = await parseStringPromise(body, { explicitArray: false });
    } catch {
      fail('the XML body does not parse', answer);
    }
    const [root] = Object.keys(parsed);
    const expected = status >= 400 ? root === 'Error' : root.endsWith('Response') && ACTIONS.has(root.slice(0, -'Response'.length));
    if (!expected) fail(`XML root <${root}> for status ${status}`, answer);
    document = parsed[root] ?? {};
  } else {
    fail('the content type is neither JSON nor XML', answer);
  }

  const requestId = document.RequestId;
  if (typeof requestId !== 'string' || !UUID_UPPER.test(requestId)) fail('no upper-case UUID RequestId', answer);
  if (answer.headers['x-acs-request-id'] !== requestId) fail('x-acs-request-id differs from RequestId', answer);

  if (status < 400) {
    if (status !== 200) fail(`a success with status ${status}`, answer);
    if (document.Code !== undefined && !SUCCESS_CODES.has(String(document.Code))) fail('a success body carries an error Code', answer);
    return { status, code: null, format, document };
  }
  const code = document.Code;
  if (typeof code !== 'string' || code === '') fail('an error without Code', answer);
  if (document.HostId !== HOST_ID) fail('HostId missing or wrong', answer);
  if (typeof document.Message !== 'string' || document.Message === '') fail('an error without Message', answer);
  if (document.Recommend !== recommendUrl(code, requestId)) fail('Recommend missing or wrong', answer);
  const problem = documentedCode(code, status, actions);
  if (problem) fail(problem, answer);
  return { status, code, format, document };
}
