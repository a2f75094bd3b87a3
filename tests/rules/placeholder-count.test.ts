import ruleModule from '../../rules/placeholder-count';
import { at, jsTester, tsTester, testerRule } from './rule-tester';

const rule = testerRule(ruleModule);

const EXPIRED = { id: 'security.token.expired', expected: '2', message: 'Token %s expired at %s.' };
const NOT_FOUND = { id: 'security.role.not_found', expected: '1', message: 'Role %s not found.' };

tsTester().run('placeholder-count (TypeScript)', rule, {
  valid: [
    "getError('security.token.expired', user, date);",
    "getError('security.token.invalid');",
    // a trailing object literal is an options argument
    "getError('security.token.invalid', { cause: err });",
    "getError('security.token.expired', user, date, { cause: err });",
    // a spread makes the count unknown
    "getError('security.token.expired', ...args);",
    "kerror.get('security', 'role', 'not_found', ...rest);",
    // more arguments than placeholders: only with reportExtra
    "getError('security.token.invalid', 'extra');",
    { code: "getError('security.token.invalid', { cause });", options: [{ reportExtra: true }] },
    // %% is a literal percent sign, not a placeholder
    "kerror.get('security', 'role', 'cannot_delete', role);",
    "kerror.getFrom(err, 'security', 'role', 'not_found', role);",
    "const roleError = kerror.wrap('security', 'role');\nroleError.rejectFrom(err, 'not_found', role);",
    "throw new ApiError('api.request.missing_argument', name);",
    // unknown and dynamic ids: nothing to count against
    "getError('security.token.nope');",
    'getError(id, a);',
    // a local getError that is not called in a recognised way
    "function f(kerror: Api) {\n  kerror.get('security', 'role', 'not_found');\n}",
  ],
  invalid: [
    {
      code: "getError('security.token.expired', user);",
      errors: [
        {
          messageId: 'missingPlaceholders',
          data: { ...EXPIRED, given: '1' },
          ...at("getError('security.token.expired', user);", "'security.token.expired'"),
        },
      ],
    },
    {
      // the options object does not count as a placeholder
      code: "getError('security.token.expired', user, { cause });",
      errors: [
        {
          messageId: 'missingPlaceholders',
          data: { ...EXPIRED, given: '1' },
          ...at("getError('security.token.expired', user, { cause });", "'security.token.expired'"),
        },
      ],
    },
    {
      code: "throw new ApiError('api.request.missing_argument');",
      errors: [
        {
          messageId: 'missingPlaceholders',
          data: { id: 'api.request.missing_argument', expected: '1', given: '0', message: 'Missing argument "%s".' },
          ...at("throw new ApiError('api.request.missing_argument');", "'api.request.missing_argument'"),
        },
      ],
    },
    {
      // split form: reported on the error name
      code: "kerror.reject('security', 'role', 'not_found');",
      errors: [
        {
          messageId: 'missingPlaceholders',
          data: { ...NOT_FOUND, given: '0' },
          ...at("kerror.reject('security', 'role', 'not_found');", "'not_found'"),
        },
      ],
    },
    {
      code: "kerror.getFrom(err, 'security', 'token', 'expired', user);",
      errors: [
        {
          messageId: 'missingPlaceholders',
          data: { ...EXPIRED, given: '1' },
          ...at("kerror.getFrom(err, 'security', 'token', 'expired', user);", "'expired'"),
        },
      ],
    },
    {
      code: "const roleError = kerror.wrap('security', 'role');\nthrow roleError.getFrom(err, 'cannot_delete');",
      errors: [
        {
          messageId: 'missingPlaceholders',
          data: {
            id: 'security.role.cannot_delete',
            expected: '1',
            given: '0',
            message: 'Role %s cannot be deleted (100%% used).',
          },
          line: 2,
          column: 30,
          endLine: 2,
          endColumn: 45,
        },
      ],
    },
    {
      code: "const ID = 'security.token.expired';\ngetError(ID, user);",
      errors: [
        {
          messageId: 'missingPlaceholders',
          data: { ...EXPIRED, given: '1' },
          line: 2,
          column: 10,
          endLine: 2,
          endColumn: 12,
        },
      ],
    },
    {
      code: "import { get as g } from './kerror';\ng('security', 'role', 'not_found');",
      errors: [
        {
          messageId: 'missingPlaceholders',
          data: { ...NOT_FOUND, given: '0' },
          line: 2,
          column: 23,
          endLine: 2,
          endColumn: 34,
        },
      ],
    },
    // reportExtra
    {
      code: "getError('security.token.invalid', user);",
      options: [{ reportExtra: true }],
      errors: [
        {
          messageId: 'extraPlaceholders',
          data: { id: 'security.token.invalid', expected: '0', given: '1', message: 'Invalid authentication token.' },
          ...at("getError('security.token.invalid', user);", "'security.token.invalid'"),
        },
      ],
    },
    {
      code: "kerror.get('security', 'role', 'not_found', a, b, { cause });",
      options: [{ reportExtra: true }],
      errors: [
        {
          messageId: 'extraPlaceholders',
          data: { ...NOT_FOUND, given: '2' },
          ...at("kerror.get('security', 'role', 'not_found', a, b, { cause });", "'not_found'"),
        },
      ],
    },
    {
      // reportExtra still reports too few
      code: "getError('security.token.expired');",
      options: [{ reportExtra: true }],
      errors: [
        {
          messageId: 'missingPlaceholders',
          data: { ...EXPIRED, given: '0' },
          ...at("getError('security.token.expired');", "'security.token.expired'"),
        },
      ],
    },
  ],
});

jsTester().run('placeholder-count (JavaScript, CommonJS)', rule, {
  valid: ["const kerror = require('./kerror');\nkerror.get('api', 'request', 'invalid_value', name, 'a string');"],
  invalid: [
    {
      code: "const kerror = require('./kerror');\nkerror.get('api', 'request', 'invalid_value', name);",
      errors: [
        {
          messageId: 'missingPlaceholders',
          data: { id: 'api.request.invalid_value', expected: '2', given: '1', message: 'Argument "%s" must be %s.' },
          line: 2,
          column: 30,
          endLine: 2,
          endColumn: 45,
        },
      ],
    },
  ],
});
