import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { CallMatcher } from '../../catalog/callsite/match';
import type { IdPart } from '../../catalog/callsite/reference';
import { positionFinder } from '../../catalog/locate';
import { parseSource } from '../../analysis/parse';
import { findCallReferences } from '../../analysis/references';

type Node = TSESTree.Node;
type CallNode = TSESTree.CallExpression | TSESTree.NewExpression;
type Scope = TSESLint.Scope.Scope;

/** One part of an id pattern: a known name, or `undefined` for "any". */
export type PatternPart = string | undefined;

/** What one recognised call says about which ids it may raise. */
export type IdUse =
  /** A whole id, known statically. */
  | { readonly kind: 'exact'; readonly id: string }
  /** Split parts, some unknown (`kerror.get('a', 'b', name)`), or a `wrap('a', 'b')` scope. */
  | { readonly kind: 'pattern'; readonly parts: readonly [PatternPart, PatternPart, PatternPart] }
  /** A dotted id known up to a prefix (`getError(\`a.b.${name}\`)`); '' when nothing is known. */
  | { readonly kind: 'prefix'; readonly prefix: string };

export interface FoundUse {
  readonly use: IdUse;
  readonly line: number;
  readonly column: number;
}

export type ScanResult =
  | { readonly kind: 'scanned'; readonly uses: readonly FoundUse[]; readonly parsed: boolean }
  | { readonly kind: 'skipped'; readonly line: number; readonly column: number; readonly message: string };

/**
 * A cheap text test before parsing. A reference needs one of: the last name of a function form
 * (`getError`), the name of a module form (`kerror`: its global, its import source, and any
 * wrapper made from it in the file all spell it), or `throw new` when that form is on. Method
 * names such as `get` are too common to tell anything. Most files of a large project are
 * skipped here without being parsed.
 */
export function textFilter(matcher: CallMatcher): RegExp {
  const words = matcher.calls.functions.map((form) => form.callee.slice(form.callee.lastIndexOf('.') + 1));
  const escape = (word: string): string => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const alternatives = words.map((word) => `\\b${escape(word)}\\b`);
  if (matcher.calls.throwNew !== false) alternatives.push('\\bthrow\\s+new\\b');
  // Module names match as a substring too: `kerror_1` (TypeScript's CommonJS output), `../kerror.js`.
  for (const name of matcher.moduleNames) alternatives.push(escape(name));
  return alternatives.length === 0 ? /$^/ : new RegExp(alternatives.join('|'));
}

/**
 * The id uses of one JS/TS file, recognised as the ESLint rules recognise them: the ESTree
 * adapter (analysis/describe-call.ts) describes each call, the shared matcher decides.
 */
export function scanSource(text: string, file: string, matcher: CallMatcher, filter: RegExp): ScanResult {
  if (!filter.test(text)) return { kind: 'scanned', uses: [], parsed: false };
  const outcome = parseSource(text, file);
  if (!outcome.ok) {
    const at = positionFinder(text)(outcome.offset);
    return { kind: 'skipped', ...at, message: `parse error: ${outcome.message}` };
  }
  const uses: FoundUse[] = [];
  const scopeOf = outcome.parsed.scopeOf;
  const position = positionFinder(text);
  for (const { node, reference } of findCallReferences(outcome.parsed, matcher)) {
    const at = position(node.range[0]);
    if (reference.form === 'dotted') {
      for (const use of dottedUses(reference.id, node, scopeOf)) uses.push({ use, ...at });
    } else if (reference.form === 'scope') {
      uses.push({
        use: { kind: 'pattern', parts: [known(reference.domain), known(reference.subdomain), undefined] },
        ...at,
      });
    } else {
      const parts = [known(reference.domain), known(reference.subdomain), known(reference.name)] as const;
      const use: IdUse = parts.every((part) => part !== undefined)
        ? { kind: 'exact', id: parts.join('.') }
        : { kind: 'pattern', parts };
      uses.push({ use, ...at });
    }
  }
  return { kind: 'scanned', uses, parsed: true };
}

function known(part: IdPart): PatternPart {
  return part.kind === 'static' ? part.value : undefined;
}

/**
 * A dotted id: static → exact. Dynamic → what can still be known from the argument:
 * each branch of `a ? 'x' : 'y'` / `a || 'x'`, and the static start of a template or `+`.
 */
function dottedUses(part: IdPart, call: CallNode, scopeOf: (node: Node) => Scope): IdUse[] {
  if (part.kind === 'static') return [{ kind: 'exact', id: part.value }];
  if (part.kind === 'missing') return [];
  const arg = call.arguments.find(
    (candidate) => candidate.range[0] === part.range[0] && candidate.range[1] === part.range[1],
  );
  if (!arg || arg.type === AST_NODE_TYPES.SpreadElement) return [{ kind: 'prefix', prefix: '' }];
  const scope = scopeOf(call);
  return prefixesOf(arg, scope, 0).map((p) =>
    p.complete ? { kind: 'exact', id: p.value } : { kind: 'prefix', prefix: p.value },
  );
}

interface Prefix {
  readonly value: string;
  /** The whole string is known. */
  readonly complete: boolean;
}

const MAX_BRANCH_DEPTH = 4;

function prefixesOf(node: Node, scope: Scope, depth: number): Prefix[] {
  const value = ASTUtils.getStaticValue(node, scope);
  if (value && typeof value.value === 'string') return [{ value: value.value, complete: true }];
  if (depth >= MAX_BRANCH_DEPTH) return [{ value: '', complete: false }];
  switch (node.type) {
    case AST_NODE_TYPES.ConditionalExpression:
      return [...prefixesOf(node.consequent, scope, depth + 1), ...prefixesOf(node.alternate, scope, depth + 1)];
    case AST_NODE_TYPES.LogicalExpression:
      return [...prefixesOf(node.left, scope, depth + 1), ...prefixesOf(node.right, scope, depth + 1)];
    case AST_NODE_TYPES.TemplateLiteral: {
      let text = node.quasis[0]?.value.cooked ?? '';
      for (let i = 0; i < node.expressions.length; i++) {
        const expression = ASTUtils.getStaticValue(node.expressions[i]!, scope);
        if (!expression) return [{ value: text, complete: false }];
        text += String(expression.value) + (node.quasis[i + 1]?.value.cooked ?? '');
      }
      return [{ value: text, complete: true }];
    }
    case AST_NODE_TYPES.BinaryExpression: {
      if (node.operator !== '+') break;
      const left = prefixesOf(node.left, scope, depth + 1);
      return left.flatMap((l) =>
        l.complete
          ? prefixesOf(node.right, scope, depth + 1).map((r) => ({ value: l.value + r.value, complete: r.complete }))
          : [l],
      );
    }
    default:
      break;
  }
  return [{ value: '', complete: false }];
}
