import t from 'tap';
import { renderError, renderSuccess, toXml } from '../../src/protocol/render';
import { apiError, invalidParameter } from '../../src/protocol/errors';

const ID = '26C24B63-5E5A-413A-9E49-FC0C0AE9DFB7';

t.test('JSON success', async (t) => {
  const r = renderSuccess('RoamClientUser', ID, {}, 'JSON');
  t.same(r, { status: 200, contentType: 'application/json;charset=utf-8', body: `{"RequestId":"${ID}"}`, headers: { 'x-acs-request-id': ID } });
});

t.test('XML success keeps list wrappers', async (t) => {
  const r = renderSuccess('DescribeSmartAccessGatewayClientUsers', ID, {
    TotalCount: 2,
    Users: { User: [{ UserName: 'a', Bandwidth: 1 }, { UserName: 'b', Bandwidth: 2 }] },
  }, 'XML');
  t.equal(r.contentType, 'text/xml;charset=utf-8');
  t.equal(r.body, `<?xml version="1.0" encoding="UTF-8"?><DescribeSmartAccessGatewayClientUsersResponse><RequestId>${ID}</RequestId>`
    + '<TotalCount>2</TotalCount><Users><User><UserName>a</UserName><Bandwidth>1</Bandwidth></User>'
    + '<User><UserName>b</UserName><Bandwidth>2</Bandwidth></User></Users></DescribeSmartAccessGatewayClientUsersResponse>');
});

t.test('XML escapes and replaces characters XML cannot carry', async (t) => {
  t.equal(toXml('R', { A: '<&>"', B: 'x\u0001y', C: true }), '<?xml version="1.0" encoding="UTF-8"?><R><A>&lt;&amp;&gt;"</A><B>x\uFFFDy</B><C>true</C></R>');
});

t.test('errors, JSON and XML', async (t) => {
  const json = renderError(apiError('SAG.InstanceNoFound'), ID, 'JSON');
  t.equal(json.status, 400);
  t.same(JSON.parse(json.body), {
    RequestId: ID,
    HostId: 'smartag.aliyuncs.com',
    Code: 'SAG.InstanceNoFound',
    Message: 'The specified SAG instance does not exist.',
    Recommend: `https://api.aliyun.com/troubleshoot?q=SAG.InstanceNoFound&product=Smartag&requestId=${ID}`,
  });
  const xml = renderError(apiError('Throttling.User', { headers: { 'x-acs-retry-after': '3' } }), ID, 'XML');
  t.equal(xml.contentType, 'text/xml;charset=utf-8');
  t.same(xml.headers, { 'x-acs-request-id': ID, 'x-acs-retry-after': '3' });
  t.equal(xml.body, `<?xml version="1.0" encoding="UTF-8"?><Error><RequestId>${ID}</RequestId><HostId>smartag.aliyuncs.com</HostId>`
    + '<Code>Throttling.User</Code><Message>Request was denied due to user flow control.</Message>'
    + `<Recommend>https://api.aliyun.com/troubleshoot?q=Throttling.User&amp;product=Smartag&amp;requestId=${ID}</Recommend></Error>`);
  const described = JSON.parse(renderError(invalidParameter('PageSize', 'must be at most 50'), ID, 'JSON').body);
  t.equal(described.Message, 'Specified parameter PageSize is not valid.');
  t.equal(described.Description, 'must be at most 50');
});
