import { CodeActionKind, type CodeAction, type Diagnostic, type Range as LspRange } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { IdFix } from '../catalog/callsite/findings';
import type { ErrorIdReference } from '../catalog/callsite/reference';
import { planAddError, type ReadText } from '../catalog/edit/index';
import { parseErrorId } from '../catalog/ids';
import type { Project } from '../catalog/project';
import { checkingCatalog, findingsOf } from './code-analysis';
import { lspRange, SOURCE } from './code-features';
import type { TextSource } from './texts';
import { WorkspaceEditBuilder } from './workspace-edit';

/**
 * Quick fixes for the findings in `range`: each did-you-mean candidate and the `replacedBy` of a
 * deprecated id (edits ready-made in the findings), and "Add 'x.y.z' to the catalog" for an
 * unknown error of a known domain (catalog/edit's plan, as an edit of the catalog file).
 */
export function codeActions(
  document: TextDocument,
  file: string,
  project: Project,
  references: readonly ErrorIdReference[],
  range: LspRange,
  texts: TextSource,
): CodeAction[] {
  // Never offered against a broken catalog: an edit planned on it could not be trusted.
  const catalog = project.problems.length === 0 ? checkingCatalog(project) : undefined;
  if (!catalog) return [];
  const from = document.offsetAt(range.start);
  const to = document.offsetAt(range.end);
  const actions: CodeAction[] = [];
  for (const finding of findingsOf(references, catalog)) {
    if (finding.range[1] < from || finding.range[0] > to) continue;
    const diagnostic: Diagnostic = {
      range: lspRange(document, finding.range),
      message: finding.message,
      source: SOURCE,
      code: finding.messageId,
    };
    const fixes = finding.fix ? [finding.fix, ...finding.suggestions] : finding.suggestions;
    fixes.forEach((fix, index) =>
      actions.push(fixAction(file, fix, diagnostic, index === 0 && finding.fix !== undefined, texts)),
    );
    if (finding.messageId === 'unknownError' || finding.messageId === 'unknownSubdomain') {
      const id = finding.data['id'];
      if (id !== undefined && parseErrorId(id)) {
        const read: ReadText = (path) => texts.read(path);
        const plan = planAddError(catalog, id, read);
        if (plan.ok) {
          const edit = new WorkspaceEditBuilder(texts);
          edit.addPlan(plan.changes);
          actions.push({
            title: plan.title,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            edit: edit.build(),
          });
        }
      }
    }
  }
  return actions;
}

function fixAction(
  file: string,
  fix: IdFix,
  diagnostic: Diagnostic,
  preferred: boolean,
  texts: TextSource,
): CodeAction {
  const edit = new WorkspaceEditBuilder(texts);
  edit.add(file, fix.edits);
  const action: CodeAction = {
    title: fix.message,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: edit.build(),
  };
  if (preferred) action.isPreferred = true;
  return action;
}
