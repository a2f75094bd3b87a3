import { join } from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import ruleModule from '../../rules/no-deprecated-id';
import { at, FIXTURES, jsTester, replaced, tsTester, testerRule } from './rule-tester';

const rule = testerRule(ruleModule);

/**
 * In the shared fixture, `expired_v1` ("Token expired.", no placeholder) is replaced by `expired`
 * ("Token %s expired at %s.", two) and `moved` ("Moved.") by `role.not_found` ("Role %s not
 * found.", one): rewriting the id would create a placeholder-count problem, so the rewrite is
 * never an autofix, only this suggestion.
 */
const TO_EXPIRED = {
  messageId: 'replaceWithPlaceholders' as const,
  data: { id: 'security.token.expired', expected: '2', current: '0' },
};
const TO_NOT_FOUND = {
  messageId: 'replaceWithPlaceholders' as const,
  data: { id: 'security.role.not_found', expected: '1', current: '0' },
};

const EXPIRED_V1 = {
  id: 'security.token.expired_v1',
  since: ' since 2.2.0',
  replacement: "; use 'security.token.expired' instead",
};
const MOVED = {
  id: 'security.token.moved',
  since: ' since 2.3.0',
  replacement: "; use 'security.role.not_found' instead",
};

tsTester().run('no-deprecated-id (TypeScript)', rule, {
  valid: [
    "getError('security.token.invalid');",
    "kerror.get('security', 'token', 'expired', a, b);",
    "const tokenError = kerror.wrap('security', 'token');\ntokenError.get('invalid');",
    // unknown and dynamic ids belong to other rules
    "getError('security.token.nope');",
    'getError(id);',
    // a local `kerror` is not the module
    "function f(kerror: Api) {\n  kerror.get('security', 'token', 'expired_v1');\n}",
    // not thrown: not a reference
    "const e = new ApiError('security.token.expired_v1');",
  ],
  invalid: [
    // dotted literal: the replacement takes another number of placeholders, so a suggestion saying so
    {
      code: "getError('security.token.expired_v1', a, b);",
      output: null,
      errors: [
        {
          messageId: 'deprecatedError',
          data: EXPIRED_V1,
          ...at("getError('security.token.expired_v1', a, b);", "'security.token.expired_v1'"),
          suggestions: [{ ...TO_EXPIRED, output: "getError('security.token.expired', a, b);" }],
        },
      ],
    },
    {
      code: 'throw new ApiError(`security.token.expired_v1`);',
      output: null,
      errors: [
        {
          messageId: 'deprecatedError',
          data: EXPIRED_V1,
          ...at('throw new ApiError(`security.token.expired_v1`);', '`security.token.expired_v1`'),
          suggestions: [{ ...TO_EXPIRED, output: 'throw new ApiError(`security.token.expired`);' }],
        },
      ],
    },
    {
      // TypeScript wrappers around the literal stay as written
      code: "getError('security.token.expired_v1' as const, a, b);",
      output: null,
      errors: [
        {
          messageId: 'deprecatedError',
          data: EXPIRED_V1,
          ...at("getError('security.token.expired_v1' as const, a, b);", "'security.token.expired_v1'"),
          suggestions: [{ ...TO_EXPIRED, output: "getError('security.token.expired' as const, a, b);" }],
        },
      ],
    },
    // held in a constant: rewriting the argument changes the code's shape, so only a suggestion
    {
      code: "const ID = 'security.token.expired_v1';\ngetError(ID);",
      output: null,
      errors: [
        {
          messageId: 'deprecatedError',
          data: EXPIRED_V1,
          line: 2,
          column: 10,
          endLine: 2,
          endColumn: 12,
          suggestions: [
            { ...TO_EXPIRED, output: "const ID = 'security.token.expired_v1';\ngetError('security.token.expired');" },
          ],
        },
      ],
    },
    // split form: only the parts that differ are rewritten
    {
      code: "kerror.get('security', 'token', 'expired_v1', a, b);",
      output: null,
      errors: [
        {
          messageId: 'deprecatedError',
          data: EXPIRED_V1,
          ...at("kerror.get('security', 'token', 'expired_v1', a, b);", "'expired_v1'"),
          suggestions: [{ ...TO_EXPIRED, output: "kerror.get('security', 'token', 'expired', a, b);" }],
        },
      ],
    },
    {
      code: "kerror.rejectFrom(err, 'security', 'token', 'moved');",
      output: null,
      errors: [
        {
          messageId: 'deprecatedError',
          data: MOVED,
          ...at("kerror.rejectFrom(err, 'security', 'token', 'moved');", "'moved'"),
          suggestions: [{ ...TO_NOT_FOUND, output: "kerror.rejectFrom(err, 'security', 'role', 'not_found');" }],
        },
      ],
    },
    {
      // a constant part that must change: a suggestion, not an autofix
      code: "const S = 'token';\nkerror.get('security', S, 'moved');",
      output: null,
      errors: [
        {
          messageId: 'deprecatedError',
          data: MOVED,
          line: 2,
          column: 27,
          endLine: 2,
          endColumn: 34,
          suggestions: [
            { ...TO_NOT_FOUND, output: "const S = 'token';\nkerror.get('security', 'role', 'not_found');" },
          ],
        },
      ],
    },
    {
      // a constant part that stays: the rewrite is still offered
      code: "const D = 'security';\nkerror.get(D, 'token', 'expired_v1');",
      output: null,
      errors: [
        {
          messageId: 'deprecatedError',
          data: EXPIRED_V1,
          line: 2,
          column: 24,
          endLine: 2,
          endColumn: 36,
          suggestions: [{ ...TO_EXPIRED, output: "const D = 'security';\nkerror.get(D, 'token', 'expired');" }],
        },
      ],
    },
    // wrappers: the name is rewritten when the replacement is in the same subdomain
    {
      code: "const tokenError = kerror.wrap('security', 'token');\ntokenError.getFrom(err, 'expired_v1');",
      output: null,
      errors: [
        {
          messageId: 'deprecatedError',
          data: EXPIRED_V1,
          line: 2,
          column: 25,
          endLine: 2,
          endColumn: 37,
          suggestions: [
            {
              ...TO_EXPIRED,
              output: "const tokenError = kerror.wrap('security', 'token');\ntokenError.getFrom(err, 'expired');",
            },
          ],
        },
      ],
    },
    {
      // …and left alone when it is in another subdomain: the wrap() cannot change for one call
      code: "const tokenError = kerror.wrap('security', 'token');\ntokenError.get('moved');",
      output: null,
      errors: [{ messageId: 'deprecatedError', data: MOVED, line: 2, column: 16, endLine: 2, endColumn: 23 }],
    },
    {
      code: "import * as errs from './kerror';\nerrs.wrap('security', 'token').reject('expired_v1');",
      output: null,
      errors: [
        {
          messageId: 'deprecatedError',
          data: EXPIRED_V1,
          line: 2,
          column: 39,
          endLine: 2,
          endColumn: 51,
          suggestions: [
            {
              ...TO_EXPIRED,
              output: "import * as errs from './kerror';\nerrs.wrap('security', 'token').reject('expired');",
            },
          ],
        },
      ],
    },
    // no replacement: reported, nothing to fix
    {
      code: "getError('security.token.old_format');",
      output: null,
      errors: [
        {
          messageId: 'deprecatedError',
          data: { id: 'security.token.old_format', since: ' since 1.0.0', replacement: '' },
          ...at("getError('security.token.old_format');", "'security.token.old_format'"),
        },
      ],
    },
    // deprecated subdomain and domain
    {
      code: "kerror.get('security', 'legacy', 'thing');",
      output: null,
      errors: [
        {
          messageId: 'deprecatedScope',
          data: { id: 'security.legacy.thing', since: ' since 3.0.0', level: 'subdomain', scope: 'security.legacy' },
          ...at("kerror.get('security', 'legacy', 'thing');", "'legacy'"),
        },
      ],
    },
    {
      code: "getError('old.stuff.broken', name);",
      output: null,
      errors: [
        {
          messageId: 'deprecatedScope',
          data: { id: 'old.stuff.broken', since: ' since 1.5.0', level: 'domain', scope: 'old' },
          ...at("getError('old.stuff.broken', name);", "'old.stuff.broken'"),
        },
      ],
    },
    {
      code: "kerror.get('old', 'stuff', 'broken', name);",
      output: null,
      errors: [
        {
          messageId: 'deprecatedScope',
          data: { id: 'old.stuff.broken', since: ' since 1.5.0', level: 'domain', scope: 'old' },
          ...at("kerror.get('old', 'stuff', 'broken', name);", "'old'"),
        },
      ],
    },
    // a deprecated wrap() is reported once, at the wrap(), not at every use of the wrapper
    {
      code: "const legacyError = kerror.wrap('security', 'legacy');\nlegacyError.get('thing');\nlegacyError.reject('thing');",
      output: null,
      errors: [
        {
          messageId: 'deprecatedWrap',
          data: { level: 'subdomain', scope: 'security.legacy', since: ' since 3.0.0' },
          line: 1,
          column: 45,
          endLine: 1,
          endColumn: 53,
        },
      ],
    },
    {
      code: "const oldError = kerror.wrap('old', 'stuff');",
      output: null,
      errors: [
        {
          messageId: 'deprecatedWrap',
          data: { level: 'domain', scope: 'old', since: ' since 1.5.0' },
          ...at("const oldError = kerror.wrap('old', 'stuff');", "'old'"),
        },
      ],
    },
  ],
});

