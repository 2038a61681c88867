/**
 * The one renderer: every body the API answers, JSON or XML, success or
 * error, is written here (protocol.md §5).
 */
import type { Format } from './api-request';
import type { ApiError } from './errors';

export const JSON_CONTENT_TYPE = 'application/json;charset=utf-8';
/** Exactly this, no space: the openapi clients parse XML errors only then. */
export const XML_CONTENT_TYPE = 'text/xml;charset=utf-8';
export const HOST_ID = 'smartag.aliyuncs.com';

export interface RenderedResponse {
  status: number;
  contentType: string;
  body: string;
  headers: Record<string, string>;
}

export function renderSuccess(action: string, requestId: string, body: object, format: Format): RenderedResponse {
  const document = { RequestId: requestId, ...body };
  return format === 'XML'
    ? respond(200, XML_CONTENT_TYPE, toXml(`${action}Response`, document), requestId)
    : respond(200, JSON_CONTENT_TYPE, JSON.stringify(document), requestId);
}

/**
 * A success whose body is served again and again (a cached read answer): the body is rendered
 * once per format with a stand-in RequestId, and each call joins its own around it. For a page
 * of 50 instances that turns about 150 µs of JSON or XML writing into one string join.
 */
export function renderRepeatedSuccess(action: string, requestId: string, body: object, format: Format): RenderedResponse {
  let forms = renderedForms.get(body);
  if (!forms) {
    forms = {};
    renderedForms.set(body, forms);
  }
  let parts = forms[format];
  if (!parts) {
    const whole = renderSuccess(action, REQUEST_ID_STAND_IN, body, format).body;
    // RequestId is the document's first field, so its stand-in is the first occurrence.
    const at = whole.indexOf(REQUEST_ID_STAND_IN);
    parts = [whole.slice(0, at), whole.slice(at + REQUEST_ID_STAND_IN.length)];
    forms[format] = parts;
  }
  return respond(200, format === 'XML' ? XML_CONTENT_TYPE : JSON_CONTENT_TYPE, parts[0] + requestId + parts[1], requestId);
}

/** Needs no escaping in JSON or XML, and no answer holds it otherwise. */
const REQUEST_ID_STAND_IN = 'RENDERED-ONCE-REQUEST-ID-STAND-IN';
const renderedForms = new WeakMap<object, Partial<Record<Format, [string, string]>>>();

export function renderError(error: ApiError, requestId: string, format: Format): RenderedResponse {
  const document: Record<string, unknown> = {
    RequestId: requestId,
    HostId: HOST_ID,
    Code: error.code,
    Message: error.message,
    Recommend: recommendUrl(error.code, requestId),
  };
  if (error.details.description) document.Description = error.details.description;
  const rendered = format === 'XML'
    ? respond(error.status, XML_CONTENT_TYPE, toXml('Error', document), requestId)
    : respond(error.status, JSON_CONTENT_TYPE, JSON.stringify(document), requestId);
  Object.assign(rendered.headers, error.details.headers);
  return rendered;
}

export function recommendUrl(code: string, requestId: string): string {
  return `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(code)}&product=Smartag&requestId=${requestId}`;
}

/**
 * Lists keep their JSON wrapper: `{Users:{User:[a,b]}}` becomes
 * `<Users><User>a</User><User>b</User></Users>`.
 *
 * Written by hand, byte for byte what xml2js's Builder (pretty: false) writes
 * for the documents the emulator answers: test/unit/xml-render.test.ts checks
 * that against xml2js on generated documents. xml2js builds an xmlbuilder
 * tree per call: about 7 µs for a success, 10 for an error and 270 for a page
 * of 50 client accounts, against 0.3 to 20 µs here (BENCHMARKS.md).
 */
export function toXml(rootName: string, document: object): string {
  // Parts gathered in one array and joined once: nesting concatenations built a tree of string
  // pieces per answer that V8 then had to flatten, and in the server a page of 50 accounts
  // spent more on that and on collecting the pieces than on writing them (see BENCHMARKS.md).
  const parts: string[] = [XML_DECLARATION];
  writeElement(parts, rootName, document);
  return parts.join('');
}

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

/** An element holding `value`; empty content is written `<Name/>`, as xml2js does. */
function writeElement(parts: string[], name: string, value: unknown): void {
  const tag = tagsOf(name);
  const start = parts.length;
  parts.push(tag.open);
  writeContent(parts, value);
  if (parts.length === start + 1) parts[start] = tag.empty;
  else parts.push(tag.close);
}

interface Tags {
  open: string;
  close: string;
  empty: string;
}

/**
 * The three tags of an element name, made once: the names are the response fields of the
 * spec, and a page of 50 accounts writes about 800 elements. Bounded all the same.
 */
function tagsOf(name: string): Tags {
  let tags = TAGS.get(name);
  if (tags === undefined) {
    tags = { open: `<${name}>`, close: `</${name}>`, empty: `<${name}/>` };
    if (TAGS.size < MAX_TAG_NAMES) TAGS.set(name, tags);
  }
  return tags;
}

const TAGS = new Map<string, Tags>();
const MAX_TAG_NAMES = 2048;

/** What goes between the tags of an element whose value is `value` (xml2js's rules). */
function writeContent(parts: string[], value: unknown): void {
  // undefined as a list item: xml2js throws; an empty element is what it writes for null.
  if (value === undefined || value === null) return;
  if (typeof value !== 'object') {
    pushText(parts, String(value));
    return;
  }
  if (Array.isArray(value)) {
    // An array as a value: each item's own keys become elements.
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) continue;
      const item = value[i] as Record<string, unknown>;
      for (const key in item) writeElement(parts, key, item[key]);
    }
    return;
  }
  for (const key of Object.keys(value)) {
    const child = (value as Record<string, unknown>)[key];
    if (Array.isArray(child)) {
      for (let i = 0; i < child.length; i++) {
        if (i in child) writeElement(parts, key, child[i]);
      }
    } else {
      writeElement(parts, key, child);
    }
  }
}

/** Text content; an empty text adds nothing, so its element is written `<Name/>`. */
function pushText(parts: string[], value: string): void {
  if (value !== '') parts.push(text(value));
}

// XML 1.0 cannot carry most control characters; a user's value may hold
// them, so they are replaced (xml2js would throw).
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Anything that needs a replacement or an escape; most values have none. */
const NEEDS_WORK = /[&<>\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Text content, escaped as xmlbuilder escapes it: `& < >` and carriage return. */
function text(value: string): string {
  if (!NEEDS_WORK.test(value)) return value;
  return value
    .replace(XML_INVALID, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#xD;');
}

function respond(status: number, contentType: string, body: string, requestId: string): RenderedResponse {
  return { status, contentType, body, headers: { 'x-acs-request-id': requestId } };
}
