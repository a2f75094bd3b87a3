import { Linter } from 'eslint';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import tsParser from '@typescript-eslint/parser';
import { loadCatalog, SHIPPED_CATALOG } from '../../catalog';
import plugin from '../../rules';
import { expectedFindings, type OracleRule } from './oracle';
import { program } from './program-generator';

/**
 * Property-based fuzzing of the ESLint rules: generated programs never make a rule throw, and on
 * the statements the oracle understands, the findings are exactly the oracle's. Seeded; the run
 * size comes from FUZZ_RUNS (npm run fuzz runs a larger one).
 */
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 300);
const SEED = Number(process.env['FUZZ_SEED'] ?? 20261125);
const catalog = loadCatalog().catalog;

const linter = new Linter({ configType: 'flat', cwd: '/project' });
const config: Linter.Config[] = [
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tsParser, sourceType: 'module' },
    plugins: { 'error-catalog': plugin as unknown as NonNullable<Linter.Config['plugins']>[string] },
    settings: { 'error-catalog': { catalog: SHIPPED_CATALOG } },
    rules: {
      'error-catalog/no-unknown-id': 'error',
      'error-catalog/no-deprecated-id': 'error',
      'error-catalog/placeholder-count': ['error', { reportExtra: true }],
      'error-catalog/no-dynamic-id': 'error',
    },
  },
];

describe('fuzzing the ESLint rules', () => {
  it(`never throw, and agree with the oracle (${RUNS} programs, seed ${SEED})`, () => {
    fc.assert(
      fc.property(program, ({ code, oracle }) => {
        const messages = linter.verify(code, config, { filename: '/project/src/fuzz.ts' });
        const fatal = messages.filter((m) => m.fatal);
        expect(fatal).toEqual([]);
        for (const message of messages) {
          expect(message.line).toBeGreaterThanOrEqual(1);
          expect(message.endLine ?? message.line).toBeLessThanOrEqual(code.split('\n').length);
        }
        for (const statement of oracle) {
          const found = messages
            .filter((m) => m.line === statement.line && m.ruleId !== 'error-catalog/no-dynamic-id')
            .map((m) => m.ruleId!.replace('error-catalog/', '') as OracleRule)
            .sort();
          expect({ line: statement.line, found }).toEqual({
            line: statement.line,
            found: expectedFindings(catalog, statement).sort(),
          });
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});
