/**
 * HTTP at its edges, over raw sockets and Node's own client:
 * - a write followed on the same connection by a malformed request: both
 *   answers arrive, in order, and the write is kept;
 * - an oversized body: a client still writing it reads the 413 envelope,
 *   never EPIPE or a reset; the draining is bounded;
 * - a missing Host, `Expect: 999` and CONNECT: answered in the envelope;
 * - SIGTERM while a client holds a half-sent request: the CLI exits 0
 *   within a second.
 */
import http from 'node:http';
import net from 'node:net';
import t, { type Test } from 'tap';
import { startEmulator, type StartedEmulator } from '../../src/index';
import { LINGER_BYTES } from '../../src/http-edges';
import { startCli } from './cli';

const HZ = 'cn-hangzhou';
const INSTANCE = 'sag-ghwa10ko6ndwug****';

interface RawAnswer { status: number; headers: Record<string, string>; body: string }

/** Writes `data` on one connection and reads until the server closes it (or `deadlineMs`). */
function rawExchange(port: number, data: string, deadlineMs = 3000): Promise<{ text: string; closed: boolean }> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let text = '';
    let closed = false;
    const deadline = setTimeout(() => socket.destroy(), deadlineMs);
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => { text += chunk; });
    socket.on('error', () => undefined);
    socket.on('end', () => { closed = true; });
    socket.on('close', () => {
      clearTimeout(deadline);
      resolve({ text, closed });
    });
    socket.on('connect', () => socket.write(data));
  });
}

/** Splits raw bytes into the HTTP answers they hold (content-length framed). */
function answersIn(text: string): RawAnswer[] {
  const answers: RawAnswer[] = [];
  let rest = text;
  while (rest.startsWith('HTTP/1.1 ')) {
    const headEnd = rest.indexOf('\r\n\r\n');
    const [statusLine, ...lines] = rest.slice(0, headEnd).split('\r\n');
    const headers = Object.fromEntries(lines.map((line) => {
      const colon = line.indexOf(':');
      return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()];
    }));
    const length = Number(headers['content-length']);
    const body = Buffer.from(rest.slice(headEnd + 4)).subarray(0, length).toString('utf8');
    answers.push({ status: Number(statusLine.split(' ')[1]), headers, body });
    rest = Buffer.from(rest.slice(headEnd + 4)).subarray(length).toString('utf8');
  }
  return answers;
}

function form(params: Record<string, string>): string {
  return new URLSearchParams({ Version: '2018-03-13', RegionId: HZ, ...params }).toString();
}

function post(params: Record<string, string>): string {
  const body = form(params);
  return `POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

async function emulator(t: Test): Promise<StartedEmulator> {
  const started = await startEmulator({ bodyLimit: 1024 * 1024 });
  t.teardown(() => started.close());
  return started;
}

const userCount = (e: StartedEmulator) => e.app.emulator.store.db.prepare('SELECT count(*) FROM client_users WHERE user_name = ?').pluck().get('pipeuser001') as number;

t.test('pipelining: a committed write, then a malformed request: both answers, in order', async (t) => {
  const e = await emulator(t);
  const write = post({
    Action: 'CreateSmartAccessGatewayClientUser', SmartAGId: INSTANCE, UserName: 'pipeuser001', UserMail: 'pipe@example.com', Password: 'Pipe-pass-0001', Bandwidth: '1000',
  });
  for (const [label, second, code, status] of [
    ['a malformed request line', 'GARBAGE\r\n\r\n', 'MalformedRequest', 400],
    ['an oversized header', `GET /?x=${'a'.repeat(20 * 1024)} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`, 'RequestHeaderFieldsTooLarge', 431],
    ['a CONNECT', 'CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n', 'UnsupportedHTTPMethod', 403],
  ] as const) {
    e.reset();
    const { text, closed } = await rawExchange(e.port, write + second);
    const answers = answersIn(text);
    t.same(answers.map((answer) => answer.status), [200, status], `${label}: the write's answer first, then the error`);
    t.match(JSON.parse(answers[0].body), { UserName: 'pipeuser001' }, `${label}: the write's own answer`);
    t.equal(JSON.parse(answers[1].body).Code, code, `${label}: the error in the envelope`);
    t.equal(answers[1].headers.connection, 'close');
    t.ok(closed, `${label}: then the connection closes`);
    t.equal(userCount(e), 1, `${label}: the write is kept`);
  }
});

t.test('pipelining: two good requests, then garbage: three answers in order', async (t) => {
  const e = await emulator(t);
  const read = `GET /?${form({ Action: 'DescribeRegions' })} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`;
  const answers = answersIn((await rawExchange(e.port, read + read + 'BAD REQUEST LINE\r\n\r\n')).text);
  t.same(answers.map((answer) => [answer.status, JSON.parse(answer.body).Code]), [[200, undefined], [200, undefined], [400, 'MalformedRequest']]);
});

/** A POST of `bytes` body bytes, of which only `sent` are written. */
function oversizedPost(bytes: number, sent = bytes): string {
  return `POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${bytes}\r\n\r\n${'a'.repeat(sent)}`;
}

