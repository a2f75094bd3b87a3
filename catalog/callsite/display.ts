import { INVISIBLE } from '../characters';

/**
 * How ids and catalog text are shown in findings, hovers and completion details, by every
 * surface: bounded (a 1 MB id or a 10 MB description must not become a 1 MB message), and with
 * invisible and look-alike characters made visible (`'inv\u200Balid'`), since "Unknown error
 * 'invalid' … did you mean 'invalid'?" is unreadable.
 */

/** Longest id (or id part) shown, in characters. */
export const MAX_SHOWN_ID = 200;
/** Longest message or other one-line text shown in a finding or a completion entry. */
export const MAX_SHOWN_TEXT = 500;
/** Longest description shown in a hover or completion details. */
export const MAX_SHOWN_DESCRIPTION = 4000;

const ELLIPSIS = '…';

/** An id as shown: every character outside printable ASCII escaped (`\u200B`), then cut to `max`. */
export function displayId(id: string, max = MAX_SHOWN_ID): string {
  return bounded(id, max, (char) => (isPrintableAscii(char) ? char : escapeChar(char)));
}

/**
 * Text as shown (a message, a description, in any language): invisible characters escaped, then
 * cut to `max`. Look-alike letters are left alone here: in Russian text `о` is just a letter.
 */
export function displayText(text: string, max = MAX_SHOWN_TEXT): string {
  return bounded(text, max, (char) => (INVISIBLE.test(char) && char !== '\n' ? escapeChar(char) : char));
}

/** `text` cut to at most `max` characters, ending in an ellipsis when cut (no escape is split). */
export function truncateText(text: string, max: number): string {
  return bounded(text, max, (char) => char);
}

/** Keys of message data that hold an id or a part of one (the rest is text: a message, a version…). */
const ID_KEYS: ReadonlySet<string> = new Set(['id', 'domain', 'subdomain', 'name', 'scope']);

/** Message data as shown: ids through displayId, everything else through displayText. */
export function displayData(data: Readonly<Record<string, string>>): Record<string, string> {
  const shown: Record<string, string> = {};
  for (const [key, value] of Object.entries(data))
    shown[key] = ID_KEYS.has(key) ? displayId(value) : displayText(value);
  return shown;
}

function bounded(text: string, max: number, show: (char: string) => string): string {
  let result = '';
  // Length of `result` at the last character boundary that leaves room for the ellipsis.
  let cut = 0;
  for (const char of text) {
    const shown = show(char);
    // Stops after at most `max` characters: a 10 MB text costs no more than a short one.
    if (result.length + shown.length > max) return result.slice(0, cut) + ELLIPSIS;
    result += shown;
    if (result.length <= max - ELLIPSIS.length) cut = result.length;
  }
  return result;
}

function isPrintableAscii(char: string): boolean {
  const code = char.charCodeAt(0);
  return char.length === 1 && code >= 0x20 && code < 0x7f;
}

function escapeChar(char: string): string {
  const code = char.codePointAt(0)!;
  return code <= 0xffff
    ? `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`
    : `\\u{${code.toString(16).toUpperCase()}}`;
}
