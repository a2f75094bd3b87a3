/**
 * The package's own parser for JS, JSX, TS and TSX: oxc-parser (the parser oxlint uses), so the
 * surfaces that parse by themselves — the CLI, the TypeScript plugin, the language server —
 * never depend on the project's `typescript`, which may be missing or be TypeScript 7 (no
 * JavaScript API). It produces an ESTree (TS-ESTree for TypeScript) program that the shared
 * analysis (describe-call.ts) and `@typescript-eslint/scope-manager` accept.
 */
import { analyze } from '@typescript-eslint/scope-manager';
import type { TSESTree } from '@typescript-eslint/utils';
import { parseSync, visitorKeys } from 'oxc-parser';
import { MAX_NESTING, nestingBeyond } from './nesting';
import { scopeResolver, type Scope } from './describe-call';

export type CallNode = TSESTree.CallExpression | TSESTree.NewExpression;

export interface ParsedSource {
  readonly program: TSESTree.Program;
  /** Every call and `new` expression of the program, in source order (collected with the parent links). */
  readonly calls: readonly CallNode[];
  /** The innermost scope of a node, as ESLint's `sourceCode.getScope` gives it; built on first use. */
  readonly scopeOf: (node: TSESTree.Node) => Scope;
  /** The file's scope manager (as ESLint's `sourceCode.scopeManager`); built on first use. */
  readonly scopeManager: () => ScopeManager;
}

type ScopeManager = {
  acquire(node: TSESTree.Node, inner?: boolean): Scope | null;
  readonly globalScope: Scope | null;
  readonly scopes: readonly Scope[];
};

export type ParseOutcome =
  | { readonly ok: true; readonly parsed: ParsedSource }
  /**
   * `offset` (UTF-16) of the first syntax error; `from`, where the construct it breaks starts as
   * far as the parser tells (the opening of an unclosed bracket), else `offset`.
   */
  | { readonly ok: false; readonly message: string; readonly offset: number; readonly from: number };

type Lang = 'js' | 'jsx' | 'ts' | 'tsx';

/**
 * The standard built-ins @eslint-community/eslint-utils' getStaticValue evaluates through (its
 * `builtinNames`), all of which ESLint declares as globals of every file.
 */
const BUILTIN_GLOBALS: readonly string[] = [
  'Array',
  'ArrayBuffer',
  'BigInt',
  'BigInt64Array',
  'BigUint64Array',
  'Boolean',
  'DataView',
  'Date',
  'decodeURI',
  'decodeURIComponent',
  'encodeURI',
  'encodeURIComponent',
  'escape',
  'Float32Array',
  'Float64Array',
  'Function',
  'Infinity',
  'Int16Array',
  'Int32Array',
  'Int8Array',
  'isFinite',
  'isNaN',
  'JSON',
  'Map',
  'Math',
  'NaN',
  'Number',
  'Object',
  'parseFloat',
  'parseInt',
  'Promise',
  'Proxy',
  'Reflect',
  'RegExp',
  'Set',
  'String',
  'Symbol',
  'Uint16Array',
  'Uint32Array',
  'Uint8Array',
  'Uint8ClampedArray',
  'undefined',
  'unescape',
  'WeakMap',
  'WeakSet',
];

/** The language of a file from its extension: `.ts`/`.mts`/`.cts` never take JSX (`<T>x` is a cast there). */
export function languageOf(fileName: string): Lang {
  const match = /\.([cm]?)([jt])sx?$/i.exec(fileName);
  if (!match) return 'jsx';
  const ts = match[2]!.toLowerCase() === 't';
  const jsx = /x$/i.test(fileName);
  if (ts) return jsx ? 'tsx' : 'ts';
  // Plain `.js` files commonly hold JSX; the JSX grammar is a superset for them.
  return 'jsx';
}

let parses = 0;

/** How many texts `parseSource` has parsed in this process: lets tests assert that a text is parsed once, not how fast. */
export function parseCount(): number {
  return parses;
}

/**
 * Parses one file, with `parent` links set (the analysis needs them to tell a thrown `new`).
 * Syntax errors are returned, never thrown; oxc recovers from none, so the first one is given.
 */
