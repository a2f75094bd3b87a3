import { readFileSync } from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocuments } from 'vscode-languageserver';
import { fileOf, uriOf } from './paths';

/**
 * The text of any file as the editor sees it: an open document's unsaved buffer, else the file
 * on disk. Every feature reads through here, so an edit not yet saved counts everywhere.
 */
export class TextSource {
  /** File path → URI of the open document, as the client spelled it. */
  private readonly openUris = new Map<string, string>();

  constructor(private readonly documents: TextDocuments<TextDocument>) {
    documents.onDidOpen(({ document }) => {
      const file = fileOf(document.uri);
      if (file !== undefined) this.openUris.set(file, document.uri);
    });
    documents.onDidClose(({ document }) => {
      const file = fileOf(document.uri);
      if (file !== undefined && this.openUris.get(file) === document.uri) this.openUris.delete(file);
    });
  }

  /** The open document of a file, if any. */
  openDocument(file: string): TextDocument | undefined {
    const uri = this.openUris.get(file);
    return uri === undefined ? undefined : this.documents.get(uri);
  }

  /** The URI to report a file under: the open document's own, else one made from the path. */
  uriOf(file: string): string {
    return this.openUris.get(file) ?? uriOf(file);
  }

  /** The current text of a file; throws when a closed file cannot be read. */
  read(file: string): string {
    return this.openDocument(file)?.getText() ?? readFileSync(file, 'utf8');
  }

  /** The text as a document, for offset ↔ position conversions; undefined when unreadable. */
  document(file: string): TextDocument | undefined {
    const open = this.openDocument(file);
    if (open) return open;
    try {
      return TextDocument.create(uriOf(file), 'plaintext', 0, readFileSync(file, 'utf8'));
    } catch {
      return undefined;
    }
  }
}
