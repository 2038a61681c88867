import t from 'tap';
import { anyOverlap, isAssignableIn, parseCidr, parseIpv4 } from '../../src/model/cidr';
import { isValidNewUserName, isValidPassword, isWellFormedUserName } from '../../src/model/names';
import { generatePassword, hashPassword, verifyPassword } from '../../src/model/passwords';

t.test('IPv4 and CIDR parsing', async (t) => {
  t.equal(parseIpv4('10.0.0.1'), 0x0a000001);
  t.equal(parseIpv4('255.255.255.255'), 0xffffffff);
  for (const bad of ['256.0.0.1', '1.2.3', '01.2.3.4', '1.2.3.4.5', 'a.b.c.d', '']) t.equal(parseIpv4(bad), undefined, bad);
  t.same(parseCidr('192.168.10.0/24'), { network: 0xc0a80a00, prefix: 24, first: 0xc0a80a00, last: 0xc0a80aff });
  for (const bad of ['192.168.10.1/24', '10.0.0.0/33', '10.0.0.0', '10.0.0.0/', '10.0.0.0/x']) t.equal(parseCidr(bad), undefined, bad);
});

t.test('overlap', async (t) => {
  t.ok(anyOverlap(['192.168.10.0/24'], ['192.168.10.128/25']));
  t.ok(anyOverlap(['10.0.0.0/8'], ['172.16.0.0/12', '10.200.0.0/16']));
  t.notOk(anyOverlap(['192.168.10.0/24'], ['192.168.11.0/24']));
  t.notOk(anyOverlap([], ['10.0.0.0/8']));
});

t.test('assignable client IPs', async (t) => {
  const blocks = ['172.16.0.0/24'];
  t.ok(isAssignableIn('172.16.0.1', blocks));
  t.ok(isAssignableIn('172.16.0.254', blocks));
  t.notOk(isAssignableIn('172.16.0.0', blocks), 'network address');
  t.notOk(isAssignableIn('172.16.0.255', blocks), 'broadcast address');
  t.notOk(isAssignableIn('172.16.1.1', blocks), 'outside');
  t.notOk(isAssignableIn('not-an-ip', blocks));
  t.ok(isAssignableIn('10.0.0.7', ['10.0.0.7/32']), 'a /32 has no network or broadcast address');
});

t.test('names and passwords', async (t) => {
  t.ok(isWellFormedUserName('test1'), 'the documented sample name');
  t.ok(isWellFormedUserName('a_b@c.d-e'));
  t.notOk(isWellFormedUserName('_abc'));
  t.notOk(isWellFormedUserName('a b'));
  t.notOk(isWellFormedUserName('a'.repeat(34)));
  t.notOk(isValidNewUserName('test1'), 'create needs 7 characters');
  t.ok(isValidNewUserName('test123'));
  t.ok(isValidPassword('Passw0rd'));
  t.notOk(isValidPassword('short1'));
  t.notOk(isValidPassword('Pass.word1'), 'dot not allowed');
  t.notOk(isValidPassword('a'.repeat(33)));
  const hash = hashPassword('Passw0rd');
  t.notMatch(hash, 'Passw0rd');
  t.ok(verifyPassword('Passw0rd', hash));
  t.notOk(verifyPassword('Passw0rd!', hash));
  for (let i = 0; i < 50; i++) t.ok(isValidPassword(generatePassword()), 'generated passwords meet the rule');
});
