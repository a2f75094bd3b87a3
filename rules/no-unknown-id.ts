import type { TSESTree } from '@typescript-eslint/utils';
import { analyseSite } from './analysis/analyse-site';
import { fileState } from './analysis/file-state';
import { createRule, locOf, pickMessages, reportFindings } from './create-rule';

const messages = pickMessages(['unknownDomain', 'unknownSubdomain', 'unknownError', 'malformedId', 'missingPart', 'catalogProblem', 'replaceWith']);
type MessageIds = keyof typeof messages;

export default createRule<[], MessageIds>({
  name: 'no-unknown-id',
  meta: {
    type: 'problem',
    docs: { description: 'Disallow error ids (or domains, subdomains, names) that are not in the error catalog', recommended: true },
    hasSuggestions: true,
    messages,
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    let problemReported = false;
    const visit = (node: TSESTree.CallExpression | TSESTree.NewExpression): void => {
      const site = analyseSite(context, node);
      if (!site) return;
      const state = fileState(context);
      if (state.unusable) {
        // One problem per file, at its first error-id reference, instead of a false report per call.
        if (problemReported) return;
        problemReported = true;
        const problems = state.project.problems;
        const first = problems[0];
        const problem = first ? `${first.file}:${first.line}:${first.column} ${first.message}` : 'no catalog';
        const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
        context.report({ messageId: 'catalogProblem', data: { problem, more }, loc: locOf(context, site.reference.range) });
        return;
      }
      reportFindings(context, site.findings, 'unknown');
    };
    return { CallExpression: visit, NewExpression: visit };
  },
});
