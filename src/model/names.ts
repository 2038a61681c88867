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
