import { textFilter, usesOfCall } from '../analysis/id-uses';
import { parseSource } from '../analysis/parse';
import { findCallReferences } from '../analysis/references';
import { referencedId } from '../catalog/callsite/complete';
import type { IdUse } from '../catalog/usage';
import { checkReferenceCached } from '../catalog/callsite/cached-check';
import type { Finding } from '../catalog/callsite/findings';
import type { CallMatcher } from '../catalog/callsite/match';
import type { ErrorIdReference } from '../catalog/callsite/reference';
import type { Catalog } from '../catalog/catalog';
import type { Project } from '../catalog/project';

/** The error-id references of one text, or why there are none. */
export type CodeReferences =
  | { readonly ok: true; readonly references: readonly ErrorIdReference[] }
  | { readonly ok: false; readonly message: string; readonly offset: number };

/** Parses a text with the package's own parser and lists its references; a construct the analysis trips on is a failure, not a crash. */
export function referencesOf(text: string, file: string, matcher: CallMatcher): CodeReferences {
  try {
    const outcome = parseSource(text, file);
    if (!outcome.ok) return outcome;
    return { ok: true, references: findCallReferences(outcome.parsed, matcher).map((found) => found.reference) };
  } catch (error) {
    return { ok: false, message: `cannot analyse: ${(error as Error).message}`, offset: 0 };
  }
}

/** One reference of a file, with what it tells the workspace index. */
export interface IndexedReference {
  readonly reference: ErrorIdReference;
  /** The id the call names when all its parts are static. */
  readonly id: string | undefined;
  /** The ids it may raise, as the `unused` command counts them. */
  readonly uses: readonly IdUse[];
}

export type FileAnalysis =
  | { readonly ok: true; readonly references: readonly IndexedReference[] }
  | { readonly ok: false; readonly message: string; readonly offset: number };

const filters = new WeakMap<CallMatcher, RegExp>();

/**
 * The references of a file and what they tell the index, from one parse. A text that cannot
 * hold a reference (the `unused` command's word filter) is not parsed at all.
 */
export function analyseText(text: string, file: string, matcher: CallMatcher): FileAnalysis {
  let filter = filters.get(matcher);
  if (!filter) filters.set(matcher, (filter = textFilter(matcher)));
  if (!filter.test(text)) return { ok: true, references: [] };
  try {
    const outcome = parseSource(text, file);
    if (!outcome.ok) return outcome;
    const references = findCallReferences(outcome.parsed, matcher).map((found) => ({
      reference: found.reference,
      id: referencedId(found.reference),
      uses: usesOfCall(found, outcome.parsed),
    }));
    return { ok: true, references };
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
 * The references of a text being typed. A literal still without its closing quote makes the
 * file unparsable (the parser recovers from nothing), so the quote — and the parentheses a
 * call may still lack — are added at the end of the cursor's line and the parse tried again;
 * offsets before that point are unchanged.
 */
export function referencesWhileTyping(
  text: string,
  file: string,
  matcher: CallMatcher,
  offset: number,
): readonly ErrorIdReference[] {
  const plain = referencesOf(text, file, matcher);
  if (plain.ok) return plain.references;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd < 0) lineEnd = text.length;
  if (text.charAt(lineEnd - 1) === '\r') lineEnd--;
  const quote = openQuote(text.slice(lineStart, offset));
  if (quote === undefined) return [];
  for (const closing of [quote, `${quote})`, `${quote}))`]) {
    const repaired = text.slice(0, lineEnd) + closing + text.slice(lineEnd);
    const outcome = referencesOf(repaired, file, matcher);
    if (outcome.ok) return outcome.references;
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
