import { analyze } from '@typescript-eslint/scope-manager';
import { AST_NODE_TYPES, parse, simpleTraverse, type TSESTree } from '@typescript-eslint/typescript-estree';
import { describe, expect, it } from 'vitest';
import type { CallSiteDescription } from '../../catalog';
import { describeCallSite, scopeResolver, type DescribeOptions } from '../../analysis/describe-call';

/** Describes every call of `code` the way the `unused` command does: outside ESLint. */
function describeAll(
  code: string,
  sourceType: 'module' | 'script' = 'module',
  options: DescribeOptions = {},
): CallSiteDescription[] {
  const ast = parse(code, { range: true, loc: true });
  simpleTraverse(ast, { enter() {} }, true);
  const scopeOf = scopeResolver(analyze(ast, { sourceType }));
  const sites: CallSiteDescription[] = [];
  simpleTraverse(ast, {
    enter(node: TSESTree.Node) {
      if (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression)
        sites.push(describeCallSite(node, scopeOf, options));
    },
  });
  return sites;
}

describe('describeCallSite outside ESLint', () => {
  it('binds roots by scope analysis', () => {
    const sites = describeAll(
      [
        "import * as k from './kerror';",
        "import { get as g } from '../kerror';",
        "k.get('a', 'b', 'c');",
        "g('a', 'b', 'c');",
        "kerror.get('a', 'b', 'c');",
        "function f(kerror: any) { kerror.get('a', 'b', 'c'); }",
      ].join('\n'),
    );
    expect(sites.map((s) => s.callee)).toEqual([
      { root: { kind: 'module', name: 'k', source: './kerror' }, members: ['get'] },
      { root: { kind: 'module', name: 'g', source: '../kerror', imported: 'get' }, members: [] },
      { root: { kind: 'global', name: 'kerror' }, members: ['get'] },
      { root: { kind: 'local', name: 'kerror' }, members: ['get'] },
    ]);
  });

  it('follows wrappers, compiled CommonJS, and static values', () => {
    const code = [
      "const kerror_1 = __importStar(require('./kerror'));",
      "const tokenError = (0, kerror_1.wrap)('security', 'token');",
      "const NAME = 'inv' + 'alid';",
      'throw tokenError.get(NAME, { cause }, ...rest, other);',
    ].join('\n');
    const sites = describeAll(code, 'script');
    const last = sites.find((s) => s.callee.members[0] === 'get')!;
    expect(last.thrown).toBe(true);
    expect(last.callee.root).toMatchObject({
      kind: 'value',
      name: 'tokenError',
      init: { callee: { root: { kind: 'module', name: 'kerror_1', source: './kerror' }, members: ['wrap'] } },
    });
    expect(last.arguments.map((a) => a.kind)).toEqual(['static', 'object', 'spread', 'dynamic']);
    expect(last.arguments[0]).toMatchObject({ value: 'invalid', literal: false });
  });

  it('marks `new` in a throw', () => {
    const [site] = describeAll("throw (new ApiError('a.b.c')!);");
    expect(site).toMatchObject({
      kind: 'new',
      thrown: true,
      callee: { root: { kind: 'global', name: 'ApiError' }, members: [] },
    });
    expect(site!.arguments[0]).toMatchObject({ kind: 'static', value: 'a.b.c', literal: true });
  });

  it('with evaluateArguments, classifies later arguments without evaluating them', () => {
    const code = "const ID = 'a.b.c';\nconst NAME = 'x';\ngetError(ID, NAME, 'literal', { cause }, ...rest);";
    const [site] = describeAll(code, 'module', { evaluateArguments: 1 });
    expect(site!.arguments.map((a) => (a.kind === 'static' ? `static:${a.value}` : a.kind))).toEqual([
      'static:a.b.c',
      'dynamic',
      'static:literal',
      'object',
      'spread',
    ]);
    const [all] = describeAll(code);
    expect(all!.arguments[1]).toMatchObject({ kind: 'static', value: 'x', literal: false });
  });
});
