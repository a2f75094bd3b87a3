import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';
import { getStaticValue } from './eslint-utils';
import type { CallMatcher } from '../catalog/callsite/match';
import { variantsOf, type ErrorIdReference, type IdPart } from '../catalog/callsite/reference';
import type { IdUse, PatternPart } from '../catalog/usage';
import { positionFinder } from '../catalog/locate';
import { parseSource, type ParsedSource, type ParseOutcome } from './parse';
import { findCallReferences, type FoundCall } from './references';

type Node = TSESTree.Node;
type CallNode = TSESTree.CallExpression | TSESTree.NewExpression;
type Scope = TSESLint.Scope.Scope;

export type { IdUse, PatternPart } from '../catalog/usage';

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
  alternatives.push(...[...matcher.moduleNames].map(escape));
  return alternatives.length === 0 ? /$^/ : new RegExp(alternatives.join('|'));
}

/**
 * The id uses of one JS/TS file, recognised as the ESLint rules recognise them: the ESTree
 * adapter (analysis/describe-call.ts) describes each call, the shared matcher decides.
 */
export function scanSource(
  text: string,
  file: string,
  matcher: CallMatcher,
  filter: RegExp,
  // Swappable only so that bench:unused can run the same scan over another parser.
  parse: (text: string, file: string) => ParseOutcome = parseSource,
): ScanResult {
  if (!filter.test(text)) return { kind: 'scanned', uses: [], parsed: false };
  const outcome = parse(text, file);
  if (!outcome.ok) {
    const at = positionFinder(text)(outcome.offset);
    return { kind: 'skipped', ...at, message: `parse error: ${outcome.message}` };
  }
  const uses: FoundUse[] = [];
  const position = positionFinder(text);
  for (const found of findCallReferences(outcome.parsed, matcher)) {
    const at = position(found.node.range[0]);
    for (const use of usesOfCall(found, outcome.parsed)) uses.push({ use, ...at });
  }
  return { kind: 'scanned', uses, parsed: true };
}

/** What one recognised call says about the ids it may raise (the `unused` command's and the language server's rule). */
export function usesOfCall({ node, reference }: FoundCall, parsed: ParsedSource): IdUse[] {
  // Every branch of a conditional (`c ? 'a.b.c' : 'a.b.d'`) is a use.
  const uses: IdUse[] = [];
  for (const variant of variantsOf(reference)) {
    for (const use of usesOfVariant(variant, node, parsed)) uses.push(use);
  }
  return uses;
}

function usesOfVariant(reference: ErrorIdReference, node: CallNode, parsed: ParsedSource): IdUse[] {
  if (reference.form === 'dotted') return dottedUses(reference.id, node, parsed.scopeOf);
  if (reference.form === 'scope')
    return [{ kind: 'pattern', parts: [known(reference.domain), known(reference.subdomain), undefined] }];
  const parts = [known(reference.domain), known(reference.subdomain), known(reference.name)] as const;
  return [
    parts.every((part) => part !== undefined) ? { kind: 'exact', id: parts.join('.') } : { kind: 'pattern', parts },
  ];
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
  const value = getStaticValue(node, scope);
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
        const expression = getStaticValue(node.expressions[i]!, scope);
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
