import { AST_NODE_TYPES as UTILS_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';
import type { CallsConfig } from '../../catalog/calls';
import { checkReference, type Finding } from '../../catalog/callsite/findings';
import type { CallMatcher } from '../../catalog/callsite/match';
import { calleeLastName, describeCallSite, isThrown } from '../../analysis/describe-call';
import { lintPass, type LintPass, type SiteAnalysis } from './lint-pass';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
export type CallNode = TSESTree.CallExpression | TSESTree.NewExpression;

// Read once: @typescript-eslint/utils re-exports through getters.
const NEW_EXPRESSION = UTILS_NODE_TYPES.NewExpression;

/** What a rule asks about the file it is linting; one per rule and file (created in `create`). */
export interface Analyser {
  /**
   * The error-id reference a call makes and its findings, or undefined when the call is not a
   * reference. Shared between the rules (LintPass.lastNode); calls whose callee name no form
   * can end with are skipped before any scope look-up.
   */
  site(node: CallNode): SiteAnalysis | undefined;
  /** The file's project, and whether its catalog can be used. */
  file(): LintPass;
  /** Findings of a site checked with `extraPlaceholders` (placeholder-count's `reportExtra`). */
  withExtra(site: SiteAnalysis): readonly Finding[];
}

export function createAnalyser(context: Context): Analyser {
  // Fetched on the first call, so files without calls never look the project up.
  let state: LintPass | undefined;
  const file = (): LintPass => (state ??= lintPass(context));
  return {
    file,
    site(node) {
      const current = file();
      if (current.lastNode === node) return current.lastSite;
      const site = analyse(context, current, node);
      current.lastNode = node;
      current.lastSite = site;
      return site;
    },
    withExtra(site) {
      if (site.extraFindings) return site.extraFindings;
      const current = file();
      const catalog = current.project.catalog;
      site.extraFindings =
        current.unusable || !catalog ? [] : checkReference(site.reference, catalog, { extraPlaceholders: true });
      return site.extraFindings;
    },
  };
}

function analyse(context: Context, state: LintPass, node: CallNode): SiteAnalysis | undefined {
  const kind = node.type === NEW_EXPRESSION ? 'new' : 'call';
  const name = calleeLastName(node.callee);
  const thrown = kind === 'new' && isThrown(node);
  const matcher = state.project.matcher;
  if (!matcher.mayMatch(name, kind, thrown) && !matcher.mayMatch(name, kind, thrown, state.aliases())) return undefined;

  const sourceCode = context.sourceCode;
  const reference = matcher.match(
    describeCallSite(node, (n) => sourceCode.getScope(n), { evaluateArguments: roleCount(matcher) }),
  );
  if (!reference) return undefined;
  const catalog = state.project.catalog;
  const findings = state.unusable || !catalog ? [] : checkReference(reference, catalog);
  return { node, reference, findings };
}

const roleCounts = new WeakMap<CallMatcher, number>();

/** The most arguments any call form gives a role to: later ones are placeholders, never evaluated. */
function roleCount(matcher: CallMatcher): number {
  let count = roleCounts.get(matcher);
  if (count === undefined) {
    count = maxRoles(matcher.calls);
    roleCounts.set(matcher, count);
  }
  return count;
}

function maxRoles(calls: CallsConfig): number {
  const lengths = [0, ...calls.functions.map((form) => form.args.length)];
  if (calls.throwNew) lengths.push(calls.throwNew.args.length);
  for (const form of calls.modules) {
    lengths.push(...Object.values(form.methods).map((roles) => roles.length));
    if (form.wrap)
      lengths.push(form.wrap.args.length, ...Object.values(form.wrap.methods).map((roles) => roles.length));
  }
  return Math.max(...lengths);
}
