/**
 * Limits: each one answers its own catalogue error at the boundary (not one
 * byte early), and over real sockets slow, half-sent, oversized or
 * malformed requests and connection floods neither hang nor crash the
 * server. Node's and Fastify's own errors (timeouts, parse errors, header
 * overflow) answer in the envelope before the server closes; never a stack.
 */
import t, { type Test } from 'tap';
import net from 'node:net';
import { testApp, encodeParams, ROAM_SAMPLE } from '../helpers/app';
import { startEmulator, type StartedEmulator } from '../../src/index';
import { catalogue } from '../../src/protocol/errors';
import { checkAnswer } from './envelope';
import { allClosed, exchange, get, parseResponse } from './sockets';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const ROAM = { Action: 'RoamClientUser', Version: '2018-03-13' };

/** Status, envelope and exact catalogue text of one error answer. */
async function expectCatalogueError(t: Test, answer: { status: number; headers: Record<string, any>; body: string }, code: keyof typeof catalogue) {
  const checked = await checkAnswer(answer);
  t.equal(checked.code, code, `code ${code}`);
  t.equal(checked.status, catalogue[code].status, `status ${catalogue[code].status}`);
  t.equal(checked.document.Message, catalogue[code].message, 'catalogue message');
  return checked;
}

/** A form body of exactly `size` bytes that is otherwise a valid call. */
function formOfSize(size: number): string {
  const base = `${encodeParams({ ...ROAM, ...ROAM_SAMPLE, UserName: 'nosuchuser' })}&Pad=`;
  return base + 'x'.repeat(size - base.length);
}

t.test('limits through inject: each at its boundary', async (t) => {
  const limits = { bodyLimit: 4096, maxParameters: 20, maxParameterLength: 100 };
  const appWith = async (overrides: Partial<typeof limits>) => {
    const app = await testApp(overrides);
    t.teardown(() => app.close());
    return app;
  };
  const app = await appWith(limits);
  const post = (payload: string, url = '/') => app.inject({ method: 'POST', url, headers: FORM, payload });

  t.test('body: bodyLimit bytes are read, one more is RequestEntityTooLarge (413)', async (t) => {
    const bodyOnly = await appWith({ bodyLimit: limits.bodyLimit });
    const send = (payload: string, url = '/') => bodyOnly.inject({ method: 'POST', url, headers: FORM, payload });
    const exact = await send(formOfSize(limits.bodyLimit));
    t.equal(exact.json().Code, 'ResourceNotFound.User', 'a body of exactly bodyLimit bytes is read');
    const over = await send(formOfSize(limits.bodyLimit + 1));
    await expectCatalogueError(t, { status: over.statusCode, headers: over.headers, body: over.body }, 'RequestEntityTooLarge');
    const xml = await send(formOfSize(limits.bodyLimit + 1), '/?Format=XML');
    t.equal(xml.statusCode, 413);
    t.equal(xml.headers['content-type'], 'text/xml;charset=utf-8', 'in XML when the query asks for it');
    await checkAnswer({ status: xml.statusCode, headers: xml.headers, body: xml.body });
  });

  t.test('parameter count: maxParameters distinct names are read, one more is InvalidParameter.TooMany', async (t) => {
    const fill = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`P${i}`, 'x']));
    const base = { ...ROAM, ...ROAM_SAMPLE, UserName: 'nosuchuser' }; // 7 parameters
    const exact = await post(encodeParams({ ...base, ...fill(limits.maxParameters - 7) }));
    t.equal(exact.json().Code, 'ResourceNotFound.User', `${limits.maxParameters} parameters are read`);
    const over = await post(encodeParams({ ...base, ...fill(limits.maxParameters - 6) }));
    const checked = await expectCatalogueError(t, { status: over.statusCode, headers: over.headers, body: over.body }, 'InvalidParameter.TooMany');
    t.match(checked.document.Description, String(limits.maxParameters), 'Description gives the limit');
    // Query and body count together; a repeated name counts once.
    const split = await app.inject({
      method: 'POST', url: `/?${encodeParams(fill(15))}`, headers: FORM, payload: encodeParams({ ...ROAM, P20: 'a', P21: 'b', P22: 'c', P23: 'd' }),
    });
    t.equal(split.json().Code, 'InvalidParameter.TooMany', 'query and body parameters count together');
    const repeated = await post(`${encodeParams({ ...base })}&${Array.from({ length: 50 }, () => 'Same=1').join('&')}`);
    t.equal(repeated.json().Code, 'ResourceNotFound.User', 'a name repeated 50 times is one parameter');
  });

  t.test('parameter length: maxParameterLength characters are read, one more is InvalidParameter.TooLong', async (t) => {
    const base = { ...ROAM, ...ROAM_SAMPLE, UserName: 'nosuchuser' };
    const exact = await post(encodeParams({ ...base, Note: 'é'.repeat(limits.maxParameterLength) }));
    t.equal(exact.json().Code, 'ResourceNotFound.User', 'a value of maxParameterLength characters (twice as many UTF-8 bytes) is read');
    const value = await post(encodeParams({ ...base, Note: 'x'.repeat(limits.maxParameterLength + 1) }));
    const checked = await expectCatalogueError(t, { status: value.statusCode, headers: value.headers, body: value.body }, 'InvalidParameter.TooLong');
    t.match(checked.document.Description, /Note/, 'Description names the parameter');
    const name = await post(encodeParams({ ...base, ['K'.repeat(limits.maxParameterLength + 1)]: 'x' }));
    t.equal(name.json().Code, 'InvalidParameter.TooLong', 'a long name too');
    const query = await app.inject({ method: 'GET', url: `/?${encodeParams({ ...base, Note: 'x'.repeat(limits.maxParameterLength + 1) })}` });
    t.equal(query.json().Code, 'InvalidParameter.TooLong', 'in the query too');
  });
});

