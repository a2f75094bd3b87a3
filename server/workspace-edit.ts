import type { TextEdit as LspTextEdit, WorkspaceEdit } from 'vscode-languageserver';
import type { FileEdits } from '../catalog/edit/index';
import type { TextEdit as RangeEdit } from '../catalog/callsite/findings';
import type { TextSource } from './texts';

/**
 * Collects offset-based edits of several files into one WorkspaceEdit, converting offsets with
 * each file's current text (the open buffer when there is one).
 */
export class WorkspaceEditBuilder {
  private readonly changes = new Map<string, LspTextEdit[]>();

  constructor(private readonly texts: TextSource) {}

  /** Edits of catalog/edit's plans (`offset`, `length`, `content`). */
  addPlan(changes: readonly FileEdits[]): void {
    for (const { file, edits } of changes)
      this.add(
        file,
        edits.map((edit) => ({ range: [edit.offset, edit.offset + edit.length] as const, text: edit.content })),
      );
  }

  /** Edits of the call-site decisions (`[start, end)` ranges). */
  add(file: string, edits: readonly RangeEdit[]): void {
    if (edits.length === 0) return;
    const document = this.texts.document(file);
    if (!document) throw new Error(`cannot read ${file}`);
    const uri = this.texts.uriOf(file);
    let list = this.changes.get(uri);
    if (!list) this.changes.set(uri, (list = []));
    for (const edit of edits)
      list.push({
        range: { start: document.positionAt(edit.range[0]), end: document.positionAt(edit.range[1]) },
        newText: edit.text,
      });
  }

  get isEmpty(): boolean {
    return this.changes.size === 0;
  }

  build(): WorkspaceEdit {
    return { changes: Object.fromEntries(this.changes) };
  }
}
