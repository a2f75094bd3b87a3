import ruleModule from '../../rules/no-dynamic-id';
import { at, jsTester, tsTester, testerRule } from './rule-tester';

const rule = testerRule(ruleModule);

const dynamic = (code: string, needle: string) => ({
  code,
  errors: [{ messageId: 'dynamicId' as const, data: {}, ...at(code, needle) }],
});

tsTester().run('no-dynamic-id (TypeScript)', rule, {
  valid: [
    "getError('security.token.invalid');",
    // constants, concatenation and templates of constants are static
    "const ID = 'security.token.invalid';\ngetError(ID);",
    "const D = 'security';\ngetError(D + '.token.' + 'invalid');",
    "const D = 'security';\nconst S = 'token';\ngetError(`${D}.${S}.invalid`);",
    "const S = 'token' as const;\nkerror.get('security', S, 'invalid');",
    "const D = 'security';\nconst tokenError = kerror.wrap(D, 'token');\ntokenError.get('invalid');",
    // not references at all: an ordinary message, a non-id first argument
    'throw new Error(message);',
    'throw new ApiError(`Failed: ${reason}`);',
    // a local `kerror` is not the module
    "function f(kerror: Api, d: string) {\n  kerror.get(d, 'token', 'invalid');\n}",
  ],
  invalid: [
    dynamic('getError(id);', 'id'),
    dynamic('errors.getError(`security.token.${name}`);', '`security.token.${name}`'),
    dynamic("getError(prefix + '.invalid');", "prefix + '.invalid'"),
    dynamic('getError(...args);', '...args'),
    dynamic("let id = 'security.token.invalid';\nid = other;\ngetError(id as string);", 'id as string'),
    dynamic("kerror.get('security', subdomain, 'invalid');", 'subdomain'),
    dynamic("kerror.getFrom(err, 'security', 'token', name);", 'name'),
    dynamic("kerror.wrap(domain, 'token');", 'domain'),
    dynamic("const tokenError = kerror.wrap('security', sub);\ntokenError.get('invalid');", 'sub'),
    dynamic("const tokenError = kerror.wrap('security', 'token');\ntokenError.reject(name);", 'name'),
    dynamic('getError(7 as unknown as string);', '7 as unknown as string'),
  ],
});

jsTester().run('no-dynamic-id (JavaScript, CommonJS)', rule, {
  valid: ["const errors = require('./kerror');\nerrors.get('security', 'token', 'invalid');"],
  invalid: [
    dynamic(
      "const errors = require('./kerror');\nerrors.get('security', 'token', process.env.NAME);",
      'process.env.NAME',
    ),
  ],
});
