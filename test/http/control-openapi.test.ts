import t from 'tap';
import { testApp } from '../helpers/app';
import { spec } from '../../src/spec';

t.test('GET /_emulator/openapi.json serves the whole API, pointing at this server', async (t) => {
  const app = await testApp({ host: '0.0.0.0', adminToken: null });
  t.teardown(() => app.close());
  const response = await app.inject({ url: '/_emulator/openapi.json', headers: { host: '127.0.0.1:9999' } });
  t.equal(response.statusCode, 200, 'open even where the control plane is locked');
  const document = response.json();
  t.equal(document.openapi, '3.1.0');
  t.same(document.servers, [{ url: 'http://127.0.0.1:9999' }]);
  t.equal(Object.keys(document.paths).length, Object.keys(spec.operations).length);
  const roam = document.paths['/#Action=RoamClientUser'];
  t.ok(roam.get && roam.post, 'GET and POST');
  const names = roam.parameters.map((p: { name: string }) => p.name);
  for (const name of ['Action', 'RegionId', 'OriginRegionId', 'OriginSmartAGId', 'TargetSmartAGId', 'UserName']) t.ok(names.includes(name), name);
});
