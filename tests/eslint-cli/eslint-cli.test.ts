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

function withoutConcurrencyWarning(stderr: string): string {
  return stderr
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.includes('ESLintPoorConcurrencyWarning') && !line.includes('--trace-warnings'))
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
      const edited = original.replace('"invalid": {', '"expird": { "code": 9, "message": "Typo kept.", "description": "x", "class": "UnauthorizedError" },\n        "invalid": {');
      expect(edited).not.toBe(original);
      writeFileSync(catalog, edited);
      const second = runEslint(project, args);
      expect(second.findings['src/auth.ts']?.map((f) => f.messageId)).not.toContain('unknownError');
      expect(second.findings['src/auth.ts']).toEqual(first.findings['src/auth.ts']?.filter((f) => f.messageId !== 'unknownError' || !f.message.includes('expird')));
    } finally {
      writeFileSync(catalog, original);
    }
  });
});
