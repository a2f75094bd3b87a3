import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import { RuleTester } from '@typescript-eslint/rule-tester';
import ruleModule from '../../rules/no-unknown-id';
import { at, FIXTURES, jsTester, replaced, tsTester, testerRule } from './rule-tester';

const rule = testerRule(ruleModule);

type MessageIds =
  | 'unknownDomain'
  | 'unknownSubdomain'
  | 'unknownError'
  | 'malformedId'
  | 'missingPart'
  | 'catalogProblem'
  | 'replaceWith';
type Case = InvalidTestCase<MessageIds, []>;

/** One report at `needle`, with one suggestion per `[id, replacement text]` (applied where `needle` is). */
function unknown(
  code: string,
  needle: string,
  messageId: MessageIds,
  data: Record<string, string>,
  fixes: ReadonlyArray<readonly [id: string, text: string]>,
): Case {
  return {
    code,
    errors: [
      {
        messageId,
        data,
        ...at(code, needle),
        suggestions: fixes.map(([id, text]) => ({
          messageId: 'replaceWith' as const,
          data: { id },
          output: replaced(code, needle, text),
        })),
      },
    ],
  };
}

const didYouMean = (...ids: string[]): string =>
  ` Did you mean ${
    ids.length === 1
      ? `'${ids[0]}'`
      : `${ids
          .slice(0, -1)
          .map((id) => `'${id}'`)
          .join(', ')} or '${ids[ids.length - 1]}'`
  }?`;