t.test('pipelining: a write, an oversized body, then a read: three answers in order, on one connection', async (t) => {
  const e = await emulator(t);
  const write = post({
    Action: 'CreateSmartAccessGatewayClientUser', SmartAGId: INSTANCE, UserName: 'pipeuser001', UserMail: 'pipe@example.com', Password: 'Pipe-pass-0001', Bandwidth: '1000',
  });
  const read = `GET /?${form({ Action: 'DescribeRegions' })} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`;
  const { text, closed } = await rawExchange(e.port, write + oversizedPost(2 * 1024 * 1024) + read, 5000);
  const answers = answersIn(text);
  t.same(answers.map((answer) => [answer.status, JSON.parse(answer.body).Code]), [[200, undefined], [413, 'RequestEntityTooLarge'], [200, undefined]]);
  t.match(JSON.parse(answers[0].body), { UserName: 'pipeuser001' }, "the write's own answer first");
  t.ok(JSON.parse(answers[2].body).Regions, 'the body was drained whole, so the connection served the read after it');
  t.ok(closed);
  t.equal(userCount(e), 1, 'the write is kept');

  const garbage = answersIn((await rawExchange(e.port, oversizedPost(2 * 1024 * 1024) + 'GARBAGE\r\n\r\n')).text);
  t.same(garbage.map((answer) => [answer.status, JSON.parse(answer.body).Code]), [[413, 'RequestEntityTooLarge'], [400, 'MalformedRequest']], 'a malformed request after a drained body still gets its own answer');
});

t.test('an oversized body whose sender stalls past the request timeout: one answer, the 413, then the connection closes', async (t) => {
  const started = await startEmulator({ bodyLimit: 1024 * 1024, requestTimeout: 500 });
  t.teardown(() => started.close());
  const before = performance.now();
  const { text, closed } = await rawExchange(started.port, oversizedPost(5 * 1024 * 1024, 64 * 1024), 4000);
  const ms = performance.now() - before;
  const answers = answersIn(text);
  t.same(answers.map((answer) => [answer.status, JSON.parse(answer.body).Code]), [[413, 'RequestEntityTooLarge']], 'no second answer (408) to a request already answered');
  t.equal(text.length, text.indexOf('\r\n\r\n') + 4 + Number(answers[0].headers['content-length']), 'nothing after the 413');
  t.ok(closed, 'the server closed the connection');
  t.ok(ms < 3000, `closed after ${Math.round(ms)} ms: within the request timeout and a short linger`);
});

/** Node's own client POSTing `bytes` in 64 KiB writes, as fast as the socket takes them. */
function postLarge(port: number, bytes: number, chunked = false): Promise<{ status?: number; code?: string; error?: string }> {
  return new Promise((resolve) => {
    const request = http.request({
      port, host: '127.0.0.1', method: 'POST', path: '/',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(chunked ? {} : { 'content-length': bytes }) },
    }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => { body += chunk; });
      response.on('end', () => resolve({ status: response.statusCode, code: JSON.parse(body).Code }));
    });
    request.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code }));
    const chunk = Buffer.alloc(64 * 1024, 'a');
    let left = Math.ceil(bytes / chunk.length);
    const writeMore = () => {
      while (left > 0) {
        left -= 1;
        if (!request.write(chunk)) return void request.once('drain', writeMore);
      }
      request.end();
    };
    writeMore();
  });
}

t.test('an oversized body: a client still writing reads the 413 envelope, not EPIPE', async (t) => {
  const e = await emulator(t);
  for (const size of [3, 20]) {
    for (let i = 0; i < 5; i++) {
      t.same(await postLarge(e.port, size * 1024 * 1024), { status: 413, code: 'RequestEntityTooLarge' }, `${size} MiB, try ${i + 1}`);
    }
  }
  for (const size of [3, 80]) {
    t.same(await postLarge(e.port, size * 1024 * 1024, true), { status: 413, code: 'RequestEntityTooLarge' }, `${size} MiB chunked, no Content-Length`);
  }
});

t.test('an oversized body: the draining is bounded in bytes, then the connection closes', async (t) => {
  const e = await emulator(t);
  const total = LINGER_BYTES + 8 * 1024 * 1024;
  const outcome = await new Promise<{ text: string; sentWhenClosed: number }>((resolve) => {
    const socket = net.connect(e.port, '127.0.0.1');
    let text = '';
    let sent = 0;
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => { text += chunk; });
    socket.on('error', () => undefined);
    socket.on('close', () => resolve({ text, sentWhenClosed: sent }));
    socket.on('connect', () => {
      socket.write(`POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${total}\r\n\r\n`);
      const chunk = Buffer.alloc(1024 * 1024, 'a');
      const writeMore = () => {
        while (!socket.destroyed && sent < total) {
          sent += chunk.length;
          if (!socket.write(chunk)) return void socket.once('drain', writeMore);
        }
      };
      writeMore();
    });
  });
  t.equal(answersIn(outcome.text)[0]?.status, 413, 'the answer was read');
  t.ok(outcome.sentWhenClosed < total, `closed after ${outcome.sentWhenClosed} of ${total} bytes: the server did not read it all`);
});

