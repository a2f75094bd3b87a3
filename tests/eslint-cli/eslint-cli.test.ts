/**
 * The packed package installed with ESLint 9 and with ESLint 10 into scratch projects, run
 * through the real `eslint` CLI on tests/eslint-cli/fixtures/project.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createScratchProject, type ScratchProject } from '../support/scratch-project';
import { EXPECTED } from './expected';
import { copyFixture, runEslint } from './run-eslint';

const VERSIONS = [
  { name: 'eslint9', eslint: '^9.39.0' },
  { name: 'eslint10', eslint: '^10.15.0' },
];

/**
 * Writes `files` TypeScript files under `dir`, each calling getError ten times with ids of the
 * fixture catalog; every 50th file has an unknown id, every 70th a deprecated one, every 90th a
 * missing placeholder (security.token.expired takes two). Returns the expected counts.
 */
function writeLargeCorpus(project: ScratchProject, dir: string, files: number): Record<string, number> {
  const known = [
    "'security.token.invalid'",
    "'security.role.not_found', role",
    "'security.token.expired', token, when",
    "'security.role.cannot_delete', role",
  ];
  const planted: Record<string, number> = {
    'error-catalog/no-unknown-id': 0,
    'error-catalog/no-deprecated-id': 0,
    'error-catalog/placeholder-count': 0,
  };
  for (let f = 0; f < files; f++) {
    const calls = Array.from(
      { length: 10 },
      (_, i) => `  if (n === ${i}) throw getError(${known[(f + i) % known.length]});`,
    );
    if (f % 50 === 0) {
      calls[3] = "  if (n === 3) throw getError('security.token.expird');";
      planted['error-catalog/no-unknown-id']! += 1;
    }
    if (f % 70 === 0) {
      calls[5] = "  if (n === 5) throw getError('security.token.old_format');";
      planted['error-catalog/no-deprecated-id']! += 1;
    }
    if (f % 90 === 0) {
      calls[7] = "  if (n === 7) throw getError('security.token.expired', token);";
      planted['error-catalog/placeholder-count']! += 1;
    }
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

describe.each(VERSIONS)('the eslint CLI ($eslint)', ({ name, eslint }) => {
  let project: ScratchProject;

  beforeAll(() => {
    project = createScratchProject(name, { eslint, '@typescript-eslint/parser': '^8.73.0' });
    copyFixture(project);
  });

  it('reports the exact findings on the fixture tree', () => {
    const version = project.run('npx', ['--no-install', 'eslint', '--version']).stdout.trim();
    expect(version).toMatch(name === 'eslint9' ? /^v9\./ : /^v10\./);
    const { status, findings, stderr } = runEslint(project, ['.']);
    expect(stderr).toBe('');
    expect(findings).toEqual(EXPECTED);
    expect(status).toBe(1);
  });

  it('gives the same results with --concurrency=2', () => {
    const single = runEslint(project, ['.']);
    const parallel = runEslint(project, ['--concurrency=2', '.']);
    // ESLint warns that two workers are not worth it for so few files; nothing else may be printed.
    expect(withoutConcurrencyWarning(parallel.stderr)).toBe('');
    expect(parallel.findings).toEqual(single.findings);
    expect(parallel.findings).toEqual(EXPECTED);
  });

  // ESLint 10 only, to bound the suite's time: 2,000 generated files, four workers vs one thread.
  it.runIf(name === 'eslint10')(
    '--concurrency=4 on 2,000 files gives exactly the single-thread results',
    () => {
      const planted = writeLargeCorpus(project, 'large', 2_000);
      const single = runEslint(project, ['large']);
      const parallel = runEslint(project, ['--concurrency=4', 'large']);
      expect(withoutConcurrencyWarning(parallel.stderr)).toBe('');
      expect(parallel.findings).toEqual(single.findings);
      const counts: Record<string, number> = {};
      for (const findings of Object.values(single.findings))
        for (const f of findings) counts[f.rule ?? 'fatal'] = (counts[f.rule ?? 'fatal'] ?? 0) + 1;
      expect(counts).toEqual(planted);
    },
    180_000,
  );

  it('--cache: editing the catalog invalidates the cached results', () => {
    const catalog = join(project.dir, 'errors', '07-security.json');
    const original = readFileSync(catalog, 'utf8');
    const args = ['--cache', '--cache-location', '.cache/eslint', 'src/auth.ts'];
    try {
      const first = runEslint(project, args);
      expect(existsSync(join(project.dir, '.cache', 'eslint'))).toBe(true);
      expect(first.findings['src/auth.ts']?.map((f) => f.messageId)).toContain('unknownError');
      // unchanged catalog: the cached results are the same
      expect(runEslint(project, args).findings).toEqual(first.findings);

      // the typo becomes a known error: the cached unknown-id report must go away
      const edited = original.replace(
        '"invalid": {',
        '"expird": { "code": 9, "message": "Typo kept.", "description": "x", "class": "UnauthorizedError" },\n        "invalid": {',
      );
      expect(edited).not.toBe(original);
      writeFileSync(catalog, edited);
      const second = runEslint(project, args);
      expect(second.findings['src/auth.ts']?.map((f) => f.messageId)).not.toContain('unknownError');
      expect(second.findings['src/auth.ts']).toEqual(
        first.findings['src/auth.ts']?.filter((f) => f.messageId !== 'unknownError' || !f.message.includes('expird')),
      );
    } finally {
      writeFileSync(catalog, original);
    }
  });
});
