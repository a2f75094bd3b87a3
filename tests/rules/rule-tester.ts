import { createRequire } from 'node:module';
import { join } from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import type { ESLintUtils, TSESLint } from '@typescript-eslint/utils';
import { afterAll, describe, it } from 'vitest';

// The rule tester runs its cases as vitest tests.
RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

export const FIXTURES = join(__dirname, 'fixtures');
export const CATALOG = join(FIXTURES, 'catalog');
export const SETTINGS = { 'error-catalog': { catalog: CATALOG } };

/** TypeScript files, parsed by @typescript-eslint/parser (the tester's default), as ES modules. */
export function tsTester(): RuleTester {
  return new RuleTester({ settings: SETTINGS, languageOptions: { sourceType: 'module' } });
}

const espree = createRequire(__filename)('espree') as TSESLint.FlatConfig.Parser;

/** Plain JavaScript through ESLint's own parser (espree): CommonJS unless `sourceType` says otherwise. */
export function jsTester(sourceType: 'commonjs' | 'module' = 'commonjs'): RuleTester {
  return new RuleTester({
    settings: SETTINGS,
    languageOptions: {
      parser: espree,
      sourceType,
      ecmaVersion: 'latest',
      globals: sourceType === 'commonjs' ? { require: 'readonly', module: 'writable' } : {},
    },
  });
}

export interface Span {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/** The exact position (1-based, end exclusive, as ESLint reports) of the `nth` occurrence of `needle` in `code`. */
export function at(code: string, needle: string, nth = 0): Span {
  let index = -1;
  for (let i = 0; i <= nth; i++) {
    index = code.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`'${needle}' (occurrence ${nth}) not found in: ${code}`);
  }
  const position = (offset: number): { line: number; column: number } => {
    const before = code.slice(0, offset).split('\n');
    return { line: before.length, column: before[before.length - 1]!.length + 1 };
  };
  const start = position(index);
  const end = position(index + needle.length);
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

/** `code` with the `nth` occurrence of `needle` replaced: the expected output of a fix or suggestion. */
export function replaced(code: string, needle: string, replacement: string, nth = 0): string {
  let index = -1;
  for (let i = 0; i <= nth; i++) index = code.indexOf(needle, index + 1);
  if (index < 0) throw new Error(`'${needle}' not found in: ${code}`);
  return code.slice(0, index) + replacement + code.slice(index + needle.length);
}

type TesterRule<M extends string, O extends readonly unknown[]> = Parameters<typeof RuleTester.prototype.run<M, O>>[1];

/**
 * The rule as the tester's type wants it. @typescript-eslint/rule-tester 8.72 ships its own copy
 * of @typescript-eslint/utils (8.72, beside our 8.73), whose scope-manager classes are nominally
 * different types; at run time the rule object is exactly what the tester expects.
 */
export function testerRule<M extends string, O extends readonly unknown[], D>(
  rule: ESLintUtils.RuleModule<M, O, D>,
): TesterRule<M, O> {
  return rule as unknown as TesterRule<M, O>;
}
