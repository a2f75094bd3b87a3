/**
 * The error-id references of a whole parsed file, for the surfaces that analyse files by
 * themselves (the `unused` command, the TypeScript plugin, the language server). The ESLint
 * rules get the same answer call by call from ESLint's own traversal and scope analysis.
 */
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { CallMatcher } from '../catalog/callsite/match';
import type { ErrorIdReference } from '../catalog/callsite/reference';
import type { CallSiteDescription } from '../catalog/callsite/site';
import { collectNameBindings } from './aliases';
import { calleeLastName, describeCallSite, isThrown } from './describe-call';
import type { CallNode, ParsedSource } from './parse';

export type { CallNode } from './parse';

/** One recognised error-id reference of a file. */
export interface FoundCall {
  readonly node: CallNode;
  readonly site: CallSiteDescription;
  readonly reference: ErrorIdReference;
}

/** Every recognised reference of a parsed file, in source order. */
export function findCallReferences(parsed: ParsedSource, matcher: CallMatcher): FoundCall[] {
  let aliases: ReadonlySet<string> | undefined;
  const found: FoundCall[] = [];
  for (const node of parsed.calls) {
    // The cheap name filter first (the matcher's, as on every surface): most calls cannot be references.
    const name = calleeLastName(node.callee);
    const kind = node.type === AST_NODE_TYPES.NewExpression ? 'new' : 'call';
    const thrown = kind === 'new' && isThrown(node);
    if (!matcher.mayMatch(name, kind, thrown)) {
      // The file's aliases only when a name fails the plain test: they need scope analysis.
      aliases ??= matcher.aliasNames(collectNameBindings(parsed.scopeManager()));
      if (!matcher.mayMatch(name, kind, thrown, aliases)) continue;
    }
    const site = describeCallSite(node, parsed.scopeOf);
    const reference = matcher.match(site);
    if (reference) found.push({ node, site, reference });
  }
  return found;
}
