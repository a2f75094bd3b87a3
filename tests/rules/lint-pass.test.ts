import type { TSESLint } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { lintPass } from '../../rules/analysis/lint-pass';
import { SETTINGS } from './rule-tester';

type Context = Parameters<typeof lintPass>[0];

/** Just what lintPass reads from a rule context. */
function contextFor(id: string, sourceCode: object, settings: object): Context {
  return { id, sourceCode, settings, filename: '/tmp/file.ts', cwd: '/tmp' } as unknown as Context;
}

describe('lintPass', () => {
  const sourceCode = { ast: { type: 'Program', body: [] } } as unknown as TSESLint.SourceCode;

  it('is shared by the rules of one pass over a file', () => {
    const a = lintPass(contextFor('error-catalog/no-unknown-id', sourceCode, SETTINGS));
    const b = lintPass(contextFor('error-catalog/no-deprecated-id', sourceCode, SETTINGS));
    expect(b).toBe(a);
    expect(a.unusable).toBe(false);
  });

  it('starts afresh when a rule asks again (a new pass over the same SourceCode)', () => {
    const first = lintPass(contextFor('error-catalog/placeholder-count', sourceCode, SETTINGS));
    const again = lintPass(contextFor('error-catalog/placeholder-count', sourceCode, SETTINGS));
    expect(again).not.toBe(first);
  });

  it('starts afresh for other settings or another file', () => {
    const first = lintPass(contextFor('x', sourceCode, SETTINGS));
    expect(lintPass(contextFor('y', sourceCode, { ...SETTINGS }))).not.toBe(first);
    expect(lintPass(contextFor('z', { ast: { type: 'Program', body: [] } }, SETTINGS))).not.toBe(first);
  });
});