// ---------------------------------------------------------------------------------------------
// TypeScript (and ES module) syntax, every call form.
// ---------------------------------------------------------------------------------------------
tsTester().run('no-unknown-id (TypeScript)', rule, {
  valid: [
    // getError, bare or as a member, optional chaining, TS wrappers
    "getError('security.token.invalid');",
    "errors.getError('security.token.expired', user, date);",
    "this.errors.getError('security.token.invalid');",
    "errors?.getError('security.token.invalid');",
    "getError('security.token.invalid' as const);",
    "getError(<string>'security.token.invalid');",
    // throw new: any class, only id-shaped static strings, only when thrown
    "throw new ApiError('security.token.invalid');",
    "throw new Error('Invalid token.');",
    "throw new Error('security token invalid');",
    "throw new Error('Token.Invalid.Here');",
    "const e = new ApiError('security.token.nope');",
    'throw new ApiError(message);',
    // split form and its variants
    "kerror.get('security', 'token', 'invalid');",
    "kerror.reject('security', 'token', 'invalid');",
    "kerror.getFrom(err, 'security', 'token', 'invalid');",
    "kerror.rejectFrom(err, 'security', 'token', 'invalid');",
    "kerror.format('whatever', 'is', 'here');",
    // wrappers
    "const tokenError = kerror.wrap('security', 'token');\ntokenError.get('invalid');\ntokenError.reject('expired', a, b);\ntokenError.getFrom(err, 'invalid');\ntokenError.rejectFrom(err, 'invalid');",
    "kerror.wrap('security', 'token').get('invalid');",
    // the module by import, whatever its local name
    "import * as kerror from './kerror';\nkerror.get('security', 'token', 'invalid');",
    "import errs from '../../kerror';\nerrs.get('security', 'token', 'invalid');",
    "import { get as g } from './kerror';\ng('security', 'token', 'invalid');",
    "import kerror = require('./kerror');\nkerror.get('security', 'token', 'invalid');",
    // constants, concatenation and templates of constants
    "const ID = 'security.token.invalid';\ngetError(ID);",
    "const D = 'security';\ngetError(D + '.token.invalid');",
    "const D = 'security';\nconst S = 'token';\ngetError(`${D}.${S}.invalid`);",
    "const S = 'token';\nkerror.get('security', S, 'invalid');",
    // dynamic ids are not this rule's business
    'getError(id);',
    'getError(`security.token.${name}`);',
    "kerror.get('security', subdomain, 'invalid');",
    // shadowing: a local `kerror` is not the module
    "function f(kerror: Api) {\n  kerror.get('nope', 'nope', 'nope');\n}",
    "const kerror = { get(...args: string[]) {} };\nkerror.get('nope', 'nope', 'nope');",
    "let tokenError = kerror.wrap('security', 'token');\ntokenError = other;\ntokenError.get('nope');",
    "import * as kerror from './not-errors';\nkerror.get('nope', 'nope', 'nope');",
    "import { get } from 'lodash';\nget(obj, 'a', 'b');",
    // a call that no form can name
    "console.log('security.token.nope');",
  ],
  invalid: [
    unknown(
      "getError('security.token.expird');",
      "'security.token.expird'",
      'unknownError',
      {
        id: 'security.token.expird',
        domain: 'security',
        subdomain: 'token',
        name: 'expird',
        didYouMean: didYouMean('security.token.expired'),
      },
      [['security.token.expired', "'security.token.expired'"]],
    ),
    unknown(
      "errors.getError('securty.token.invalid');",
      "'securty.token.invalid'",
      'unknownDomain',
      {
        id: 'securty.token.invalid',
        domain: 'securty',
        subdomain: 'token',
        name: 'invalid',
        didYouMean: didYouMean('security.token.invalid'),
      },
      [['security.token.invalid', "'security.token.invalid'"]],
    ),
    unknown(
      "throw new ApiError('security.token.invalidd', { cause });",
      "'security.token.invalidd'",
      'unknownError',
      {
        id: 'security.token.invalidd',
        domain: 'security',
        subdomain: 'token',
        name: 'invalidd',
        didYouMean: didYouMean('security.token.invalid'),
      },
      [['security.token.invalid', "'security.token.invalid'"]],
    ),
    unknown(
      "throw (new ApiError('security.tokn.invalid') as Error);",
      "'security.tokn.invalid'",
      'unknownSubdomain',
      {
        id: 'security.tokn.invalid',
        domain: 'security',
        subdomain: 'tokn',
        name: 'invalid',
        didYouMean: didYouMean('security.token.invalid'),
      },
      [['security.token.invalid', "'security.token.invalid'"]],
    ),
    unknown(
      "getError('security.token');",
      "'security.token'",
      'malformedId',
      { id: 'security.token', didYouMean: '' },
      [],
    ),
    // split forms: the report sits on the unknown part, the suggestion rewrites only what differs
    unknown(
      "kerror.get('securty', 'token', 'invalid');",
      "'securty'",
      'unknownDomain',
      {
        id: 'securty.token.invalid',
        domain: 'securty',
        subdomain: 'token',
        name: 'invalid',
        didYouMean: didYouMean('security.token.invalid'),
      },
      [['security.token.invalid', "'security'"]],
    ),
    unknown(
      "kerror.reject('security', 'tokn', 'invalid');",
      "'tokn'",
      'unknownSubdomain',
      {
        id: 'security.tokn.invalid',
        domain: 'security',
        subdomain: 'tokn',
        name: 'invalid',
        didYouMean: didYouMean('security.token.invalid'),
      },
      [['security.token.invalid', "'token'"]],
    ),
    unknown(
      "kerror.getFrom(err, 'security', 'role', 'not_fond', 'admin');",
      "'not_fond'",
      'unknownError',
      {
        id: 'security.role.not_fond',
        domain: 'security',
        subdomain: 'role',
        name: 'not_fond',
        didYouMean: didYouMean('security.role.not_found'),
      },
      [['security.role.not_found', "'not_found'"]],
    ),
    unknown(
      "kerror.rejectFrom(err, 'security', 'token', 'expird');",
      "'expird'",
      'unknownError',
      {
        id: 'security.token.expird',
        domain: 'security',
        subdomain: 'token',
        name: 'expird',
        didYouMean: didYouMean('security.token.expired'),
      },
      [['security.token.expired', "'expired'"]],
    ),
    {
      code: "kerror.get('security');",
      errors: [
        {
          messageId: 'missingPart',
          data: { part: 'subdomain', expected: 'a domain, a subdomain and an error name' },
          ...at("kerror.get('security');", "kerror.get('security')"),
        },
      ],
    },
    // TypeScript's compiled CommonJS
    unknown(
      "const kerror_1 = require('./kerror');\n(0, kerror_1.get)('security', 'token', 'expird');",
      "'expird'",
      'unknownError',
      {
        id: 'security.token.expird',
        domain: 'security',
        subdomain: 'token',
        name: 'expird',
        didYouMean: didYouMean('security.token.expired'),
      },
      [['security.token.expired', "'expired'"]],
    ),
    unknown(
      "const kerror_1 = __importStar(require('../kerror'));\nkerror_1.get('security', 'tokn', 'invalid');",
      "'tokn'",
      'unknownSubdomain',
      {
        id: 'security.tokn.invalid',
        domain: 'security',
        subdomain: 'tokn',
        name: 'invalid',
        didYouMean: didYouMean('security.token.invalid'),
      },
      [['security.token.invalid', "'token'"]],
    ),
    unknown(
      "const kerror_1 = require('./kerror');\nconst tokenError = (0, kerror_1.wrap)('security', 'token');\ntokenError.get('expird');",
      "'expird'",
      'unknownError',
      {
        id: 'security.token.expird',
        domain: 'security',
        subdomain: 'token',
        name: 'expird',
        didYouMean: didYouMean('security.token.expired'),
      },
      [['security.token.expired', "'expired'"]],
    ),
    // imports under any local name
    unknown(
      "import * as errs from './lib/kerror';\nerrs.get('security', 'token', 'expird');",
      "'expird'",
      'unknownError',
      {
        id: 'security.token.expird',
        domain: 'security',
        subdomain: 'token',
        name: 'expird',
        didYouMean: didYouMean('security.token.expired'),
      },
      [['security.token.expired', "'expired'"]],
    ),
    unknown(
      "import { get as g } from './kerror';\ng('securty', 'token', 'invalid');",
      "'securty'",
      'unknownDomain',
      {
        id: 'securty.token.invalid',
        domain: 'securty',
        subdomain: 'token',
        name: 'invalid',
        didYouMean: didYouMean('security.token.invalid'),
      },
      [['security.token.invalid', "'security'"]],
    ),
    unknown(
      "import { getError as raise } from './errors';\nraise('security.token.expird');",
      "'security.token.expird'",
      'unknownError',
      {
        id: 'security.token.expird',
        domain: 'security',
        subdomain: 'token',
        name: 'expird',
        didYouMean: didYouMean('security.token.expired'),
      },
      [['security.token.expired', "'security.token.expired'"]],
    ),
    // wrappers: unknown names checked against the wrapped subdomain; wrap() itself checked
    unknown(
      "const tokenError = kerror.wrap('security', 'token');\ntokenError.getFrom(err, 'expird', a, b);",
      "'expird'",
      'unknownError',
      {
        id: 'security.token.expird',
        domain: 'security',
        subdomain: 'token',
        name: 'expird',
        didYouMean: didYouMean('security.token.expired'),
      },
      [['security.token.expired', "'expired'"]],
    ),
    unknown(
      "kerror.wrap('security', 'token').reject('invalidd');",
      "'invalidd'",
      'unknownError',
      {
        id: 'security.token.invalidd',
        domain: 'security',
        subdomain: 'token',
        name: 'invalidd',
        didYouMean: didYouMean('security.token.invalid'),
      },
      [['security.token.invalid', "'invalid'"]],
    ),
    unknown(
      "const tokenError = kerror.wrap('securty', 'token');",
      "'securty'",
      'unknownDomain',
      { domain: 'securty', id: 'securty.token', didYouMean: didYouMean('security') },
      [['security', "'security'"]],
    ),
    unknown(
      "const roleError = kerror.wrap('security', 'roles');\nroleError.get('not_found');",
      "'roles'",
      'unknownSubdomain',
      { domain: 'security', subdomain: 'roles', id: 'security.roles', didYouMean: didYouMean('security.role') },
      [['role', "'role'"]],
    ),
    // constants, concatenation and templates: the suggestion replaces the expression with a literal
    {
      code: "const ID = 'security.token.expird';\ngetError(ID);",
      errors: [
        {
          messageId: 'unknownError',
          data: {
            id: 'security.token.expird',
            domain: 'security',
            subdomain: 'token',
            name: 'expird',
            didYouMean: didYouMean('security.token.expired'),
          },
          line: 2,
          column: 10,
          endLine: 2,
          endColumn: 12,
          suggestions: [
            {
              messageId: 'replaceWith',
              data: { id: 'security.token.expired' },
              output: "const ID = 'security.token.expird';\ngetError('security.token.expired');",
            },
          ],
        },
      ],
    },
    unknown(
      "const D = 'security';\ngetError(D + '.token.expird');",
      "D + '.token.expird'",
      'unknownError',
      {
        id: 'security.token.expird',
        domain: 'security',
        subdomain: 'token',
        name: 'expird',
        didYouMean: didYouMean('security.token.expired'),
      },
      [['security.token.expired', "'security.token.expired'"]],
    ),
    unknown(
      "const S = 'tokn';\ngetError(`security.${S}.invalid`);",
      '`security.${S}.invalid`',
      'unknownSubdomain',
      {
        id: 'security.tokn.invalid',
        domain: 'security',
        subdomain: 'tokn',
        name: 'invalid',
        didYouMean: didYouMean('security.token.invalid'),
      },
      [['security.token.invalid', "'security.token.invalid'"]],
    ),
    unknown(
      'getError(`security.token.expird`);',
      '`security.token.expird`',
      'unknownError',
      {
        id: 'security.token.expird',
        domain: 'security',
        subdomain: 'token',
        name: 'expird',
        didYouMean: didYouMean('security.token.expired'),
      },
      [['security.token.expired', '`security.token.expired`']],
    ),
    // the parameter named kerror shadows nothing outside its function
    unknown(
      "function f(kerror: Api) {\n  kerror.get('a', 'b', 'c');\n}\nkerror.get('security', 'tokn', 'invalid');",
      "'tokn'",
      'unknownSubdomain',
      {
        id: 'security.tokn.invalid',
        domain: 'security',
        subdomain: 'tokn',
        name: 'invalid',
        didYouMean: didYouMean('security.token.invalid'),
      },
      [['security.token.invalid', "'token'"]],
    ),
    // TypeScript-only syntax around the call: type arguments, non-null assertions, casts
    unknown(
      "throw getError<TokenError>('security.token.expird');",
      "'security.token.expird'",
      'unknownError',
      {
        id: 'security.token.expird',
        domain: 'security',
        subdomain: 'token',
        name: 'expird',
        didYouMean: didYouMean('security.token.expired'),
      },
      [['security.token.expired', "'security.token.expired'"]],
    ),
    unknown(
      "import * as kerror from './kerror';\nthrow (kerror as Kerror)!.get('security', 'tokn', 'invalid');",
      "'tokn'",
      'unknownSubdomain',
      {
        id: 'security.tokn.invalid',
        domain: 'security',
        subdomain: 'tokn',
        name: 'invalid',
        didYouMean: didYouMean('security.token.invalid'),
      },
      [['security.token.invalid', "'token'"]],
    ),
    // several candidates, closest first
    unknown(
      "getError('security.token.expire');",
      "'security.token.expire'",
      'unknownError',
      {
        id: 'security.token.expire',
        domain: 'security',
        subdomain: 'token',
        name: 'expire',
        didYouMean: didYouMean('security.token.expired'),
      },
      [['security.token.expired', "'security.token.expired'"]],
    ),
  ],
});

