import { textFilter, usesOfCall } from '../analysis/id-uses';
import { blank, parseRepairing, type ParseFailure, type Span } from '../analysis/repair';
import { findCallReferences } from '../analysis/references';
import { referencedId } from '../catalog/callsite/complete';
import type { IdUse } from '../catalog/usage';
import { checkReferenceCached } from '../catalog/callsite/cached-check';
import type { Finding } from '../catalog/callsite/findings';
import type { CallMatcher } from '../catalog/callsite/match';
import type { ErrorIdReference } from '../catalog/callsite/reference';
import type { Catalog } from '../catalog/catalog';
import type { Project } from '../catalog/project';

/** One reference of a file, with what it tells the workspace index. */
export interface IndexedReference {
  readonly reference: ErrorIdReference;
  /** The id the call names when all its parts are static. */
  readonly id: string | undefined;
  /** The ids it may raise, as the `unused` command counts them. */
  readonly uses: readonly IdUse[];
}

export type FileAnalysis =
  | {
      readonly ok: true;
      readonly references: readonly IndexedReference[];
      /**
       * The text's syntax error when it did not parse as typed: the references are then those of
       * the rest of it, found after blanking the lines that broke it (see `blankBrokenLine`).
       */
      readonly syntaxError: { readonly message: string; readonly offset: number } | undefined;
    }
  | { readonly ok: false; readonly message: string; readonly offset: number };

const filters = new WeakMap<CallMatcher, RegExp>();

/**
 * The references of a file and what they tell the index, from one parse. A text that cannot
 * hold a reference (the `unused` command's word filter) is not parsed at all. A text that does
 * not parse (being typed) is repaired line by line, so that the rest of it keeps its findings.
 */
export function analyseText(text: string, file: string, matcher: CallMatcher): FileAnalysis {
  let filter = filters.get(matcher);
  if (!filter) filters.set(matcher, (filter = textFilter(matcher)));
  if (!filter.test(text)) return { ok: true, references: [], syntaxError: undefined };
  try {
    const { outcome, failure } = parseRepairing(text, file, blankBrokenLine);
    // Given up: the error of the text as typed, not of its last repair.
    if (!outcome.ok) return failure ?? outcome;
    const references = findCallReferences(outcome.parsed, matcher).map((found) => ({
      reference: found.reference,
      id: referencedId(found.reference),
      uses: usesOfCall(found, outcome.parsed),
    }));
    return { ok: true, references, syntaxError: failure && { message: failure.message, offset: failure.offset } };
  } catch (error) {
    return { ok: false, message: `cannot analyse: ${(error as Error).message}`, offset: 0 };
  }
}

/** The catalog to check against: never a broken one; the last good one while the current is broken. */
export function checkingCatalog(project: Project): Catalog | undefined {
  return project.problems.length === 0 ? project.catalog : project.lastGoodCatalog;
}

/** The catalog to complete and describe from: a partial catalog is better than none there. */
export function browsingCatalog(project: Project): Catalog | undefined {
  return project.problems.length === 0 ? project.catalog : (project.lastGoodCatalog ?? project.catalog);
}

/** The findings of a file's references, the editor's way: dynamic ids are the linter's opt-in report, not shown. */
export function findingsOf(references: readonly ErrorIdReference[], catalog: Catalog): Finding[] {
  const findings: Finding[] = [];
  for (const reference of references)
    for (const finding of checkReferenceCached(reference, catalog))
      if (finding.kind !== 'dynamic') findings.push(finding);
  return findings;
}

/**
 * The language server's repair of a text that does not parse (analysis/repair.ts): it blanks the
 * line where the broken construct starts — the opening of an unclosed bracket, the start of an
 * unterminated string, else the line of the error — or, when that line is blank already, the
 * nearest line above it that is not. Without TypeScript there are no statements to go by: a line
 * is what an editor's user breaks, and loses, while typing.
 */
export function blankBrokenLine(text: string, failure: ParseFailure, keep?: number): string | undefined {
  const span = brokenLine(text, failure);
  // The line holding `keep` (a cursor) is never blanked: nothing is better than a wrong call there.
  if (!span || (keep !== undefined && span[0] <= keep && keep <= span[1])) return undefined;
  return blank(text, span[0], span[1]);
}

function brokenLine(text: string, failure: ParseFailure): Span | undefined {
  for (let at = failure.from; ;) {
    const start = text.lastIndexOf('\n', at - 1) + 1;
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    if (text.slice(start, end).trim() !== '') return [start, end];
    if (start === 0) return undefined;
    at = start - 1;
  }
}

/**
 * The references of a text being typed, for completion at `offset`. A literal still without its
 * closing quote makes the file unparsable (the parser recovers from nothing), so the quote — and
 * the parentheses a call may still lack — are added at the end of the cursor's line if need be;
 * other lines that do not parse are blanked (`blankBrokenLine`), never the cursor's. Offsets
 * before the end of the cursor's line are unchanged.
 */
export function referencesWhileTyping(
  text: string,
  file: string,
  matcher: CallMatcher,
  offset: number,
): readonly ErrorIdReference[] {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd < 0) lineEnd = text.length;
  if (text.charAt(lineEnd - 1) === '\r') lineEnd--;
  const quote = openQuote(text.slice(lineStart, offset)) ?? '';
  const repairOtherLines = (typed: string, failure: ParseFailure) => blankBrokenLine(typed, failure, offset);
  // First as typed (the cursor's line may be whole, another line broken), then closed.
  for (const closing of new Set(['', quote, `${quote})`, `${quote}))`])) {
    const typed = text.slice(0, lineEnd) + closing + text.slice(lineEnd);
    try {
      const { outcome } = parseRepairing(typed, file, repairOtherLines);
      if (outcome.ok) return findCallReferences(outcome.parsed, matcher).map((found) => found.reference);
    } catch {
      // A construct the analysis trips on: no completion, never a crash.
    }
  }
  return [];
}

/** The quote of a string literal left open at the end of `line`, if any. */
function openQuote(line: string): string | undefined {
  let open: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line.charAt(i);
    if (open !== undefined && c === '\\') i++;
    else if (open === undefined && (c === "'" || c === '"' || c === '`')) open = c;
    else if (c === open) open = undefined;
  }
  return open;
}
