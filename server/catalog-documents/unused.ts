import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver';
import type { Project } from '../../catalog/project';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import { errorKeys, parseCatalogText } from './parsed-text';

/**
 * The live form of `error-catalog unused`: a hint with the `Unnecessary` tag (editors fade it) on
 * the key of each error no code uses. Same rule as the command: an id that a dynamic reference
 * may raise is "maybe used" and not marked; deprecated ids (expected to be unused) are left out;
 * only errors of the loaded catalog are judged (a broken entry has its own diagnostic).
 */
export function unusedErrorHints(
  text: string,
  file: string,
  project: Project,
  usage: (id: string) => 'used' | 'maybe' | 'unused',
): Diagnostic[] {
  const catalog = project.catalog ?? project.lastGoodCatalog;
  if (!catalog) return [];
  const parsed = parseCatalogText(file, text);
  const hints: Diagnostic[] = [];
  for (const { id, key } of errorKeys(parsed)) {
    const error = catalog.getError(id);
    if (!error || catalog.isDeprecated(error) || usage(id) !== 'unused') continue;
    hints.push({
      range: {
        start: parsed.document.positionAt(key.offset),
        end: parsed.document.positionAt(key.offset + key.length),
      },
      severity: DiagnosticSeverity.Hint,
      tags: [DiagnosticTag.Unnecessary],
      source: DIAGNOSTIC_SOURCE,
      message: `'${id}' is not used in the workspace`,
    });
  }
  return hints;
}
