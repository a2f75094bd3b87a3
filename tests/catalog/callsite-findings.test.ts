import { describe, expect, it } from 'vitest';
import {
  CallMatcher,
  checkReference,
  DEFAULT_CALLS,
  loadCatalog,
  type Catalog,
  type CallSiteDescription,
  type Finding,
} from '../../catalog';
import { global, site, value } from '../support/call-sites';
import { deprecationCatalog } from '../support/deprecation-catalog';

const matcher = new CallMatcher(DEFAULT_CALLS);
const shipped = loadCatalog().catalog;
const deprecations = deprecationCatalog();

function check(call: CallSiteDescription, catalog: Catalog = shipped, extraPlaceholders = false): Finding[] {
  const reference = matcher.match(call);
  if (!reference) throw new Error('not a reference');
  return checkReference(reference, catalog, { extraPlaceholders });
}
const getError = (...args: Parameters<typeof site>[2]) => site(global('getError'), [], args);
const kget = (...args: Parameters<typeof site>[2]) => site(global('kerror'), ['get'], args);

describe('findings for dotted ids', () => {
  it('a known id with its placeholders has no finding', () => {
    expect(check(getError('security.token.invalid'))).toEqual([]);
    expect(check(getError('api.main.fresh', 'DYNAMIC', 'DYNAMIC'), deprecations)).toEqual([]);
  });

  it('an unknown error names the missing part and offers the closest ids as fixes of the literal', () => {
    // getError('security.token.expird'): the literal spans [10, 33), its text [11, 32).
    expect(check(getError('security.token.expird'))).toEqual([
      {
        kind: 'unknown',
        messageId: 'unknownError',
        data: {
          id: 'security.token.expird',
          domain: 'security',
          subdomain: 'token',
          name: 'expird',
          didYouMean: " Did you mean 'security.token.expired'?",
        },
        message:
          "Unknown error 'expird' in 'security.token' ('security.token.expird'). Did you mean 'security.token.expired'?",
        range: [10, 33],
        fix: undefined,
        suggestions: [
          {
            messageId: 'replaceWith',
            data: { id: 'security.token.expired' },
            message: "Replace with 'security.token.expired'.",
            id: 'security.token.expired',
            edits: [{ range: [11, 32], text: 'security.token.expired' }],
          },
        ],
      },
    ]);
  });

  it('names an unknown domain or subdomain, and a malformed id', () => {
    expect(check(getError('securty.token.invalid'))[0]!.message).toBe(
      "Unknown error domain 'securty' in 'securty.token.invalid'. Did you mean 'security.token.invalid'?",
    );
    expect(check(getError('security.tokens.invalid'))[0]!.message).toBe(
      "Unknown subdomain 'tokens' in domain 'security' ('security.tokens.invalid'). Did you mean 'security.token.invalid'?",
    );
    expect(check(getError('security.token'))[0]!).toMatchObject({
      messageId: 'malformedId',
      message: "'security.token' is not an error id: expected 'domain.subdomain.name'.",
    });
    expect(check(getError('nothing.like.this'))[0]!.message).toBe(
      "Unknown error domain 'nothing' in 'nothing.like.this'.",
    );
  });

  it('an id from a constant is fixed by a suggestion that replaces the argument with a literal', () => {
    const [finding] = check(getError({ const: 'security.token.expird' }));
    expect(finding!.suggestions[0]!.edits).toEqual([{ range: [10, 18], text: "'security.token.expired'" }]);
  });

  it('a deprecated id says since when, and is autofixed to its replacement when written as a literal', () => {
    expect(check(getError('api.main.gone', 'DYNAMIC', 'DYNAMIC'), deprecations)).toEqual([
      {
        kind: 'deprecated',
        messageId: 'deprecatedError',
        data: { id: 'api.main.gone', since: ' since 3.0.0', replacement: "; use 'api.main.fresh' instead" },
        message: "Error id 'api.main.gone' is deprecated since 3.0.0; use 'api.main.fresh' instead.",
        range: [10, 25],
        fix: {
          messageId: 'replaceWith',
          data: { id: 'api.main.fresh' },
          message: "Replace with 'api.main.fresh'.",
          id: 'api.main.fresh',
          edits: [{ range: [11, 24], text: 'api.main.fresh' }],
        },
        suggestions: [],
      },
    ]);
    // From a constant: a suggestion, not an autofix (the constant may be used elsewhere).
    const [viaConst] = check(getError({ const: 'api.main.gone' }), deprecations);
    expect(viaConst!.fix).toBeUndefined();
    expect(viaConst!.suggestions.map((s) => s.edits)).toEqual([[{ range: [10, 18], text: "'api.main.fresh'" }]]);
  });

  it('a replacement taking another number of placeholders is never an autofix, only a suggestion saying how many', () => {
    // gone_v0 ("Message 5", none) → fresh ("User %s cannot %d", two): the rewritten call would miss two arguments.
    expect(check(getError('api.main.gone_v0'), deprecations)).toEqual([
      {
        kind: 'deprecated',
        messageId: 'deprecatedError',
        data: { id: 'api.main.gone_v0', since: ' since 3.0.0', replacement: "; use 'api.main.fresh' instead" },
        message: "Error id 'api.main.gone_v0' is deprecated since 3.0.0; use 'api.main.fresh' instead.",
        range: [10, 28],
        fix: undefined,
        suggestions: [
          {
            messageId: 'replaceWithPlaceholders',
            data: { id: 'api.main.fresh', expected: '2', current: '0' },
            message:
              "Replace with 'api.main.fresh', then adjust the arguments: its message takes 2 placeholder(s), not 0.",
            id: 'api.main.fresh',
            edits: [{ range: [11, 27], text: 'api.main.fresh' }],
          },
        ],
      },
    ]);
    // The same from a constant, and in the split form.
    expect(check(getError({ const: 'api.main.gone_v0' }), deprecations)[0]!.suggestions[0]!.messageId).toBe(
      'replaceWithPlaceholders',
    );
    const [split] = check(kget('api', 'main', 'gone_v0'), deprecations);
    expect(split!.fix).toBeUndefined();
    expect(split!.suggestions.map((s) => [s.message, s.edits])).toEqual([
      [
        "Replace with 'api.main.fresh', then adjust the arguments: its message takes 2 placeholder(s), not 0.",
        [{ range: [26, 33], text: 'fresh' }],
      ],
    ]);
  });

  it('"deprecated": true (an older catalog) says it is deprecated without a version, at every level', () => {
    expect(check(getError('api.main.retired'), deprecations)).toEqual([
      expect.objectContaining({
        messageId: 'deprecatedError',
        data: { id: 'api.main.retired', since: '', replacement: '' },
        message: "Error id 'api.main.retired' is deprecated.",
      }),
    ]);
    expect(check(getError('api.flagged.thing'), deprecations)[0]!.message).toBe(
      "Error id 'api.flagged.thing' is deprecated: its subdomain 'api.flagged' is deprecated.",
    );
    expect(check(kget('vintage', 'misc', 'thing'), deprecations)[0]).toMatchObject({
      message: "Error id 'vintage.misc.thing' is deprecated: its domain 'vintage' is deprecated.",
      range: [10, 19],
    });
    expect(check(site(global('kerror'), ['wrap'], ['api', 'flagged']), deprecations)[0]!.message).toBe(
      "The subdomain 'api.flagged' is deprecated.",
    );
    expect(check(site(global('kerror'), ['wrap'], ['vintage', 'misc']), deprecations)[0]!.message).toBe(
      "The domain 'vintage' is deprecated.",
    );
    expect(check(getError('api.main.kept'), deprecations)).toEqual([]);
  });

  it('subdomain and domain deprecation are inherited, without a replacement', () => {
    expect(check(getError('api.old.thing'), deprecations)[0]).toMatchObject({
      messageId: 'deprecatedScope',
      message: "Error id 'api.old.thing' is deprecated since 2.0.0: its subdomain 'api.old' is deprecated.",
      fix: undefined,
      suggestions: [],
    });
    expect(check(getError('legacy.misc.thing'), deprecations)[0]!.message).toBe(
      "Error id 'legacy.misc.thing' is deprecated since 1.0.0: its domain 'legacy' is deprecated.",
    );
  });

  it('placeholders: too few is reported, too many only when asked, spreads never', () => {
    expect(check(getError('api.main.fresh', 'DYNAMIC'), deprecations)).toEqual([
      expect.objectContaining({
        kind: 'placeholders',
        messageId: 'missingPlaceholders',
        message:
          'Error \'api.main.fresh\' has 2 placeholder(s) in its message "User %s cannot %d" but the call passes 1; the message would show a raw placeholder.',
        range: [10, 26],
      }),
    ]);
    expect(check(getError('api.main.fresh', 'DYNAMIC', 'OBJECT'), deprecations)).toHaveLength(1);
    expect(check(getError('api.main.fresh', 'SPREAD'), deprecations)).toEqual([]);
    expect(check(getError('api.main.pct', 'DYNAMIC'), deprecations)).toEqual([]);
    expect(check(getError('api.main.pct', 'DYNAMIC'), deprecations, true)[0]).toMatchObject({
      messageId: 'extraPlaceholders',
    });
  });

  it('a dynamic id is reported as such, and nothing else is said', () => {
    expect(check(getError('DYNAMIC'))).toEqual([
      expect.objectContaining({ kind: 'dynamic', messageId: 'dynamicId', range: [10, 18] }),
    ]);
    expect(check(getError())).toEqual([expect.objectContaining({ kind: 'unknown', messageId: 'missingPart' })]);
  });
});

