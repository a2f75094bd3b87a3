/**
 * The error-id call sites of a file, for every feature of the plugin: found by the shared ESTree
 * analysis (analysis/references.ts over the package's own parser), exactly as the ESLint rules
 * and the CLI find them. TypeScript's AST is only used to repair a file being typed (its
 * statements are known even when the text does not parse) and to find the literal under a cursor.
 */
import type * as TS from 'typescript';
import { parseSource, type ParsedSource } from '../analysis/parse';
import { findCallReferences, type FoundCall } from '../analysis/references';
import { blank, parseRepairing } from '../analysis/repair';
import type { CallMatcher, Catalog } from '../catalog/index';
import type { PluginContext } from './context';

export type { FoundCall } from '../analysis/references';

interface FileAnalysis {
  /** Undefined when the file could not be parsed even after repairs. */
  readonly parsed: ParsedSource | undefined;
  /** The text that was parsed, and the broken statements blanked in it. */
  readonly text: string;
  readonly blanked: ReadonlyArray<readonly [start: number, end: number]>;
  calls?: { readonly matcher: CallMatcher; readonly found: readonly FoundCall[] };
  /** The last statement-being-typed analysis (callAt), keyed by statement start. */
  typing?: {
    readonly start: number;
    readonly position: number;
    readonly matcher: CallMatcher;
    readonly found: readonly FoundCall[];
  };
}

/**
 * Per SourceFile object, which TypeScript replaces on every edit of that file (and only then):
 * an unchanged file is never parsed again, and its call sites are found once per `calls` config.
 */
const analyses = new WeakMap<TS.SourceFile, FileAnalysis>();

/** The recognised error-id references of a file, in source order. */
export function callSitesOf(ts: typeof TS, sourceFile: TS.SourceFile, matcher: CallMatcher): readonly FoundCall[] {
  const analysis = analysisOf(ts, sourceFile);
  if (analysis.calls?.matcher !== matcher)
    analysis.calls = { matcher, found: analysis.parsed ? findCallReferences(analysis.parsed, matcher) : [] };
  return analysis.calls.found;
}

/**
 * Parses the file's text; while it has a syntax error (it is being typed), repairs the top-level
 * statement holding the error and parses again. The last statement is closed (its open string,
 * brackets and parentheses, appended at the end of the file, so no offset moves): that is where
 * a file is typed, and the call being typed is completed and checked. Any other broken statement
 * is blanked (spaces, line ends kept): the rest of the file keeps its findings and positions.
 */
function analysisOf(ts: typeof TS, sourceFile: TS.SourceFile): FileAnalysis {
  let analysis = analyses.get(sourceFile);
  if (!analysis) {
    analysis = parseRepaired(ts, sourceFile);
    analyses.set(sourceFile, analysis);
  }
  return analysis;
}

function parseRepaired(ts: typeof TS, sourceFile: TS.SourceFile): FileAnalysis {
  const blanked: Array<readonly [number, number]> = [];
  const statements = sourceFile.statements;
  const { outcome, text } = parseRepairing(sourceFile.text, sourceFile.fileName, (text, failure) => {
    let index = -1;
    for (let i = 0; i < statements.length; i++) if (statements[i]!.getStart(sourceFile) <= failure.offset) index = i;
    if (index < 0) return undefined;
    const statement = statements[index]!;
    const start = statement.getStart(sourceFile);
    const closers = index === statements.length - 1 ? closersOf(ts, text.slice(start)) : '';
    if (closers !== '' && !text.endsWith(closers)) return text + closers;
    // The last statement is blanked with whatever was appended to close it.
    const end = index === statements.length - 1 ? text.length : statement.end;
    blanked.push([start, end]);
    return blank(text, start, end);
  });
  return { parsed: outcome.ok ? outcome.parsed : undefined, text, blanked };
}

