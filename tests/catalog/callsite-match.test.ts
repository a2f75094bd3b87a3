import { describe, expect, it } from 'vitest';
import {
  CallMatcher,
  DEFAULT_CALLS,
  moduleNameOf,
  resolveCalls,
  variantsOf,
  type ArgumentDescription,
  type CallSiteDescription,
} from '../../catalog';
import { global, imported, local, site, value } from '../support/call-sites';

const matcher = new CallMatcher(DEFAULT_CALLS);
const kerror = global('kerror');
const wrap = site(kerror, ['wrap'], ['security', 'token']);

describe('which call sites are error-id references (default calls)', () => {
  it('getError, bare or as a member, with its placeholders', () => {
    expect(matcher.match(site(global('getError'), [], ['security.token.invalid', 'DYNAMIC']))).toMatchObject({
      form: 'dotted',
      id: { kind: 'static', value: 'security.token.invalid', literal: true, editable: true },
      placeholders: { count: 1 },
    });
    expect(matcher.match(site(local('errors'), ['getError'], [{ const: 'security.token.invalid' }]))).toMatchObject({
      form: 'dotted',
      id: { kind: 'static', literal: false },
    });
    expect(matcher.match(site(global('getError'), [], ['DYNAMIC']))).toMatchObject({
      form: 'dotted',
      id: { kind: 'dynamic' },
    });
  });

  it('a trailing object literal is an options argument; a spread makes the count unknown', () => {
    expect(matcher.match(site(global('getError'), [], ['a.b.c', 'x', 'OBJECT']))).toMatchObject({
      placeholders: { count: 1 },
    });
    expect(matcher.match(site(global('getError'), [], ['a.b.c', 'SPREAD']))).toMatchObject({
      placeholders: { count: undefined },
    });
  });

  it('throw new X(id) only when the first argument is a static id-shaped string', () => {
    expect(
      matcher.match(site(global('ApiError'), [], ['security.token.invalid'], { kind: 'new', thrown: true })),
    ).toMatchObject({ form: 'dotted' });
    expect(matcher.match(site(global('Error'), [], ['Invalid token.'], { kind: 'new', thrown: true }))).toBeUndefined();
    expect(matcher.match(site(global('Error'), [], ['DYNAMIC'], { kind: 'new', thrown: true }))).toBeUndefined();
    expect(
      matcher.match(site(global('ApiError'), [], ['security.token.invalid'], { kind: 'new', thrown: false })),
    ).toBeUndefined();
    expect(
      matcher.match(site(global('ApiError'), [], ['security.token.invalid'], { kind: 'call', thrown: true })),
    ).toBeUndefined();
  });

  it('the split form of the kerror module, whatever its local name', () => {
    const expected = {
      form: 'split',
      domain: { value: 'security' },
      subdomain: { value: 'token' },
      name: { value: 'invalid' },
      placeholders: { count: 1 },
    };
    expect(matcher.match(site(kerror, ['get'], ['security', 'token', 'invalid', 'x']))).toMatchObject(expected);
    expect(matcher.match(site(kerror, ['reject'], ['security', 'token', 'invalid', 'x']))).toMatchObject(expected);
    expect(matcher.match(site(kerror, ['getFrom'], ['DYNAMIC', 'security', 'token', 'invalid', 'x']))).toMatchObject(
      expected,
    );
    expect(matcher.match(site(kerror, ['rejectFrom'], ['DYNAMIC', 'security', 'token', 'invalid', 'x']))).toMatchObject(
      expected,
    );
    expect(
      matcher.match(site(imported('errors', '../../kerror'), ['get'], ['security', 'token', 'invalid', 'x'])),
    ).toMatchObject(expected);
    expect(
      matcher.match(site(imported('kerror_1', './kerror'), ['get'], ['security', 'token', 'invalid', 'x'])),
    ).toMatchObject(expected);
    expect(
      matcher.match(site(imported('g', './kerror', 'get'), [], ['security', 'token', 'invalid', 'x'])),
    ).toMatchObject(expected);
  });

  it('a local kerror that is not the module is not a reference', () => {
    expect(matcher.match(site(local('kerror'), ['get'], ['security', 'token', 'invalid']))).toBeUndefined();
    expect(
      matcher.match(site(imported('kerror', './other'), ['get'], ['security', 'token', 'invalid'])),
    ).toBeUndefined();
    expect(matcher.match(site(kerror, ['format'], ['security', 'token', 'invalid']))).toBeUndefined();
  });

  it('wrap() names a subdomain; calls through the wrapper inherit it', () => {
    expect(matcher.match(wrap)).toMatchObject({
      form: 'scope',
      domain: { value: 'security' },
      subdomain: { value: 'token' },
    });
    const viaWrapper = matcher.match(site(value('tokenError', wrap), ['get'], ['invalid', 'x']));
    expect(viaWrapper).toMatchObject({
      form: 'wrapped',
      domain: { value: 'security', editable: false },
      subdomain: { value: 'token', editable: false },
      name: { value: 'invalid', editable: true },
      placeholders: { count: 1 },
    });
    expect(matcher.match(site(value('tokenError', wrap), ['getFrom'], ['DYNAMIC', 'invalid']))).toMatchObject({
      form: 'wrapped',
      name: { value: 'invalid' },
    });
    // const kerror = require('../kerror').wrap('security', 'token'): the wrapper shadows the module's name.
    const required = site(imported('', '../kerror'), ['wrap'], ['security', 'token']);
    expect(matcher.match(site(value('kerror', required), ['get'], ['invalid']))).toMatchObject({
      form: 'wrapped',
      subdomain: { value: 'token' },
    });
    // A value that is not a wrapper is not a reference.
    expect(matcher.match(site(value('x', site(global('make'), [], [])), ['get'], ['invalid']))).toBeUndefined();
  });

  it('configured forms: AppError.from(id) and errors.raise(domain, sub, name)', () => {
    const custom = new CallMatcher(
      resolveCalls({
        functions: [
          { callee: 'AppError.from', args: ['id'] },
          { callee: 'errors.raise', args: ['domain', 'subdomain', 'name'] },
        ],
        throwNew: false,
      }),
    );
    expect(custom.match(site(global('AppError'), ['from'], ['a.b.c']))).toMatchObject({ form: 'dotted' });
    expect(custom.match(site(global('Other'), ['from'], ['a.b.c']))).toBeUndefined();
    expect(custom.match(site(local('errors'), ['raise'], ['a', 'b', 'c']))).toMatchObject({
      form: 'split',
      name: { value: 'c' },
    });
    expect(custom.match(site(global('getError'), [], ['a.b.c']))).toBeUndefined();
    expect(custom.match(site(global('ApiError'), [], ['a.b.c'], { kind: 'new', thrown: true }))).toBeUndefined();
    expect(custom.mayMatch('from', 'call', false)).toBe(true);
    expect(custom.mayMatch('get', 'call', false)).toBe(true); // the default kerror module is kept
    expect(custom.mayMatch('foo', 'new', true)).toBe(false);
  });

  it('recognises module sources by their last path segment', () => {
    expect(
      ['../../kerror', './kerror/index.js', '@app/kerror', 'kerror.ts', './lib/kerror.cjs'].map(moduleNameOf),
    ).toEqual(['kerror', 'kerror', 'kerror', 'kerror', 'kerror']);
    expect(moduleNameOf('./kerrors')).toBe('kerrors');
  });
});

