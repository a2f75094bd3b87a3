import { hasDeceptiveCharacters, skeleton } from './characters';

/** Names of domains, subdomains and errors: lower-case snake_case. */
export const SNAKE_CASE = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;

/** An id as written: three or more dot-separated snake_case segments (`security.token.invalid`). */
const ID_SHAPE = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*(?:\.[a-z][a-z0-9]*(?:_[a-z0-9]+)*){2,}$/;

export function isSnakeCase(name: string): boolean {
  return SNAKE_CASE.test(name);
}

/**
 * True when `text` looks like an error id, used to tell ids from ordinary messages (`new
 * Error('Invalid token.')`). An id that hides an invisible or look-alike character
 * (`'security.token.inv\u200Balid'`, a Cyrillic `а`) looks like one too, so that it is checked
 * (and reported) rather than taken for a message.
 */
export function looksLikeErrorId(text: string): boolean {
  if (text.length > 512) return false;
  return ID_SHAPE.test(text) || (hasDeceptiveCharacters(text) && ID_SHAPE.test(skeleton(text)));
}

export interface ParsedId {
  readonly domain: string;
  readonly subdomain: string;
  readonly name: string;
}

/** Splits `domain.subdomain.name`; anything with another number of segments is not an id. */
export function parseErrorId(id: string): ParsedId | undefined {
  const first = id.indexOf('.');
  if (first < 0) return undefined;
  const second = id.indexOf('.', first + 1);
  if (second < 0 || id.indexOf('.', second + 1) >= 0) return undefined;
  return { domain: id.slice(0, first), subdomain: id.slice(first + 1, second), name: id.slice(second + 1) };
}

export function formatHexCode(code: number): string {
  return `0x${code.toString(16).padStart(8, '0')}`;
}

export function fullErrorCode(domain: number, subdomain: number, error: number): number {
  // `>>> 0` keeps domains ≥ 0x80 positive.
  return ((domain << 24) | (subdomain << 16) | error) >>> 0;
}