/**
 * The calls of a blanked statement under the cursor (being typed in the middle of a file): the
 * file up to that statement, the statement up to the cursor's line, closed; the rest left out.
 */
function typingCallsAt(
  ts: typeof TS,
  sourceFile: TS.SourceFile,
  analysis: FileAnalysis,
  matcher: CallMatcher,
  position: number,
): readonly FoundCall[] {
  const statement = analysis.blanked.find(([start, end]) => start <= position && position <= end);
  if (!statement) return [];
  const [start, end] = statement;
  if (analysis.typing?.start === start && analysis.typing.matcher === matcher && analysis.typing.position === position)
    return analysis.typing.found;
  // Up to the end of the cursor's line: an unterminated string there ends with that line.
  const lineEnd = sourceFile.text.indexOf('\n', position);
  const typed = sourceFile.text.slice(start, lineEnd < 0 ? end : Math.min(end, lineEnd));
  const outcome = parseSource(analysis.text.slice(0, start) + typed + closersOf(ts, typed), sourceFile.fileName);
  const found = outcome.ok ? findCallReferences(outcome.parsed, matcher) : [];
  analysis.typing = { start, position, matcher, found };
  return found;
}

/** What closes a statement cut short: its unterminated string, then its open brackets, innermost first. */
function closersOf(ts: typeof TS, statement: string): string {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, statement);
  const open: string[] = [];
  let quote = '';
  const pairs: Partial<Record<number, string>> = {
    [ts.SyntaxKind.OpenParenToken]: ')',
    [ts.SyntaxKind.OpenBracketToken]: ']',
    [ts.SyntaxKind.OpenBraceToken]: '}',
  };
  for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
    const closer = pairs[token];
    if (closer) open.push(closer);
    else if (
      token === ts.SyntaxKind.CloseParenToken ||
      token === ts.SyntaxKind.CloseBracketToken ||
      token === ts.SyntaxKind.CloseBraceToken
    )
      open.pop();
    quote =
      (token === ts.SyntaxKind.StringLiteral || token === ts.SyntaxKind.NoSubstitutionTemplateLiteral) &&
      scanner.isUnterminated()
        ? statement.charAt(scanner.getTokenStart())
        : '';
  }
  // The brackets on a line of their own: a line comment after the last token cannot swallow them.
  return open.length === 0 ? quote : `${quote}\n${open.reverse().join('')}`;
}

/** The recognised call with an argument at `position` (a caret or a character): the innermost one. */
export function callAt(
  ts: typeof TS,
  sourceFile: TS.SourceFile,
  matcher: CallMatcher,
  position: number,
): FoundCall | undefined {
  let best = innermostAt(callSitesOf(ts, sourceFile, matcher), position);
  best ??= innermostAt(typingCallsAt(ts, sourceFile, analysisOf(ts, sourceFile), matcher, position), position);
  return best;
}

function innermostAt(calls: readonly FoundCall[], position: number): FoundCall | undefined {
  let best: FoundCall | undefined;
  for (const found of calls) {
    const [start, end] = found.node.range;
    if (position < start || position > end) continue;
    const inArgument = found.node.arguments.some((arg) => arg.range[0] <= position && position <= arg.range[1]);
    if (inArgument && (!best || start >= best.node.range[0])) best = found;
  }
  return best;
}

/**
 * The recognised call under the cursor in an open file, with the catalog to browse: what
 * completion, hover, go-to-definition and find-references all start from.
 */
export function callUnderCursor(
  context: PluginContext,
  fileName: string,
  position: number,
): { found: FoundCall; catalog: Catalog; sourceFile: TS.SourceFile } | undefined {
  const sourceFile = context.sourceFileOf(fileName);
  if (!sourceFile) return undefined;
  const project = context.projectFor(fileName);
  const catalog = context.browsingCatalog(project);
  if (!catalog) return undefined;
  const found = callAt(context.ts, sourceFile, project.matcher, position);
  return found && { found, catalog, sourceFile };
}
