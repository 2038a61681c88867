import t from 'tap';
import type { Params } from '../../src/protocol/api-request';
import { ApiError } from '../../src/protocol/errors';
import { minimalValidParams } from '../../src/spec/examples';
import { getOperation, operationNames } from '../../src/spec/index';
import { validateParams } from '../../src/spec/validate';

const LENIENT = { strictParams: false };
const STRICT = { strictParams: true };

/** The ApiError a call throws, as plain data (fails the test if it does not throw one). */
function errorOf(action: string, params: Params, options = LENIENT): { code: string; status: number; message: string; description?: string } {
  try {
    validateParams(action, params, options);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    const result: { code: string; status: number; message: string; description?: string } = { code: error.code, status: error.status, message: error.message };
    if (error.details.description !== undefined) result.description = error.details.description;
    return result;
  }
  throw new Error(`${action} accepted ${JSON.stringify(params)}`);
}

function invalid(name: string, description: string) {
  return { code: 'InvalidParameter', status: 400, message: `Specified parameter ${name} is not valid.`, description };
}

const ROAM: Params = {
  RegionId: 'cn-shanghai',
  OriginSmartAGId: 'sag-origin',
  TargetSmartAGId: 'sag-target',
  OriginRegionId: 'cn-hangzhou',
  UserName: 'alice',
};

function without(params: Params, name: string): Params {
  const { [name]: _omitted, ...rest } = params;
  return rest;
}

t.test('RoamClientUser: a full request comes back as is', async (t) => {
  t.same(validateParams('RoamClientUser', ROAM, LENIENT), ROAM);
});

t.test('RoamClientUser: each required parameter, absent or empty, is Missing<Name>', async (t) => {
  for (const name of Object.keys(ROAM)) {
    const expected = { code: `Missing${name}`, status: 400, message: `${name} is mandatory for this action.` };
    t.same(errorOf('RoamClientUser', without(ROAM, name)), expected, `${name} absent`);
    t.same(errorOf('RoamClientUser', { ...ROAM, [name]: '' }), expected, `${name} empty`);
  }
  t.equal(errorOf('RoamClientUser', {}).code, 'MissingRegionId', 'the first documented one is reported first');
});

t.test('KickOutClients documents Username, not UserName', async (t) => {
  const params = { RegionId: 'cn-shanghai', SmartAGId: 'sag-1', UserName: 'alice' };
  t.equal(errorOf('KickOutClients', params).code, 'MissingUsername');
  t.same(validateParams('KickOutClients', { ...without(params, 'UserName'), Username: 'alice' }, LENIENT), {
    RegionId: 'cn-shanghai', SmartAGId: 'sag-1', Username: 'alice',
  });
});

t.test('integers: converted, or rejected with a reason', async (t) => {
  const list = (PageSize: string) => validateParams('DescribeSmartAccessGateways', { PageSize }, LENIENT);
  t.same(list('20'), { PageSize: 20 });
  t.same(list('+7'), { PageSize: 7 });
  t.same(list('-3'), { PageSize: -3 });
  t.same(list('2147483647'), { PageSize: 2147483647 });
  for (const text of ['abc', '1.5', '1e3', ' 5', '0x10', '5 ']) {
    t.same(errorOf('DescribeSmartAccessGateways', { PageSize: text }), invalid('PageSize', 'must be an integer'), JSON.stringify(text));
  }
  t.same(errorOf('DescribeSmartAccessGateways', { PageSize: '2147483648' }), invalid('PageSize', 'must be an integer from -2147483648 to 2147483647'));
});

t.test('int64: kept exact up to 2^53 - 1', async (t) => {
  const bind = { CcnId: 'ccn-1', SmartAGId: 'sag-1' };
  t.same(validateParams('BindSmartAccessGateway', { ...bind, SmartAGUid: '1250123456123456' }, LENIENT), { ...bind, SmartAGUid: 1250123456123456 });
  t.same(
    errorOf('BindSmartAccessGateway', { ...bind, SmartAGUid: '9007199254740993' }),
    invalid('SmartAGUid', "must be an integer from -9007199254740991 to 9007199254740991 (the emulator's range for 64-bit integers)"),
  );
});

