import { readFileSync } from 'node:fs';
import { parseTree, type Node, type ParseError } from 'jsonc-parser';
import { describeFsError } from '../sources';

/**
 * Plans of edits to catalog files, as text edits a host applies (the language server as a
 * WorkspaceEdit, the tsserver plugin as a code fix). Pure: nothing here writes a file, and
 * nothing knows LSP, TypeScript or ESLint.
 */

/** One replacement in a file's text, as jsonc-parser's `Edit`: 0-based UTF-16 offset and length. */
export interface TextEdit {
  readonly offset: number;
  readonly length: number;
  readonly content: string;
}

/** The edits of one file (absolute path), non-overlapping and sorted by offset. */
export interface FileEdits {
  readonly file: string;
  readonly edits: readonly TextEdit[];
}

export type EditPlan =
  | { readonly ok: true; readonly changes: readonly FileEdits[]; readonly title: string }
  | { readonly ok: false; readonly reason: string };

/** Reads a catalog file's current text (the server passes unsaved buffer content; default: disk). */
export type ReadText = (file: string) => string;

export type CatalogKey =
  | { readonly kind: 'domain'; readonly domain: string }
  | { readonly kind: 'subdomain'; readonly domain: string; readonly subdomain: string }
  | { readonly kind: 'error'; readonly domain: string; readonly subdomain: string; readonly name: string };

export const readFromDisk: ReadText = (file) => readFileSync(file, 'utf8');

export function refuse(reason: string): EditPlan {
  return { ok: false, reason };
}

/** A catalog file's text and JSON tree, or why it cannot be edited. */
export type ParsedFile =
  | { readonly ok: true; readonly file: string; readonly text: string; readonly root: Node }
  | { readonly ok: false; readonly reason: string };

/** Reads and parses a catalog file; a file that does not parse as strict JSON is not edited. */
export function parseFile(file: string, readText: ReadText): ParsedFile {
  let text: string;
  try {
    text = readText(file);
  } catch (error) {
    return { ok: false, reason: `cannot read ${file}: ${describeFsError(error)}` };
  }
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  if (!root || errors.length > 0 || root.type !== 'object') {
    return { ok: false, reason: `${file} is not valid JSON: fix it (error-catalog check) before editing it` };
  }
  return { ok: true, file, text, root };
}

/** The file's layout, kept by every edit: indentation unit, line ending, and whether it is on one line. */
export interface TextStyle {
  readonly indentUnit: string;
  readonly eol: string;
  /** A file written on one line (minified) gets its insertions on the same line. */
  readonly compact: boolean;
  /** What separates a key from its value (`": "` or `":"`). */
  readonly keySeparator: string;
}

const DEFAULT_INDENT = '  ';
/** Enough lines to find the indentation of any catalog without scanning a 50,000-error file. */
const STYLE_SCAN_LINES = 200;

export function detectStyle(text: string): TextStyle {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const trimmed = text.trim();
  const compact = !trimmed.includes('\n') && !trimmed.includes('\r');
  const sample = text.slice(0, 10_000);
  const keySeparator = /":[ \t]/.test(sample) || !sample.includes('":') ? ': ' : ':';
  return { indentUnit: detectIndentUnit(text), eol, compact, keySeparator };
}

/** The first indentation found: a tab, or the smallest positive number of leading spaces. */
function detectIndentUnit(text: string): string {
  let smallest = Number.POSITIVE_INFINITY;
  const lines = text.split(/\r?\n/, STYLE_SCAN_LINES);
  for (const line of lines) {
    if (line.startsWith('\t')) return '\t';
    const spaces = /^ +(?=\S)/.exec(line)?.[0].length ?? 0;
    if (spaces > 0 && spaces < smallest) smallest = spaces;
  }
  return Number.isFinite(smallest) ? ' '.repeat(smallest) : DEFAULT_INDENT;
}

/** The leading white space of the line that holds `offset`. */
export function indentationAt(text: string, offset: number): string {
  let start = offset;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  return /^[ \t]*/.exec(text.slice(start, offset))?.[0] ?? '';
}

/**
 * Adds `"key": value` at the end of the JSON object `object`, written in the file's own style:
 * the new property gets the indentation of its last sibling (or of the object plus one unit),
 * nested values are indented with the file's unit and line ending. Unlike jsonc-parser's
 * `modify` with formatting, which re-formats the line of the previous sibling, nothing outside
 * the inserted text changes.
 */
export function insertProperty(text: string, object: Node, key: string, value: unknown, style: TextStyle): TextEdit {
  const properties = object.children ?? [];
  const last = properties[properties.length - 1];
  if (style.compact) {
    const property = `${JSON.stringify(key)}${style.keySeparator}${JSON.stringify(value)}`;
    return last
      ? { offset: last.offset + last.length, length: 0, content: `,${property}` }
      : { offset: object.offset + 1, length: object.length - 2, content: property };
  }
  if (last) {
    const indent = indentationAt(text, last.offset);
    const property = renderProperty(key, value, indent, style);
    return { offset: last.offset + last.length, length: 0, content: `,${style.eol}${indent}${property}` };
  }
  const outer = indentationAt(text, object.offset);
  const indent = outer + style.indentUnit;
  const property = renderProperty(key, value, indent, style);
  // Replaces whatever white space is between the braces of the empty object.
  return {
    offset: object.offset + 1,
    length: object.length - 2,
    content: `${style.eol}${indent}${property}${style.eol}${outer}`,
  };
}

function renderProperty(key: string, value: unknown, indent: string, style: TextStyle): string {
  const json = JSON.stringify(value, null, style.indentUnit).split('\n').join(`${style.eol}${indent}`);
  return `${JSON.stringify(key)}${style.keySeparator}${json}`;
}

/** Groups edits by file, sorted by offset, files in the order first seen. */
export function groupEdits(edits: ReadonlyArray<{ readonly file: string; readonly edit: TextEdit }>): FileEdits[] {
  const byFile = new Map<string, TextEdit[]>();
  for (const { file, edit } of edits) {
    const list = byFile.get(file);
    if (list) list.push(edit);
    else byFile.set(file, [edit]);
  }
  return [...byFile].map(([file, list]) => ({ file, edits: list.sort((a, b) => a.offset - b.offset) }));
}

/** Applies non-overlapping edits to a text (for hosts and tests; same result as jsonc-parser's `applyEdits`). */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.offset - a.offset);
  let result = text;
  for (const edit of sorted)
    result = result.slice(0, edit.offset) + edit.content + result.slice(edit.offset + edit.length);
  return result;
}
