import type { TSESTree } from '@typescript-eslint/utils';
import { createAnalyser } from './analysis/analyse-site';
import { createRule, pickMessages, reportFindings } from './create-rule';

const messages = pickMessages(['missingPlaceholders', 'extraPlaceholders']);
type MessageIds = keyof typeof messages;
type Options = [{ reportExtra?: boolean }];

export default createRule<Options, MessageIds>({
  name: 'placeholder-count',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require as many placeholder arguments as the error message has placeholders',
      recommended: 'error',
    },
    messages,
    schema: [
      {
        type: 'object',
        properties: {
          reportExtra: {
            type: 'boolean',
            description: 'Also report calls that pass more placeholder arguments than the message uses.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ reportExtra: false }],
  },
  defaultOptions: [{ reportExtra: false }],
  create(context, [{ reportExtra }]) {
    const analyser = createAnalyser(context);
    const visit = (node: TSESTree.CallExpression | TSESTree.NewExpression): void => {
      const site = analyser.site(node);
      if (!site) return;
      const findings = reportExtra ? analyser.withExtra(site) : site.findings;
      reportFindings(context as Parameters<typeof reportFindings<MessageIds>>[0], findings, 'placeholders');
    };
    return { CallExpression: visit, NewExpression: visit };
  },
});
