/** Name rules of client accounts (behaviour.md "Names and values"). */

const USER_NAME_CHARACTERS = /^[A-Za-z0-9][A-Za-z0-9_@.-]*$/;

/** A name that may identify an existing account: the create rule without its minimum length. */
export function isWellFormedUserName(name: string): boolean {
  return name.length <= 33 && USER_NAME_CHARACTERS.test(name);
}

/** The documented rule for a new account: 7-33 characters. */
export function isValidNewUserName(name: string): boolean {
  return name.length >= 7 && isWellFormedUserName(name);
}

const PASSWORD = /^[A-Za-z0-9][A-Za-z0-9_@-]{7,31}$/;

export function isValidPassword(password: string): boolean {
  return PASSWORD.test(password);
}

// A plain address: no quoting, no comments, no IP-literal domain.
const EMAIL = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;

export function isValidEmail(mail: string): boolean {
  return mail.length <= 254 && EMAIL.test(mail);
}

/**
 * A value of spaces only: given, yet empty. The gateway already answers
 * Missing<Name> for an empty required value and ignores an empty optional
 * one, so this is what reaches the product's `...Empty` codes.
 */
export function isBlank(text: string): boolean {
  return text.trim() === '';
}
