import { createScanner, SyntaxKind } from 'jsonc-parser';
import type { Range } from 'vscode-languageserver';
import type { ParsedCatalogText } from './parsed-text';

/**
 * The range of a catalog problem given by its 1-based line and column: the JSON token that
 * starts there — a key, a string, a number, or only the opening brace of an object or array
 * (a problem with a whole subdomain does not paint the subdomain). Where no token starts
 * (a syntax error before white space, the end of the text): an empty range there.
 */
export function problemRange(parsed: ParsedCatalogText, line: number, column: number): Range {
  const { document, text } = parsed;
  const offset = document.offsetAt({ line: line - 1, character: column - 1 });
  const scanner = createScanner(text, true);
  scanner.setPosition(offset);
  const kind = scanner.scan();
  const length = kind === SyntaxKind.EOF || scanner.getTokenOffset() !== offset ? 0 : scanner.getTokenLength();
  return { start: document.positionAt(offset), end: document.positionAt(offset + length) };
}
