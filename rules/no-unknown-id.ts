import type { TSESTree } from '@typescript-eslint/utils';
import type { CatalogProblem } from '../catalog/model';
import { createAnalyser } from './analysis/analyse-site';
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
    const analyser = createAnalyser(context);
    let problemReported = false;
    const visit = (node: TSESTree.CallExpression | TSESTree.NewExpression): void => {
      const site = analyser.site(node);
      if (!site) return;
      const state = analyser.file();
      if (state.unusable) {
        // One problem per file, at its first error-id reference, instead of a false report per call.
        if (problemReported) return;
        problemReported = true;
        const { problem, more } = describeProblems(state.project.problems);
        context.report({ messageId: 'catalogProblem', data: { problem, more }, loc: locOf(context, site.reference.range) });
        return;
      }
      reportFindings(context, site.findings, 'unknown');
    };
    return { CallExpression: visit, NewExpression: visit };
  },
});

/** `file:line:col: message` of the first problem, punctuated like the editor's (the file absolute: ESLint may run from anywhere). */
function describeProblems(problems: readonly CatalogProblem[]): { problem: string; more: string } {
  const first = problems[0];
  if (!first) return { problem: 'no catalog.', more: '' };
  const count = problems.length - 1;
  const more = count > 0 ? ` (and ${count} more problem${count > 1 ? 's' : ''}).` : '';
  return { problem: `${first.file}:${first.line}:${first.column}: ${first.message}${more === '' ? '.' : ''}`, more };
}