export function parseSource(text: string, fileName: string): ParseOutcome {
  parses++;
  // The native parser would crash the process on such a text, not fail: refuse it first.
  const tooDeep = nestingBeyond(text);
  if (tooDeep >= 0) {
    return {
      ok: false,
      message: `nested more than ${MAX_NESTING} levels deep: not analysed`,
      offset: tooDeep,
      from: tooDeep,
    };
  }
  const lang = languageOf(fileName);
  const result = parseSync(fileName, text, {
    lang,
    // `module` here would reject `with` statements and octal escapes of scripts; the analysis
    // reads imports and requires alike, whatever the source type.
    sourceType: 'unambiguous',
    // The TS-ESTree shape for every language: scope analysis reads fields (`params` of
    // declarations, `decorators`) that the plain-JS shape leaves out.
    astType: 'ts',
    range: true,
    preserveParens: false,
  });
  const error = result.errors[0];
  if (error) {
    const offset = error.labels[0]?.start ?? 0;
    const from = Math.min(offset, ...error.labels.map((label) => label.start));
    return { ok: false, message: error.message, offset, from };
  }
  const program = result.program as unknown as TSESTree.Program;
  const calls = linkParents(program);
  collectedCalls.set(program, calls);
  let manager: ScopeManager | undefined;
  let scopeOf: ((node: TSESTree.Node) => Scope) | undefined;
  // `lib: []`: no implicit type globals (hundreds per file otherwise). The analysis treats an
  // unresolved name as a global, which is what a lib global would be anyway.
  const scopeManager = (): ScopeManager => {
    if (!manager) {
      const analysed = analyze(program, { sourceType: program.sourceType, lib: [], jsxPragma: null });
      // What ESLint declares for every file (its `ecmaVersion` globals): the built-ins whose
      // values getStaticValue may use (`String.raw`, `Object.freeze`) must resolve alike here.
      analysed.addGlobals([...BUILTIN_GLOBALS]);
      manager = analysed;
    }
    return manager;
  };
  return {
    ok: true,
    parsed: {
      program,
      calls,
      scopeManager,
      scopeOf: (node) => (scopeOf ??= scopeResolver(scopeManager()))(node),
    },
  };
}

type AnyNode = { type: string; parent?: AnyNode } & Record<string, unknown>;

/**
 * The keys under which TS-ESTree holds types: annotations, return types, type parameters and
 * type arguments. The analysis only ever resolves values (callee roots, constants, aliases), and
 * a type names no value binding and writes none, so they are dropped from the tree before scope
 * analysis — which spends most of its time on them (a 2,000-line typed file: 8 ms with them,
 * 2.5 ms without). Bindings are unchanged; the differential test holds the editor, which analyses
 * this tree, to the ESLint rules, which analyse ESLint's full one.
 */
const TYPE_KEYS: ReadonlySet<string> = new Set([
  'typeAnnotation',
  'returnType',
  'typeParameters',
  'typeArguments',
  'superTypeArguments',
]);

/** The calls `parseSource` collected, for `callNodes` callers that hold only the program. */
const collectedCalls = new WeakMap<TSESTree.Program, readonly CallNode[]>();

/**
 * Sets `parent` on every node and collects the calls and `new` expressions in source order, in
 * one pass over the tree (the tree is the largest thing an edit builds: walking it once matters).
 * Iterative, so a deeply nested file cannot overflow the stack.
 */
function linkParents(program: TSESTree.Program): CallNode[] {
  const calls: CallNode[] = [];
  const stack: AnyNode[] = [program as unknown as AnyNode];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'CallExpression' || node.type === 'NewExpression') calls.push(node as unknown as CallNode);
    const keys = visitorKeys[node.type];
    if (!keys) continue;
    // Children pushed in reverse so that they pop in source order.
    for (let k = keys.length - 1; k >= 0; k--) {
      const key = keys[k]!;
      const child = node[key];
      if (TYPE_KEYS.has(key) && isNode(child) && child.type.startsWith('TS')) {
        // A type position: dropped (see TYPE_KEYS).
        node[key] = null;
        continue;
      }
      if (Array.isArray(child)) {
        for (let i = child.length - 1; i >= 0; i--) {
          const item: unknown = child[i];
          if (isNode(item)) {
            item.parent = node;
            stack.push(item);
          }
        }
      } else if (isNode(child)) {
        child.parent = node;
        stack.push(child);
      }
    }
  }
  return calls;
}

function isNode(value: unknown): value is AnyNode {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/**
 * Calls and `new` expressions of a parsed program, in source order (parents already set): the
 * list `parseSource` collected, or a walk for a program parsed elsewhere.
 */
export function callNodes(program: TSESTree.Program): readonly CallNode[] {
  const collected = collectedCalls.get(program);
  if (collected) return collected;
  const found: CallNode[] = [];
  const stack: AnyNode[] = [program as unknown as AnyNode];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'CallExpression' || node.type === 'NewExpression') found.push(node as unknown as CallNode);
    const keys = visitorKeys[node.type];
    if (!keys) continue;
    for (let k = keys.length - 1; k >= 0; k--) {
      const child = node[keys[k]!];
      if (Array.isArray(child)) {
        for (let i = child.length - 1; i >= 0; i--) if (isNode(child[i])) stack.push(child[i] as AnyNode);
      } else if (isNode(child)) stack.push(child);
    }
  }
  return found;
}