// ---------------------------------------------------------------------------------------------
// Plain JavaScript, CommonJS, through espree.
// ---------------------------------------------------------------------------------------------
jsTester().run('no-unknown-id (JavaScript, CommonJS)', rule, {
  valid: [
    "const kerror = require('../kerror').wrap('security', 'token');\nkerror.get('invalid');",
    "const errors = require('../../kerror');\nerrors.reject('security', 'token', 'invalid');",
    "const { get } = require('./kerror');\nget('security', 'token', 'invalid');",
    "const { getError } = require('./errors');\nthrow getError('security.token.invalid');",
    "function handler(kerror) {\n  return kerror.get('x', 'y', 'z');\n}",
  ],
  invalid: [
    // the wrapper shadows the module's usual name: names are checked against security.token
    unknown(
      "const kerror = require('../kerror').wrap('security', 'token');\nkerror.reject('expird');",
      "'expird'",
      'unknownError',
      {
        id: 'security.token.expird',
        domain: 'security',
        subdomain: 'token',
        name: 'expird',
        didYouMean: didYouMean('security.token.expired'),
      },
      [['security.token.expired', "'expired'"]],
    ),
    unknown(
      "const errors = require('../../kerror');\nerrors.get('security', 'token', 'expird');",
      "'expird'",
      'unknownError',
      {
        id: 'security.token.expird',
        domain: 'security',
        subdomain: 'token',
        name: 'expird',
        didYouMean: didYouMean('security.token.expired'),
      },
      [['security.token.expired', "'expired'"]],
    ),
    unknown(
      "const { get: fetchError } = require('./kerror');\nfetchError('security', 'tokn', 'invalid');",
      "'tokn'",
      'unknownSubdomain',
      {
        id: 'security.tokn.invalid',
        domain: 'security',
        subdomain: 'tokn',
        name: 'invalid',
        didYouMean: didYouMean('security.token.invalid'),
      },
      [['security.token.invalid', "'token'"]],
    ),
    unknown(
      "'use strict';\nconst { getError } = require('./errors');\nmodule.exports = () => {\n  throw getError('security.token.expird');\n};",
      "'security.token.expird'",
      'unknownError',
      {
        id: 'security.token.expird',
        domain: 'security',
        subdomain: 'token',
        name: 'expird',
        didYouMean: didYouMean('security.token.expired'),
      },
      [['security.token.expired', "'security.token.expired'"]],
    ),
  ],
});

