/**
 * The packed package installed with one ESLint major into a scratch project, run through the real
 * `eslint` CLI on tests/eslint-cli/fixtures/project. One test file per major (eslint9.test.ts,
 * eslint10.test.ts), so that vitest runs them in parallel.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createScratchProject, type ScratchProject } from '../support/scratch-project';
import { EXPECTED } from './expected';
import { copyFixture, eslintVersion, runEslint, type Finding } from './run-eslint';

/** One planted finding of the generated corpus: rule and start position, as the JSON formatter reports it. */
type Planted = Record<string, string[]>;

/**
 * Writes `files` TypeScript files under `dir`, each calling getError ten times with ids of the
 * fixture catalog; every 50th file has an unknown id, every 70th a deprecated one, every 90th a
 * missing placeholder (security.token.expired takes two). Returns the exact findings planted:
 * per file, `rule@line:column` of each (the report sits on the id literal).
 */
function writeLargeCorpus(project: ScratchProject, dir: string, files: number): Planted {
  const known = [
    "'security.token.invalid'",
    "'security.role.not_found', role",
    "'security.token.expired', token, when",
    "'security.role.cannot_delete', role",
  ];
  const mistakes: ReadonlyArray<{ every: number; call: number; rule: string; args: string }> = [
    { every: 50, call: 3, rule: 'error-catalog/no-unknown-id', args: "'security.token.expird'" },
    { every: 70, call: 5, rule: 'error-catalog/no-deprecated-id', args: "'security.token.old_format'" },
    { every: 90, call: 7, rule: 'error-catalog/placeholder-count', args: "'security.token.expired', token" },
  ];
  const planted: Planted = {};
  const FIRST_CALL_LINE = 4; // after the import, a blank line and the function's line
  for (let f = 0; f < files; f++) {
    const calls = Array.from(
      { length: 10 },
      (_, i) => `  if (n === ${i}) throw getError(${known[(f + i) % known.length]});`,
    );
    const found: string[] = [];
    for (const mistake of mistakes) {
      if (f % mistake.every !== 0) continue;
      calls[mistake.call] = `  if (n === ${mistake.call}) throw getError(${mistake.args});`;
      const column = calls[mistake.call]!.indexOf('getError(') + 'getError('.length + 1;
      found.push(`${mistake.rule}@${FIRST_CALL_LINE + mistake.call}:${column}`);
    }
    if (found.length > 0) planted[`${dir}/file${f}.ts`] = found;
    project.write(
      `${dir}/file${f}.ts`,
      `import { getError } from '../src/errors';\n\nexport function check${f}(n: number, role: string, token: string, when: Date): void {\n${calls.join('\n')}\n}\n`,
    );
  }
  return planted;
}

function withoutConcurrencyWarning(stderr: string): string {
  return stderr
    .split('\n')
    .filter(
      (line) =>
        line.trim() !== '' && !line.includes('ESLintPoorConcurrencyWarning') && !line.includes('--trace-warnings'),
    )
    .join('\n');
}

/** A hang guard, not a latency bound: far above what the slowest busy machine needs for one test. */
const HANG_GUARD_MS = 300_000;

/**
 * The suite for one ESLint major. `withLargeCorpus`: also the generated-2,000-file `--concurrency`
 * check (once per run, so for one major only).
 */
export function describeEslintCli(name: 'eslint9' | 'eslint10', eslint: string, withLargeCorpus: boolean): void {
  describe(`the eslint CLI (${eslint})`, { timeout: HANG_GUARD_MS }, () => {
    let project: ScratchProject;

    beforeAll(() => {
      project = createScratchProject(name, { eslint, '@typescript-eslint/parser': '^8.73.0' });
      copyFixture(project);
    });

    // One test, three runs: the first run's exact findings, then --cache with the same and with an edited catalog.
    it('reports the exact findings on the fixture tree, and with --cache a catalog edit invalidates them', () => {
      expect(eslintVersion(project)).toMatch(name === 'eslint9' ? /^9\./ : /^10\./);
      const args = ['--cache', '--cache-location', '.cache/eslint', '.'];
      const catalog = join(project.dir, 'errors', '07-security.json');
      const original = readFileSync(catalog, 'utf8');
      try {
        const first = runEslint(project, args);
        expect(first.stderr).toBe('');
        expect(first.findings).toEqual(EXPECTED);
        expect(first.status).toBe(1);
        expect(existsSync(join(project.dir, '.cache', 'eslint'))).toBe(true);
        // unchanged catalog: the cached results are the same
        expect(runEslint(project, args).findings).toEqual(EXPECTED);

        // the typo becomes a known error: the cached unknown-id report must go away, nothing else changes
        const edited = original.replace(
          '"invalid": {',
          '"expird": { "code": 9, "message": "Typo kept.", "description": "x", "class": "UnauthorizedError" },\n        "invalid": {',
        );
        expect(edited).not.toBe(original);
        writeFileSync(catalog, edited);
        const isTypo = (f: Finding): boolean => f.messageId === 'unknownError' && f.message.includes("'expird'");
        const withoutTypo = Object.fromEntries(
          Object.entries(EXPECTED)
            .map(([file, findings]) => [file, findings.filter((f) => !isTypo(f))] as const)
            .filter(([, findings]) => findings.length > 0),
        );
        expect(withoutTypo).not.toEqual(EXPECTED);
        expect(runEslint(project, args).findings).toEqual(withoutTypo);
      } finally {
        writeFileSync(catalog, original);
      }
    });

    it('gives the same results with --concurrency=2', () => {
      // the single-thread results are EXPECTED (the test above)
      const parallel = runEslint(project, ['--concurrency=2', '.']);
      // ESLint warns that two workers are not worth it for so few files; nothing else may be printed.
      expect(withoutConcurrencyWarning(parallel.stderr)).toBe('');
      expect(parallel.findings).toEqual(EXPECTED);
    });

    // Once per run (ESLint 10 only): 2,000 generated files through four workers give exactly the planted findings.
    it.runIf(withLargeCorpus)(
      '--concurrency=4 on 2,000 files gives exactly the planted findings',
      () => {
        const planted = writeLargeCorpus(project, 'large', 2_000);
        const parallel = runEslint(project, ['--concurrency=4', 'large']);
        expect(withoutConcurrencyWarning(parallel.stderr)).toBe('');
        const found = Object.fromEntries(
          Object.entries(parallel.findings).map(([file, findings]) => [
            file,
            findings.map((f) => `${f.rule ?? 'fatal'}@${f.at.slice(0, f.at.indexOf('-'))}`),
          ]),
        );
        expect(found).toEqual(planted);
      },
      2 * HANG_GUARD_MS,
    );
  });
}
