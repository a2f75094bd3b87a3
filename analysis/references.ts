/**
 * The error-id references of a whole parsed file, for the surfaces that analyse files by
 * themselves (the `unused` command, the TypeScript plugin, the language server). The ESLint
 * rules get the same answer call by call from ESLint's own traversal and scope analysis.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { CallMatcher } from '../catalog/callsite/match';
import type { ErrorIdReference } from '../catalog/callsite/reference';
import type { CallSiteDescription } from '../catalog/callsite/site';
import { collectAliases } from './aliases';
import { calleeLastName, describeCallSite, isThrown } from './describe-call';
import { callNodes, type ParsedSource } from './parse';

export type CallNode = TSESTree.CallExpression | TSESTree.NewExpression;

/** One recognised error-id reference of a file. */
export interface FoundCall {
  readonly node: CallNode;
  readonly site: CallSiteDescription;
  readonly reference: ErrorIdReference;
}

/** Every recognised reference of a parsed file, in source order. */
export function findCallReferences(parsed: ParsedSource, matcher: CallMatcher): FoundCall[] {
  const aliases = collectAliases(parsed.program, matcher);
  const found: FoundCall[] = [];
  for (const node of callNodes(parsed.program)) {
    // The cheap name filter first: most calls of a file cannot be references.
    const name = calleeLastName(node.callee);
    const kind = node.type === AST_NODE_TYPES.NewExpression ? 'new' : 'call';
    const candidate =
      matcher.mayMatch(name, kind, kind === 'new' && isThrown(node)) || (name !== undefined && aliases.has(name));
    if (!candidate) continue;
    const site = describeCallSite(node, parsed.scopeOf);
    const reference = matcher.match(site);
    if (reference) found.push({ node, site, reference });
  }
  return found;
}
