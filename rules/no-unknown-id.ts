import type { TSESTree } from '@typescript-eslint/utils';
import { describeProblems } from '../catalog/callsite/problems';
import { createAnalyser } from './analysis/analyse-site';
import { createRule, locOf, pickMessages, reportFindings } from './create-rule';

const messages = pickMessages([
  'unknownDomain',
  'unknownSubdomain',
  'unknownError',
  'malformedId',
  'missingPart',
  'catalogProblem',
  'replaceWith',
]);
type MessageIds = keyof typeof messages;

export default createRule<[], MessageIds>({
  name: 'no-unknown-id',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow error ids (or domains, subdomains, names) that are not in the error catalog',
      recommended: 'error',
    },
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
        context.report({
          messageId: 'catalogProblem',
          data: describeProblems(state.project.problems),
          loc: locOf(context, site.reference.range),
        });
        return;
      }
      reportFindings(context, site.findings, 'unknown');
    };
    return { CallExpression: visit, NewExpression: visit };
  },
});
