import t from 'tap';
import { isBlank, isValidEmail } from '../../src/model/names';
import { effectiveAccelerateBandwidth, isInBandwidthRange, onlineAddressProblem } from '../../src/families/client-accounts/rules';
import { freeBytesLeft, isMonth, monthOf } from '../../src/families/client-accounts/traffic';

t.test('mail addresses', async (t) => {
  for (const mail of ['username@example.com', 'a.b_c-d+e@mail.example.co', 'x@y.io']) t.ok(isValidEmail(mail), mail);
  for (const mail of ['', 'username', 'user@example', '@example.com', 'user@.com', 'us er@example.com', 'user@exa_mple.com', `${'a'.repeat(250)}@example.com`]) {
    t.notOk(isValidEmail(mail), mail);
  }
});

t.test('blank values', async (t) => {
  t.ok(isBlank(' '));
  t.ok(isBlank('\t '));
  t.notOk(isBlank(' a '));
});

t.test('bandwidth range', async (t) => {
  t.same([0, 1, 20000, 20001].map(isInBandwidthRange), [false, true, true, false]);
});

t.test('acceleration: own setting, else the instance peak capped at 5 Mbps', async (t) => {
  t.equal(effectiveAccelerateBandwidth(1234, 10), 1234);
  t.equal(effectiveAccelerateBandwidth(null, 10), 5000);
  t.equal(effectiveAccelerateBandwidth(null, 4), 4000);
  t.equal(effectiveAccelerateBandwidth(null, 0), 0);
});

t.test('where a client may come online', async (t) => {
  const free = () => false;
  t.equal(onlineAddressProblem('10.0.0.5', ['10.0.0.0/24'], null, free), undefined);
  t.equal(onlineAddressProblem('10.0.0.9', ['10.0.0.0/24'], '10.0.0.9', free), undefined);
  t.equal(onlineAddressProblem('10.0.0.5', ['10.0.0.0/24'], '10.0.0.9', free), 'the account always connects with its static IP 10.0.0.9');
  t.equal(onlineAddressProblem('10.0.0.255', ['10.0.0.0/24'], null, free), "10.0.0.255 is not an assignable address of the instance's CIDR blocks");
  t.equal(onlineAddressProblem('10.0.0.5', ['10.0.0.0/24'], null, () => true), '10.0.0.5 is held by another client or account of the instance');
});

t.test('months and the free data plan', async (t) => {
  t.equal(monthOf(Date.UTC(2024, 0, 31, 23, 59)), '202401');
  t.equal(monthOf(Date.UTC(2024, 11, 1)), '202412');
  t.same(['202401', '202412', '202400', '202413', '2024-01', '20241'].map(isMonth), [true, true, false, false, false, false]);
  t.equal(freeBytesLeft(5, 0), 5 * 1024 ** 3);
  t.equal(freeBytesLeft(5, 1024 ** 3), 4 * 1024 ** 3);
  t.equal(freeBytesLeft(5, 6 * 1024 ** 3), 0);
});