t.test('booleans: true/false in any case', async (t) => {
  t.same(validateParams('DescribeSmartAccessGateways', { CanAssociateQos: 'true' }, LENIENT), { CanAssociateQos: true });
  t.same(validateParams('DescribeSmartAccessGateways', { CanAssociateQos: 'FALSE' }, LENIENT), { CanAssociateQos: false });
  t.same(errorOf('DescribeSmartAccessGateways', { CanAssociateQos: 'yes' }), invalid('CanAssociateQos', 'must be true or false'));
  t.same(errorOf('DescribeSmartAccessGateways', { CanAssociateQos: '1' }), invalid('CanAssociateQos', 'must be true or false'));
});

t.test('enums', async (t) => {
  t.same(validateParams('DescribeSmartAccessGateways', { InstanceType: 'software' }, LENIENT), { InstanceType: 'software' });
  t.same(errorOf('DescribeSmartAccessGateways', { InstanceType: 'Software' }), invalid('InstanceType', 'must be one of: software, hardware'));
  const config = { RegionId: 'cn-shanghai' };
  t.same(errorOf('ListDpiConfigError', { ...config, DpiConfigType: 'nat' }), invalid('DpiConfigType', 'must be one of: acl, qos'));
});

t.test('ranges: minimum and maximum are inclusive', async (t) => {
  const check = minimalValidParams('CreateHealthCheck');
  t.equal(validateParams('CreateHealthCheck', { ...check, ProbeInterval: '1000' }, LENIENT).ProbeInterval, 1000);
  t.equal(validateParams('CreateHealthCheck', { ...check, ProbeInterval: '60000' }, LENIENT).ProbeInterval, 60000);
  t.same(errorOf('CreateHealthCheck', { ...check, ProbeInterval: '999' }), invalid('ProbeInterval', 'must be at least 1000'));
  t.same(errorOf('CreateHealthCheck', { ...check, ProbeInterval: '60001' }), invalid('ProbeInterval', 'must be at most 60000'));
  t.same(errorOf('DescribeSagTrafficTopN', { RegionId: 'cn-shanghai', Size: '11' }), invalid('Size', 'must be at most 10'));
});

t.test('repeat lists fold into arrays in index order', async (t) => {
  const base = { RegionId: 'cn-shanghai', SmartAGId: 'sag-1' };
  t.same(
    validateParams('DescribeUserFlowStatistics', { ...base, 'UserNames.2': 'bob', 'UserNames.1': 'alice', 'UserNames.3': 'carol' }, LENIENT),
    { ...base, UserNames: ['alice', 'bob', 'carol'] },
  );
  t.same(
    validateParams('DescribeUserFlowStatistics', { ...base, 'UserNames.10': 'j', ...Object.fromEntries([...'abcdefghi'].map((letter, i) => [`UserNames.${i + 1}`, letter])) }, LENIENT).UserNames,
    [...'abcdefghij'],
    'numeric, not text, order',
  );
  t.same(
    validateParams('ProbeAccessPointNetworkQuality', { ...base, 'AccessPointIds.1': '110', 'AccessPointIds.2': '7' }, LENIENT).AccessPointIds,
    [110, 7],
    'integer items are converted',
  );
  t.same(
    errorOf('ProbeAccessPointNetworkQuality', { ...base, 'AccessPointIds.1': '110', 'AccessPointIds.2': 'x' }),
    invalid('AccessPointIds.2', 'must be an integer'),
  );
});

