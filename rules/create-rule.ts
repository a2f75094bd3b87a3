import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ESLintUtils, TSESLint } from '@typescript-eslint/utils';
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

/**
 * Where the rule pages live, derived from package.json's `repository` (the one place the project's
 * address is written), so "Show documentation" in an editor opens the page the package names.
 */
export const DOCS_BASE_URL = `${repositoryWebUrl(readManifest())}/blob/main/docs/rules/`;

interface Manifest {
  readonly name?: unknown;
  readonly repository?: unknown;
}

/** package.json of this package: dist/rules/ (built) is two levels below it, rules/ (tests) one. */
function readManifest(): Manifest {
  for (const root of [join(__dirname, '..', '..'), join(__dirname, '..')]) {
    let manifest: Manifest;
    try {
      manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Manifest;
    } catch {
      continue; // not there
    }
    if (manifest.name === 'error-catalog') return manifest;
  }
  throw new Error(`error-catalog: package.json not found above ${__dirname}`);
}

/** `git+https://host/owner/repo.git` (or `{ url }`) → `https://host/owner/repo`. */
export function repositoryWebUrl(manifest: Manifest): string {
  const repository = manifest.repository;
  const url =
    typeof repository === 'string'
      ? repository
      : typeof repository === 'object' && repository !== null && 'url' in repository
        ? repository.url
        : undefined;
  if (typeof url !== 'string' || !/^(git\+)?https:\/\//.test(url))
    throw new Error('error-catalog: package.json has no https `repository.url`');
  return url.replace(/^git\+/, '').replace(/\.git$/, '');
}

type RuleSpec<Options extends readonly unknown[], Ids extends string> = Readonly<
  ESLintUtils.RuleWithMetaAndName<Options, Ids, ErrorCatalogRuleDocs>
>;

type NamedRule<Options extends readonly unknown[], Ids extends string> = TSESLint.RuleModule<
  Ids,
  Options,
  ErrorCatalogRuleDocs
> & { name: string };

/**
 * What ESLintUtils.RuleCreator makes (the docs URL added to meta), written here so that nothing
 * of @typescript-eslint/utils is loaded at run time (only its types are used), with one change:
 * RuleCreator's create() deep-copies the default options (structuredClone) for every rule on
 * every file, a measurable cost on large runs. Our options are flat objects, so defaults are
 * merged shallowly, without copying when the user gives none.
 */
export function createRule<Options extends readonly unknown[], Ids extends string>({
  name,
  meta,
  create,
  defaultOptions,
}: RuleSpec<Options, Ids>): NamedRule<Options, Ids> {
  const defaults = meta.defaultOptions ?? defaultOptions ?? ([] as unknown as Options);
  return {
    name,
    meta: { ...meta, docs: { ...meta.docs, url: `${DOCS_BASE_URL}${name}.md` } },
    ...(defaultOptions ? { defaultOptions } : {}),
    create: (context) =>
      create(context, context.options.length === 0 ? defaults : mergeOptions(defaults, context.options)),
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
