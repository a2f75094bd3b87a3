import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { getProject, type Project } from '../../catalog';
import type { Finding } from '../../catalog/callsite/findings';
import type { ErrorIdReference } from '../../catalog/callsite/reference';
import type { ConfigInput } from '../../catalog/config';
import { collectNameBindings } from '../../analysis/aliases';

/** What the rules learn about one recognised call site; shared by every rule through LintPass.lastSite. */
export interface SiteAnalysis {
  readonly node: TSESTree.CallExpression | TSESTree.NewExpression;
  readonly reference: ErrorIdReference;
  /** Findings with the default check options; empty when the catalog cannot be used. */
  readonly findings: readonly Finding[];
  /** Findings with `extraPlaceholders`, computed only when a rule asks for them. */
  extraFindings?: readonly Finding[];
}

/** What one lint pass over a SourceCode knows about its file, built once and shared by the rules linting it. */
export interface LintPass {
  readonly project: Project;
  /** The config or catalog has problems (project.problems): report them, not catalog findings. */
  readonly unusable: boolean;
  /** Local names bound to a name a form can end with (`get as g`, `const ge = getError`: CallMatcher.aliasNames); computed on first use. */
  readonly aliases: () => ReadonlySet<string>;
  /**
   * The last call analysed and its result. ESLint hands a node to every rule's listener in a
   * row before moving on, so one slot lets the four rules share each analysis without a
   * per-node map (WeakMap ephemerons make every garbage collection of a big run slower).
   */
  lastNode: TSESTree.Node | undefined;
  lastSite: SiteAnalysis | undefined;
}

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * The state of the file being linted. ESLint lints one file at a time per thread and runs all
 * rules in one traversal, so a single slot suffices; another SourceCode replaces it.
 */
let current:
  | { sourceCode: TSESLint.SourceCode; settings: unknown; filename: string; rules: Set<string>; state: LintPass }
  | undefined;

/** The settings key our `configs.recommended` adds for ESLint's cache; not part of the project config. */
export const FINGERPRINT_KEY = 'fingerprint';
export const SETTINGS_KEY = 'error-catalog';

export function lintPass(context: Context): LintPass {
  const sourceCode = context.sourceCode;
  const { settings, filename } = context;
  // Each rule asks once per lint pass: a rule asking again means a new pass over the same
  // SourceCode (Linter.verify given a SourceCode), which must see a fresh project.
  if (
    current &&
    current.sourceCode === sourceCode &&
    current.settings === settings &&
    current.filename === filename &&
    !current.rules.has(context.id)
  ) {
    current.rules.add(context.id);
    return current.state;
  }
  const project = getProject({
    file: filename,
    inline: inlineConfig(settings[SETTINGS_KEY]),
    baseDir: context.cwd,
    inlineLabel: "ESLint settings['error-catalog']",
  });
  let aliases: ReadonlySet<string> | undefined;
  const state: LintPass = {
    project,
    unusable: project.problems.length > 0 || project.catalog === undefined,
    aliases: () =>
      (aliases ??= project.matcher.aliasNames(
        sourceCode.scopeManager ? collectNameBindings(sourceCode.scopeManager) : [],
      )),
    lastNode: undefined,
    lastSite: undefined,
  };
  current = { sourceCode, settings, filename, rules: new Set([context.id]), state };
  return state;
}

let lastInline: { settings: unknown; inline: (ConfigInput & { configFile?: string }) | undefined } | undefined;

/** `settings['error-catalog']` without our cache fingerprint; undefined when nothing else is set (discover the config file). */
function inlineConfig(settings: unknown): (ConfigInput & { configFile?: string }) | undefined {
  // Every file of a run shares the same settings object: strip the fingerprint once.
  if (!lastInline || lastInline.settings !== settings) lastInline = { settings, inline: stripFingerprint(settings) };
  return lastInline.inline;
}

function stripFingerprint(settings: unknown): (ConfigInput & { configFile?: string }) | undefined {
  if (settings === null || typeof settings !== 'object' || Array.isArray(settings)) return undefined;
  const rest: Record<string, unknown> = { ...settings };
  delete rest[FINGERPRINT_KEY];
  return Object.keys(rest).length > 0 ? rest : undefined;
}
