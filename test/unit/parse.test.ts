import t from 'tap';
import { decodeComponent, parseUrlEncoded, splitUrl } from '../../src/protocol/parse';
import { readApiRequest } from '../../src/protocol/read-request';
import { apiError, type ApiError } from '../../src/protocol/errors';
import fc from 'fast-check';

const LIMITS = { maxParameters: 5, maxParameterLength: 10 };

t.test('decodeComponent', async (t) => {
  t.equal(decodeComponent('a+b'), 'a b', '+ is a space');
  t.equal(decodeComponent('a%2Bb'), 'a+b');
  t.equal(decodeComponent('%E4%BD%A0'), '你');
  t.equal(decodeComponent("*!'()~"), "*!'()~", 'raw sub-delims as openapi sends them');
  t.equal(decodeComponent('sag-m9uhqekwnqcnyy****'), 'sag-m9uhqekwnqcnyy****');
  for (const bad of ['%', '%4', '%ZZ', '%FF', '%E4%BD']) {
    t.throws(() => decodeComponent(bad), { code: 'InvalidParameter.Encoding', status: 400 }, bad);
  }
});

t.test('parseUrlEncoded', async (t) => {
  t.same({ ...parseUrlEncoded('a=1&b=&c&=x&&d=%3D', LIMITS) }, { a: '1', b: '', c: '', d: '=' });
  t.same({ ...parseUrlEncoded('a=1&a=2', LIMITS) }, { a: '2' }, 'last value wins');
  t.same({ ...parseUrlEncoded('x=a=b', LIMITS) }, { x: 'a=b' }, 'split on the first =');
  const proto = parseUrlEncoded('__proto__=x&toString=y', LIMITS);
  t.equal(proto.__proto__, 'x', '__proto__ is a plain key');
  t.equal(Object.getPrototypeOf(proto), null);
  t.throws(() => parseUrlEncoded('a=1&b=2&c=3&d=4&e=5&f=6', LIMITS), { code: 'InvalidParameter.TooMany' });
  t.throws(() => parseUrlEncoded('a=12345678901', LIMITS), { code: 'InvalidParameter.TooLong' });
  t.same({ ...parseUrlEncoded('b=2', LIMITS, Object.assign(Object.create(null), { a: '1', b: '1' })) }, { a: '1', b: '2' }, 'merges into a target, new values win');
});

t.test('splitUrl', async (t) => {
  t.same(splitUrl('/?a=1'), { path: '/', query: 'a=1' });
  t.same(splitUrl('/x'), { path: '/x', query: '' });
  t.same(splitUrl('/?a=1?b'), { path: '/', query: 'a=1?b' });
});

t.test('readApiRequest', async (t) => {
  const limits = { maxParameters: 100, maxParameterLength: 1000 };
  const pop = readApiRequest({ method: 'GET', url: '/?Action=A&Version=V&Format=XML&Signature=s', headers: {}, body: '' }, limits);
  t.match(pop, { method: 'GET', path: '/', action: 'A', version: 'V', format: 'XML', scheme: 'v1' });
  const v3 = readApiRequest({
    method: 'POST',
    url: '/?X=1',
    headers: { 'x-acs-action': 'B', 'x-acs-version': 'W', authorization: 'ACS3-HMAC-SHA256 Credential=k' },
    body: '',
  }, limits);
  t.match(v3, { action: 'B', version: 'W', format: 'JSON', scheme: 'v3' });
  const split = readApiRequest({
    method: 'POST',
    url: '/?Action=A&Version=V&Y=query',
    headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' },
    body: 'Y=body&Z=2',
  }, limits);
  t.same({ ...split.params }, { Action: 'A', Version: 'V', Y: 'body', Z: '2' }, 'body wins');
  t.same({ ...split.query }, { Action: 'A', Version: 'V', Y: 'query' }, 'query kept apart for v3');
  t.equal(split.rawBody, 'Y=body&Z=2');
  t.equal(readApiRequest({ method: 'GET', url: '/?Action=A', headers: {}, body: '' }, limits).scheme, 'none');
  t.throws(
    () => readApiRequest({ method: 'POST', url: '/', headers: { 'content-type': 'text/plain' }, body: 'a=1' }, limits),
    { code: 'UnsupportedMediaType', status: 415 },
  );
});

/** The parser as it was before its index walk: split on '&', then on the first '='. */
function referenceParse(text: string, limits: typeof LIMITS): Record<string, string> {
  const target: Record<string, string> = Object.create(null);
  if (text === '') return target;
  let count = 0;
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const key = decodeComponent(eq === -1 ? pair : pair.slice(0, eq));
    const value = eq === -1 ? '' : decodeComponent(pair.slice(eq + 1));
    if (key === '') continue;
    if (value.length > limits.maxParameterLength || key.length > limits.maxParameterLength) {
      throw apiError('InvalidParameter.TooLong');
    }
    if (!(key in target) && ++count > limits.maxParameters) throw apiError('InvalidParameter.TooMany');
    target[key] = value;
  }
  return target;
}

function outcome(parse: () => Record<string, string>): { params?: Record<string, string>; code?: string } {
  try {
    return { params: { ...parse() } };
  } catch (error) {
    return { code: (error as ApiError).code };
  }
}

t.test('parseUrlEncoded reads exactly what the split-based reference reads', async (t) => {
  // Few distinct characters, so pairs repeat keys, lack '=', hold '==', '+', good and bad escapes.
  const piece = fc.constantFrom('a', 'b', 'K', '=', '&', '+', '%3D', '%26', '%2B', '%E4%BD%A0', '%', '%4', '%ZZ', '%FF', '你', '');
  const text = fc.array(piece, { maxLength: 24 }).map((parts) => parts.join(''));
  const limits = fc.record({ maxParameters: fc.integer({ min: 1, max: 6 }), maxParameterLength: fc.integer({ min: 1, max: 8 }) });
  let compared = 0;
  fc.assert(fc.property(text, limits, (query, limit) => {
    const expected = outcome(() => referenceParse(query, limit));
    const actual = outcome(() => parseUrlEncoded(query, limit));
    compared++;
    return JSON.stringify(actual) === JSON.stringify(expected);
  }), { numRuns: 5000, seed: 20261128 });
  t.equal(compared, 5000);
});

// A hang detector, not a timing: linear takes about 0.1 s, quadratic about a minute (1.5 s at a
// sixth of the length), so the timeout has a hundredfold margin either way.
t.test('parseUrlEncoded stays linear when no pair has an "="', { timeout: 20_000 }, async (t) => {
  // Searching each pair's '=' from its start to the end of the text would be quadratic.
  const text = `${'k&'.repeat(2_500_000)}last=1`;
  const params = parseUrlEncoded(text, { maxParameters: 10, maxParameterLength: 10 });
  t.same({ ...params }, { k: '', last: '1' });
});