describe('the pre-filter of every surface, decided by the matcher (aliasNames)', () => {
  it('adds the local names bound to a callee name, through chains of aliases, and nothing else', () => {
    const aliases = matcher.aliasNames([
      { local: 'g', bound: 'get' }, // import { get as g }
      { local: 'ge', bound: 'getError' }, // const { getError: ge } = require(…)
      { local: 'again', bound: 'ge' }, // const again = ge
      { local: 'em', bound: 'kerror' }, // const em = kerror: em.get ends with `get` anyway
      { local: 'other', bound: 'format' },
    ]);
    expect([...aliases].sort()).toEqual(['again', 'g', 'ge']);
    expect(matcher.mayMatch('again', 'call', false)).toBe(false);
    expect(matcher.mayMatch('again', 'call', false, aliases)).toBe(true);
    expect(matcher.mayMatch('other', 'call', false, aliases)).toBe(false);
  });

  it('ends on cycles of aliases', () => {
    expect([
      ...matcher.aliasNames([
        { local: 'a', bound: 'b' },
        { local: 'b', bound: 'a' },
      ]),
    ]).toEqual([]);
  });
});

describe('conditional arguments (choice): every option is a variant', () => {
  const choice = (...values: string[]): ArgumentDescription => ({
    kind: 'choice',
    options: values.map((value, i) => ({ kind: 'static', value, range: [10 * i, 10 * i + 5], literal: true })),
    range: [0, 10 * values.length],
  });
  const call = (args: ArgumentDescription[], callee = site(kerror, ['get'], []).callee): CallSiteDescription => ({
    kind: 'call',
    thrown: false,
    callee,
    arguments: args,
    range: [0, 100],
  });
  const staticArg = (value: string): ArgumentDescription => ({ kind: 'static', value, range: [90, 95], literal: true });

  it('a reference with choices stands for the product of its options, each part with its own range', () => {
    const reference = matcher.match(call([choice('a', 'b'), staticArg('token'), choice('x', 'y', 'z')]))!;
    const variants = variantsOf(reference).map((variant) =>
      variant.form === 'split' && variant.domain.kind === 'static' && variant.name.kind === 'static'
        ? `${variant.domain.value}@${variant.domain.range[0]}.${variant.name.value}@${variant.name.range[0]}`
        : 'other',
    );
    expect(variants).toEqual(['a@0.x@0', 'a@0.y@10', 'a@0.z@20', 'b@10.x@0', 'b@10.y@10', 'b@10.z@20']);
  });

  it('too many combinations make the choices dynamic, not a flood of findings', () => {
    const many = choice('a', 'b', 'c', 'd', 'e');
    const reference = matcher.match(call([many, many, staticArg('n')]))!;
    const variants = variantsOf(reference);
    expect(variants).toHaveLength(1);
    expect(variants[0]).toMatchObject({ domain: { kind: 'dynamic', range: [0, 50] } });
  });

  it('throw new X(c ? …) is a reference only when every option looks like an id', () => {
    const ctor = site(global('ApiError'), [], []).callee;
    const thrown = (arg: ArgumentDescription): CallSiteDescription => ({
      ...call([arg], ctor),
      kind: 'new',
      thrown: true,
    });
    expect(matcher.match(thrown(choice('a.b.c', 'a.b.d')))).toMatchObject({ form: 'dotted', id: { kind: 'choice' } });
    expect(matcher.match(thrown(choice('a.b.c', 'Not an id')))).toBeUndefined();
  });
});
