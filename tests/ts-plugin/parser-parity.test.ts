import { analyze } from '@typescript-eslint/scope-manager';
import { AST_NODE_TYPES, parse, simpleTraverse, type TSESTree } from '@typescript-eslint/typescript-estree';
import { describe, expect, it } from 'vitest';
import type { CallSiteDescription } from '../../catalog/index';
import { describeCallSite, scopeResolver } from '../../analysis/describe-call';
import { callNodes, parseSource } from '../../analysis/parse';

/**
 * The ESLint rules describe calls over the tree of ESLint's parser (typescript-estree for
 * TypeScript), the plugin and the CLI over the package's own parser (oxc): the same analysis,
 * two parsers. Each call of a corpus is described from both trees and the descriptions — callee
 * path, root binding, static values, ranges — must be equal.
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
  // Section 2 of issue 9: aliases, instance wrappers, conditionals, shorthand, let, concat.
  "const em = kerror; em.get('a', 'b', 'c'); const ge = getError; ge('a.b.c');",
  "class Plugin { errors = kerror.wrap('plugin', 'x'); constructor() { this.other = kerror.wrap('a', 'b'); } run() { this.errors.get('n'); this.other.get('m'); } }",
  "getError(err ? 'a.b.c' : 'a.b.d'); kerror.get('security', 'rights', err ? 'x' : err ? 'y' : 'z');",
  "const id = 'a.b.c'; const ERR = { id }; getError(ERR.id); let never = 'a.b.e'; getError(never);",
  "getError('security.'.concat('token', '.invalid'));",
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

/** What the plugin and the CLI see: the package's own parser (oxc), the same analysis. */
function viaOxc(code: string, fileName = '/virtual/corpus.ts'): CallSiteDescription[] {
  const outcome = parseSource(code, fileName);
  if (!outcome.ok) throw new Error(outcome.message);
  const sites: CallSiteDescription[] = [];
  for (const node of callNodes(outcome.parsed.program)) sites.push(describeCallSite(node, outcome.parsed.scopeOf));
  return sites;
}

const byStart = (a: CallSiteDescription, b: CallSiteDescription): number =>
  a.range[0] - b.range[0] || a.range[1] - b.range[1];

describe("the ESLint parser's tree and the package's own parser's tree are described alike", () => {
  it('on a corpus of every supported form', () => {
    const estree = viaEstree(CORPUS);
    const oxc = viaOxc(CORPUS);
    expect(oxc.length).toBeGreaterThan(50);
    expect(oxc.sort(byStart)).toEqual(estree.sort(byStart));
  });

  it('with the same UTF-16 ranges through CRLF line ends, non-ASCII text and parentheses', () => {
    const code = [
      "const ID = ('sécurité.🔥.x');",
      "getError((ID)); getError(('a.b.c'), 'é'); kerror.get('🔥', ('tоken'), `n`);",
      "const t = kerror.wrap('security', 'token'); t.get(c ? 'invalid' : ('expired'));",
    ].join('\r\n');
    const estree = viaEstree(code).sort(byStart);
    expect(viaOxc(code).sort(byStart)).toEqual(estree);
    const id = estree.find((site) => site.range[0] === code.indexOf('getError((ID))'))!.arguments[0]!;
    // The argument is the constant inside the parentheses, as ESLint's parser gives it.
    expect(id.range).toEqual([code.indexOf('ID))'), code.indexOf('ID))') + 2]);
  });
});
