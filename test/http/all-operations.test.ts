/**
 * Every operation of the spec, through the real HTTP pipeline: a minimal
 * valid request answers well-formed, and leaving out each required
 * parameter answers exactly Missing<Name>.
 */
import t from 'tap';
import { parseStringPromise } from 'xml2js';
import { testApp, call } from '../helpers/app';
import { spec } from '../../src/spec';
import { minimalValidParams } from '../../src/spec/examples';
import { checkResponse } from '../../src/spec/response-check';
import { operations } from '../../src/families';

const actions = Object.keys(spec.operations);

/**
 * Where an operation documents no code for an instance it cannot find, the
 * emulator answers this one (README, "How the emulator decides").
 */
const UNDOCUMENTED_NOT_FOUND = 'SAG.InstanceNoFound';

/** Operations that document no error at all answer their family's not-found code (README, "How the emulator decides"). */
const FAMILY_NOT_FOUND: Record<string, string> = {
  GetAclAttribute: 'InvalidId.ACL',
  DescribeDnatEntries: 'InvalidId.SMARTAG',
  UnbindVbr: 'InvalidId.SMARTAG',
  DescribeBindableSmartAccessGateways: 'InvalidId.CCN',
  GrantInstanceToCbn: 'InvalidId.CCN',
  RevokeInstanceFromCbn: 'InvalidId.CCN',
  GetQosAttribute: 'InvalidId.Qos',
  ModifyQosCar: 'InvalidId.Qos',
};

t.test('a minimal valid request to every operation answers well-formed', async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  t.equal(actions.length, 205);
  for (const action of actions) {
    const response = await call(app, action, minimalValidParams(action));
    const body = response.json();
    if (operations.has(action)) {
      // Stateful: the example ids need not exist, so a documented error is as good as a success.
      if (response.status === 200) {
        t.same(checkResponse(action, body), [], `${action}: stateful body matches its schema`);
      } else {
        const documented = [...spec.operations[action].errors.map((e) => e.code), UNDOCUMENTED_NOT_FOUND, FAMILY_NOT_FOUND[action]];
        t.ok(documented.includes(body.Code), `${action}: ${body.Code} is one of its documented errors`);
      }
      continue;
    }
    t.equal(response.status, 200, `${action}: status`);
    t.equal(response.headers['x-emulator-synthesized'], 'true', `${action}: marked as synthesised`);
    t.same(checkResponse(action, body), [], `${action}: synthesised body matches its schema`);
  }
});

t.test('leaving out each required parameter answers Missing<Name>', async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  let checked = 0;
  for (const action of actions) {
    const params = minimalValidParams(action);
    for (const parameter of spec.operations[action].parameters.filter((p) => p.required)) {
      const without = Object.fromEntries(Object.entries(params).filter(([key]) => key !== parameter.name && !key.startsWith(`${parameter.name}.`)));
      const response = await call(app, action, without);
      const body = response.json();
      if (body.Code !== `Missing${parameter.name}`) t.fail(`${action} without ${parameter.name}: got ${body.Code}`);
      if (response.status !== 400) t.fail(`${action} without ${parameter.name}: status ${response.status}`);
      checked++;
    }
  }
  t.ok(checked > 300, `${checked} required parameters checked`);
});

t.test('synthesised answers in XML keep the documented nesting', async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  for (const action of actions.filter((a) => !operations.has(a))) {
    const response = await call(app, action, minimalValidParams(action), { format: 'XML' });
    t.equal(response.headers['content-type'], 'text/xml;charset=utf-8', `${action}: XML content type`);
    const parsed = await parseStringPromise(response.body, { explicitArray: false });
    const root = parsed[`${action}Response`];
    t.ok(root, `${action}: root element`);
    t.equal(root.RequestId, response.headers['x-acs-request-id'], `${action}: RequestId`);
    const json = (await call(app, action, minimalValidParams(action))).json();
    t.same(Object.keys(root).sort(), Object.keys(json).sort(), `${action}: same top-level fields in XML and JSON`);
  }
  const [listAction, wrapper, item] = synthesisedWrappedList();
  const nested = await call(app, listAction, minimalValidParams(listAction), { format: 'XML' });
  t.match(nested.body, new RegExp(`<${wrapper}><${item}>.*</${item}></${wrapper}>`), `${listAction}: list wrapper kept`);
});

/** A synthesised operation whose answer holds a list in a wrapper object (`{Acls:{Acl:[...]}}`), and the two names. */
function synthesisedWrappedList(): [action: string, wrapper: string, item: string] {
  for (const action of actions.filter((a) => !operations.has(a))) {
    for (const [wrapper, schema] of Object.entries(spec.operations[action].response.properties ?? {})) {
      const inner = Object.entries(schema.properties ?? {});
      if (schema.type === 'object' && inner.length === 1 && inner[0][1].type === 'array' && inner[0][1].items?.type === 'object') {
        return [action, wrapper, inner[0][0]];
      }
    }
  }
  throw new Error('no synthesised operation answers a wrapped list');
}

t.test('--unimplemented error answers NotImplemented for synthesised operations', async (t) => {
  const app = await testApp({ unimplemented: 'error' });
  t.teardown(() => app.close());
  const action = actions.find((a) => !operations.has(a))!;
  const response = await call(app, action, minimalValidParams(action));
  t.equal(response.status, 501);
  t.equal(response.json().Code, 'NotImplemented');
  t.equal(response.headers['x-emulator-synthesized'], undefined);
  const journal = app.emulator.journal.list({ action });
  t.equal(journal.at(-1)?.code, 'NotImplemented');
});

t.test('the journal records synthesised answers', async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  await call(app, 'DescribeSmartAccessGatewayHa', minimalValidParams('DescribeSmartAccessGatewayHa'));
  const [entry] = app.emulator.journal.list({ action: 'DescribeSmartAccessGatewayHa' });
  t.equal(entry.synthesized, true);
  t.equal(entry.status, 200);
});

t.test('type, enum and range errors through HTTP', async (t) => {
  const app = await testApp();
  t.teardown(() => app.close());
  const sample = { RegionId: 'cn-shanghai', SmartAGId: 'sag-m9uhqekwnqcnyy****' };
  const cases: [string, Record<string, string>, string][] = [
    ['DescribeSmartAccessGatewayClientUsers', { ...sample, PageSize: 'ten' }, 'PageSize'],
    ['DescribeSmartAccessGatewayClientUsers', { ...sample, PageNumber: '1.5' }, 'PageNumber'],
  ];
  for (const [action, params, name] of cases) {
    const response = await call(app, action, params);
    t.equal(response.status, 400);
    t.equal(response.json().Code, 'InvalidParameter');
    t.equal(response.json().Message, `Specified parameter ${name} is not valid.`);
    t.type(response.json().Description, 'string');
  }
});

t.test('--strict-params rejects unknown parameters, naming them', async (t) => {
  const app = await testApp({ strictParams: true });
  t.teardown(() => app.close());
  const response = await call(app, 'RoamClientUser', {
    RegionId: 'cn-hangzhou', OriginRegionId: 'cn-shanghai', OriginSmartAGId: 'sag-m9uhqekwnqcnyy****',
    TargetSmartAGId: 'sag-ghwa10ko6ndwug****', UserName: 'test1', Colour: 'blue',
  });
  t.equal(response.status, 400);
  t.equal(response.json().Code, 'InvalidParameter.Unknown');
  t.match(response.json().Message, /Colour$/);
});
