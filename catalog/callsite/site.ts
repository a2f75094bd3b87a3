/**
 * The neutral description of a call site that analysis/describe-call.ts builds from ESTree plus
 * scope analysis: for the ESLint rules from ESLint's own tree, for the TypeScript plugin and the
 * CLI from the package's parser. Everything after that — is this an error-id reference, what is
 * wrong with it — is decided once, in match.ts and findings.ts.
 */

/** `[start, end)` offsets in the source text (UTF-16 code units), as both ESTree and TypeScript count them. */
export type Range = readonly [start: number, end: number];

/** A value known statically. `literal` when the argument is a plain string literal that can be rewritten in place. */
export interface StaticArgument {
  readonly kind: 'static';
  readonly value: string;
  readonly range: Range;
  readonly literal: boolean;
}

export type ArgumentDescription =
  | StaticArgument
  /**
   * A conditional choosing between values known statically (`c ? 'a.b.c' : 'a.b.d'`): each
   * option with its own range (the branch), so a finding can point at the wrong branch.
   */
  | { readonly kind: 'choice'; readonly options: readonly StaticArgument[]; readonly range: Range }
  /** An object literal: an options argument when it comes last, not a placeholder. */
  | { readonly kind: 'object'; readonly range: Range }
  /** `...args`: the number of arguments is unknown. */
  | { readonly kind: 'spread'; readonly range: Range }
  /** Anything else (a variable, a call, a number…). */
  | { readonly kind: 'dynamic'; readonly range: Range };

/** What the first identifier of the callee (or of its object) is bound to. */
export type RootBinding =
  /** Not declared in the file (a global such as `kerror` or `getError`). */
  | { readonly kind: 'global'; readonly name: string }
  /**
   * An import or require of `source`. `imported` names the export for a named import
   * (`import { get } from './kerror'`, `const { get } = require('./kerror')`); absent for the
   * module object itself (namespace or default import, `require(...)`, TypeScript's `kerror_1`).
   */
  | { readonly kind: 'module'; readonly name: string; readonly source: string; readonly imported?: string }
  /** A constant bound to the result of a call (`const tokenError = kerror.wrap(...)`), or that call written inline. */
  | { readonly kind: 'value'; readonly name: string; readonly init: CallSiteDescription }
  /** Any other local binding (parameter, reassigned variable, local function…). */
  | { readonly kind: 'local'; readonly name: string }
  /** The callee does not start with an identifier (`foo()()`, `this.x`…). */
  | { readonly kind: 'unknown' };

export interface CalleeDescription {
  readonly root: RootBinding;
  /** Member names after the root, as written: `errors.api.getError` → `['api', 'getError']`. */
  readonly members: readonly string[];
}

export interface CallSiteDescription {
  readonly kind: 'call' | 'new';
  /** The call is the operand of a `throw` statement. */
  readonly thrown: boolean;
  readonly callee: CalleeDescription;
  readonly arguments: readonly ArgumentDescription[];
  /** The whole call expression. */
  readonly range: Range;
}

/**
 * A local name bound to another name somewhere in a file, at any depth: `import { get as g }`,
 * `const { getError: ge } = require(…)`, `const em = kerror`. The shared matcher derives from
 * the file's list which local names may end a recognised callee (CallMatcher.aliasNames), so
 * every surface skips — and keeps — the same calls before describing them.
 */
export interface NameBinding {
  readonly local: string;
  /** The imported, destructured or aliased name. */
  readonly bound: string;
}
