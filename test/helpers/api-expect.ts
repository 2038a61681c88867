/** Assertions on API answers: a success that matches the documented schema, or an exact error. */
import type { Test } from 'tap';
import { checkResponse } from '../../src/spec/response-check';
import type { call } from './app';

type Response = Awaited<ReturnType<typeof call>>;
type Assert = Pick<Test, 'equal' | 'same' | 'match' | 'comment'>;

/** HTTP status, Code and the exact Message of one error. */
export type ExpectedError = readonly [status: number, code: string, message: string];

/** A 200 whose JSON body passes the documented response schema; returns the body. */
export function expectSuccess(t: Assert, action: string, response: Response, label = action): Record<string, any> {
  t.equal(response.status, 200, `${label}: status`);
  if (response.status !== 200) t.comment(response.body);
  const body = response.json();
  t.same(checkResponse(action, body), [], `${label}: body matches the documented schema`);
  return body;
}

/** The exact error, in the JSON envelope or, when `xml`, the XML one. */
export function expectError(t: Assert, response: Response, [status, code, message]: ExpectedError, label = code): void {
  t.equal(response.status, status, `${label}: status`);
  if (response.headers['content-type']?.toString().startsWith('text/xml')) {
    t.match(response.body, new RegExp(`<Code>${escape(code)}</Code><Message>${escape(message)}</Message>`), `${label}: XML code and message`);
    return;
  }
  const body = response.json();
  t.equal(body.Code, code, `${label}: code`);
  t.equal(body.Message, message, `${label}: message`);
}

