/**
 * Raw TCP helpers for the limits tests: write exactly the bytes a slow,
 * broken or hostile client would, and see what the server answers and when
 * it closes the connection. Loopback only; every socket has a deadline.
 */
import http from 'node:http';
import net from 'node:net';
import type { Answer } from './envelope';

export interface Exchange {
  /** Everything the server sent. */
  received: string;
  /** Milliseconds from connecting until the server closed the connection (or the deadline hit). */
  closedAfterMs: number;
  /** The deadline hit before the server closed: the server held the connection. */
  heldOpen: boolean;
}

export interface ExchangeOptions {
  /** After the first write, one more byte every `everyMs`, at most `count` times. */
  trickle?: { byte: string; everyMs: number; count: number };
  /** Give up (and close from our side) after this long. */
  deadlineMs: number;
}

/** Connects to 127.0.0.1:port, writes `data`, and waits for the server to close. */
export function exchange(port: number, data: string | Buffer, options: ExchangeOptions): Promise<Exchange> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    const started = performance.now();
    let received = '';
    let heldOpen = false;
    let trickle: NodeJS.Timeout | undefined;
    const deadline = setTimeout(() => {
      heldOpen = true;
      socket.destroy();
    }, options.deadlineMs);
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => { received += chunk; });
    socket.on('error', () => undefined); // a reset is one way for the server to close
    socket.on('close', () => {
      clearTimeout(deadline);
      clearInterval(trickle);
      resolve({ received, closedAfterMs: performance.now() - started, heldOpen });
    });
    socket.on('connect', () => {
      socket.write(data);
      if (options.trickle) {
        const { byte, everyMs, count } = options.trickle;
        let sent = 0;
        trickle = setInterval(() => {
          if (socket.destroyed || sent++ >= count) return clearInterval(trickle);
          socket.write(byte);
        }, everyMs);
      }
    });
  });
}

/** The first HTTP response in raw bytes, or undefined when there is none. */
export function parseResponse(raw: string): Answer | undefined {
  const end = raw.indexOf('\r\n\r\n');
  if (end === -1) return undefined;
  const [statusLine, ...lines] = raw.slice(0, end).split('\r\n');
  const status = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine);
  if (!status) return undefined;
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const length = Number(headers['content-length'] ?? raw.length);
  const body = Buffer.from(raw.slice(end + 4), 'latin1').subarray(0, length).toString('utf8');
  return { status: Number(status[1]), headers, body };
}

/** One ordinary GET on its own connection (no agent, no pooling). */
export function get(port: number, path: string, timeoutMs = 5000): Promise<Answer & { ms: number }> {
  return send(port, { method: 'GET', path }, timeoutMs);
}

export interface Outgoing {
  method: string;
  path: string;
  /** Sent exactly as given (a signed Host header included). */
  headers?: Record<string, string>;
  body?: string;
}

/** One request on its own connection (no agent, no pooling). */
export function send(port: number, outgoing: Outgoing, timeoutMs = 5000): Promise<Answer & { ms: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const { method, path, headers = {}, body } = outgoing;
    const request = http.request({ host: '127.0.0.1', port, method, path, headers, agent: false, timeout: timeoutMs }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => { body += chunk; });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body, ms: performance.now() - started }));
    });
    request.on('timeout', () => request.destroy(new Error(`no answer to ${method} ${path} within ${timeoutMs} ms`)));
    request.on('error', reject);
    request.end(body);
  });
}

/** GETs written in one go on one connection (so one turn of the server reads them all); resolves with their answers, in order. */
export function pipelined(port: number, paths: string[]): Promise<Answer[]> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let received = '';
    const answers: Answer[] = [];
    const deadline = setTimeout(() => {
      socket.destroy();
      reject(new Error(`only got: ${received}`));
    }, 5000);
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      received += chunk;
      // Peel complete answers off the front.
      for (;;) {
        const answer = parseResponse(received);
        if (!answer) break;
        const end = received.indexOf('\r\n\r\n') + 4 + Number(answer.headers['content-length']);
        if (received.length < end) break;
        answers.push(answer);
        received = received.slice(end);
      }
      if (answers.length === paths.length) {
        clearTimeout(deadline);
        socket.end();
        resolve(answers);
      }
    });
    socket.on('error', reject);
    // A loopback Host, as a real client sends: the control plane refuses other names (control/browser-guard.ts).
    socket.on('connect', () => socket.write(paths.map((path) => `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`).join('')));
  });
}

/** Resolves once every socket has closed, or with those still open at the deadline. */
export function allClosed(sockets: net.Socket[], deadlineMs: number): Promise<number> {
  return new Promise((resolve) => {
    let open = sockets.filter((s) => !s.destroyed).length;
    if (open === 0) return resolve(0);
    const timer = setTimeout(() => resolve(sockets.filter((s) => !s.destroyed).length), deadlineMs);
    for (const socket of sockets) {
      if (socket.destroyed) continue;
      socket.once('close', () => {
        if (--open === 0) {
          clearTimeout(timer);
          resolve(0);
        }
      });
    }
  });
}
