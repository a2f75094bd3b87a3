import type * as TS from 'typescript';
import type { IdFix } from '../catalog/index';
import type { PluginContext } from './context';
import { codeOf, findingsOf, FIXABLE_CODES, SOURCE } from './diagnostics';

/**
 * Quick fixes for the plugin's diagnostics: each did-you-mean candidate of an unknown id, the
 * `replacedBy` of a deprecated one — the edits come ready-made in the findings.
 */
export function pluginCodeFixes(
  context: PluginContext,
  fileName: string,
  start: number,
  end: number,
  errorCodes: readonly number[],
): TS.CodeFixAction[] {
  if (!errorCodes.some((code) => FIXABLE_CODES.includes(code))) return [];
  const sourceFile = context.sourceFileOf(fileName);
  if (!sourceFile) return [];
  const project = context.projectFor(fileName);
  const catalog = context.checkingCatalog(project);
  if (!catalog) return [];
  const actions: TS.CodeFixAction[] = [];
  for (const { finding } of findingsOf(context, sourceFile, project, catalog)) {
    const [from, to] = finding.range;
    if (!errorCodes.includes(codeOf(finding.kind)) || to < start || from > end) continue;
    const fixes = finding.fix ? [finding.fix, ...finding.suggestions] : finding.suggestions;
    for (const fix of fixes) actions.push(action(fileName, fix));
  }
  return actions;
}

function action(fileName: string, fix: IdFix): TS.CodeFixAction {
  return {
    fixName: SOURCE,
    description: fix.message,
    changes: [
      {
        fileName,
        textChanges: fix.edits.map((edit) => ({
          span: { start: edit.range[0], length: edit.range[1] - edit.range[0] },
          newText: edit.text,
        })),
      },
    ],
  };
}

/** The internal registry tsserver consults for `getSupportedCodeFixes`; not in TypeScript's public typings. */
interface CodeFixRegistry {
  registerCodeFix?(registration: {
    errorCodes: readonly number[];
    getCodeActions(context: unknown): readonly unknown[] | undefined;
    fixIds?: readonly string[];
  }): void;
}

const registered = new WeakSet<object>();

/**
 * Editors (VS Code) ask tsserver which error codes have fixes without asking plugins, so a code
 * missing from TypeScript's internal registry never gets a lightbulb. Registering an empty
 * provider adds our codes; the actions themselves come from the plugin's getCodeFixesAtPosition.
 * Internal API: guarded, and once per TypeScript instance.
 */
export function registerFixableCodes(ts: typeof TS, log: (message: string) => void): void {
  const registry = (ts as unknown as { codefix?: CodeFixRegistry }).codefix;
  if (!registry || registered.has(registry)) return;
  try {
    if (typeof registry.registerCodeFix !== 'function') {
      log(
        'ts.codefix.registerCodeFix is not available: editors may not offer quick fixes for error-catalog diagnostics',
      );
      return;
    }
    registry.registerCodeFix({ errorCodes: FIXABLE_CODES, getCodeActions: () => [] });
    registered.add(registry);
  } catch (error) {
    log(`could not register quick-fix codes: ${String(error)}`);
  }
}
