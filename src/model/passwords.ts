import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

// Low scrypt cost: passwords here are test data, but they are still never
// stored, logged or returned in clear.
const SCRYPT_OPTIONS = { N: 1024, r: 8, p: 1 };

export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(password, salt, 32, SCRYPT_OPTIONS);
  return `scrypt$${salt.toString('base64')}$${hash.toString('base64')}`;
}

export function verifyPassword(password: string, stored: string): boolean {
  const [scheme, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = scryptSync(password, Buffer.from(salt, 'base64'), expected.length, SCRYPT_OPTIONS);
  return timingSafeEqual(expected, actual);
}

/** A password that meets the documented rule, for accounts created without one. */
export function generatePassword(): string {
  return `P${randomBytes(12).toString('base64url').replace(/[^A-Za-z0-9]/g, 'x')}1`;
}
