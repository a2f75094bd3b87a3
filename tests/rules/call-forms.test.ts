import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import deprecatedRule from '../../rules/no-deprecated-id';
import placeholderRule from '../../rules/placeholder-count';
import unknownRule from '../../rules/no-unknown-id';
import { at, jsTester, replaced, testerRule, tsTester } from './rule-tester';

/**
 * The call forms of issue 9 section 2: aliases of the module, of a wrapper and of getError
 * (also inside functions), a wrapper stored on `this`, conditionals (reported on the wrong
 * branch, fixed there), a shorthand property, a never-reassigned `let` and `.concat()`.
 */

type UnknownIds =
  | 'unknownDomain'
  | 'unknownSubdomain'
  | 'unknownError'
  | 'malformedId'
  | 'missingPart'
  | 'catalogProblem'
  | 'replaceWith';

/** One unknown-error report at `needle`, with the one did-you-mean suggestion `security.token.invalid` (or its name). */
function typo(code: string, needle: string, suggestion: string, nth = 0): InvalidTestCase<UnknownIds, []> {
  return {
    code,
    errors: [
      {
        messageId: needle.includes('tokn') ? 'unknownSubdomain' : 'unknownError',
        ...at(code, needle, nth),
        suggestions: [
          {
            messageId: 'replaceWith',
            data: { id: 'security.token.invalid' },
            output: replaced(code, needle, suggestion, nth),
          },
        ],
      },
    ],
  };
}

tsTester().run('call forms: no-unknown-id', testerRule(unknownRule), {
  valid: [
    "const em = kerror; em.get('security', 'token', 'invalid');",
    "const ge = getError; const again = ge; again('security.token.invalid');",
    "class P { errors = kerror.wrap('security', 'token'); run() { this.errors.get('invalid'); } }",
    "getError(c ? 'security.token.invalid' : 'security.role.not_found', 'r');",
    // Two conditionals are independent: every combination must be known.
    "kerror.get(c ? 'security' : 'security', 'role', c ? 'not_found' : 'cannot_delete', 'r');",
    "const id = 'security.token.invalid'; const ERR = { id }; getError(ERR.id);",
    "let id = 'security.token.invalid'; getError(id);",
    "getError('security.'.concat('token', '.invalid'));",
    // Not resolvable: left alone (no-dynamic-id's business).
    "let id = 'security.token.nope'; id = other(); getError(id);",
    "getError(c ? 'security.token.nope' : other());",
    "getError('security.'.concat(name));",
    // A property assigned twice, in a method, or through another function's `this` is not followed.
    "class P { constructor() { this.errors = kerror.wrap('security', 'token'); } run() { this.errors = x; this.errors.get('nope'); } }",
    "class P { run() { this.errors = kerror.wrap('security', 'token'); this.errors.get('nope'); } }",
    "class P { errors = kerror.wrap('security', 'token'); run() { function f() { this.errors.get('nope'); } } }",
    "class P { static errors = kerror.wrap('security', 'token'); run() { this.errors.get('nope'); } }",
    // A shadowing alias of something else.
    "function f(kerror: any) { const em = kerror; em.get('security', 'tokn', 'invalid'); }",
    // The branches of a conditional that is no id at all.
    "throw new ApiError(c ? 'not an id' : 'neither');",
  ],
  invalid: [
    typo("const em = kerror; em.get('security', 'tokn', 'invalid');", "'tokn'", "'token'"),
    typo(
      "import * as errorsManager from './kerror'; const em = errorsManager; em.get('security', 'token', 'invalidd');",
      "'invalidd'",
      "'invalid'",
    ),
    typo("const t = kerror.wrap('security', 'token'); let t2 = t; t2.get('invalidd');", "'invalidd'", "'invalid'"),
    typo(
      "const ge = getError; ge('security.token.invalidd');",
      "'security.token.invalidd'",
      "'security.token.invalid'",
    ),
    typo(
      "import { getError as ge } from './errors'; function f() { const again = ge; again('security.token.invalidd'); }",
      "'security.token.invalidd'",
      "'security.token.invalid'",
    ),
    typo(
      "class P { errors = kerror.wrap('security', 'token'); run() { this.errors.get('invalidd'); } }",
      "'invalidd'",
      "'invalid'",
    ),
    typo(
      "class P { constructor() { this.errors = kerror.wrap('security', 'token'); } run() { return () => this.errors.get('invalidd'); } }",
      "'invalidd'",
      "'invalid'",
    ),
    // The wrong branch is reported and rewritten, the other is not.
    typo(
      "getError(c ? 'security.token.invalid' : 'security.token.invalidd');",
      "'security.token.invalidd'",
      "'security.token.invalid'",
    ),
    typo("kerror.get('security', 'token', c ? 'expired' : d ? 'invalidd' : 'invalid');", "'invalidd'", "'invalid'"),
    typo("kerror.get('security', c ? 'tokn' : 'token', 'invalid');", "'tokn'", "'token'"),
    // In a wrap() scope too; the calls through the wrapper are checked against each subdomain.
    {
      code: "const t = kerror.wrap('security', c ? 'tokn' : 'token'); t.get('invalid');",
      errors: [
        {
          messageId: 'unknownSubdomain',
          ...at("const t = kerror.wrap('security', c ? 'tokn' : 'token'); t.get('invalid');", "'tokn'"),
          suggestions: [
            {
              messageId: 'replaceWith',
              data: { id: 'token' },
              output: "const t = kerror.wrap('security', c ? 'token' : 'token'); t.get('invalid');",
            },
          ],
        },
      ],
    },
    {
      code: "getError(c ? 'security.tokn.x' : 'security.tokn.x');",
      errors: [
        {
          messageId: 'unknownSubdomain',
          ...at("getError(c ? 'security.tokn.x' : 'security.tokn.x');", "'security.tokn.x'", 0),
          suggestions: null,
        },
        {
          messageId: 'unknownSubdomain',
          ...at("getError(c ? 'security.tokn.x' : 'security.tokn.x');", "'security.tokn.x'", 1),
          suggestions: null,
        },
      ],
    },
    typo(
      "const id = 'security.token.invalidd'; const ERR = { id }; getError(ERR.id);",
      'ERR.id',
      "'security.token.invalid'",
    ),
    typo("let ERRID = 'security.token.invalidd'; getError(ERRID);", 'ERRID', "'security.token.invalid'", 1),
    typo(
      "getError('security.'.concat('token.invalidd'));",
      "'security.'.concat('token.invalidd')",
      "'security.token.invalid'",
    ),
  ],
});

