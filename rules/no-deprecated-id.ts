import type { TSESTree } from '@typescript-eslint/utils';
import { analyseSite } from './analysis/analyse-site';
import { createRule, pickMessages, reportFindings } from './create-rule';

const messages = pickMessages(['deprecatedError', 'deprecatedScope', 'deprecatedWrap', 'replaceWith']);
type MessageIds = keyof typeof messages;

export default createRule<[], MessageIds>({
  name: 'no-deprecated-id',
  meta: {
    type: 'suggestion',
    docs: { description: 'Disallow error ids whose error, subdomain or domain is deprecated', recommended: true },
    fixable: 'code',
    hasSuggestions: true,
    messages,
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const visit = (node: TSESTree.CallExpression | TSESTree.NewExpression): void => {
      const site = analyseSite(context, node);
      if (site) reportFindings(context, site.findings, 'deprecated');
    };
    return { CallExpression: visit, NewExpression: visit };
  },
});