jsTester().run('no-deprecated-id (JavaScript, CommonJS)', rule, {
  valid: ["const kerror = require('../kerror').wrap('security', 'token');\nkerror.get('expired', a, b);"],
  invalid: [
    {
      // the wrapper shadows the module's usual name
      code: "const kerror = require('../kerror').wrap('security', 'token');\nthrow kerror.get('expired_v1');",
      output: null,
      errors: [
        {
          messageId: 'deprecatedError',
          data: EXPIRED_V1,
          line: 2,
          column: 18,
          endLine: 2,
          endColumn: 30,
          suggestions: [
            {
              ...TO_EXPIRED,
              output: "const kerror = require('../kerror').wrap('security', 'token');\nthrow kerror.get('expired');",
            },
          ],
        },
      ],
    },
    {
      code: "const { getError } = require('./errors');\nthrow getError('security.token.expired_v1', a, b);",
      output: null,
      errors: [
        {
          messageId: 'deprecatedError',
          data: EXPIRED_V1,
          line: 2,
          column: 16,
          endLine: 2,
          endColumn: 43,
          suggestions: [
            {
              ...TO_EXPIRED,
              output: replaced(
                "const { getError } = require('./errors');\nthrow getError('security.token.expired_v1', a, b);",
                'expired_v1',
                'expired',
              ),
            },
          ],
        },
      ],
    },
  ],
});

