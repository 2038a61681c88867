import t from 'tap';
import { getOperation, operationNames, type ResponseSchema } from '../../src/spec/index';
import { synthesizeResponse } from '../../src/spec/synthesize';

/** Where `value` departs from `schema` (JSON type, every field present, one list element), as paths. */
function mismatches(schema: ResponseSchema, value: unknown, path: string): string[] {
  switch (schema.type) {
    case 'object': {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return [`${path}: not an object`];
      const fields = value as Record<string, unknown>;
      const properties = schema.properties ?? {};
      const extra = Object.keys(fields).filter((key) => !(key in properties)).map((key) => `${path}.${key}: not documented`);
      return [...extra, ...Object.entries(properties).flatMap(([key, property]) => mismatches(property, fields[key], `${path}.${key}`))];
    }
    case 'array':
      if (!Array.isArray(value) || value.length !== 1) return [`${path}: not a one-element array`];
      return mismatches(schema.items!, value[0], `${path}[0]`);
    case 'integer':
      return Number.isInteger(value) ? [] : [`${path}: not an integer`];
    default:
      return typeof value === schema.type ? [] : [`${path}: not a ${schema.type}`];
  }
}

t.test('DescribeSmartAccessGateways keeps the documented wrapper shape and examples', async (t) => {
  const body = synthesizeResponse('DescribeSmartAccessGateways');
  t.same(Object.keys(body), ['TotalCount', 'PageSize', 'PageNumber', 'SmartAccessGateways']);
  t.equal(body.TotalCount, 1);
  t.equal(body.PageSize, 10);
  const gateways = (body.SmartAccessGateways as { SmartAccessGateway: Array<Record<string, unknown>> }).SmartAccessGateway;
  t.equal(gateways.length, 1);
  const [gateway] = gateways;
  t.equal(gateway.SmartAGId, 'sag-6z21oj0vjjrx6s****');
  t.equal(gateway.CreateTime, 1622617250000, 'int64 example as a number');
  t.equal(gateway.SmartAGUid, 1210123456123456);
  t.equal(gateway.Position, 'string', 'an example written in Chinese was dropped: placeholder');
  const links = (gateway.Links as { Link: Array<Record<string, unknown>> }).Link;
  t.same(links.length, 1);
  t.equal(links[0].Type, 'ccn');
});

t.test('examples take the field type; unusable ones give a placeholder', async (t) => {
  const attribute = synthesizeResponse('DescribeSmartAccessGatewayAttribute');
  t.equal(attribute.EnableSoftwareConnectionAudit, true);
  t.equal(attribute.EnableOptimization, false);
  t.equal(attribute.OptimizationType, false, 'boolean documented as "fec"');
  t.equal(synthesizeResponse('ViewSmartAccessGatewayBgpRoute').LocalAs, 0, 'masked integer "12****"');
  const regions = synthesizeResponse('DescribeRegions');
  t.same(regions, {
    Regions: { Region: [{ LocalName: 'string', RegionEndpoint: 'smartag.cn-shanghai.aliyuncs.com', RegionId: 'cn-shanghai' }] },
  });
});

t.test('a RequestId-only response synthesises to an empty body', async (t) => {
  t.same(synthesizeResponse('RoamClientUser'), {});
  t.same(synthesizeResponse('AttachCcnInstanceToCen'), {});
});

t.test('deterministic, and each call returns a fresh copy', async (t) => {
  const first = synthesizeResponse('DescribeSmartAccessGateways');
  (first.SmartAccessGateways as { SmartAccessGateway: unknown[] }).SmartAccessGateway.push('changed');
  first.TotalCount = 99;
  t.same(synthesizeResponse('DescribeSmartAccessGateways'), synthesizeResponse('DescribeSmartAccessGateways'));
  t.equal(synthesizeResponse('DescribeSmartAccessGateways').TotalCount, 1);
  t.equal((synthesizeResponse('DescribeSmartAccessGateways').SmartAccessGateways as { SmartAccessGateway: unknown[] }).SmartAccessGateway.length, 1);
});

t.test('every operation: the body matches its documented schema, RequestId aside', async (t) => {
  for (const action of operationNames()) {
    const { RequestId: _rendered, ...fields } = getOperation(action)!.response.properties ?? {};
    const body = synthesizeResponse(action);
    t.notOk('RequestId' in body, `${action}: no RequestId`);
    t.same(mismatches({ type: 'object', properties: fields }, body, action), [], `${action}: shape`);
  }
});

t.test('a synthesised Code field never looks like an error to pop-core', async (t) => {
  // pop-core treats a body with any other Code as a failed call.
  const successCodes = [200, '200', 'OK', 'Success', 'success'];
  const withCode = operationNames().filter((action) => 'Code' in synthesizeResponse(action));
  t.ok(withCode.length > 0);
  for (const action of withCode) t.ok(successCodes.includes(synthesizeResponse(action).Code as string), action);
});

t.test('an unknown action throws', async (t) => {
  t.throws(() => synthesizeResponse('NoSuchAction'), { message: 'Unknown action: NoSuchAction' });
});