// ---------------------------------------------------------------------------------------------
// Plain JavaScript, ES modules, through espree.
// ---------------------------------------------------------------------------------------------
jsTester('module').run('no-unknown-id (JavaScript, ES modules)', rule, {
  valid: [
    "import * as kerror from './kerror.js';\nkerror.get('security', 'token', 'invalid');",
    "import kerror from '../lib/kerror/index.js';\nconst tokenError = kerror.wrap('security', 'token');\nthrow tokenError.get('expired', a, b);",
  ],
  invalid: [
    unknown(
      "import { wrap } from './kerror.js';\nconst roleError = wrap('security', 'role');\nthrow roleError.get('not_fond');",
      "'not_fond'",
      'unknownError',
      {
        id: 'security.role.not_fond',
        domain: 'security',
        subdomain: 'role',
        name: 'not_fond',
        didYouMean: didYouMean('security.role.not_found'),
      },
      [['security.role.not_found', "'not_found'"]],
    ),
  ],
});

// ---------------------------------------------------------------------------------------------
// Where the config comes from, and what happens when the catalog cannot be used.
// ---------------------------------------------------------------------------------------------
const discovering = new RuleTester({ languageOptions: { sourceType: 'module' } });
const brokenFile = join(FIXTURES, 'broken', 'src', 'file.ts');
const brokenCatalog = join(FIXTURES, 'broken', 'errors', '07-security.json');
const noConfigDir = join(tmpdir(), 'error-catalog-no-config');

