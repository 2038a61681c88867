/**
 * The hand-written XML writer (protocol/render.ts toXml) against its
 * reference, xml2js's Builder as the emulator used it before (with the same
 * replacement of characters XML 1.0 cannot carry), on generated documents of
 * the shapes the emulator answers: PascalCase names; strings (any Unicode,
 * control characters and lone surrogates included), numbers, booleans, null
 * and undefined; nested objects; lists of objects or of scalars.
 */
import t from 'tap';
import fc from 'fast-check';
import { Builder } from 'xml2js';
import { toXml } from '../../src/protocol/render';

const builder = new Builder({ renderOpts: { pretty: false }, xmldec: { version: '1.0', encoding: 'UTF-8' }, headless: false });
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

function reference(rootName: string, document: object): string {
  return builder.buildObject({ [rootName]: xmlSafe(document) });
}

const name = fc.stringMatching(/^[A-Z][A-Za-z0-9]{0,7}$/);
const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom('', ' ', '&', '<>', '\r\n', ']]>', '&amp;', 'a\u0001b', '\uD800', '\uDC00x', '😀', '\uFFFE'),
);
const item = fc.oneof(text, fc.integer(), fc.double({ noNaN: false }), fc.boolean(), fc.constant(null));
// xml2js throws on undefined as a list item (toXml writes an empty element), so only as a property value.
const scalar = fc.oneof(item, fc.constant(undefined));
const { document } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    tie('document'),
    fc.array(tie('document'), { maxLength: 3 }),
    fc.array(item, { maxLength: 3 }),
  ),
  document: fc.dictionary(name, tie('value'), { maxKeys: 4 }),
}));

t.test('toXml writes what xml2js writes', async (t) => {
  fc.assert(fc.property(name, document, (root, doc) => {
    const expected = reference(root, doc as object);
    const actual = toXml(root, doc as object);
    if (actual !== expected) throw new Error(`differs for ${JSON.stringify(doc)}:\n  xml2js ${expected}\n  toXml  ${actual}`);
  }), { numRuns: 3000 });
  t.pass('3000 generated documents');
});

t.test('the documents the emulator answers, written as xml2js writes them', async (t) => {
  const id = '26C24B63-5E5A-413A-9E49-FC0C0AE9DFB7';
  const documents: [string, object][] = [
    ['RoamClientUserResponse', { RequestId: id }],
    ['Error', { RequestId: id, HostId: 'smartag.aliyuncs.com', Code: 'ClientUser.UserExist', Message: 'The specified user already exists.', Recommend: `https://api.aliyun.com/troubleshoot?q=ClientUser.UserExist&product=Smartag&requestId=${id}` }],
    ['DescribeSmartAccessGatewayClientUsersResponse', {
      RequestId: id, TotalCount: 2, PageNumber: 1, PageSize: 10,
      Users: { User: [{ UserName: 'a', UserMail: 'a@example.com', Bandwidth: 2000, ClientIp: '', IsStaticIp: 0 }, { UserName: 'b<&>', UserMail: '', Bandwidth: 1, ClientIp: '10.0.0.2', IsStaticIp: 1 }] },
    }],
    ['DescribeSmartAccessGatewaysResponse', { RequestId: id, SmartAccessGateways: { SmartAccessGateway: [] }, Tags: { Tag: ['x', 'y'] }, Empty: {} }],
  ];
  for (const [root, doc] of documents) t.equal(toXml(root, doc), reference(root, doc), root);
  t.equal(toXml('R', { L: [undefined, 'x'] }), '<?xml version="1.0" encoding="UTF-8"?><R><L/><L>x</L></R>', 'undefined as a list item');
});

t.test('element names past the writer\'s cache of tags are written the same', async (t) => {
  // The writer keeps the tags of at most 2,048 names; 3,000 distinct ones go past it, twice.
  const doc = Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`Name${i}`, i % 3 === 0 ? '' : `v${i}`]));
  const expected = reference('Many', doc);
  t.equal(toXml('Many', doc), expected, 'first pass fills the cache');
  t.equal(toXml('Many', doc), expected, 'second pass reads it, and computes the rest');
});