jsTester().run('call forms: no-unknown-id (CommonJS)', testerRule(unknownRule), {
  valid: [
    "const errorsManager = require('./kerror'); const em = errorsManager; em.get('security', 'token', 'invalid');",
  ],
  invalid: [
    typo(
      "function f() { const { getError: ge } = require('./errors'); ge('security.token.invalidd'); }",
      "'security.token.invalidd'",
      "'security.token.invalid'",
    ),
    typo(
      "class P { constructor() { this.errors = require('./kerror').wrap('security', 'token'); } run() { this.errors.get('invalidd'); } }",
      "'invalidd'",
      "'invalid'",
    ),
  ],
});

tsTester().run('call forms: placeholder-count', testerRule(placeholderRule), {
  valid: ["getError(c ? 'security.token.expired' : 'security.role.not_found', 'a', 'b');"],
  invalid: [
    {
      // Only the branch whose message takes two placeholders is short of one.
      code: "getError(c ? 'security.token.expired' : 'security.role.not_found', 'x');",
      errors: [
        {
          messageId: 'missingPlaceholders',
          ...at("getError(c ? 'security.token.expired' : 'security.role.not_found', 'x');", "'security.token.expired'"),
        },
      ],
    },
    {
      code: "class P { errors = kerror.wrap('security', 'role'); run() { this.errors.get('not_found'); } }",
      errors: [
        {
          messageId: 'missingPlaceholders',
          ...at(
            "class P { errors = kerror.wrap('security', 'role'); run() { this.errors.get('not_found'); } }",
            "'not_found'",
          ),
        },
      ],
    },
  ],
});

tsTester().run('call forms: no-deprecated-id', testerRule(deprecatedRule), {
  valid: ["getError(c ? 'security.token.invalid' : 'security.role.not_found', 'x');"],
  invalid: [
    {
      code: "getError(c ? 'security.token.old_format' : 'security.token.invalid');",
      errors: [
        {
          messageId: 'deprecatedError',
          ...at("getError(c ? 'security.token.old_format' : 'security.token.invalid');", "'security.token.old_format'"),
        },
      ],
    },
  ],
});
