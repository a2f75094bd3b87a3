/**
 * TypeScript adapter: turns a call or `new` expression of the TypeScript AST into the neutral
 * CallSiteDescription that catalog/callsite/match.ts decides on — the counterpart of
 * rules/analysis/describe-call.ts for ESTree, with the same rules, so the editor and the linter
 * recognise the same calls. Bindings come from the program's type checker, never from names.
 */
import type * as TS from 'typescript';
import type { ArgumentDescription, CallSiteDescription, CalleeDescription, Range, RootBinding } from '../catalog/index';

export type Call = TS.CallExpression | TS.NewExpression;

/** Wrappers of wrappers are followed this deep (as on the ESLint side). */
const MAX_INIT_DEPTH = 4;
/** Constants of constants are followed this deep when computing a static value. */
const MAX_CONSTANT_DEPTH = 8;

/** Helpers TypeScript, Babel and esbuild emit around `require()` for ESM interop. */
const INTEROP_HELPERS = new Set([
  '__importStar',
  '__importDefault',
  '__importWildcard',
  '_interopRequireWildcard',
  '_interopRequireDefault',
  '__toESM',
]);
const DEFAULT_INTEROP = new Set(['__importDefault', '_interopRequireDefault']);

export class CallDescriber {
  constructor(
    private readonly ts: typeof TS,
    private readonly sourceFile: TS.SourceFile,
    private readonly checker: TS.TypeChecker,
  ) {}

  describe(node: Call, depth = 0): CallSiteDescription {
    return {
      kind: this.ts.isNewExpression(node) ? 'new' : 'call',
      thrown: this.isThrown(node),
      callee: this.describeCallee(node.expression, depth),
      arguments: (node.arguments ?? []).map((arg) => this.describeArgument(arg)),
      range: this.rangeOf(node),
    };
  }

  rangeOf(node: TS.Node): Range {
    return [node.getStart(this.sourceFile), node.end];
  }

  /** The operand of a `throw`, through parentheses, `as`, `!` and `satisfies`. */
  isThrown(node: TS.Node): boolean {
    let child = node;
    let parent = node.parent;
    while (parent && this.isTransparent(parent)) {
      child = parent;
      parent = parent.parent;
    }
    return parent !== undefined && this.ts.isThrowStatement(parent) && parent.expression === child;
  }

  private isTransparent(node: TS.Node): boolean {
    const ts = this.ts;
    return (
      ts.isParenthesizedExpression(node) ||
      ts.isAsExpression(node) ||
      ts.isNonNullExpression(node) ||
      ts.isSatisfiesExpression(node) ||
      ts.isTypeAssertionExpression(node)
    );
  }