t.test('repeat lists: gaps, bad indexes and unindexed values are invalid', async (t) => {
  const base = { RegionId: 'cn-shanghai', SmartAGId: 'sag-1' };
  const gap = 'UserNames.2 is missing: list items are numbered 1, 2, 3, ... without gaps';
  t.same(errorOf('DescribeUserFlowStatistics', { ...base, 'UserNames.1': 'a', 'UserNames.3': 'c' }), invalid('UserNames', gap));
  t.same(
    errorOf('DescribeUserFlowStatistics', { ...base, 'UserNames.2': 'b' }),
    invalid('UserNames', 'UserNames.1 is missing: list items are numbered 1, 2, 3, ... without gaps'),
  );
  for (const index of ['0', 'x', '', '01', '-1']) {
    t.same(
      errorOf('DescribeUserFlowStatistics', { ...base, [`UserNames.${index}`]: 'a' }),
      invalid('UserNames', `UserNames.${index} has no valid index: list items are numbered 1, 2, 3, ...`),
      `index ${JSON.stringify(index)}`,
    );
  }
  t.same(
    errorOf('DescribeUserFlowStatistics', { ...base, UserNames: 'alice' }),
    invalid('UserNames', 'a list is sent as UserNames.1, UserNames.2, ... (one parameter per item)'),
  );
});

t.test('repeat lists: required and maxItems', async (t) => {
  const base = { RegionId: 'cn-shanghai', SmartAGId: 'sag-1' };
  t.equal(errorOf('DescribeUserFlowStatistics', base).code, 'MissingUserNames');
  const items = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`VbrInstanceIds.${i + 1}`, `vbr-${i}`]));
  const relations = { VbrRegionId: 'cn-shanghai' };
  t.equal((validateParams('DescribeSagVbrRelations', { ...relations, ...items(50) }, LENIENT).VbrInstanceIds as string[]).length, 50);
  t.same(errorOf('DescribeSagVbrRelations', { ...relations, ...items(51) }), invalid('VbrInstanceIds', 'must have at most 50 items'));
});

t.test('lists of objects: Tag.N.Key and Tag.N.Value', async (t) => {
  const base = { RegionId: 'cn-shanghai' };
  t.same(
    validateParams('DescribeCloudConnectNetworks', { ...base, 'Tag.1.Key': 'env', 'Tag.1.Value': 'prod', 'Tag.2.Key': 'team' }, LENIENT),
    { ...base, Tag: [{ Key: 'env', Value: 'prod' }, { Key: 'team' }] },
  );
  t.same(
    validateParams('DescribeCloudConnectNetworks', { ...base, 'Tag.1.Key': 'env', 'Tag.1.Value': '' }, LENIENT).Tag,
    [{ Key: 'env' }],
    'an empty property counts as absent',
  );
  t.same(
    errorOf('DescribeCloudConnectNetworks', { ...base, 'Tag.1.Key': 'a', 'Tag.3.Key': 'c' }),
    invalid('Tag', 'Tag.2 is missing: list items are numbered 1, 2, 3, ... without gaps'),
  );
  t.same(
    errorOf('DescribeCloudConnectNetworks', { ...base, 'Tag.0.Key': 'a' }),
    invalid('Tag', 'Tag.0.Key has no valid index: list items are numbered 1, 2, 3, ...'),
  );
});

t.test('lists of objects (style flat): required properties and typed properties', async (t) => {
  const base = { RegionId: 'cn-shanghai', ApplicationBandwidthPackageId: 'abwp-1' };
  t.same(
    validateParams('AssociateSmartAGWithApplicationBandwidthPackage', {
      ...base, 'AssociateConfigs.1.SmartAGId': 'sag-1', 'AssociateConfigs.1.Bandwidth': '2',
    }, LENIENT),
    { ...base, AssociateConfigs: [{ SmartAGId: 'sag-1', Bandwidth: 2 }] },
  );
  t.same(
    errorOf('AssociateSmartAGWithApplicationBandwidthPackage', {
      ...base, 'AssociateConfigs.1.SmartAGId': 'sag-1', 'AssociateConfigs.1.Bandwidth': '2', 'AssociateConfigs.2.SmartAGId': 'sag-2',
    }),
    { code: 'MissingAssociateConfigs.2.Bandwidth', status: 400, message: 'AssociateConfigs.2.Bandwidth is mandatory for this action.' },
  );
  t.same(
    errorOf('AssociateSmartAGWithApplicationBandwidthPackage', {
      ...base, 'AssociateConfigs.1.SmartAGId': 'sag-1', 'AssociateConfigs.1.Bandwidth': 'wide',
    }),
    invalid('AssociateConfigs.1.Bandwidth', 'must be an integer'),
  );
  t.equal(errorOf('AssociateSmartAGWithApplicationBandwidthPackage', base).code, 'MissingAssociateConfigs');
});

