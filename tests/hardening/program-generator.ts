import fc from 'fast-check';
import { hostileStatement } from './hostile-names';

/**
 * Generated programs around the recognised call forms, for the fuzz suites of the ESLint rules
 * and the TypeScript plugin. Every program is valid TypeScript (module syntax); each statement
 * sits on its own line so findings can be matched to statements.
 *
 * Some statements are *oracle statements* — `getError('<plain id>', <n placeholders>)` with no
 * shadowing of `getError` anywhere — whose findings a few lines of independent code can
 * predict (see oracle.ts); everything else only has to not crash anything.
 */

const KNOWN = [
  'security.token.invalid',
  'security.user.not_found',
  'security.role.unknown_controller',
  'security.profile.in_use',
];
const DEPRECATED = [
  'security.role.invalid_controller',
  'security.role.invalid_action',
  'security.role.missing_policies',
];
const UNKNOWN = [
  'security.token.expird',
  'securty.token.invalid',
  'security.tokens.invalid',
  'a.b.c',
  'security.token',
  'security.token.__proto__',
  'security.token.constructor',
  'x',
];
const WEIRD = [
  'sеcurity.token.invalid' /* Cyrillic е */,
  '\\uD800',
  'a'.repeat(3000),
  '',
  '   ',
  'security..invalid',
  '.',
  'security.token.invalid\\n',
  '🔥.🔥.🔥',
];

export const ORACLE_IDS = [...KNOWN, ...DEPRECATED, ...UNKNOWN];

const id = fc.constantFrom(...ORACLE_IDS, ...WEIRD);
const part = fc.constantFrom(
  'security',
  'token',
  'role',
  'invalid',
  'not_found',
  'invalid_controller',
  'securty',
  'tokne',
  '__proto__',
  'sеcurity',
  '',
);

const argument: fc.Arbitrary<string> = fc.oneof(
  id.map((value) => `'${value}'`),
  part.map((value) => `'${value}'`),
  id.map((value) => `\`${value}\``),
  fc.constantFrom(
    '`security.${sub}.invalid`',
    '`${DOMAIN}.token.invalid`',
    "DOMAIN + '.token.invalid'",
    "'security' + '.' + 'token' + '.' + 'expird'",
  ),
  fc.constantFrom(
    '42',
    '-1',
    '1n',
    'null',
    'undefined',
    'true',
    'someVar',
    'ID_CONST',
    'DOMAIN',
    '...args',
    '...[]',
    "...['security', 'token', 'invalid']",
  ),
  fc.constantFrom(
    '{ a: 1 }',
    '{}',
    '[, 1, , 2]',
    '() => 1',
    'new Date()',
    "getError('security.token.invalid')",
    "kerror.get('security', 'token', 'invalid')",
    '(0, someVar)',
  ),
);

const callee = fc.constantFrom(
  'getError',
  'errors.getError',
  'this?.getError',
  'kerror.get',
  'kerror.reject',
  'kerror.getFrom',
  'kerror.rejectFrom',
  'kerror?.get?.',
  "kerror['get']",
  'kerror[method]',
  'kerror.wrap',
  'tokenError.get',
  'tokenError.getFrom',
  'roleError.get',
  'get',
  'g',
  '(0, kerror.get)',
  "kerror.wrap('security', 'token').get",
  "require('./kerror').get",
);

const call = fc
  .tuple(callee, fc.array(argument, { maxLength: 6 }), fc.constantFrom('call', 'new', 'throw new', 'await', 'return'))
  .map(([name, args, how]) => {
    const text = `${name}(${args.join(', ')})`;
    switch (how) {
      case 'new':
        return `void new ApiError(${args.join(', ')});`;
      case 'throw new':
        return `if (someVar) throw new ApiError(${args.join(', ')});`;
      case 'await':
        return `{ const f = async () => { await ${text}; }; }`;
      case 'return':
        return `{ const fn = () => ${text}; }`;
      default:
        return `${text};`;
    }
  });

const preludes = fc.subarray(
  [
    "const tokenError = kerror.wrap('security', 'token');",
    "const roleError = require('../kerror').wrap('security', 'role');",
    "import { get, get as g } from './kerror';",
    "function shadowed(kerror: any) { kerror.get('x', 'y', 'z'); }",
    "const ID_CONST = 'security.token.invalid';",
    "const DOMAIN = 'security';",
    'let sub = "token"; sub = "user";',
  ],
  { minLength: 0 },
);

export interface OracleStatement {
  /** 1-based line of the statement in the program. */
  readonly line: number;
  readonly id: string;
  readonly placeholders: number;
}

export interface GeneratedProgram {
  readonly code: string;
  readonly oracle: readonly OracleStatement[];
}

/** Always there: getError is imported (never shadowed), kerror is the module, the rest is declared. */
const HEADER = [
  "import { getError } from './errors';",
  "import * as kerror from './kerror';",
  'declare const someVar: any, args: any[], method: string, ApiError: any, errors: any;',
];

const oracleStatement = fc.tuple(fc.constantFrom(...ORACLE_IDS), fc.integer({ min: 0, max: 3 }), fc.boolean());

/** A program: some declarations, then a mix of oracle statements and arbitrary calls, one per line. */
export const program: fc.Arbitrary<GeneratedProgram> = fc
  .tuple(
    preludes,
    fc.array(
      fc.oneof(
        call.map((text) => ({ text })),
        hostileStatement.map((text) => ({ text })),
        oracleStatement.map(([value, n, options]) => ({ value, n, options })),
      ),
      { maxLength: 12 },
    ),
  )
  .map(([prelude, statements]) => {
    const lines = [...HEADER, ...prelude];
    const oracle: OracleStatement[] = [];
    for (const statement of statements) {
      if ('text' in statement) lines.push(statement.text);
      else {
        const placeholders = Array.from({ length: statement.n }, (_, i) => `'p${i}'`);
        if (statement.options) placeholders.push('{ cause: someVar }');
        lines.push(`getError(${[`'${statement.value}'`, ...placeholders].join(', ')});`);
        oracle.push({ line: lines.length, id: statement.value, placeholders: statement.n });
      }
    }
    return { code: `${lines.join('\n')}\n`, oracle };
  });

/**
 * The same program as JavaScript (for .js/.jsx variants): the generator's only TypeScript syntax
 * is the `declare const` of the header and one parameter annotation, so the lines — and the
 * oracle's line numbers — stay the same.
 */
export function toJavaScript(generated: GeneratedProgram): GeneratedProgram {
  const code = generated.code
    .replace(HEADER[2]!, 'var someVar, args, method, ApiError, errors;')
    .replace('function shadowed(kerror: any)', 'function shadowed(kerror)');
  return { code, oracle: generated.oracle };
}
