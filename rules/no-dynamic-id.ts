import type { TSESTree } from '@typescript-eslint/utils';
import { createAnalyser } from './analysis/analyse-site';
import { createRule, pickMessages, reportFindings } from './create-rule';

const messages = pickMessages(['dynamicId']);
type MessageIds = keyof typeof messages;

export default createRule<[], MessageIds>({
  name: 'no-dynamic-id',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow error ids that cannot be resolved statically (and so cannot be checked)',
      recommended: false,
    },
    messages,
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const analyser = createAnalyser(context);
    const visit = (node: TSESTree.CallExpression | TSESTree.NewExpression): void => {
      const site = analyser.site(node);
      // reportFindings needs 'replaceWith' in the context type; dynamic findings never carry fixes.
      if (site) reportFindings(context as Parameters<typeof reportFindings<MessageIds>>[0], site.findings, 'dynamic');
    };
    return { CallExpression: visit, NewExpression: visit };
  },
});
