import { readFileSync } from 'node:fs';
import type * as TS from 'typescript';
import type { IdFix } from '../catalog/index';
import { idToAdd, planAddError, type EditPlan, type ReadText } from '../catalog/edit';
import type { PluginContext } from './context';
import { codeOf, findingsOf, FIXABLE_CODES, SOURCE } from './diagnostics';

/** The fix name of "Add 'x.y.z' to the catalog" (the others are named SOURCE). */
export const ADD_TO_CATALOG_FIX = 'error-catalog-add';

/**
 * Quick fixes for the plugin's diagnostics: each did-you-mean candidate of an unknown id, the
 * `replacedBy` of a deprecated one — the edits come ready-made in the findings — and "Add
 * 'x.y.z' to the catalog" for an unknown error or subdomain, whose change edits the catalog
 * JSON file (read through `readCatalogText`, see `catalogFileReader`).
 */
export function pluginCodeFixes(
  context: PluginContext,
  fileName: string,
  start: number,
  end: number,
  errorCodes: readonly number[],
  readCatalogText: ReadText = readFromDisk,
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
    const id = idToAdd(finding);
    const plan = id === undefined ? undefined : planAddError(catalog, id, readCatalogText);
    if (plan?.ok) actions.push(addToCatalogAction(plan));
  }
  return actions;
}

function addToCatalogAction(plan: Extract<EditPlan, { ok: true }>): TS.CodeFixAction {
  return {
    fixName: ADD_TO_CATALOG_FIX,
    description: plan.title,
    changes: plan.changes.map(({ file, edits }) => ({
      fileName: file,
      textChanges: edits.map((edit) => ({ span: { start: edit.offset, length: edit.length }, newText: edit.content })),
    })),
  };
}

const readFromDisk: ReadText = (file) => readFileSync(file, 'utf8');

type ScriptInfoSource = Partial<Pick<TS.server.ProjectService, 'getOrCreateScriptInfoForNormalizedPath'>>;

/**
 * Reads catalog files for "Add to the catalog" through tsserver's script infos. tsserver turns a
 * code fix's offsets into lines with the ScriptInfo of each changed file and fails on a file it
 * has none for; the catalog JSON is in no program, so its ScriptInfo is created here (on demand,
 * for this one file: loading the catalog into the project costs far more). The fix's offsets
 * are computed from that ScriptInfo's text, so they match what tsserver converts. Without a
 * project service (an in-process host), the disk.
 */
export function catalogFileReader(ts: typeof TS, projectService: ScriptInfoSource | undefined): ReadText {
  return (file) => {
    const getInfo = projectService?.getOrCreateScriptInfoForNormalizedPath;
    const normalize = ts.server?.toNormalizedPath;
    if (typeof getInfo !== 'function' || typeof normalize !== 'function') return readFromDisk(file);
    const info = getInfo.call(projectService, normalize(file), false);
    if (!info) return readFromDisk(file);
    const snapshot = info.getSnapshot();
    return snapshot.getText(0, snapshot.getLength());
  };
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