t.test('optional parameters: empty or pop-core\'s "undefined" count as absent', async (t) => {
  const check = minimalValidParams('CreateHealthCheck');
  t.same(validateParams('CreateHealthCheck', { ...check, ProbeInterval: '', ProbeCount: 'undefined', Description: 'undefined' }, LENIENT), check);
  t.same(validateParams('DescribeSmartAccessGateways', { SmartAGIds: 'undefined', 'Tag.1.Key': 'x' }, LENIENT), {}, 'an unindexed "undefined" list too');
  t.same(validateParams('RoamClientUser', { ...ROAM, UserName: 'undefined' }, LENIENT), { ...ROAM, UserName: 'undefined' }, 'a required one keeps the text');
});

t.test('unknown parameters: ignored by default, named in strict mode', async (t) => {
  const sent = { ...ROAM, Colour: 'blue', 'UserName.1': 'x' };
  t.same(validateParams('RoamClientUser', sent, LENIENT), ROAM);
  t.same(errorOf('RoamClientUser', sent, STRICT), {
    code: 'InvalidParameter.Unknown',
    status: 400,
    message: 'This action does not define these parameters (strict parameter checking is on): Colour, UserName.1',
  });
  t.same(
    errorOf('DescribeCloudConnectNetworks', { RegionId: 'cn-shanghai', 'Tag.1.Key': 'k', 'Tag.1.Colour': 'c' }, STRICT).message,
    'This action does not define these parameters (strict parameter checking is on): Tag.1.Colour',
  );
  t.equal(errorOf('KickOutClients', { RegionId: 'cn-shanghai', SmartAGId: 'sag-1', UserName: 'alice' }, STRICT).code, 'InvalidParameter.Unknown', 'a misspelt name shows up as unknown first');
});

t.test('strict mode accepts the common and owner parameters and never returns them', async (t) => {
  const common: Params = {
    Action: 'DescribeRegions', Version: '2018-03-13', Format: 'JSON', AccessKeyId: 'AK', Signature: 'sig', SignatureMethod: 'HMAC-SHA1',
    SignatureVersion: '1.0', SignatureNonce: 'n', SignatureType: '', Timestamp: '2026-01-01T00:00:00Z', SecurityToken: 't', BearerToken: 'b',
    RegionId: 'cn-shanghai', OwnerId: '1', OwnerAccount: 'o', ResourceOwnerId: '2', ResourceOwnerAccount: 'r', CallerParentId: '3',
  };
  t.same(validateParams('DescribeRegions', { ...common, AcceptLanguage: 'en-US' }, STRICT), { AcceptLanguage: 'en-US' });
});

t.test('an unknown action is a programming error, not an API error', async (t) => {
  t.throws(() => validateParams('NoSuchAction', {}, LENIENT), { message: 'Unknown action: NoSuchAction' });
  t.throws(() => validateParams('constructor', {}, LENIENT), { message: 'Unknown action: constructor' });
});

t.test('every operation: the minimal valid params pass, and each required one is reported when omitted', async (t) => {
  t.equal(operationNames().length, 205);
  for (const action of operationNames()) {
    const params = minimalValidParams(action);
    const required = getOperation(action)!.parameters.filter((parameter) => parameter.required).map((parameter) => parameter.name);
    const values = validateParams(action, params, STRICT);
    if (!t.same(Object.keys(values), required, `${action}: minimal params pass, strict`)) continue;
    for (const name of required) {
      const omitted = Object.fromEntries(Object.entries(params).filter(([key]) => key !== name && !key.startsWith(`${name}.`)));
      const error = errorOf(action, omitted, STRICT);
      if (error.code !== `Missing${name}`) t.fail(`${action} without ${name}: got ${error.code}`);
    }
  }
});