discovering.run('no-unknown-id (config discovery and unusable catalogs)', rule, {
  valid: [
    // error-catalog.config.json found by walking up from the file
    { code: "getError('security.token.invalid');", filename: join(FIXTURES, 'project', 'src', 'file.ts') },
    // a file without error-id references says nothing even when the catalog is broken
    { code: "console.log('hello');", filename: brokenFile },
  ],
  invalid: [
    {
      code: "getError('security.token.expird');",
      filename: join(FIXTURES, 'project', 'src', 'file.ts'),
      errors: [
        {
          messageId: 'unknownError',
          suggestions: [
            {
              messageId: 'replaceWith',
              data: { id: 'security.token.expired' },
              output: "getError('security.token.expired');",
            },
          ],
        },
      ],
    },
    {
      // one problem per file, at its first reference, naming the catalog file, line and column
      code: "getError('security.token.nope');\nkerror.get('a', 'b', 'c');\nthrow new ApiError('x.y.z');",
      filename: brokenFile,
      errors: [
        {
          messageId: 'catalogProblem',
          data: { problem: `${brokenCatalog}:1:103: invalid JSON: close brace expected.`, more: '' },
          ...at("getError('security.token.nope');", "getError('security.token.nope')"),
        },
      ],
    },
    {
      code: "console.log(1);\nkerror.get('a', 'b', 'c');",
      filename: join(noConfigDir, 'file.ts'),
      errors: [
        {
          messageId: 'catalogProblem',
          data: {
            problem: `${noConfigDir}:1:1: no error-catalog.config.json found in ${noConfigDir} or its parents (or give the config inline).`,
            more: '',
          },
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 26,
        },
      ],
    },
    {
      // an explicit config file through the settings
      code: "getError('security.token.nope');",
      settings: { 'error-catalog': { configFile: join(FIXTURES, 'broken', 'error-catalog.config.json') } },
      errors: [
        {
          messageId: 'catalogProblem',
          data: { problem: `${brokenCatalog}:1:103: invalid JSON: close brace expected.`, more: '' },
        },
      ],
    },
    {
      // an inline config with mistakes: every problem counted, the first one shown
      code: "getError('security.token.nope');",
      settings: { 'error-catalog': { catalog: 42, classes: [] } },
      errors: [
        {
          messageId: 'catalogProblem',
          data: {
            problem: "ESLint settings['error-catalog']:1:1: 'catalog' must be a path or a non-empty list of paths",
            more: ' (and 1 more problem).',
          },
        },
      ],
    },
  ],
});

