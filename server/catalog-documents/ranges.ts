import { createScanner, findNodeAtOffset, SyntaxKind } from 'jsonc-parser';
import type { Range } from 'vscode-languageserver';
import type { ParsedCatalogText } from './parsed-text';

/**
 * The range of a catalog problem given by its 1-based line and column: the JSON token or
 * value that starts there (a key, a string, a number — only the opening brace of an object or
 * array, so a problem with a whole subdomain does not paint the subdomain), or the token the
 * JSON syntax error is at.
 */
export function problemRange(parsed: ParsedCatalogText, line: number, column: number): Range {
  const { document, text, root } = parsed;
  const offset = document.offsetAt({ line: line - 1, character: column - 1 });
  const node = root && findNodeAtOffset(root, offset, false);
  let length: number;
  if (node && node.offset === offset) length = node.type === 'object' || node.type === 'array' ? 1 : node.length;
  else length = tokenLengthAt(text, offset);
  return { start: document.positionAt(offset), end: document.positionAt(offset + length) };
}

function tokenLengthAt(text: string, offset: number): number {
  const scanner = createScanner(text, true);
  scanner.setPosition(offset);
  const kind = scanner.scan();
  // At the end, or before white space: an empty range at the position (clients mark the nearest character).
  if (kind === SyntaxKind.EOF || scanner.getTokenOffset() !== offset) return 0;
  return scanner.getTokenLength();
}
