import fc from 'fast-check';

/**
 * Names and sizes a hostile repository can carry, for the fuzz suites (through
 * program-generator.ts) and the hostile-repository suites: names of Object.prototype, ids hiding
 * invisible or look-alike characters, and ids far longer than any real one. Every statement is a
 * block of its own, so it declares nothing the rest of a generated program could collide with.
 */

/** Names every object inherits: a lookup by one of them must never find Object.prototype's member. */
export const PROTOTYPE_NAMES = [
  'toString',
  'constructor',
  'hasOwnProperty',
  'valueOf',
  '__proto__',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  '__defineGetter__',
] as const;

/** Ids that look like `security.token.invalid` but are not (JavaScript escapes, as written in source). */
export const DECEPTIVE_IDS = [
  'security.token.inv\\u200Balid', // zero-width space
  'security.token.invalid\\u200D', // zero-width joiner at the end
  'security.token.\\u202Einvalid', // right-to-left override
  'security.tok\\u00ADen.invalid', // soft hyphen
  'security.t\\u043Eken.invalid', // Cyrillic о
  'sec\\u0443rity.token.invalid', // Cyrillic у
  'security.token.\\u0131nvalid', // dotless ı
  'security.token.invalid\\uFE0F', // variation selector
] as const;

/** An id of `length` characters: three snake_case parts, the last one long. */
export function longId(length: number): string {
  const head = 'security.token.';
  return head + 'x'.repeat(Math.max(1, length - head.length));
}

const prototypeName = fc.constantFrom(...PROTOTYPE_NAMES);
const deceptiveId = fc.constantFrom(...DECEPTIVE_IDS);
const longLength = fc.constantFrom(600, 5_000, 100_000);

/** Statements with hostile names and sizes, each in its own block. */
export const hostileStatement: fc.Arbitrary<string> = fc.oneof(
  // `{ toString: get } = require('./kerror')`: the method table must not answer with Object.prototype.toString.
  fc
    .tuple(prototypeName, fc.constantFrom('get', 'reject', 'getError', 'wrap'))
    .map(
      ([name, local]) =>
        `{ const { ${name === '__proto__' ? "'__proto__'" : name}: ${local} } = require('./kerror'); ${local}('security', 'token', 'invalid'); }`,
    ),
  prototypeName.map((name) => `{ const m = require('./kerror'); m['${name}']('security', 'token', 'invalid'); }`),
  prototypeName.map((name) => `{ kerror.wrap('security', 'token').${name === '__proto__' ? 'get' : name}('x'); }`),
  prototypeName.map((name) => `{ getError('security.token.${name}'); }`),
  deceptiveId.map((id) => `{ getError('${id}'); }`),
  deceptiveId.map((id) => `if (someVar) { throw new ApiError('${id}'); }`),
  longLength.map((length) => `{ getError('${longId(length)}'); }`),
  longLength.map((length) => `if (someVar) { throw new ApiError('${longId(length)}'); }`),
);