  /** Strips what does not change the value: `(0, x.get)`, `x!`, `x as T`, parentheses. */
  unwrap(node: TS.Expression): TS.Expression {
    const ts = this.ts;
    for (;;) {
      if (this.isTransparent(node)) node = (node as TS.ParenthesizedExpression).expression;
      else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.CommaToken) node = node.right;
      else return node;
    }
  }

  /** The name a callee ends with, without the checker: the cheap filter before describing a call. */
  lastName(callee: TS.Expression): string | undefined {
    const node = this.unwrap(callee);
    if (this.ts.isIdentifier(node)) return node.text;
    if (this.ts.isPropertyAccessExpression(node) || this.ts.isElementAccessExpression(node))
      return this.memberName(node);
    return undefined;
  }

  private memberName(node: TS.PropertyAccessExpression | TS.ElementAccessExpression): string | undefined {
    const ts = this.ts;
    // A private name's text keeps its `#`, as the ESTree side writes it.
    if (ts.isPropertyAccessExpression(node)) return node.name.text;
    const arg = node.argumentExpression;
    return ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg) ? arg.text : undefined;
  }

  private describeCallee(callee: TS.Expression, depth: number): CalleeDescription {
    const ts = this.ts;
    const members: string[] = [];
    let node = this.unwrap(callee);
    while (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
      // A computed, non-constant member can be anything: a name no form uses keeps it unmatched.
      members.push(this.memberName(node) ?? '[]');
      node = this.unwrap(node.expression);
    }
    members.reverse();
    if (ts.isIdentifier(node)) {
      const root = this.bindingOf(node, depth);
      // `const k = __importDefault(require('./kerror')); k.default.get(…)`: `.default` is the module.
      if (root.kind === 'module' && root.imported === 'default' && members[0] === 'default') members.shift();
      return { root, members };
    }
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const required = this.requiredModule(node);
      if (required) return { root: { kind: 'module', name: 'require', source: required.source }, members };
      if (depth < MAX_INIT_DEPTH) {
        // `kerror.wrap('a', 'b').get('c')`: the inline call plays the part of a wrapper constant.
        return {
          root: { kind: 'value', name: this.lastName(node.expression) ?? '', init: this.describe(node, depth + 1) },
          members,
        };
      }
    }
    return { root: { kind: 'unknown' }, members };
  }

  /** The declarations of an identifier in this file; undefined when it is declared nowhere here (a global). */
  private declarationsOf(id: TS.Identifier): TS.Declaration[] | undefined {
    const symbol = this.checker.getSymbolAtLocation(id);
    const declarations = symbol?.declarations?.filter((d) => d.getSourceFile() === this.sourceFile) ?? [];
    return declarations.length > 0 ? declarations : undefined;
  }

  private bindingOf(id: TS.Identifier, depth: number): RootBinding {
    const ts = this.ts;
    const name = id.text;
    const declarations = this.declarationsOf(id);
    if (!declarations) return { kind: 'global', name };
    if (declarations.length > 1) return { kind: 'local', name };
    const declaration = declarations[0]!;

    if (ts.isImportSpecifier(declaration)) {
      const source = moduleSource(ts, declaration.parent.parent.parent.moduleSpecifier);
      const imported = (declaration.propertyName ?? declaration.name).text;
      return source === undefined ? { kind: 'local', name } : { kind: 'module', name, source, imported };
    }
    if (ts.isNamespaceImport(declaration)) {
      const source = moduleSource(ts, declaration.parent.parent.moduleSpecifier);
      return source === undefined ? { kind: 'local', name } : { kind: 'module', name, source };
    }
    if (ts.isImportClause(declaration)) {
      const source = moduleSource(ts, declaration.parent.moduleSpecifier);
      return source === undefined ? { kind: 'local', name } : { kind: 'module', name, source, imported: 'default' };
    }
    if (ts.isImportEqualsDeclaration(declaration)) {
      const ref = declaration.moduleReference;
      if (ts.isExternalModuleReference(ref) && ts.isStringLiteral(ref.expression))
        return { kind: 'module', name, source: ref.expression.text };
      return { kind: 'local', name };
    }
    if (ts.isBindingElement(declaration)) {
      // `const { get } = require('./kerror')`, `const { get: g } = require(…)`
      const pattern = declaration.parent;
      const declarator = pattern.parent;
      if (!ts.isObjectBindingPattern(pattern) || !ts.isVariableDeclaration(declarator) || !declarator.initializer)
        return { kind: 'local', name };
      const init = this.unwrap(declarator.initializer);
      const required = ts.isCallExpression(init) ? this.requiredModule(init) : undefined;
      const key = declaration.propertyName ?? declaration.name;
      const imported = ts.isIdentifier(key) || ts.isStringLiteral(key) ? key.text : undefined;
      return required && imported !== undefined
        ? { kind: 'module', name, source: required.source, imported }
        : { kind: 'local', name };
    }
    if (!ts.isVariableDeclaration(declaration) || !ts.isIdentifier(declaration.name) || !declaration.initializer)
      return { kind: 'local', name };
    const init = this.unwrap(declaration.initializer);
    if (ts.isCallExpression(init) || ts.isNewExpression(init)) {
      const required = this.requiredModule(init);
      if (required)
        return required.defaultInterop
          ? { kind: 'module', name, source: required.source, imported: 'default' }
          : { kind: 'module', name, source: required.source };
      // A `const`, or a `let`/`var` never assigned again (as ESLint's scope analysis decides it).
      const constant = isConst(ts, declaration) || !this.isReassigned(declaration.name);
      if (constant && depth < MAX_INIT_DEPTH) return { kind: 'value', name, init: this.describe(init, depth + 1) };
    }
    return { kind: 'local', name };
  }

  private written: Set<TS.Symbol> | undefined;

  /** Whether a variable is assigned anywhere in the file after its declaration (one walk per file, on demand). */
  private isReassigned(name: TS.Identifier): boolean {
    const symbol = this.checker.getSymbolAtLocation(name);
    if (!symbol) return true;
    this.written ??= this.collectWritten();
    return this.written.has(symbol);
  }

  private collectWritten(): Set<TS.Symbol> {
    const ts = this.ts;
    const written = new Set<TS.Symbol>();
    const target = (node: TS.Expression): void => {
      node = this.unwrap(node);
      if (ts.isIdentifier(node)) {
        const symbol = this.checker.getSymbolAtLocation(node);
        if (symbol) written.add(symbol);
      } else if (ts.isArrayLiteralExpression(node))
        node.elements.forEach((e) => target(ts.isSpreadElement(e) ? e.expression : e));
      else if (ts.isObjectLiteralExpression(node)) {
        for (const property of node.properties) {
          if (ts.isShorthandPropertyAssignment(property)) target(property.name);
          else if (ts.isPropertyAssignment(property)) target(property.initializer);
          else if (ts.isSpreadAssignment(property)) target(property.expression);
        }
      } else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken)
        target(node.left); // a default in a pattern
    };
    const visit = (node: TS.Node): void => {
      if (
        ts.isBinaryExpression(node) &&
        node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
        node.operatorToken.kind <= ts.SyntaxKind.LastAssignment
      )
        target(node.left);
      else if (
        (ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) &&
        (node.operator === ts.SyntaxKind.PlusPlusToken || node.operator === ts.SyntaxKind.MinusMinusToken)
      )
        target(node.operand);
      else if (
        (ts.isForInStatement(node) || ts.isForOfStatement(node)) &&
        !ts.isVariableDeclarationList(node.initializer)
      )
        target(node.initializer);
      ts.forEachChild(node, visit);
    };
    visit(this.sourceFile);
    return written;
  }

  /** `require('x')` (with `require` not declared in the file), or an interop helper around it. */
  private requiredModule(node: Call): { source: string; defaultInterop: boolean } | undefined {
    const ts = this.ts;
    if (!ts.isCallExpression(node)) return undefined;
    const calleeName = this.lastName(node.expression);
    const first = node.arguments[0];
    if (calleeName === 'require') {
      const callee = this.unwrap(node.expression);
      if (!ts.isIdentifier(callee) || this.declarationsOf(callee)) return undefined;
      if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first)))
        return { source: first.text, defaultInterop: false };
      return undefined;
    }
    if (calleeName !== undefined && INTEROP_HELPERS.has(calleeName) && first) {
      const inner = this.unwrap(first);
      if (!ts.isCallExpression(inner)) return undefined;
      const required = this.requiredModule(inner);
      return required && { source: required.source, defaultInterop: DEFAULT_INTEROP.has(calleeName) };
    }
    return undefined;
  }

  private describeArgument(arg: TS.Expression): ArgumentDescription {
    const ts = this.ts;
    const range = this.rangeOf(arg);
    if (ts.isSpreadElement(arg)) return { kind: 'spread', range };
    const node = this.unwrap(arg);
    if (ts.isObjectLiteralExpression(node)) return { kind: 'object', range };
    // A literal under `as const`, `!` or parentheses: rewriting the literal itself keeps the rest.
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))
      return { kind: 'static', value: node.text, range: this.rangeOf(node), literal: true };
    // Constants, concatenations and templates of constants; anything else stays dynamic.
    const value = this.staticValue(arg, 0);
    return typeof value === 'string' ? { kind: 'static', value, range, literal: false } : { kind: 'dynamic', range };
  }

  /** The value of an expression known without running it, as ESLint's getStaticValue computes it for strings. */
  private staticValue(node: TS.Expression, depth: number): string | number | undefined {
    const ts = this.ts;
    if (depth > MAX_CONSTANT_DEPTH) return undefined;
    node = this.unwrap(node);
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
    if (ts.isNumericLiteral(node)) return Number(node.text);
    if (ts.isTemplateExpression(node)) {
      let text = node.head.text;
      for (const span of node.templateSpans) {
        const value = this.staticValue(span.expression, depth + 1);
        if (value === undefined) return undefined;
        text += String(value) + span.literal.text;
      }
      return text;
    }
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      const left = this.staticValue(node.left, depth + 1);
      const right = left === undefined ? undefined : this.staticValue(node.right, depth + 1);
      if (left === undefined || right === undefined) return undefined;
      return typeof left === 'number' && typeof right === 'number' ? left + right : String(left) + String(right);
    }
    if (ts.isIdentifier(node)) {
      const declarations = this.declarationsOf(node);
      const declaration = declarations?.length === 1 ? declarations[0] : undefined;
      if (declaration && ts.isVariableDeclaration(declaration) && isConst(ts, declaration) && declaration.initializer) {
        return this.staticValue(declaration.initializer, depth + 1);
      }
      return undefined;
    }
    if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
      // `const ERRORS = { TOKEN: 'security.token.invalid' }; getError(ERRORS.TOKEN)`
      const key = this.memberName(node);
      const object = this.unwrap(node.expression);
      if (key === undefined || !ts.isIdentifier(object)) return undefined;
      const declarations = this.declarationsOf(object);
      const declaration = declarations?.length === 1 ? declarations[0] : undefined;
      if (
        !declaration ||
        !ts.isVariableDeclaration(declaration) ||
        !isConst(ts, declaration) ||
        !declaration.initializer
      )
        return undefined;
      const literal = this.unwrap(declaration.initializer);
      if (!ts.isObjectLiteralExpression(literal)) return undefined;
      for (const property of literal.properties) {
        if (ts.isPropertyAssignment(property) && propertyKey(ts, property.name) === key)
          return this.staticValue(property.initializer, depth + 1);
      }
      return undefined;
    }
    return undefined;
  }
}

function isConst(ts: typeof TS, declaration: TS.VariableDeclaration): boolean {
  const list = declaration.parent;
  return ts.isVariableDeclarationList(list) && (list.flags & ts.NodeFlags.Const) !== 0;
}

function moduleSource(ts: typeof TS, specifier: TS.Expression): string | undefined {
  return ts.isStringLiteral(specifier) ? specifier.text : undefined;
}

function propertyKey(ts: typeof TS, name: TS.PropertyName): string | undefined {
  if (
    ts.isIdentifier(name) ||
    ts.isStringLiteral(name) ||
    ts.isNumericLiteral(name) ||
    ts.isNoSubstitutionTemplateLiteral(name)
  )
    return name.text;
  return undefined;
}