// ---------------------------------------------------------------------------------------------
// Other helpers, described in the `calls` setting (the same setting the TypeScript plugin reads).
// ---------------------------------------------------------------------------------------------
const customCalls = new RuleTester({
  languageOptions: { sourceType: 'module' },
  settings: {
    'error-catalog': {
      catalog: join(FIXTURES, 'catalog'),
      calls: {
        functions: [
          { callee: 'AppError.from', args: ['id'] },
          { callee: 'errors.raise', args: ['domain', 'subdomain', 'name'] },
        ],
        throwNew: false,
      },
    },
  },
});

customCalls.run('no-unknown-id (custom calls)', rule, {
  valid: [
    "throw AppError.from('security.token.invalid');",
    "throw errors.raise('security', 'token', 'invalid');",
    // the defaults are replaced, key by key: `functions` no longer has getError, `throwNew` is off
    "throw getError('security.token.nope');",
    "throw new ApiError('security.token.nope');",
    // `modules` was not given: kerror keeps its default
    "kerror.get('security', 'token', 'invalid');",
    // AppError.from must end the callee path
    "from('security.token.nope');",
  ],
  invalid: [
    unknown(
      "throw AppError.from('security.token.expird');",
      "'security.token.expird'",
      'unknownError',
      {
        id: 'security.token.expird',
        domain: 'security',
        subdomain: 'token',
        name: 'expird',
        didYouMean: didYouMean('security.token.expired'),
      },
      [['security.token.expired', "'security.token.expired'"]],
    ),
    unknown(
      "throw this.errors.raise('security', 'tokn', 'invalid');",
      "'tokn'",
      'unknownSubdomain',
      {
        id: 'security.tokn.invalid',
        domain: 'security',
        subdomain: 'tokn',
        name: 'invalid',
        didYouMean: didYouMean('security.token.invalid'),
      },
      [['security.token.invalid', "'token'"]],
    ),
    unknown(
      "kerror.get('securty', 'token', 'invalid');",
      "'securty'",
      'unknownDomain',
      {
        id: 'securty.token.invalid',
        domain: 'securty',
        subdomain: 'token',
        name: 'invalid',
        didYouMean: didYouMean('security.token.invalid'),
      },
      [['security.token.invalid', "'security'"]],
    ),
  ],
});
