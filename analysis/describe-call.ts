/**
 * ESTree adapter: turns a call or `new` expression into the neutral CallSiteDescription that
 * catalog/callsite/match.ts decides on. It only describes what is written (callee path, what
 * the first identifier is bound to, static argument values); it never decides whether the call
 * is an error-id reference.
 *
 * Inside ESLint (the rules), pass `(n) => context.sourceCode.getScope(n)` as `scopeOf`.
 *
 * Outside ESLint (the TypeScript plugin, the `unused` command), parse with the package's own
 * parser and let references.ts walk the file: `findCallReferences(parseSource(text, file).parsed,
 * matcher)` — the same description of every call, so every surface recognises the same calls
 * (tests/hardening/differential.test.ts holds them to it).
 *
 * `parent` links are required: they tell whether a `new` is thrown.
 */
import { AST_NODE_TYPES as UTILS_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { DefinitionType, ScopeType } from '@typescript-eslint/scope-manager';
import type { TSESLint } from '@typescript-eslint/utils';
import { findVariable, getStaticValue } from './eslint-utils';
import type {
  ArgumentDescription,
  CallSiteDescription,
  CalleeDescription,
  Range,
  RootBinding,
  StaticArgument,
} from '../catalog/callsite/site';
import { instanceInit } from './instance-property';

// @typescript-eslint/utils re-exports through getters: read once here, not on every node test.
const AST_NODE_TYPES = UTILS_NODE_TYPES;

export type Scope = TSESLint.Scope.Scope;
type Node = TSESTree.Node;
type Call = TSESTree.CallExpression | TSESTree.NewExpression;

/** Wrappers of wrappers (`const a = kerror.wrap(…)`, `const b = a.x()`…) are followed this deep. */
const MAX_INIT_DEPTH = 4;

/** Helpers TypeScript, Babel and esbuild emit around `require()` for ESM interop. */
const INTEROP_HELPERS = new Set([
  '__importStar',
  '__importDefault',
  '__importWildcard',
  '_interopRequireWildcard',
  '_interopRequireDefault',
  '__toESM',
]);
const DEFAULT_INTEROP = new Set(['__importDefault', '_interopRequireDefault']);

export interface DescribeOptions {
  /**
   * Arguments from this index on are classified (object, spread, literal) but never evaluated:
   * past the last argument role of every call form they can only be placeholders, whose values
   * do not matter. Default: evaluate every argument.
   */
  readonly evaluateArguments?: number;
}

export function describeCallSite(
  node: Call,
  scopeOf: (node: Node) => Scope,
  options: DescribeOptions = {},
): CallSiteDescription {
  return describe(node, scopeOf, 0, options.evaluateArguments ?? Number.POSITIVE_INFINITY);
}

/** The innermost scope of a node, from a scope manager built outside ESLint (what `sourceCode.getScope` does). */
export function scopeResolver(scopeManager: {
  acquire(node: Node, inner?: boolean): Scope | null;
  globalScope: Scope | null;
}): (node: Node) => Scope {
  return (node) => {
    const inner = node.type !== AST_NODE_TYPES.Program;
    for (let current: Node | undefined = node; current; current = current.parent) {
      const scope = scopeManager.acquire(current, inner);
      if (scope) return scope.type === ScopeType.functionExpressionName ? scope.childScopes[0]! : scope;
    }
    return scopeManager.globalScope!;
  };
}

function describe(node: Call, scopeOf: (node: Node) => Scope, depth: number, evaluate: number): CallSiteDescription {
  const scope = scopeOf(node);
  return {
    kind: node.type === AST_NODE_TYPES.NewExpression ? 'new' : 'call',
    thrown: isThrown(node),
    callee: describeCallee(node.callee, scope, scopeOf, depth, evaluate),
    arguments: node.arguments.map((arg, index) => describeArgument(arg, index < evaluate ? scope : undefined)),
    range: node.range,
  };
}

/** The operand of a `throw`, through parentheses, `as`, `!` and optional chains. */
export function isThrown(node: Node): boolean {
  let child: Node = node;
  let parent = node.parent;
  while (parent && isTransparent(parent)) {
    child = parent;
    parent = parent.parent;
  }
  return parent?.type === AST_NODE_TYPES.ThrowStatement && parent.argument === child;
}

function isTransparent(node: Node): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.ChainExpression:
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
    case AST_NODE_TYPES.TSTypeAssertion:
      return true;
    default:
      return false;
  }
}

