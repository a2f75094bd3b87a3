import type { TSESTree } from '@typescript-eslint/utils';
import { createAnalyser } from './analysis/analyse-site';
import { createRule, pickMessages, reportFindings } from './create-rule';

const messages = pickMessages([
  'deprecatedError',
  'deprecatedScope',
  'deprecatedWrap',
  'replaceWith',
  'replaceWithPlaceholders',
]);
type MessageIds = keyof typeof messages;

export default createRule<[], MessageIds>({
  name: 'no-deprecated-id',
  meta: {
    type: 'suggestion',
    docs: { description: 'Disallow error ids whose error, subdomain or domain is deprecated', recommended: 'warn' },
    fixable: 'code',
    hasSuggestions: true,
    messages,
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const analyser = createAnalyser(context);
    const visit = (node: TSESTree.CallExpression | TSESTree.NewExpression): void => {
      const site = analyser.site(node);
      if (site) reportFindings(context, site.findings, 'deprecated');
    };
    return { CallExpression: visit, NewExpression: visit };
  },
});
