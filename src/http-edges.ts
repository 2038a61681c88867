/**
 * HTTP at its edges: what a connection gets when a request cannot be served
 * as an API call. Every answer is in the Alibaba envelope where HTTP allows a
 * body, no answer already owed on the connection is lost, and a connection is
 * never closed under a client that is still sending (that would reset it,
 * and a client busy writing would see `EPIPE` instead of the answer).
 */
import { STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { apiError, type CatalogueCode } from './protocol/errors';
import { renderError } from './protocol/render';
import { newRequestId } from './dispatcher';
import { VERSION } from './version';

/**
 * After an answer that leaves a body unread (413), the rest of the body is
 * read and discarded for at most this long and this many bytes, then the
 * connection closes (nginx's lingering close): long enough for a client on
 * loopback to finish writing a few hundred MiB, short enough that nobody can
 * hold the server by never finishing.
 */
export const LINGER_MS = 5000;
export const LINGER_BYTES = 64 * 1024 * 1024;

/** The whole error answer as bytes on the wire, closing the connection. */
export function rawErrorAnswer(code: CatalogueCode, description?: string): string {
  const response = renderError(apiError(code, description === undefined ? {} : { description }), newRequestId(), 'JSON');
  const head = [
    `HTTP/1.1 ${response.status} ${STATUS_CODES[response.status]}`,
    `content-type: ${response.contentType}`,
    `content-length: ${Buffer.byteLength(response.body)}`,
    'connection: close',
    `x-emulator-version: ${VERSION}`,
    ...Object.entries(response.headers).map(([name, value]) => `${name}: ${value}`),
  ];
  return `${head.join('\r\n')}\r\n\r\n${response.body}`;
}

/**
 * Node's parser failed on this connection (a malformed request line or header, headers too
 * large, the request timed out). Answers already owed for the requests before it are written
 * first, in order, waiting at most `waitMs`; then this error, and the connection closes
 * gracefully. A request already answered before its body was read (a 413 still draining)
 * gets no second answer: the connection just closes.
 */
export function answerParseError(socket: Socket, code: CatalogueCode, waitMs: number): void {
  const flagged = socket as Socket & { [ANSWERED]?: boolean };
  // The failed parser reports every later chunk again: answer once.
  if (flagged[ANSWERED]) return;
  flagged[ANSWERED] = true;
  // Stop feeding the failed parser; what the client still sends is read and dropped.
  socket.removeAllListeners('data');
  socket.on('data', () => undefined);
  closeAfterOwedAnswers(socket, answeredEarly(socket) ? undefined : rawErrorAnswer(code), waitMs);
}

/**
 * Writes `answer` (when there is one) once every answer owed on the connection has been
 * written, waiting at most `waitMs`, then ends the connection and lingers briefly so the
 * client reads it rather than a reset.
 */
function closeAfterOwedAnswers(socket: Socket, answer: string | undefined, waitMs: number): void {
  const giveUp = setTimeout(() => socket.destroy(), waitMs + PARSE_ERROR_LINGER_MS);
  giveUp.unref();
  socket.once('close', () => clearTimeout(giveUp));
  afterOwedAnswers(socket, () => {
    if (!socket.writable) return socket.destroy();
    if (answer === undefined) socket.end();
    else socket.end(answer);
    lingerThenClose(socket, PARSE_ERROR_LINGER_MS);
  });
}

const ANSWERED = Symbol('parse error answered');
/** The request on this connection answered before its body was read (drainUnreadBody). */
const EARLY_ANSWERED = Symbol('answered before its body was read');

type Marked = Socket & { [EARLY_ANSWERED]?: IncomingMessage };

/** The request being read was answered already (a 413 draining): it is owed nothing more. */
function answeredEarly(socket: Socket): boolean {
  const request = (socket as Marked)[EARLY_ANSWERED];
  return request !== undefined && !request.complete;
}

interface HeldResponse extends NodeJS.EventEmitter {
  writableFinished: boolean;
  writableEnded: boolean;
  req?: IncomingMessage;
}

/**
 * Runs `then` once every response Node holds for this connection (the current one and any
 * queued behind it) has been written. A response whose request never arrived whole is the
 * failed request itself (a timed-out or malformed body): nothing is owed for it, unless it was
 * answered already (a 413), whose bytes must leave before the connection closes.
 */
function afterOwedAnswers(socket: Socket, then: () => void): void {
  const current = (socket as Socket & { _httpMessage?: HeldResponse | null })._httpMessage;
  if (current && !current.writableFinished && (current.req?.complete !== false || current.writableEnded)) {
    // Node hands the connection to the next queued response in its own 'finish' listener, which runs first.
    current.once('finish', () => setImmediate(() => afterOwedAnswers(socket, then)));
    current.once('close', () => setImmediate(() => afterOwedAnswers(socket, then)));
    return;
  }
  then();
}

/**
 * After an answer to a request that could not be read, the client is rarely still sending:
 * a short linger lets it read the answer without holding the connection.
 */
const PARSE_ERROR_LINGER_MS = 1000;

/** After our last byte: keep reading (and dropping) until the client closes, or `lingerMs`. */
function lingerThenClose(socket: Socket, lingerMs: number): void {
  const timer = setTimeout(() => socket.destroy(), lingerMs);
  timer.unref();
  socket.once('end', () => socket.destroy());
  socket.once('close', () => clearTimeout(timer));
  socket.resume();
}

/**
 * A request answered before its body was read (413): read and discard the rest, bounded by
 * LINGER_BYTES and LINGER_MS, so the client reads the answer instead of a reset. Node keeps the
 * connection when the body has been read whole; beyond the bounds it is closed.
 */
export function drainUnreadBody(request: IncomingMessage): void {
  if (request.complete) return;
  (request.socket as Marked)[EARLY_ANSWERED] = request;
  let bytes = 0;
  const stop = () => request.socket.destroy();
  const timer = setTimeout(stop, LINGER_MS);
  timer.unref();
  request.on('data', (chunk: Buffer) => {
    bytes += chunk.length;
    if (bytes > LINGER_BYTES) stop();
  });
  request.once('end', () => clearTimeout(timer));
  request.once('close', () => clearTimeout(timer));
  request.resume();
}

/** Requests whose `Expect: 100-continue` got no 100: their body is not coming. */
const uninvited = new WeakSet<IncomingMessage>();

/**
 * The body of this request was never invited (its size was refused before the 100): the
 * answer closes the connection at once, as nothing is left to drain.
 */
export function bodyNeverInvited(request: IncomingMessage): boolean {
  return uninvited.has(request);
}

/**
 * Requests Node answers by itself unless told otherwise: an `Expect` it does not know (a bare
 * 417) and CONNECT (no answer at all). Both get the envelope. `Expect: 100-continue` with a
 * Content-Length over `bodyLimit` gets its 413 at once, without the 100 (Node would invite the
 * body first): the client need not send what will be refused.
 */
export function answerInEnvelope(server: Server, limits: { waitMs: number; bodyLimit: number }): void {
  server.on('checkExpectation', (request: IncomingMessage, response: ServerResponse) => {
    const answer = renderError(apiError('ExpectationFailed'), newRequestId(), 'JSON');
    drainUnreadBody(request);
    response.writeHead(answer.status, { ...answer.headers, 'content-type': answer.contentType, 'content-length': Buffer.byteLength(answer.body) });
    response.end(answer.body);
  });
  server.on('checkContinue', (request: IncomingMessage, response: ServerResponse) => {
    // Fastify refuses a Content-Length over its limit before reading; the 413 is its answer.
    if (Number(request.headers['content-length']) > limits.bodyLimit) uninvited.add(request);
    else response.writeContinue();
    server.emit('request', request, response);
  });
  // Node hands over the socket at once, even while answers to requests pipelined before the CONNECT are still owed.
  server.on('connect', (_request: IncomingMessage, socket: Socket) => {
    closeAfterOwedAnswers(socket, rawErrorAnswer('UnsupportedHTTPMethod', 'CONNECT is not served: the emulator is not a proxy.'), limits.waitMs);
  });
}