t.test('Expect: 100-continue: the 413 at once for a body over the limit, the 100 for one within it', async (t) => {
  const e = await emulator(t);
  const head = (length: number) => `POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nExpect: 100-continue\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${length}\r\n\r\n`;
  const refused = await rawExchange(e.port, head(5 * 1024 * 1024));
  t.ok(refused.text.startsWith('HTTP/1.1 413 '), `no 100 before the 413: ${refused.text.slice(0, 30)}`);
  const [answer] = answersIn(refused.text);
  t.equal(JSON.parse(answer.body).Code, 'RequestEntityTooLarge');
  t.equal(answer.headers.connection, 'close', 'the body was never invited: the connection closes');
  t.ok(refused.closed);

  const body = form({ Action: 'DescribeRegions' });
  const accepted = await new Promise<{ continued: boolean; status?: number; regions: boolean }>((resolve) => {
    let continued = false;
    const request = http.request({
      port: e.port, host: '127.0.0.1', method: 'POST', path: '/', agent: false,
      headers: { expect: '100-continue', 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) },
    }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => { text += chunk; });
      response.on('end', () => resolve({ continued, status: response.statusCode, regions: Boolean(JSON.parse(text).Regions) }));
    });
    request.on('continue', () => {
      continued = true;
      request.end(body);
    });
  });
  t.same(accepted, { continued: true, status: 200, regions: true }, 'a body within the limit is invited and served');
});

t.test('requests Node would answer bare: in the envelope', async (t) => {
  const e = await emulator(t);
  const noHost = answersIn((await rawExchange(e.port, 'GET /?Action=DescribeRegions HTTP/1.1\r\n\r\n')).text);
  t.equal(noHost[0].status, 400);
  t.match(JSON.parse(noHost[0].body), { Code: 'MalformedRequest', Description: 'An HTTP/1.1 request must carry a Host header.' });
  const http10 = answersIn((await rawExchange(e.port, `GET /?${form({ Action: 'DescribeRegions' })} HTTP/1.0\r\n\r\n`)).text.replace('HTTP/1.0', 'HTTP/1.1'));
  t.equal(http10[0]?.status, 200, 'HTTP/1.0 needs no Host');

  const expect = answersIn((await rawExchange(e.port, 'POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nExpect: 999\r\nContent-Length: 3\r\n\r\nabc')).text);
  t.equal(expect[0].status, 417);
  t.match(JSON.parse(expect[0].body), { Code: 'ExpectationFailed', Message: 'The Expect header asks for an expectation the emulator does not meet (only 100-continue is known).' });

  const connect = await rawExchange(e.port, 'CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n');
  const [answer] = answersIn(connect.text);
  t.equal(answer.status, 403);
  t.match(JSON.parse(answer.body), { Code: 'UnsupportedHTTPMethod', Description: 'CONNECT is not served: the emulator is not a proxy.' });
  t.ok(connect.closed, 'the connection closes');
});

t.test('SIGTERM while a client holds a half-sent request: exit 0 within a second', async (t) => {
  const cli = await startCli(t, ['--fixtures', 'none']);
  const socket = net.connect(cli.port, '127.0.0.1');
  t.teardown(() => socket.destroy());
  socket.on('error', () => undefined);
  await new Promise<void>((resolve) => socket.on('connect', resolve));
  socket.write('POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\nAction=');
  await new Promise((resolve) => setTimeout(resolve, 100));
  const started = performance.now();
  cli.child.kill('SIGTERM');
  const exit = await cli.exited;
  const ms = performance.now() - started;
  t.same(exit, { code: 0, signal: null }, 'exit code 0');
  t.ok(ms < 1000, `exited after ${Math.round(ms)} ms`);
});

t.test('close(): a call under way is answered within the grace; half-sent, draining and silent connections are closed after it', async (t) => {
  const e = await startEmulator({ bodyLimit: 1024 * 1024 });
  e.addFault({ action: 'DescribeRegions', latencyMs: 200 });
  const holders = [
    'POST / HTTP/1.1\r\nHost: 127.0.0.1\r\n',
    'POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\nAction=',
    oversizedPost(5 * 1024 * 1024, 64 * 1024),
    '',
  ].map((data) => rawExchange(e.port, data, 10_000));
  const slow = rawExchange(e.port, `GET /?${form({ Action: 'DescribeRegions' })} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`, 10_000);
  await new Promise((resolve) => setTimeout(resolve, 100));
  const started = performance.now();
  await e.close();
  const ms = performance.now() - started;
  t.ok(ms < 1000, `close() resolved after ${Math.round(ms)} ms`);
  const answered = answersIn((await slow).text);
  t.same(answered.map((answer) => answer.status), [200], 'the delayed call got its answer before the connections closed');
  t.ok(JSON.parse(answered[0].body).Regions);
  const outcomes = await Promise.all(holders);
  t.same(outcomes.map((outcome) => answersIn(outcome.text).map((answer) => answer.status)), [[], [], [413], []], 'only the answered request has an answer');
});
