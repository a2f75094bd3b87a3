import { describe, expect, it } from 'vitest';
import { CallMatcher, DEFAULT_CALLS, moduleNameOf, resolveCalls } from '../../catalog';
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
