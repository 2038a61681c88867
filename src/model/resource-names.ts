/** Name and description rules of SAG instances and cloud connect networks. */

// A letter of any script (Chinese included) first; then letters, digits, `.`, `_` and `-`.
const NAME = /^\p{L}[\p{L}0-9._-]*$/u;
const LETTER_FIRST = /^\p{L}/u;
const URL_START = /^https?:\/\//i;

/** 2 to `maxLength` characters, the documented character rule. */
export function isValidResourceName(name: string, maxLength: number): boolean {
  const length = [...name].length;
  return length >= 2 && length <= maxLength && NAME.test(name);
}

/** 2-256 characters, starting with a letter, not with http:// or https://. */
export function isValidDescription(description: string): boolean {
  const length = [...description].length;
  return length >= 2 && length <= 256 && LETTER_FIRST.test(description) && !URL_START.test(description);
}