/** Strips what does not change which function is called: `(0, x.get)`, `x!`, `x as T`, `x?.y`. */
export function unwrapExpression(node: Node): Node {
  for (;;) {
    switch (node.type) {
      case AST_NODE_TYPES.ChainExpression:
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
        node = node.expression;
        break;
      case AST_NODE_TYPES.SequenceExpression:
        node = node.expressions[node.expressions.length - 1]!;
        break;
      default:
        return node;
    }
  }
}

/** The name a callee ends with (`get` for `kerror.get`, `(0, k.get)`, `getError` for `getError`), without scope analysis. */
export function calleeLastName(callee: Node): string | undefined {
  const node = unwrapExpression(callee);
  if (node.type === AST_NODE_TYPES.Identifier) return node.name;
  if (node.type === AST_NODE_TYPES.MemberExpression) return memberName(node);
  return undefined;
}

function memberName(node: TSESTree.MemberExpression): string | undefined {
  const property = node.property;
  if (!node.computed)
    return property.type === AST_NODE_TYPES.PrivateIdentifier
      ? `#${property.name}`
      : (property as TSESTree.Identifier).name;
  if (property.type === AST_NODE_TYPES.Literal && typeof property.value === 'string') return property.value;
  if (property.type === AST_NODE_TYPES.TemplateLiteral && property.expressions.length === 0)
    return property.quasis[0]!.value.cooked ?? undefined;
  return undefined;
}

function describeCallee(
  callee: Node,
  scope: Scope,
  scopeOf: (node: Node) => Scope,
  depth: number,
  evaluate: number,
): CalleeDescription {
  const members: string[] = [];
  let node = unwrapExpression(callee);
  while (node.type === AST_NODE_TYPES.MemberExpression) {
    // A computed, non-constant member can be anything: a name no form uses keeps it unmatched.
    members.push(memberName(node) ?? '[]');
    node = unwrapExpression(node.object);
  }
  members.reverse();
  if (node.type === AST_NODE_TYPES.ThisExpression && members.length > 1 && depth < MAX_INIT_DEPTH) {
    // `this.errors.get('x')` in a class whose constructor or field sets `this.errors` once.
    const init = instanceInit(node, members[0]!);
    if (init) {
      const root = rootOfValue(init, members[0]!, scopeOf, depth, evaluate);
      if (root.kind !== 'unknown' && root.kind !== 'local') return { root, members: members.slice(1) };
    }
  }
  if (node.type === AST_NODE_TYPES.Identifier) {
    const root = bindingOf(node, scope, scopeOf, depth, evaluate);
    // `const k = __importDefault(require('./kerror')); k.default.get(…)`: `.default` is the module.
    if (root.kind === 'module' && root.imported === 'default' && members[0] === 'default') members.shift();
    return { root, members };
  }
  if (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression) {
    const required = requiredModule(node, scope);
    if (required) return { root: { kind: 'module', name: 'require', source: required.source }, members };
    if (depth < MAX_INIT_DEPTH) {
      // `kerror.wrap('a', 'b').get('c')`: the inline call plays the part of a wrapper constant.
      return {
        root: {
          kind: 'value',
          name: calleeLastName(node.callee) ?? '',
          init: describe(node, scopeOf, depth + 1, evaluate),
        },
        members,
      };
    }
  }
  return { root: { kind: 'unknown' }, members };
}

