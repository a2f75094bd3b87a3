import { ESLintUtils, type TSESLint } from '@typescript-eslint/utils';
import { MESSAGES, type MessageId } from '../catalog/callsite/messages';
import type { Finding, FindingKind } from '../catalog/callsite/findings';
import type { Range } from '../catalog/callsite/site';

/** The level `configs.recommended` gives a rule; `false`: not in it (the config sets it `off`). */
export type RecommendedLevel = 'error' | 'warn' | false;

export interface ErrorCatalogRuleDocs {
  /**
   * The one source of `configs.recommended` (rules/index.ts builds the config from it), so the
   * rule's meta and the config cannot disagree.
   */
  readonly recommended: RecommendedLevel;
}

export const DOCS_BASE_URL = 'https://github.com/error-catalog/error-catalog/blob/main/docs/rules/';

const ruleCreator = ESLintUtils.RuleCreator<ErrorCatalogRuleDocs>((name) => `${DOCS_BASE_URL}${name}.md`);

type RuleSpec<Options extends readonly unknown[], Ids extends string> = Parameters<typeof ruleCreator<Options, Ids>>[0];

/**
 * RuleCreator with one change: its create() deep-copies the default options (structuredClone)
 * for every rule on every file, a measurable cost on large runs. Our options are flat objects,
 * so defaults are merged shallowly, without copying when the user gives none.
 */
export function createRule<Options extends readonly unknown[], Ids extends string>(
  spec: RuleSpec<Options, Ids>,
): ReturnType<typeof ruleCreator<Options, Ids>> {
  const rule = ruleCreator(spec);
  const defaults = spec.meta.defaultOptions ?? spec.defaultOptions ?? ([] as unknown as Options);
  return {
    ...rule,
    create: (context) =>
      spec.create(context, context.options.length === 0 ? defaults : mergeOptions(defaults, context.options)),
  };
}

function mergeOptions<Options extends readonly unknown[]>(defaults: Options, given: Options): Options {
  return defaults.map((value, i) => {
    const user: unknown = given[i];
    if (user === undefined) return value;
    return isPlainObject(value) && isPlainObject(user) ? { ...value, ...user } : user;
  }) as unknown as Options;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The templates of `ids`, taken from the shared MESSAGES so the linter and the editor say the same words. */
export function pickMessages<const Ids extends MessageId>(ids: readonly Ids[]): Record<Ids, string> {
  const messages = {} as Record<Ids, string>;
  for (const id of ids) messages[id] = MESSAGES[id];
  return messages;
}

type Context<Ids extends string> = Readonly<TSESLint.RuleContext<Ids, readonly unknown[]>>;

/** Reports the findings of one kind: position from the finding's range, fix and suggestions from its IdFixes. */
export function reportFindings<Ids extends string>(
  context: Context<Ids | 'replaceWith'>,
  findings: readonly Finding[],
  kind: FindingKind,
): void {
  for (const finding of findings) {
    if (finding.kind !== kind) continue;
    const fix = finding.fix;
    context.report({
      // The rule registers every message id of its kind (see its `messages`).
      messageId: finding.messageId as Ids,
      data: finding.data,
      loc: locOf(context, finding.range),
      fix: fix ? (fixer) => fix.edits.map((edit) => fixer.replaceTextRange(edit.range, edit.text)) : null,
      suggest: finding.suggestions.map((suggestion) => ({
        // `replaceWith`, or one the rule registers (no-deprecated-id: `replaceWithPlaceholders`).
        messageId: suggestion.messageId as Ids | 'replaceWith',
        data: suggestion.data,
        fix: (fixer: TSESLint.RuleFixer) =>
          suggestion.edits.map((edit) => fixer.replaceTextRange(edit.range, edit.text)),
      })),
    });
  }
}

export function locOf(
  context: Context<string>,
  range: Range,
): { start: { line: number; column: number }; end: { line: number; column: number } } {
  const sourceCode = context.sourceCode;
  return { start: sourceCode.getLocFromIndex(range[0]), end: sourceCode.getLocFromIndex(range[1]) };
}
