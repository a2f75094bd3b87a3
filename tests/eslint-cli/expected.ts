/**
 * What the eslint CLI reports on fixtures/project, the same with ESLint 9 and 10 (checked by
 * hand against the fixture sources: every planted mistake, nothing else).
 */
import type { Findings } from './run-eslint';

export const EXPECTED: Findings = {
  'broken/uses.ts': [
    {
      rule: 'error-catalog/no-unknown-id',
      messageId: 'catalogProblem',
      severity: 2,
      at: '3:24-3:58',
      message:
        "The error catalog cannot be used: <project>/broken/errors/07-security.json:4:24: subdomain 'code' must be an integer (and 1 more problem). Run 'npx error-catalog check' for details.",
    },
  ],
  'src/auth.ts': [
    {
      rule: 'error-catalog/no-unknown-id',
      messageId: 'unknownError',
      severity: 2,
      at: '9:40-9:63',
      message:
        "Unknown error 'expird' in 'security.token' ('security.token.expird'). Did you mean 'security.token.expired'?",
      suggestions: ["Replace with 'security.token.expired'."],
    },
    {
      rule: 'error-catalog/no-deprecated-id',
      messageId: 'deprecatedError',
      severity: 1,
      at: '10:45-10:57',
      message: "Error id 'security.token.expired_v1' is deprecated since 2.2.0; use 'security.token.expired' instead.",
      // expired_v1 takes no placeholder, expired two: a suggestion, not an autofix.
      suggestions: [
        "Replace with 'security.token.expired', then adjust the arguments: its message takes 2 placeholder(s), not 0.",
      ],
    },
    {
      rule: 'error-catalog/placeholder-count',
      messageId: 'missingPlaceholders',
      severity: 2,
      at: '11:40-11:65',
      message:
        'Error \'security.token.expired\' has 2 placeholder(s) in its message "Token %s expired at %s." but the call passes 1; the message would show a raw placeholder.',
    },
    {
      rule: 'error-catalog/no-dynamic-id',
      messageId: 'dynamicId',
      severity: 1,
      at: '13:39-13:54',
      message: 'This error id cannot be resolved statically, so it is not checked against the catalog.',
    },
    {
      rule: 'error-catalog/no-unknown-id',
      messageId: 'unknownSubdomain',
      severity: 2,
      at: '14:32-14:38',
      message:
        "Unknown subdomain 'tokn' in domain 'security' ('security.tokn.invalid'). Did you mean 'security.token.invalid'?",
      suggestions: ["Replace with 'security.token.invalid'."],
    },
  ],
  'src/compiled.js': [
    {
      rule: 'error-catalog/no-deprecated-id',
      messageId: 'deprecatedWrap',
      severity: 1,
      at: '5:52-5:60',
      message: "The subdomain 'security.legacy' is deprecated since 3.0.0.",
    },
    {
      rule: 'error-catalog/no-deprecated-id',
      messageId: 'deprecatedError',
      severity: 1,
      at: '7:50-7:62',
      message: "Error id 'security.token.expired_v1' is deprecated since 2.2.0; use 'security.token.expired' instead.",
      // expired_v1 takes no placeholder, expired two: a suggestion, not an autofix.
      suggestions: [
        "Replace with 'security.token.expired', then adjust the arguments: its message takes 2 placeholder(s), not 0.",
      ],
    },
  ],
  'src/roles.js': [
    {
      rule: 'error-catalog/placeholder-count',
      messageId: 'missingPlaceholders',
      severity: 2,
      at: '7:42-7:57',
      message:
        'Error \'security.role.cannot_delete\' has 1 placeholder(s) in its message "Role %s cannot be deleted (100%% used)." but the call passes 0; the message would show a raw placeholder.',
    },
    {
      rule: 'error-catalog/placeholder-count',
      messageId: 'extraPlaceholders',
      severity: 2,
      at: '8:46-8:57',
      message:
        'Error \'security.role.not_found\' has 1 placeholder(s) in its message "Role %s not found." but the call passes 2; util.format appends the extra arguments to the message, separated by spaces.',
    },
    {
      rule: 'error-catalog/no-unknown-id',
      messageId: 'unknownError',
      severity: 2,
      at: '9:61-9:72',
      message:
        "Unknown error 'not_fuond' in 'security.role' ('security.role.not_fuond'). Did you mean 'security.role.not_found'?",
      suggestions: ["Replace with 'security.role.not_found'."],
    },
  ],
};
