import type { DeprecationMark } from './model';

/**
 * What the fields of a catalog entry may hold, decided once: the loader's fast path (JSON.parse
 * values), its slow path (every problem, with positions) and `check`'s lint all ask these.
 */

/** `"deprecated": true`, and any deprecation whose value is not a version: deprecated, version unknown. */
export const VERSION_UNKNOWN: DeprecationMark = Object.freeze({ since: undefined });

/**
 * The `deprecated` field as the tools use it: `undefined` when absent, `null` or `false` (not
 * deprecated); a mark for `true` or a non-blank string; `'invalid'` for anything else (a blank
 * string, a number, an object), which makes the entry unusable. A string that is not a version
 * (`"yes"`, `" 2.0"`) still deprecates, version unknown — `check` reports it (see `isVersion`).
 */
export function readDeprecated(value: unknown): DeprecationMark | undefined | 'invalid' {
  if (value === undefined || value === null || value === false) return undefined;
  if (value === true) return VERSION_UNKNOWN;
  if (typeof value !== 'string' || isBlank(value)) return 'invalid';
  return isVersion(value) ? { since: value } : VERSION_UNKNOWN;
}

/**
 * A version as `deprecated` takes it: one to three dot-separated numbers (`2`, `2.2`, `2.2.0`),
 * optionally a semver pre-release and build (`3.0.0-beta.1`, `1.0.0+20200101`). No `v` prefix,
 * no white space.
 */
export function isVersion(text: string): boolean {
  return VERSION.test(text);
}

const VERSION = /^\d+(?:\.\d+){0,2}(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

/**
 * Empty once white space and invisible characters are taken away: Unicode `White_Space` (which
 * `\s` matches, U+FEFF included) and `Default_Ignorable_Code_Point` (zero-width space, joiners,
 * word joiner, soft hyphen, variation selectors…). Such a message or description shows nothing.
 */
export function isBlank(text: string): boolean {
  // Catalog texts almost always start with a visible ASCII character: decide those without the regex.
  const first = text.charCodeAt(0);
  if (first > 32 && first < 127) return false;
  return BLANK.test(text);
}

const BLANK = /^[\s\p{Default_Ignorable_Code_Point}]*$/u;

/** A string with something visible in it: what `message`, `description`, `class` and `replacedBy` must be. */
export function isText(value: unknown): value is string {
  return typeof value === 'string' && !isBlank(value);
}

/** The fields each level of a catalog knows; anything else is ignored by the tools, and reported by `check`. */
export const KNOWN_FIELDS = {
  domain: ['code', 'subDomains', 'subdomains', 'deprecated'],
  subdomain: ['code', 'errors', 'deprecated'],
  error: ['code', 'message', 'description', 'class', 'deprecated', 'replacedBy'],
} as const satisfies Record<string, readonly string[]>;

export type EntryLevel = keyof typeof KNOWN_FIELDS;
