/**
 * Characters that make two different strings look the same: invisible ones (zero-width spaces
 * and joiners, bidirectional controls, soft hyphens, other control characters) and common
 * look-alikes of Latin letters (Cyrillic `а`, Greek `ο`…). Used to show ids and messages
 * readably (callsite/display.ts) and to recognise an id that hides one (ids.ts).
 */

/** Format (Cf), control (Cc), separator (Zl, Zp) and non-ASCII space (Zs) characters, and variation selectors. */
export const INVISIBLE = /[\p{Cf}\p{Cc}\p{Zl}\p{Zp}\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\uFE00-\uFE0F]/u;
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'gu');

/** Letters that render like an ASCII letter or digit, mapped to it (a small, common subset of Unicode's confusables). */
const LOOKALIKES: ReadonlyMap<string, string> = new Map([
  // Cyrillic
  ['а', 'a'],
  ['е', 'e'],
  ['о', 'o'],
  ['р', 'p'],
  ['с', 'c'],
  ['у', 'y'],
  ['х', 'x'],
  ['і', 'i'],
  ['ј', 'j'],
  ['ѕ', 's'],
  ['ԁ', 'd'],
  ['һ', 'h'],
  ['ӏ', 'l'],
  // Greek
  ['ο', 'o'],
  ['α', 'a'],
  ['ν', 'v'],
  ['ι', 'i'],
  ['κ', 'k'],
  ['τ', 't'],
  ['ρ', 'p'],
  // Latin variants
  ['ı', 'i'],
  ['ℓ', 'l'],
  ['ｏ', 'o'],
]);

/** True when `char` (one code point) is a look-alike of an ASCII letter. */
export function isLookalike(char: string): boolean {
  return LOOKALIKES.has(char);
}

/** `text` with invisible characters removed and look-alikes replaced by the ASCII letter they imitate. */
export function skeleton(text: string): string {
  let result = '';
  for (const char of text.replace(INVISIBLE_ALL, '')) result += LOOKALIKES.get(char) ?? char;
  return result;
}

/** True when `text` holds an invisible or look-alike character. */
export function hasDeceptiveCharacters(text: string): boolean {
  if (INVISIBLE.test(text)) return true;
  for (const char of text) if (LOOKALIKES.has(char)) return true;
  return false;
}
