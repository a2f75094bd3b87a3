/** The scratch workspace the language-server suites open: one config, a single-file catalog, code in every form. */

const error = (code: number, message: string, cls: string, extra: Record<string, unknown> = {}) => ({
  code,
  message,
  description: `${message} (description)`,
  class: cls,
  ...extra,
});

export const CATALOG = {
  security: {
    code: 7,
    subDomains: {
      token: {
        code: 1,
        errors: {
          invalid: error(1, 'Invalid token %s', 'UnauthorizedError'),
          expired: error(2, 'Token expired', 'UnauthorizedError'),
          old_token: error(3, 'Old token', 'UnauthorizedError', {
            deprecated: '2.0.0',
            replacedBy: 'security.token.expired',
          }),
        },
      },
    },
  },
  api: {
    code: 1,
    subDomains: {
      user: { code: 1, errors: { not_found: error(1, 'No user %s', 'NotFoundError') } },
    },
  },
};

export const CATALOG_TEXT = `${JSON.stringify(CATALOG, null, 2)}\n`;

/** Unknown, deprecated and missing ids: each finding has a quick fix. */
export const APP = `getError('security.token.invalidd', 'x');
getError('security.token.old_token');
throw new ApiError('security.token.missing');
kerror.get('security', 'token', 'invalid', 'y');
`;

/** Every static form naming security.token.invalid and api.user.not_found, in a closed file. */
export const USES = `const tokens = kerror.wrap('security', 'token');
tokens.get('invalid', 'a');
getError("security.token.invalid", 'b');
const users = kerror.wrap('api', 'user');
users.get('not_found', 'c');
getError('api.user.not_found', 'd');
`;

/** A use built from a constant: a rename of what it names is refused. */
export const CONSTANT = `const EXPIRED = 'security.token.expired';
getError(EXPIRED);
`;

export const CONFIG = `${JSON.stringify({ catalog: 'catalog.json' }, null, 2)}\n`;

export const WORKSPACE_FILES: Record<string, string> = {
  'error-catalog.config.json': CONFIG,
  'catalog.json': CATALOG_TEXT,
  'src/app.ts': APP,
  'src/uses.js': USES,
  'src/constant.ts': CONSTANT,
  '.gitignore': 'ignored/\n',
  'ignored/skip.ts': `getError('security.token.invalid', 'z');\n`,
};

/** The diagnostics of APP, in the ESLint rules' words. */
export const APP_FINDINGS = [
  {
    range: { start: { line: 0, character: 9 }, end: { line: 0, character: 34 } },
    severity: 1,
    source: 'error-catalog',
    code: 'unknownError',
    message:
      "Unknown error 'invalidd' in 'security.token' ('security.token.invalidd'). Did you mean 'security.token.invalid'?",
  },
  {
    range: { start: { line: 1, character: 9 }, end: { line: 1, character: 35 } },
    severity: 2,
    source: 'error-catalog',
    code: 'deprecatedError',
    message: "Error id 'security.token.old_token' is deprecated since 2.0.0; use 'security.token.expired' instead.",
    tags: [2],
  },
  {
    range: { start: { line: 2, character: 19 }, end: { line: 2, character: 43 } },
    severity: 1,
    source: 'error-catalog',
    code: 'unknownError',
    message: "Unknown error 'missing' in 'security.token' ('security.token.missing').",
  },
];
