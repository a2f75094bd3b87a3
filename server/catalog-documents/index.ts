// Placeholder for the catalog-edit helper's module (contract-server.md); replaced on merge.
import type { CompletionItem, Diagnostic, Hover } from 'vscode-languageserver';
import type { CatalogKey } from '../../catalog/edit/index';
import type { Project } from '../../catalog/project';

export function catalogDocumentDiagnostics(_text: string, _file: string, _project: Project): Diagnostic[] {
  return [];
}
export function catalogKeyAt(
  _text: string,
  _file: string,
  _offset: number,
): (CatalogKey & { readonly range: readonly [number, number] }) | undefined {
  return undefined;
}
export function catalogDocumentHover(
  _text: string,
  _file: string,
  _offset: number,
  _project: Project,
  _usageCount: (id: string) => number | undefined,
): Hover | null {
  return null;
}
export function catalogDocumentCompletion(
  _text: string,
  _file: string,
  _offset: number,
  _project: Project,
): CompletionItem[] {
  return [];
}
export function unusedErrorHints(
  _text: string,
  _file: string,
  _project: Project,
  _usage: (id: string) => 'used' | 'maybe' | 'unused',
): Diagnostic[] {
  return [];
}
