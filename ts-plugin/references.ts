import type * as TS from 'typescript';
import type { CallMatcher, CallSiteDescription, Catalog, ErrorIdReference } from '../catalog/index';
import type { PluginContext } from './context';
import { CallDescriber, type Call } from './describe-call';

/** One recognised error-id reference of a file. */
export interface FoundReference {
  readonly call: Call;
  readonly site: CallSiteDescription;
  readonly reference: ErrorIdReference;
}

/**
 * References depend only on the file's own text (bindings are looked up in the file) and on
 * the `calls` config, so they are cached per SourceFile object — which TypeScript replaces on
 * every edit — and per matcher.
 */
const cache = new WeakMap<TS.SourceFile, { matcher: CallMatcher; references: readonly FoundReference[] }>();

export function findReferences(
  ts: typeof TS,
  sourceFile: TS.SourceFile,
  checker: TS.TypeChecker,
  matcher: CallMatcher,
): readonly FoundReference[] {
  const cached = cache.get(sourceFile);
  if (cached && cached.matcher === matcher) return cached.references;
  const describer = new CallDescriber(ts, sourceFile, checker);
  const references: FoundReference[] = [];
  const visit = (node: TS.Node): void => {
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const found = recognise(ts, describer, matcher, node);
      if (found) references.push(found);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  cache.set(sourceFile, { matcher, references });
  return references;
}

function recognise(
  ts: typeof TS,
  describer: CallDescriber,
  matcher: CallMatcher,
  call: Call,
): FoundReference | undefined {
  // The cheap name filter first: most calls of a file cannot be references.
  const kind = ts.isNewExpression(call) ? 'new' : 'call';
  if (!matcher.mayMatch(describer.lastName(call.expression), kind, kind === 'new' && describer.isThrown(call)))
    return undefined;
  const site = describer.describe(call);
  const reference = matcher.match(site);
  return reference && { call, site, reference };
}

/** The string literal at `position` (a caret or a character) and the reference of the call it is an argument of. */
export function referenceAt(
  ts: typeof TS,
  sourceFile: TS.SourceFile,
  checker: TS.TypeChecker,
  matcher: CallMatcher,
  position: number,
): { found: FoundReference; literal: TS.StringLiteralLike } | undefined {
  const literal = literalAt(ts, sourceFile, position);
  if (!literal) return undefined;
  // The argument may wrap the literal: `('a.b.c' as const)`, `'a.b.c'!`.
  let argument: TS.Node = literal;
  while (argument.parent && isTransparent(ts, argument.parent, argument)) argument = argument.parent;
  const call = argument.parent;
  if (
    !call ||
    !(ts.isCallExpression(call) || ts.isNewExpression(call)) ||
    !call.arguments?.some((arg) => arg === argument)
  )
    return undefined;
  const found = recognise(ts, new CallDescriber(ts, sourceFile, checker), matcher, call);
  return found && { found, literal };
}

function isTransparent(ts: typeof TS, parent: TS.Node, child: TS.Node): boolean {
  if (ts.isBinaryExpression(parent))
    return parent.operatorToken.kind === ts.SyntaxKind.CommaToken && parent.right === child;
  return (
    ts.isParenthesizedExpression(parent) ||
    ts.isAsExpression(parent) ||
    ts.isNonNullExpression(parent) ||
    ts.isSatisfiesExpression(parent) ||
    ts.isTypeAssertionExpression(parent)
  );
}

function literalAt(ts: typeof TS, sourceFile: TS.SourceFile, position: number): TS.StringLiteralLike | undefined {
  let node: TS.Node = sourceFile;
  for (;;) {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node;
    const child: TS.Node | undefined = ts.forEachChild(node, (c) =>
      c.getStart(sourceFile) <= position && position <= c.end ? c : undefined,
    );
    if (!child) return undefined;
    node = child;
  }
}

/** True when a literal has no closing quote yet (being typed). */
export function isUnterminated(literal: TS.StringLiteralLike): boolean {
  return literal.isUnterminated === true;
}

/**
 * The recognised call whose id literal is under the cursor in an open file, with the catalog to
 * browse: what completion, hover and go-to-definition all start from.
 */
export function referenceUnderCursor(
  context: PluginContext,
  fileName: string,
  position: number,
): { at: { found: FoundReference; literal: TS.StringLiteralLike }; catalog: Catalog } | undefined {
  const state = context.fileState(fileName);
  if (!state) return undefined;
  const project = context.projectFor(fileName);
  const catalog = context.browsingCatalog(project);
  if (!catalog) return undefined;
  const at = referenceAt(context.ts, state.sourceFile, state.checker, project.matcher, position);
  return at && { at, catalog };
}