/** What an identifier is bound to, by scope analysis (never by its name). */
function bindingOf(
  id: TSESTree.Identifier,
  scope: Scope,
  scopeOf: (node: Node) => Scope,
  depth: number,
  evaluate: number,
): RootBinding {
  const name = id.name;
  const variable = findVariable(scope, id);
  // Unresolved, or a global that the config declares (`globals`): not declared in the file.
  if (!variable || variable.defs.length === 0) return { kind: 'global', name };
  const def = variable.defs[0]!;
  if (variable.defs.length > 1) return { kind: 'local', name };

  if (def.type === DefinitionType.ImportBinding) {
    const spec = def.node;
    if (spec.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
      const ref = spec.moduleReference;
      if (
        ref.type === AST_NODE_TYPES.TSExternalModuleReference &&
        ref.expression.type === AST_NODE_TYPES.Literal &&
        typeof ref.expression.value === 'string'
      ) {
        return { kind: 'module', name, source: ref.expression.value };
      }
      return { kind: 'local', name };
    }
    const source = (def.parent as TSESTree.ImportDeclaration).source.value;
    if (spec.type === AST_NODE_TYPES.ImportNamespaceSpecifier) return { kind: 'module', name, source };
    if (spec.type === AST_NODE_TYPES.ImportDefaultSpecifier)
      return { kind: 'module', name, source, imported: 'default' };
    const imported =
      spec.imported.type === AST_NODE_TYPES.Identifier ? spec.imported.name : String(spec.imported.value);
    return { kind: 'module', name, source, imported };
  }

  if (def.type !== DefinitionType.Variable) return { kind: 'local', name };
  const declarator = def.node;
  if (!declarator.init) return { kind: 'local', name };
  const declScope = scopeOf(declarator);
  const init = unwrapExpression(declarator.init);

  if (declarator.id.type === AST_NODE_TYPES.ObjectPattern) {
    // `const { get } = require('./kerror')`, `const { get: g } = require(…)`
    const required = init.type === AST_NODE_TYPES.CallExpression ? requiredModule(init, declScope) : undefined;
    const imported = required ? destructuredKey(declarator.id, def.name) : undefined;
    return required && imported !== undefined
      ? { kind: 'module', name, source: required.source, imported }
      : { kind: 'local', name };
  }
  if (declarator.id !== def.name) return { kind: 'local', name };
  const constant = () =>
    def.parent.kind === 'const' || variable.references.every((ref) => !ref.isWrite() || ref.init === true);

  // `const em = kerror`, `const ge = getError`, `let t = tokenError` (never reassigned): what the aliased name is.
  if (init.type === AST_NODE_TYPES.Identifier) {
    if (depth >= MAX_INIT_DEPTH || !constant()) return { kind: 'local', name };
    return bindingOf(init, declScope, scopeOf, depth + 1, evaluate);
  }

  if (init.type === AST_NODE_TYPES.CallExpression || init.type === AST_NODE_TYPES.NewExpression) {
    const required = requiredModule(init, declScope);
    if (required)
      return required.defaultInterop
        ? { kind: 'module', name, source: required.source, imported: 'default' }
        : { kind: 'module', name, source: required.source };
    if (constant() && depth < MAX_INIT_DEPTH)
      return { kind: 'value', name, init: describe(init, scopeOf, depth + 1, evaluate) };
  }
  return { kind: 'local', name };
}