describe('findings for split and wrapped ids', () => {
  it('reports the unknown part on its own literal and rewrites only the parts that differ', () => {
    const [finding] = check(kget('security', 'tokn', 'invalid'));
    expect(finding).toMatchObject({ messageId: 'unknownSubdomain', range: [22, 28] });
    expect(finding!.suggestions.map((s) => [s.id, s.edits])).toEqual([
      ['security.token.invalid', [{ range: [23, 27], text: 'token' }]],
    ]);
    expect(check(kget('security', 'token', 'nope'))[0]).toMatchObject({ messageId: 'unknownError', range: [31, 37] });
    expect(check(kget('secure', 'token', 'invalid'))[0]).toMatchObject({ messageId: 'unknownDomain', range: [10, 18] });
  });

  it('autofixes a deprecated split id when every part that changes is a literal', () => {
    const [finding] = check(kget('api', 'main', 'gone', 'DYNAMIC', 'DYNAMIC'), deprecations);
    expect(finding).toMatchObject({ messageId: 'deprecatedError', range: [25, 31] });
    expect(finding!.fix!.edits).toEqual([{ range: [26, 30], text: 'fresh' }]);
    // The shipped catalog's invalid_controller ("%s") → unknown_controller (none): a suggestion only.
    const [shippedFinding] = check(kget('security', 'role', 'invalid_controller', 'DYNAMIC'));
    expect(shippedFinding).toMatchObject({ messageId: 'deprecatedError', range: [30, 50], fix: undefined });
    expect(shippedFinding!.suggestions.map((s) => [s.messageId, s.edits])).toEqual([
      ['replaceWithPlaceholders', [{ range: [31, 49], text: 'unknown_controller' }]],
    ]);
  });

  it('reports dynamic and missing parts', () => {
    expect(check(kget('security', 'DYNAMIC', 'invalid'))).toEqual([
      expect.objectContaining({ kind: 'dynamic', range: [22, 30] }),
    ]);
    expect(check(kget('security', 'token'))).toEqual([
      expect.objectContaining({
        messageId: 'missingPart',
        message: 'This call names no error name: it needs a domain, a subdomain and an error name.',
      }),
    ]);
  });

  it('checks wrap() itself: unknown or deprecated domain and subdomain', () => {
    const wrapCall = (domain: string, sub: string) => site(global('kerror'), ['wrap'], [domain, sub]);
    expect(check(wrapCall('security', 'token'))).toEqual([]);
    const [unknown] = check(wrapCall('security', 'tokne'));
    expect(unknown).toMatchObject({
      messageId: 'unknownSubdomain',
      message: "Unknown subdomain 'tokne' in domain 'security' ('security.tokne'). Did you mean 'security.token'?",
    });
    expect(unknown!.suggestions[0]!.edits).toEqual([{ range: [23, 28], text: 'token' }]);
    expect(check(wrapCall('securit', 'token'))[0]!.message).toBe(
      "Unknown error domain 'securit' in 'securit.token'. Did you mean 'security'?",
    );
    expect(check(wrapCall('api', 'old'), deprecations)[0]!.message).toBe(
      "The subdomain 'api.old' is deprecated since 2.0.0.",
    );
    expect(check(wrapCall('legacy', 'misc'), deprecations)[0]!.message).toBe(
      "The domain 'legacy' is deprecated since 1.0.0.",
    );
  });

  it('through a wrapper: checks the name; the scope was checked at wrap()', () => {
    const tokenError = value('tokenError', site(global('kerror'), ['wrap'], ['security', 'token']));
    expect(check(site(tokenError, ['get'], ['invalid']))).toEqual([]);
    const [unknown] = check(site(tokenError, ['get'], ['expird']));
    expect(unknown).toMatchObject({ messageId: 'unknownError', range: [10, 18] });
    expect(unknown!.suggestions.map((s) => s.edits)).toEqual([[{ range: [11, 17], text: 'expired' }]]);
    const badScope = value('bad', site(global('kerror'), ['wrap'], ['security', 'nope']));
    expect(check(site(badScope, ['get'], ['invalid']))).toEqual([]);
  });

  it('a deprecated error through a wrapper is fixed only when the replacement is in the same subdomain', () => {
    const main = value('mainError', site(global('kerror'), ['wrap'], ['api', 'main']));
    const [same] = check(site(main, ['get'], ['gone']), deprecations);
    expect(same!.fix!.edits).toEqual([{ range: [11, 15], text: 'fresh' }]);
    const roleError = value('roleError', site(global('kerror'), ['wrap'], ['api', 'old']));
    // Scope deprecation is reported at wrap(), not at every call through the wrapper.
    expect(check(site(roleError, ['get'], ['thing']), deprecations)).toEqual([]);
  });
});