/** The XML success envelope of an action, with the given inner elements somewhere in it. */
export function expectXmlSuccess(t: Assert, action: string, response: Response, ...inner: string[]): void {
  t.equal(response.status, 200, `${action} XML: status`);
  t.equal(response.headers['content-type'], 'text/xml;charset=utf-8');
  t.match(response.body, new RegExp(`^<\\?xml version="1.0" encoding="UTF-8"\\?><${action}Response><RequestId>[0-9A-F-]{36}</RequestId>`));
  t.match(response.body, new RegExp(`</${action}Response>$`));
  for (const element of inner) t.match(response.body, new RegExp(escape(element)), `${action} XML holds ${element}`);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Exact errors of the instance, CCN and enterprise-code operations, as the metadata words them. */
export const ERRORS = {
  instanceNoFound: [400, 'SAG.InstanceNoFound', 'The specified SAG instance does not exist.'],
  invalidRegion: [400, 'InvalidRegionID', 'The specified regionId does not exist.'],
  invalidUserCount: [400, 'SAG.InvalidUserCount', 'The specified UserCount is invalid.'],
  invalidDataPlan: [400, 'SAG.InvalidDataPlan', 'The specified DataPlan is invalid.'],
  actionNotSupport: [400, 'ActionNotSupport', 'The specified instance does not support this action.'],
  invalidName: [400, 'InvalidName', 'The specified name is invalid.'],
  invalidDescription: [400, 'InvalidDescription', 'The specified description is invalid.'],
  ccnInvalidName: [403, 'InvalidName', 'Name not valid.'],
  ccnInvalidDescription: [403, 'InvalidDescription', 'Description not valid.'],
  invalidVersionComparator: [400, 'Param.InvalidVersionComparator', 'The specified version comparison operator is invalid.'],
  invalidCidrFormat: [400, 'SAG.InvalidCidrFormat', 'The specified CIDR format is invalid.'],
  invalidCidr: [400, 'SAG.InvalidCidr', 'The specified CIDR block is invalid.'],
  cidrAmountLimit: [400, 'SAG.CidrAmountLimit', 'The maximum number of static routes for the SAG instance is exceeded.'],
  ccnCidrNoConfig: [400, 'SAG.CcnCidrNoConfig', 'You must configure the CIDR block of CCN.'],
  noBelongCcnCidr: [400, 'SAG.InvalidCidr.NoBelongCcnCidr', 'The specified SAG CIDR block does not belong to the CCN CIDR block.'],
  cidrOverlap: [400, 'SAG.CidrOverlap', 'The specified CIDR overlaps with an existing CIDR.'],
  cidrUsedByRoutableAddress: [400, 'SAG.CidrUsedByRoutableAddress', 'A routable internal IP address belongs to the specified internal CIDR block. You cannot modify this CIDR block.'],
  notAllowConfigCidr: [400, 'SAG.NotAllowConfigCidr', 'You cannot specify a static CIDR block when the dynamic routing strategy is used.'],
  noActive: [400, 'SAG.NoActive', 'The specified SAG instance has not been activated.'],
  arrearage: [400, 'SAG.Arrearage', 'The specified SAG instance has overdue payments. Renew the instance first.'],
  businessStateNotSupport: [400, 'SAG.BusinessStateNotSupport', 'The specified SAG instance is in use and cannot be deleted.'],
  notBind: [403, 'SmartAccessGatewayNotBind', 'The instance has not yet been bound.'],
  notActivated: [400, 'SmartAccessGatewayNotActivated', 'The specified Smart Access Gateway has not been activated.'],
  inArrears: [400, 'SmartAccessGatewayInArrears', 'The specified Smart Access Gateway has expired.'],
  alreadyBound: [403, 'SmartAccessGatewayAlreadyBound', 'The smart access gateway already bound.'],
  alreadyBoundCcn: [400, 'AlreadyBound.CCN', 'The specified SAG instance is bound to another CCN instance. Unbind them first.'],
  alreadyBoundSmartag: [403, 'AlreadyBound.SMARTAG', 'This instance has been bound, please unbind smart access gateway first.'],
  notBoundCcn: [403, 'NotBoundCCN', 'The specified smart access gateway has not bound CCN; please bind CCN first.'],
  cidrConflict: [403, 'CidrConflict', 'Cidr is conflict, Please Check your input.'],
  invalidSmartagId: [403, 'InvalidId.SMARTAG', 'The specified smart access gateway instance id is invalid.'],
  invalidCcnId: [403, 'InvalidId.CCN', 'Invalid cloud connect network id.'],
  ccnAmountLimit: [403, 'CcnAmountLimit', 'The CCNs you created has reached the limit, you can raise the limit by application.'],
  ccnInvalidCidr: [400, 'CCN.InvalidCidr', 'The specified CCN CIDR block is invalid.'],
  ccnCidrAmountLimit: [400, 'CCN.CidrAmountLimit', 'The maximum number of CCN CIDR blocks is exceeded.'],
  ccnCidrEmpty: [400, 'CCN.CidrEmpty', 'You must specify the CCN CIDR block.'],
  ccnCidrInUse: [400, 'CCN.CidrInUse', 'The specified CCN CIDR block is being used.'],
  ccnInvalidSnatCidr: [400, 'CCN.InvalidSnatCidr', 'The SNAT CIDR block of CCN is invalid.'],
  ccnSnatCidrConflict: [400, 'CCN.SnatCidrConflict', 'The specified SNAT CIDR block is invalid.'],
  ccnInvalidInterworkingStatus: [400, 'CCN.InvalidInterworkingStatus', 'The specified connection status is invalid. Specify the connection status to enable or disable.'],
  invalidTagKey: [400, 'InvalidTagKey', 'The specified tag key is invalid.'],
  invalidTagValue: [400, 'InvalidTagValue', 'The specified tag value is invalid.'],
  tagKeyDuplicated: [400, 'Forbidden.TagKey.Duplicated', 'The specified tag key already exists.'],
  codeOccupied: [400, 'EnterpriseCode.BeenOccupied', 'The specified enterprise code is occupied by other enterprises.'],
  codeNotExist: [400, 'EnterpriseCode.NotExist', 'The specified enterprise code does not exist.'],
  codeBeingUsed: [400, 'EnterpriseCode.BeingUsed', 'The specified enterprise code is being used.'],
  codeDeleteLimit: [400, 'EnterpriseCode.DeleteLimit', 'The specified default enterprise code cannot be deleted.'],
  userNameConflict: [400, 'EnterpriseCode.UserNameConflict', 'The specified username already exists.'],
} satisfies Record<string, ExpectedError>;

/** The gateway's InvalidParameter for one parameter. */
export function invalidParameterError(name: string): ExpectedError {
  return [400, 'InvalidParameter', `Specified parameter ${name} is not valid.`];
}
