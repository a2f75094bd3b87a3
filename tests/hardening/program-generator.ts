import fc from 'fast-check';

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
  // Issue 9 section 2: conditionals (every branch checked), shorthand properties, a never-reassigned
  // `let`, `.concat()`, parenthesised constants.
  fc.tuple(id, id).map(([a, b]) => `someVar ? '${a}' : '${b}'`),
  fc.tuple(part, part, part).map(([a, b, c]) => `someVar ? '${a}' : args ? '${b}' : '${c}'`),
  fc.constantFrom(
    "someVar ? 'security.token.invalid' : someVar2",
    "someVar ? ID_CONST : 'security.tokn.invalid'",
    'ERR.id',
    'ERR.nested.id',
    'LET_ID',
    "'security.'.concat('token.invalid')",
    "'security.'.concat('token', '.expird')",
    "'security.'.concat(sub)",
    "'security.token.'.concat(someVar)",
    '(ID_CONST)',
    '((DOMAIN))',
    "('sécurité.🔥.x')",
    // What getStaticValue evaluates: built-ins, nested members, arrays, computed keys, spreads.
    'String.raw`security.token.expird`',
    'FROZEN.a',
    'MUTATED.a',
    "SEGMENTS.join('.')",
    'ID_CONST.toLowerCase()',
    'BY_KEY[KEY]',
    'BY_KEY.k',
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
  // Aliases, reassigned and destructured bindings, computed members, interop helpers, `this` wrappers.
  'em.get',
  "em['get']",
  'kerror[`get`]',
  'ge',
  'ge2',
  'lt.get',
  'reassigned.get',
  'k5.get',
  'k6.default.get',
  'this.errors.get',
  'this.errors2.get',
  'this.twice.get',
);

const call = fc
  .tuple(
    callee,
    fc.array(argument, { maxLength: 6 }),
    fc.constantFrom('call', 'new', 'throw new', 'await', 'return', 'class', 'function', 'shadow'),
  )
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
      case 'class':
        // Set once in a field and once in the constructor (followed); `twice` is set twice (not).
        return `void class { errors = kerror.wrap('security', 'token'); twice = kerror.wrap('security', 'role'); constructor() { this.errors2 = kerror.wrap('security', 'role'); this.twice = kerror.wrap('a', 'b'); } m() { ${text}; } };`;
      case 'function':
        // Renamed and destructured bindings inside a function.
        return `void function () { const { getError: ge } = require('./errors'); const em = kerror; ${text}; };`;
      case 'shadow':
        return `void function (kerror, getError, em) { ${text}; };`;
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
    'const em = kerror;',
    'const ge = getError;',
    "const { getError: ge2 } = require('./errors');",
    "let lt = kerror.wrap('security', 'token');",
    "let reassigned = kerror.wrap('security', 'token'); reassigned = kerror.wrap('security', 'role');",
    "const k5 = __importStar(require('./kerror'));",
    "const k6 = __importDefault(require('./kerror'));",
    "const id = 'security.token.expird'; const ERR = { id, nested: { id } };",
    "let LET_ID = 'security.role.invalid_action';",
    '// café 🔥 — non-ASCII before the calls',
    "const FROZEN = Object.freeze({ ...{ a: 'security.token.nope' } });",
    "const MUTATED = { a: 'security.token.invalid' }; MUTATED.a = 'security.tokn.x';",
    "const SEGMENTS = ['security', 'tokn', 'invalid'];",
    "const KEY = 'k'; const BY_KEY = { [KEY]: 'security.token.expird' };",
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
  'declare const someVar: any, someVar2: any, args: any[], method: string, ApiError: any, errors: any;',
];

const oracleStatement = fc.tuple(fc.constantFrom(...ORACLE_IDS), fc.integer({ min: 0, max: 3 }), fc.boolean());

/** A program: some declarations, then a mix of oracle statements and arbitrary calls, one per line. */
export const program: fc.Arbitrary<GeneratedProgram> = fc
  .tuple(
    preludes,
    fc.array(
      fc.oneof(
        call.map((text) => ({ text })),
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
    .replace(HEADER[2]!, 'var someVar, someVar2, args, method, ApiError, errors;')
    .replace('function shadowed(kerror: any)', 'function shadowed(kerror)');
  return { code, oracle: generated.oracle };
}

/**
 * The same program as a CommonJS script (no import left): requires instead of imports, so the
 * parsers see a script (ESLint's `commonjs` source type, the package parser's `unambiguous`).
 */
export function toCommonJS(generated: GeneratedProgram): GeneratedProgram {
  const code = toJavaScript(generated)
    .code.replace(HEADER[0]!, "const { getError } = require('./errors');")
    .replace(HEADER[1]!, "const kerror = require('./kerror');")
    .replace("import { get, get as g } from './kerror';", "const { get, get: g } = require('./kerror');");
  return { code, oracle: generated.oracle };
}
