import t from 'tap';
import { catalogue, apiError, missingParameter, invalidParameter, signatureDoesNotMatch } from '../../src/protocol/errors';
import { spec } from '../../src/spec';

/** code -> the messages and statuses the metadata gives it, across operations. */
function documentedErrors(): Map<string, { messages: Set<string>; statuses: Set<number> }> {
  const byCode = new Map<string, { messages: Set<string>; statuses: Set<number> }>();
  for (const operation of Object.values(spec.operations)) {
    for (const error of operation.errors) {
      const entry = byCode.get(error.code) ?? { messages: new Set(), statuses: new Set() };
      entry.messages.add(error.message);
      entry.statuses.add(error.status);
      byCode.set(error.code, entry);
    }
  }
  return byCode;
}

t.test('every product code in the catalogue has a documented message and status, verbatim', async (t) => {
  const documented = documentedErrors();
  let checked = 0;
  for (const [key, entry] of Object.entries(catalogue)) {
    const code = 'code' in entry ? entry.code : key; // a variant's key names it; `code` is the wire code
    const doc = documented.get(code);
    if (!doc) continue;
    checked++;
    t.ok(doc.messages.has(entry.message), `${code}: "${entry.message}" is one of the documented messages`);
    t.ok(doc.statuses.has(entry.status), `${code}: status ${entry.status} is documented`);
  }
  t.ok(checked >= 11, `checked ${checked} product codes`);
});

t.test('gateway helpers', async (t) => {
  t.match(missingParameter('UserName'), { code: 'MissingUserName', status: 400, message: 'UserName is mandatory for this action.' });
  t.match(invalidParameter('PageSize', 'why'), { code: 'InvalidParameter', status: 400, message: 'Specified parameter PageSize is not valid.', details: { description: 'why' } });
  t.match(signatureDoesNotMatch('GET&%2F&x'), {
    code: 'SignatureDoesNotMatch',
    status: 400,
    message: 'Specified signature is not matched with our calculation. server string to sign is:GET&%2F&x',
  });
  t.match(apiError('ServiceUnavailable'), { status: 503, message: 'The request has failed due to a temporary failure of the server.' });
});

t.test('every catalogue entry is an error status with a message', async (t) => {
  for (const [code, entry] of Object.entries(catalogue)) {
    t.ok(entry.status >= 400 && entry.status < 600, `${code} status`);
    t.ok(entry.message.length > 0, `${code} message`);
  }
});