/**
 * A 2020-style catalog (tests/rules/fixtures/catalog-2020): lower-case `subdomains`, `"deprecated":
 * true` (version unknown) on an error, a subdomain and a domain, `false` and `null` (not deprecated).
 * `expired_v2` takes as many placeholders as its replacement, so its rewrite is an autofix.
 */
const tester2020 = new RuleTester({
  settings: { 'error-catalog': { catalog: join(FIXTURES, 'catalog-2020') } },
  languageOptions: { sourceType: 'module' },
});
const EXPIRED_V2 = {
  id: 'security.token.expired_v2',
  since: '',
  replacement: "; use 'security.token.expired' instead",
};

tester2020.run('no-deprecated-id (2020-style catalog)', rule, {
  valid: [
    "getError('security.token.kept');",
    "getError('security.token.nulled');",
    "kerror.get('security', 'token', 'expired', a, b);",
  ],
  invalid: [
    // equal placeholder counts: the autofix applies, in every form
    {
      code: "getError('security.token.expired_v2', a, b);",
      output: "getError('security.token.expired', a, b);",
      errors: [
        {
          messageId: 'deprecatedError',
          data: EXPIRED_V2,
          ...at("getError('security.token.expired_v2', a, b);", "'security.token.expired_v2'"),
        },
      ],
    },
    {
      code: "kerror.get('security', 'token', 'expired_v2', a, b);",
      output: "kerror.get('security', 'token', 'expired', a, b);",
      errors: [
        {
          messageId: 'deprecatedError',
          data: EXPIRED_V2,
          ...at("kerror.get('security', 'token', 'expired_v2', a, b);", "'expired_v2'"),
        },
      ],
    },
    {
      code: "const tokenError = kerror.wrap('security', 'token');\ntokenError.get('expired_v2', a, b);",
      output: "const tokenError = kerror.wrap('security', 'token');\ntokenError.get('expired', a, b);",
      errors: [{ messageId: 'deprecatedError', data: EXPIRED_V2, line: 2, column: 16, endLine: 2, endColumn: 28 }],
    },
    // a version (string) next to booleans, and a count mismatch: a suggestion
    {
      code: "getError('security.token.expired_v1');",
      output: null,
      errors: [
        {
          messageId: 'deprecatedError',
          data: { ...EXPIRED_V2, id: 'security.token.expired_v1', since: ' since 2.2.0' },
          ...at("getError('security.token.expired_v1');", "'security.token.expired_v1'"),
          suggestions: [{ ...TO_EXPIRED, output: "getError('security.token.expired');" }],
        },
      ],
    },
    // "deprecated": true without a replacement, on an error, a subdomain and a domain
    {
      code: "getError('security.token.old_format');",
      output: null,
      errors: [
        {
          messageId: 'deprecatedError',
          data: { id: 'security.token.old_format', since: '', replacement: '' },
          ...at("getError('security.token.old_format');", "'security.token.old_format'"),
        },
      ],
    },
    {
      code: "kerror.get('security', 'legacy', 'thing');",
      output: null,
      errors: [
        {
          messageId: 'deprecatedScope',
          data: { id: 'security.legacy.thing', since: '', level: 'subdomain', scope: 'security.legacy' },
          ...at("kerror.get('security', 'legacy', 'thing');", "'legacy'"),
        },
      ],
    },
    {
      // the subdomain's "deprecated": false does not undo its domain's true
      code: "getError('old.stuff.broken', name);",
      output: null,
      errors: [
        {
          messageId: 'deprecatedScope',
          data: { id: 'old.stuff.broken', since: '', level: 'domain', scope: 'old' },
          ...at("getError('old.stuff.broken', name);", "'old.stuff.broken'"),
        },
      ],
    },
    {
      code: "const legacyError = kerror.wrap('security', 'legacy');",
      output: null,
      errors: [
        {
          messageId: 'deprecatedWrap',
          data: { level: 'subdomain', scope: 'security.legacy', since: '' },
          ...at("const legacyError = kerror.wrap('security', 'legacy');", "'legacy'"),
        },
      ],
    },
  ],
});
