/**
 * The one renderer: every body the API answers, JSON or XML, success or
 * error, is written here (protocol.md §5).
 */
import { Builder } from 'xml2js';
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

// One builder for the process: xml2js's per-instance setup is the costly part.
const xmlBuilder = new Builder({
  renderOpts: { pretty: false },
  xmldec: { version: '1.0', encoding: 'UTF-8' },
  headless: false,
});

export function renderSuccess(action: string, requestId: string, body: object, format: Format): RenderedResponse {
  const document = { RequestId: requestId, ...body };
  return format === 'XML'
    ? respond(200, XML_CONTENT_TYPE, toXml(`${action}Response`, document), requestId)
    : respond(200, JSON_CONTENT_TYPE, JSON.stringify(document), requestId);
}

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
 * `<Users><User>a</User><User>b</User></Users>`, which is what xml2js does
 * with an array value.
 */
export function toXml(rootName: string, document: object): string {
  return xmlBuilder.buildObject({ [rootName]: xmlSafe(document) });
}

// XML 1.0 cannot carry most control characters; a user's value may hold
// them, so they are replaced rather than letting the builder throw.
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function xmlSafe(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(XML_INVALID, '\uFFFD');
  if (Array.isArray(value)) return value.map(xmlSafe);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) out[key] = xmlSafe(inner);
    return out;
  }
  return value;
}

function respond(status: number, contentType: string, body: string, requestId: string): RenderedResponse {
  return { status, contentType, body, headers: { 'x-acs-request-id': requestId } };
}
