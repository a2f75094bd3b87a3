import { analyze } from '@typescript-eslint/scope-manager';
import { AST_NODE_TYPES, parse, simpleTraverse, type TSESTree } from '@typescript-eslint/typescript-estree';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import type { CallSiteDescription } from '../../catalog/index';
import { describeCallSite, scopeResolver } from '../../analysis/describe-call';
import { CallDescriber } from '../../ts-plugin/describe-call';

/**
 * The two adapters must describe every call alike — same callee path, same root binding, same
 * static values and ranges — or the editor and the linter would disagree about what is an
 * error id. Each call of a corpus is described from ESTree (scope analysis) and from the
 * TypeScript AST (type checker), and the descriptions are compared.
 */

const CORPUS = [
  "import * as kerror from './kerror';",
  "import k2, { get as g, wrap } from '../lib/kerror';",
  "import k3 = require('./kerror');",
  "const k4 = require('./kerror');",
  "const k5 = __importStar(require('./kerror'));",
  "const k6 = __importDefault(require('./kerror'));",
  "const { getFrom, reject: rj } = require('./kerror/index.js');",
  'declare const err: Error;',
  "kerror.get('security', 'token', 'invalid');",
  "k2.get('a', 'b', 'c'); g('a', 'b', 'c'); wrap('a', 'b');",
  "k3.get('a', 'b', 'c'); k4.reject('a', 'b', 'c'); k5.get('a', 'b', 'c'); k6.default.get('a', 'b', 'c');",
  "getFrom(err, 'a', 'b', 'c'); rj('a', 'b', 'c');",
  "(0, kerror.get)('a', 'b', 'c'); kerror?.get('a', 'b', 'c'); (kerror as any).get('a', 'b', 'c'); kerror!.get('a', 'b', 'c');",
  "require('../kerror').wrap('a', 'b').get('c');",
  "const tokenError = kerror.wrap('security', 'token');",
  "tokenError.get('invalid', 'x', { cause: err });",
  "const nested = tokenError.wrap('x', 'y'); nested.get('z');",
  "const PREFIX = 'security.';",
  "const ERRORS = { TOKEN: 'security.token.invalid' };",
  "getError(PREFIX + 'token.' + `invalid`); getError(`${PREFIX}token.invalid`); getError(ERRORS.TOKEN); getError(ERRORS['TOKEN']);",
  "getError('a' + 1); getError(('security.token.invalid' as const)); getError(`x`); getError(PREFIX + err.message);",
  "errors.api.getError('a.b.c', ...[1, 2]); errors['getError']('a.b.c');",
  "function f(kerror: any, id: string) { kerror.get('a', 'b', 'c'); getError(id); }",
  "let mutable = kerror.wrap('a', 'b'); mutable.get('c');",
  "let reassigned = kerror.wrap('a', 'b'); reassigned = kerror.wrap('x', 'y'); reassigned.get('c');",
  "var counted = kerror.wrap('a', 'b'); counted++; counted.get('c');",
  "let pattern = kerror.wrap('a', 'b'); [pattern] = [kerror.wrap('x', 'y')]; pattern.get('c');",
  "throw new ApiError('security.token.invalid', 42);",
  "throw (new ApiError('security.token.invalid')) as Error;",
  'new Other(); foo()(); this.x();',
].join('\n');

function viaEstree(code: string): CallSiteDescription[] {
  const ast = parse(code, { range: true, loc: true });
  simpleTraverse(ast, { enter() {} }, true);
  const scopeOf = scopeResolver(analyze(ast, { sourceType: 'module' }));
  const sites: CallSiteDescription[] = [];
  simpleTraverse(ast, {
    enter(node: TSESTree.Node) {
      if (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression)
        sites.push(describeCallSite(node, scopeOf));
    },
  });
  return sites;
}

function viaTypeScript(code: string): CallSiteDescription[] {
  const fileName = '/virtual/corpus.ts';
  const host = ts.createCompilerHost({});
  const original = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version) =>
    name === fileName ? ts.createSourceFile(fileName, code, ts.ScriptTarget.ES2022, true) : original(name, version);
  const program = ts.createProgram([fileName], { noLib: true, types: [], allowJs: true }, host);
  const sourceFile = program.getSourceFile(fileName)!;
  const describer = new CallDescriber(ts, sourceFile, program.getTypeChecker());
  const sites: CallSiteDescription[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) sites.push(describer.describe(node));
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return sites;
}

describe('the TypeScript and ESTree adapters describe calls alike', () => {
  it('on a corpus of every supported form', () => {
    const estree = viaEstree(CORPUS);
    const typescript = viaTypeScript(CORPUS);
    const byStart = (a: CallSiteDescription, b: CallSiteDescription): number =>
      a.range[0] - b.range[0] || a.range[1] - b.range[1];
    expect(typescript.length).toBeGreaterThan(40);
    expect(typescript.sort(byStart)).toEqual(estree.sort(byStart));
  });
});