/** `require('x')` (with `require` not declared in the file), or an interop helper around it. */
function requiredModule(node: Call, scope: Scope): { source: string; defaultInterop: boolean } | undefined {
  if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const calleeName = calleeLastName(node.callee);
  const first = node.arguments[0];
  if (calleeName === 'require') {
    const callee = unwrapExpression(node.callee);
    if (callee.type !== AST_NODE_TYPES.Identifier || !isGlobal(callee, scope)) return undefined;
    if (first?.type === AST_NODE_TYPES.Literal && typeof first.value === 'string')
      return { source: first.value, defaultInterop: false };
    if (first?.type === AST_NODE_TYPES.TemplateLiteral && first.expressions.length === 0)
      return { source: first.quasis[0]!.value.cooked ?? '', defaultInterop: false };
    return undefined;
  }
  if (calleeName !== undefined && INTEROP_HELPERS.has(calleeName) && first) {
    const inner = unwrapExpression(first);
    if (inner.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const required = requiredModule(inner, scope);
    return required && { source: required.source, defaultInterop: DEFAULT_INTEROP.has(calleeName) };
  }
  return undefined;
}

function isGlobal(id: TSESTree.Identifier, scope: Scope): boolean {
  const variable = findVariable(scope, id);
  return !variable || variable.defs.length === 0;
}

/** The property key under which `target` is bound in `{ key: target }` / `{ target }` / `{ key: target = … }`. */
function destructuredKey(pattern: TSESTree.ObjectPattern, target: TSESTree.Identifier): string | undefined {
  for (const property of pattern.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const value = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
    if (value !== target) continue;
    if (!property.computed && property.key.type === AST_NODE_TYPES.Identifier) return property.key.name;
    if (property.key.type === AST_NODE_TYPES.Literal && typeof property.key.value === 'string')
      return property.key.value;
    return undefined;
  }
  return undefined;
}

/** `scope` undefined: do not evaluate (a placeholder position). */
function describeArgument(arg: TSESTree.CallExpressionArgument, scope: Scope | undefined): ArgumentDescription {
  const range: Range = arg.range;
  if (arg.type === AST_NODE_TYPES.SpreadElement) return { kind: 'spread', range };
  const node = unwrapExpression(arg);
  if (node.type === AST_NODE_TYPES.ObjectExpression) return { kind: 'object', range };
  // A literal under `as const`, `!` or parentheses: rewriting the literal itself keeps the rest.
  if (node.type === AST_NODE_TYPES.Literal) {
    return typeof node.value === 'string'
      ? { kind: 'static', value: node.value, range: node.range, literal: true }
      : { kind: 'dynamic', range };
  }
  if (
    node.type === AST_NODE_TYPES.TemplateLiteral &&
    node.expressions.length === 0 &&
    node.quasis[0]!.value.cooked != null
  ) {
    return { kind: 'static', value: node.quasis[0]!.value.cooked, range: node.range, literal: true };
  }
  if (!scope) return { kind: 'dynamic', range };
  // Constants, concatenations and templates of constants; anything else stays dynamic.
  const known = getStaticValue(arg, scope);
  if (known && typeof known.value === 'string') return { kind: 'static', value: known.value, range, literal: false };
  if (node.type === AST_NODE_TYPES.ConditionalExpression) {
    const options = branchValues(node, scope, 0);
    if (options) return { kind: 'choice', options, range };
  }
  return { kind: 'dynamic', range };
}

/** Conditionals nested this deep, with at most this many options, are followed; beyond, dynamic. */
const MAX_BRANCH_DEPTH = 3;
const MAX_OPTIONS = 8;

/** The static value of every branch of `c ? x : y` (nested conditionals included), or undefined when one is not static. */
function branchValues(node: TSESTree.Node, scope: Scope, depth: number): StaticArgument[] | undefined {
  const inner = unwrapExpression(node);
  if (inner.type === AST_NODE_TYPES.ConditionalExpression && depth < MAX_BRANCH_DEPTH) {
    const consequent = branchValues(inner.consequent, scope, depth + 1);
    const alternate = consequent && branchValues(inner.alternate, scope, depth + 1);
    if (!consequent || !alternate || consequent.length + alternate.length > MAX_OPTIONS) return undefined;
    return [...consequent, ...alternate];
  }
  if (inner.type === AST_NODE_TYPES.Literal)
    return typeof inner.value === 'string'
      ? [{ kind: 'static', value: inner.value, range: inner.range, literal: true }]
      : undefined;
  if (inner.type === AST_NODE_TYPES.TemplateLiteral && inner.expressions.length === 0) {
    const cooked = inner.quasis[0]!.value.cooked;
    return cooked == null ? undefined : [{ kind: 'static', value: cooked, range: inner.range, literal: true }];
  }
  const known = getStaticValue(node, scope);
  return known && typeof known.value === 'string'
    ? [{ kind: 'static', value: known.value, range: node.range, literal: false }]
    : undefined;
}

/** What a value stored in an instance property is: an alias (`this.kerror = kerror`) or a call (`kerror.wrap(…)`). */
function rootOfValue(
  value: TSESTree.Expression,
  name: string,
  scopeOf: (node: Node) => Scope,
  depth: number,
  evaluate: number,
): RootBinding {
  const init = unwrapExpression(value);
  if (init.type === AST_NODE_TYPES.Identifier) return bindingOf(init, scopeOf(init), scopeOf, depth + 1, evaluate);
  if (init.type === AST_NODE_TYPES.CallExpression || init.type === AST_NODE_TYPES.NewExpression)
    return { kind: 'value', name, init: describe(init, scopeOf, depth + 1, evaluate) };
  return { kind: 'unknown' };
}