t.test('over real sockets', async (t) => {
  const settings = { requestTimeout: 500, keepAliveTimeout: 300, bodyLimit: 4096 };
  const emulator: StartedEmulator = await startEmulator(settings);
  t.teardown(() => emulator.close());
  const { port } = emulator;
  // Node checks request deadlines periodically (at most every second here), so a
  // timed-out connection closes between requestTimeout and requestTimeout + 1 s.
  const closeBound = settings.requestTimeout + 1000 + 2000; // + scheduling slack on a busy machine
  const served = async (t: Test, label: string) => {
    const answer = await get(port, `/?${encodeParams({ ...ROAM, ...ROAM_SAMPLE, UserName: 'nosuchuser' })}`);
    t.equal(answer.status, 400, `${label}: another request is served`);
    t.equal(JSON.parse(answer.body).Code, 'ResourceNotFound.User', `${label}: with its real answer`);
    return answer;
  };

  t.test('a declared body over bodyLimit: 413 envelope before the body is sent, then close', async (t) => {
    const head = `POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${10 * settings.bodyLimit}\r\n\r\nAction=`;
    const result = await exchange(port, head, { deadlineMs: 5000 });
    t.notOk(result.heldOpen, 'closed by the server');
    const answer = parseResponse(result.received);
    t.ok(answer, 'an HTTP answer');
    if (answer) await expectCatalogueError(t, answer, 'RequestEntityTooLarge');
  });

  t.test('a chunked body that grows over bodyLimit: 413 envelope', async (t) => {
    const chunk = 'x'.repeat(1024);
    const chunks = Array.from({ length: 8 }, () => `${chunk.length.toString(16)}\r\n${chunk}\r\n`).join('');
    const head = 'POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n';
    const result = await exchange(port, `${head}${chunks}0\r\n\r\n`, { deadlineMs: 5000 });
    const answer = parseResponse(result.received);
    t.ok(answer, 'an HTTP answer');
    if (answer) await expectCatalogueError(t, answer, 'RequestEntityTooLarge');
  });

  t.test('a half-sent body: the server keeps serving, and times it out (408 envelope, then close)', async (t) => {
    let halfSentClosed = false;
    const pending = exchange(port, 'POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\nAction=', { deadlineMs: 10_000 })
      .finally(() => { halfSentClosed = true; });
    const meanwhile = await served(t, 'meanwhile');
    t.notOk(halfSentClosed, `answered (in ${meanwhile.ms.toFixed(0)} ms) while the half-sent request still holds its connection`);
    const result = await pending;
    t.notOk(result.heldOpen, 'closed by the server');
    t.ok(result.closedAfterMs >= settings.requestTimeout - 50 && result.closedAfterMs <= closeBound,
      `closed after ${result.closedAfterMs.toFixed(0)} ms (bound ${closeBound})`);
    await expectTimeoutAnswer(t, result.received);
  });

  t.test('headers never finished: timed out (408 envelope, then close)', async (t) => {
    const result = await exchange(port, 'GET /?Action=RoamClientUser HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ', { deadlineMs: 10_000 });
    t.notOk(result.heldOpen, 'closed by the server');
    t.ok(result.closedAfterMs <= closeBound, `closed after ${result.closedAfterMs.toFixed(0)} ms (bound ${closeBound})`);
    await expectTimeoutAnswer(t, result.received);
  });

  t.test('a body trickled one byte at a time (slowloris) still times out: 408 envelope', async (t) => {
    const head = 'POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\nA=';
    const result = await exchange(port, head, { trickle: { byte: 'a', everyMs: 100, count: 80 }, deadlineMs: 10_000 });
    t.notOk(result.heldOpen, 'closed by the server, although the client never went idle');
    t.ok(result.closedAfterMs <= closeBound, `closed after ${result.closedAfterMs.toFixed(0)} ms (bound ${closeBound}; the trickle would last 8 s)`);
    await expectTimeoutAnswer(t, result.received);
  });

  t.test('headers trickled one byte at a time also time out: 408 envelope', async (t) => {
    const result = await exchange(port, 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ', { trickle: { byte: 'a', everyMs: 100, count: 80 }, deadlineMs: 10_000 });
    t.notOk(result.heldOpen, 'closed by the server');
    t.ok(result.closedAfterMs <= closeBound, `closed after ${result.closedAfterMs.toFixed(0)} ms (bound ${closeBound})`);
    await expectTimeoutAnswer(t, result.received);
  });

  t.test('an idle keep-alive connection is reused, then closed after keepAliveTimeout', async (t) => {
    const request = `GET /?${encodeParams({ ...ROAM, ...ROAM_SAMPLE, UserName: 'nosuchuser' })} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`;
    const socket = net.connect(port, '127.0.0.1');
    t.teardown(() => socket.destroy());
    let received = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => { received += chunk; });
    socket.on('error', () => undefined);
    await new Promise((resolve) => socket.once('connect', resolve));
    const answers = () => received.split('HTTP/1.1 ').length - 1;
    const waitForAnswers = async (n: number) => {
      for (let i = 0; i < 100 && answers() < n; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    };
    socket.write(request);
    await waitForAnswers(1);
    socket.write(request);
    await waitForAnswers(2);
    t.equal(answers(), 2, 'two requests answered on one connection');
    const idleSince = performance.now();
    const closed = await allClosed([socket], 10_000);
    const idleMs = performance.now() - idleSince;
    t.equal(closed, 0, 'the server closed the idle connection');
    // Node adds a fixed 1 s to keepAliveTimeout before it closes, so that clients honouring the Keep-Alive hint close first.
    t.ok(idleMs >= settings.keepAliveTimeout - 50 && idleMs <= settings.keepAliveTimeout + 1000 + 2000,
      `closed after ${idleMs.toFixed(0)} ms idle (keepAliveTimeout ${settings.keepAliveTimeout})`);
  });

  t.test('an answer held back longer than requestTimeout (a latency fault) still arrives', async (t) => {
    const rule = await fetch(`${emulator.url}/_emulator/faults`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ action: 'DescribeRegions', latencyMs: 3 * settings.requestTimeout }),
    });
    t.equal(rule.status, 201, 'latency fault added');
    t.teardown(() => fetch(`${emulator.url}/_emulator/faults`, { method: 'DELETE' }).then(() => undefined));
    const answer = await get(port, `/?${encodeParams({ Action: 'DescribeRegions', Version: '2018-03-13' })}`, 10_000);
    t.equal(answer.status, 200, 'answered, not dropped');
    t.ok(answer.ms >= 3 * settings.requestTimeout - 50, `after the fault's ${3 * settings.requestTimeout} ms (${answer.ms.toFixed(0)} ms)`);
  });

  t.test('a query string just under the 16 KiB header limit is read', async (t) => {
    const path = `/?${encodeParams({ ...ROAM, ...ROAM_SAMPLE, UserName: 'nosuchuser' })}&Pad=${'x'.repeat(15_000)}`;
    const answer = await get(port, path);
    t.equal(JSON.parse(answer.body).Code, 'ResourceNotFound.User', `a ${path.length}-character URL is served`);
  });

  t.test("Node's parser errors answer in the envelope, then close", async (t) => {
    const cases: [string, string, keyof typeof catalogue][] = [
      ['a garbage request line', 'GARBAGE\r\n\r\n', 'MalformedRequest'],
      ['an invalid header name', 'GET / HTTP/1.1\r\nHost: x\r\nBad Header: 1\r\n\r\n', 'MalformedRequest'],
      ['a non-numeric Content-Length', 'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n', 'MalformedRequest'],
      ['both Content-Length and chunked', 'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n', 'MalformedRequest'],
      ['a bad chunk size', 'POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n', 'MalformedRequest'],
      ['headers over 16 KiB (a long query string counts)', `GET /?Action=RoamClientUser&Pad=${'x'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`, 'RequestHeaderFieldsTooLarge'],
      ['a header over 16 KiB', `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'x'.repeat(20_000)}\r\n\r\n`, 'RequestHeaderFieldsTooLarge'],
    ];
    for (const [label, data, code] of cases) {
      await t.test(label, async (t) => {
        const result = await exchange(port, data, { deadlineMs: 5000 });
        t.notOk(result.heldOpen, 'closed by the server');
        const answer = parseResponse(result.received);
        t.ok(answer, 'an HTTP answer');
        if (answer) await expectCatalogueError(t, answer, code);
      });
    }
  });

  t.test('a flood of 500 connections: the server stays up, answers, and reclaims them', async (t) => {
    const sockets: net.Socket[] = [];
    t.teardown(() => { for (const socket of sockets) socket.destroy(); });
    const connected = Array.from({ length: 500 }, (_, i) => new Promise<void>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      sockets.push(socket);
      socket.resume(); // read what the server sends (a 408), or its close is never seen
      socket.on('error', () => resolve());
      socket.on('close', () => resolve());
      // A third send nothing, a third half a request line, a third whole headers and half a body.
      socket.on('connect', () => {
        if (i % 3 === 1) socket.write('GET /?Action=RoamCl');
        if (i % 3 === 2) socket.write('POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 50\r\n\r\nA=');
        resolve();
      });
    }));
    await Promise.all(connected);
    t.ok(sockets.filter((s) => !s.destroyed).length >= 450, 'the flood is connected');
    await served(t, 'during the flood');
    const stillOpen = await allClosed(sockets, closeBound + 2000);
    t.equal(stillOpen, 0, `the server closed every flooding connection within its timeouts (${stillOpen} still open)`);
    // The server ends its side first and lets go of the socket when the client's end arrives (http-edges.ts), a moment after the client sees the close.
    const serverConnections = () => new Promise<number>((resolve) => emulator.app.server.getConnections((_error, count) => resolve(count)));
    let serverSide = await serverConnections();
    for (let waited = 0; serverSide > 0 && waited < 1000; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      serverSide = await serverConnections();
    }
    t.equal(serverSide, 0, 'the server holds no connection');
    await served(t, 'after the flood');
  });

  t.test('500 concurrent whole requests are all answered in the envelope', async (t) => {
    const path = `/?${encodeParams({ ...ROAM, ...ROAM_SAMPLE, UserName: 'nosuchuser' })}`;
    const answers = await Promise.all(Array.from({ length: 500 }, () => get(port, path, 20_000).catch((error: Error) => error)));
    const failures = answers.filter((a) => a instanceof Error);
    t.equal(failures.length, 0, `every request answered${failures.length ? ` (first failure: ${(failures[0] as Error).message})` : ''}`);
    for (const answer of answers) {
      if (answer instanceof Error) continue;
      const checked = await checkAnswer(answer, ['RoamClientUser']);
      if (checked.code !== 'ResourceNotFound.User') t.fail(`unexpected ${checked.code}`);
    }
    t.pass('500 envelopes checked');
  });
});

/** A connection the server timed out: answered RequestTimeout (408) in the envelope before the close. */
async function expectTimeoutAnswer(t: Test, received: string) {
  const answer = parseResponse(received);
  t.ok(answer, 'an HTTP answer before the close');
  if (answer) await expectCatalogueError(t, answer, 'RequestTimeout');
}
