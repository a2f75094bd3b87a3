import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { checkReference, type Finding } from '../../catalog/callsite/findings';
import { calleeLastName, describeCallSite, isThrown } from './describe-call';
import { fileState, type FileState, type SiteAnalysis } from './file-state';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
export type CallNode = TSESTree.CallExpression | TSESTree.NewExpression;

/**
 * The error-id reference a call makes and its findings, or undefined when the call is not a
 * reference. Memoised (FileState.last), so the rules visiting the same call share one analysis; calls
 * whose callee name no form can end with are skipped before any scope look-up.
 */
export function analyseSite(context: Context, node: CallNode): SiteAnalysis | undefined {
  const state = fileState(context);
  if (state.last?.node === node) return state.last.site;
  const site = analyse(context, state, node);
  state.last = { node, site };
  return site;
}

function analyse(context: Context, state: FileState, node: CallNode): SiteAnalysis | undefined {
  const kind = node.type === AST_NODE_TYPES.NewExpression ? 'new' : 'call';
  const name = calleeLastName(node.callee);
  const thrown = kind === 'new' && isThrown(node);
  if (!state.project.matcher.mayMatch(name, kind, thrown) && !(name !== undefined && state.aliases.has(name))) return undefined;

  const sourceCode = context.sourceCode;
  const site = describeCallSite(node, (n) => sourceCode.getScope(n));
  const reference = state.project.matcher.match(site);
  if (!reference) return undefined;
  const catalog = state.project.catalog;
  const findings = state.unusable || !catalog ? [] : checkReference(reference, catalog);
  return { node, reference, findings };
}

/** Findings of a site checked with `extraPlaceholders` (placeholder-count's `reportExtra`). */
export function findingsWithExtra(context: Context, site: SiteAnalysis): readonly Finding[] {
  if (site.extraFindings) return site.extraFindings;
  const state = fileState(context);
  const catalog = state.project.catalog;
  site.extraFindings = state.unusable || !catalog ? [] : checkReference(site.reference, catalog, { extraPlaceholders: true });
  return site.extraFindings;
}
