import { cpSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXPECTED } from '../eslint-cli/expected';
import { copyFixture, runEslint } from '../eslint-cli/run-eslint';
import { createScratchProject, REPO_ROOT, type ScratchProject } from '../support/scratch-project';
import { comparable, isolateFromRepository, OXLINT_VERSION, readmeOxlintConfig, runOxlint } from './run-oxlint';

/**
 * The real oxlint CLI runs our ESLint plugin as a JS plugin on the packed package, and must
 * report what the real ESLint CLI reports on the same files: positions, messages, fixes and
 * (with --fix-suggestions) suggestions. One scratch install, shared by every assertion.
 *
 * Layout: the eslint-cli fixture tree (TS and JS, a broken catalog) at the root, with an
 * .oxlintrc.json mirroring its eslint.config.mjs; the example app (JS) in app/, with the
 * README's .oxlintrc.json as it is written there.
 */
const FIXTURE_OXLINTRC = {
  jsPlugins: ['error-catalog/eslint'],
  rules: {
    'error-catalog/no-unknown-id': 'error',
    'error-catalog/no-deprecated-id': 'warn',
    'error-catalog/placeholder-count': ['error', { reportExtra: true }],
    'error-catalog/no-dynamic-id': 'warn',
  },
};

interface RawMessage {
  fix?: { range: [number, number]; text: string };
  suggestions?: Array<{ fix: { range: [number, number]; text: string } }>;
}
interface RawResult {
  filePath: string;
  messages: RawMessage[];
}

function eslintRaw(project: ScratchProject, args: readonly string[]): RawResult[] {
  const result = project.run('npx', ['--no-install', 'eslint', '--format', 'json', ...args]);
  return JSON.parse(result.stdout) as RawResult[];
}

/** Applies edits (sorted, non-overlapping; a later one overlapping an earlier one is skipped, as both linters do). */
function applyEdits(text: string, edits: Array<{ range: [number, number]; text: string }>): string {
  let out = '';
  let at = 0;
  for (const edit of [...edits].sort((a, b) => a.range[0] - b.range[0])) {
    if (edit.range[0] < at) continue;
    out += text.slice(at, edit.range[0]) + edit.text;
    at = edit.range[1];
  }
  return out + text.slice(at);
}

/** Every file under `dir` (relative paths), with its text. */
function readTree(dir: string, prefix = ''): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) Object.assign(files, readTree(dir, path));
    else files[path] = readFileSync(join(dir, path), 'utf8');
  }
  return files;
}

describe(`oxlint ${OXLINT_VERSION} runs the rules as ESLint does`, { timeout: 120_000 }, () => {
  let project: ScratchProject;
  beforeAll(() => {
    project = createScratchProject('oxlint', {
      eslint: '^10.15.0',
      '@typescript-eslint/parser': '^8.73.0',
      typescript: '^6.0.3',
      oxlint: OXLINT_VERSION,
    });
    isolateFromRepository(project);
    copyFixture(project);
    project.write('.oxlintrc.json', JSON.stringify(FIXTURE_OXLINTRC, null, 2));
    cpSync(join(REPO_ROOT, 'examples', 'app'), join(project.dir, 'app'), { recursive: true });
    project.write(
      'app/error-catalog.config.json',
      JSON.stringify({ catalog: ['../node_modules/error-catalog/catalog/data', './errors'] }),
    );
    project.write('app/.oxlintrc.json', readmeOxlintConfig());
  }, 300_000);

  it('TS and JS files of the fixture tree: the same findings as ESLint, which are the expected ones', () => {
    const eslint = runEslint(project, ['src', 'broken']);
    const oxlint = runOxlint(project, ['-c', '.oxlintrc.json', 'src', 'broken']);
    expect(oxlint.stderr).toBe('');
    expect(oxlint.findings).toEqual(comparable(eslint.findings));
    expect(oxlint.findings).toEqual(comparable(EXPECTED));
    expect(oxlint.status).toBe(1);
  });

  it('the example app with the README config: the same findings as ESLint with configs.recommended', () => {
    const eslint = runEslint(project, ['-c', 'app/eslint.config.mjs', 'app']);
    const oxlint = runOxlint(project, ['-c', 'app/.oxlintrc.json', 'app']);
    expect(Object.keys(oxlint.findings).sort()).toEqual(['app/src/api.js', 'app/src/auth.js', 'app/src/roles.js']);
    expect(oxlint.findings).toEqual(comparable(eslint.findings));
  });

  it('reads the config from `settings` in .oxlintrc.json, as ESLint does from its settings', () => {
    const settings = { 'error-catalog': { catalog: 'broken/errors' } };
    project.write('settings.oxlintrc.json', JSON.stringify({ ...FIXTURE_OXLINTRC, settings }));
    project.write(
      'settings.eslint.config.mjs',
      `import tsParser from '@typescript-eslint/parser';
import errorCatalog from 'error-catalog/eslint';
export default [
  { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
  errorCatalog.configs.recommended,
  { settings: ${JSON.stringify(settings)} },
];
`,
    );
    const eslint = runEslint(project, ['-c', 'settings.eslint.config.mjs', 'src/auth.ts']);
    const oxlint = runOxlint(project, ['-c', 'settings.oxlintrc.json', 'src/auth.ts']);
    // The catalog named in settings (the broken one), not the error-catalog.config.json found from the file.
    expect(oxlint.findings['src/auth.ts']?.map((f) => f.message)).toEqual([
      expect.stringMatching(/^The error catalog cannot be used: <project>\/broken\/errors\/07-security\.json:4:24: /),
    ]);
    expect(oxlint.findings).toEqual(comparable(eslint.findings));
  });

  it.each([
    ['--fix', false, ['auth.ts', 'compiled.js']],
    ['--fix-suggestions', true, ['auth.ts', 'compiled.js', 'roles.js']],
  ] as const)(
    '%s rewrites the files as ESLint fixes (and its first suggestions) would',
    (flag, suggestions, changed) => {
      const copy = `fixed${suggestions ? '-suggestions' : ''}`;
      rmSync(join(project.dir, copy), { recursive: true, force: true });
      cpSync(join(project.dir, 'src'), join(project.dir, copy, 'src'), { recursive: true });
      const original = readTree(join(project.dir, 'src'));
      const expected: Record<string, string> = { ...original };
      for (const file of eslintRaw(project, ['src'])) {
        const edits = file.messages.flatMap((m) => {
          const edit = m.fix ?? (suggestions ? m.suggestions?.[0]?.fix : undefined);
          return edit ? [edit] : [];
        });
        const name = file.filePath.slice(join(project.dir, 'src').length + 1);
        expected[name] = applyEdits(original[name]!, edits);
      }
      expect(Object.keys(expected).filter((name) => expected[name] !== original[name])).toEqual(changed);
      runOxlint(project, ['-c', '.oxlintrc.json', flag, join(copy, 'src')]);
      expect(readTree(join(project.dir, copy, 'src'))).toEqual(expected);
    },
  );
});
