import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXPECTED } from '../eslint-cli/expected';
import { copyFixture, runEslint, type Findings } from '../eslint-cli/run-eslint';
import { comparable, isolateFromRepository, OXLINT_VERSION, runOxlint } from '../oxlint/run-oxlint';
import { createScratchProject, packOnce, scratchDir, type ScratchProject } from '../support/scratch-project';

/**
 * One row of the install matrix: the packed package installed next to one TypeScript (or none),
 * as a user installs it, then every CLI command, the ESLint rules on JavaScript files and, where
 * asked, oxlint on TypeScript files, over the eslint-cli fixture tree (TS and JS files, a catalog
 * with deprecations, a broken sub-project). One scratch install per row, shared by its assertions.
 */
export interface MatrixRow {
  /** Scratch project name. */
  readonly name: string;
  /** What the project installs besides error-catalog (no `typescript` key: none). */
  readonly dependencies: Record<string, string>;
  /** The major version of the `typescript` the project ends up with, or null for none at all. */
  readonly typescriptMajor: number | null;
  /** Whether oxlint (in `dependencies`) is run on the TypeScript files. */
  readonly oxlint: boolean;
}

/** ESLint on the JavaScript files only: no TypeScript parser, as a JS-only project has it. */
const JS_ESLINT_CONFIG = `import errorCatalog from 'error-catalog/eslint';

export default [
  { files: ['**/*.js'], languageOptions: { sourceType: 'commonjs' } },
  errorCatalog.configs.recommended,
  {
    rules: {
      'error-catalog/no-dynamic-id': 'warn',
      'error-catalog/placeholder-count': ['error', { reportExtra: true }],
    },
  },
];
`;

const OXLINTRC = JSON.stringify({
  jsPlugins: ['error-catalog/eslint'],
  rules: {
    'error-catalog/no-unknown-id': 'error',
    'error-catalog/no-deprecated-id': 'warn',
    'error-catalog/placeholder-count': ['error', { reportExtra: true }],
    'error-catalog/no-dynamic-id': 'warn',
  },
});

/** The expected findings of the files matching `pattern`. */
function expectedFor(pattern: RegExp): Findings {
  return Object.fromEntries(Object.entries(EXPECTED).filter(([file]) => pattern.test(file)));
}

/**
 * The warnings `npm install` prints for this project's dependencies, computed by npm's own
 * resolver (`--dry-run` builds the full tree, peers included, and prints the same ERESOLVE and
 * install-scripts warnings as a real install, without extracting anything again).
 */
function installWarnings(row: MatrixRow): string[] {
  const dir = scratchDir(`${row.name}-dry-run`);
  const dependencies = { ...row.dependencies, 'error-catalog': `file:${packOnce()}` };
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'dry-run', private: true, dependencies }));
  const result = spawnSync('npm', ['install', '--dry-run', '--no-audit', '--no-fund', '--prefer-offline'], {
    cwd: dir,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`npm install --dry-run failed:\n${result.stderr}`);
  return `${result.stdout}\n${result.stderr}`.split('\n').filter((line) => /^npm (warn|error)/i.test(line));
}

export function describeMatrixRow(row: MatrixRow): void {
  describe(
    `installed next to ${row.typescriptMajor === null ? 'no TypeScript' : `TypeScript ${row.typescriptMajor}`}`,
    { timeout: 120_000 },
    () => {
      let project: ScratchProject;
      beforeAll(() => {
        project = createScratchProject(row.name, row.dependencies);
        isolateFromRepository(project);
        copyFixture(project);
        project.write('eslint.config.mjs', JS_ESLINT_CONFIG);
        project.write('.oxlintrc.json', OXLINTRC);
      }, 300_000);

      it('npm install prints no warning caused by error-catalog (no peer conflict, no install script)', () => {
        expect(
          installWarnings(row).filter((line) => /error-catalog|ERESOLVE|install-scripts|peer/i.test(line)),
        ).toEqual([]);
      });

      it(`has ${row.typescriptMajor === null ? 'no typescript at all' : `typescript ${row.typescriptMajor}`} in node_modules`, () => {
        const manifest = join(project.dir, 'node_modules', 'typescript', 'package.json');
        if (row.typescriptMajor === null) {
          expect(existsSync(manifest)).toBe(false);
        } else {
          const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
          expect(Number(version.split('.')[0])).toBe(row.typescriptMajor);
        }
      });

      it('every entry point loads (nothing of ours requires typescript at load time)', () => {
        const script = `
        const loaded = ['error-catalog', 'error-catalog/eslint', 'error-catalog/ts-plugin'].map((name) => typeof require(name));
        console.log(JSON.stringify(loaded));
      `;
        const result = project.run('node', ['-e', script]);
        expect({ stdout: result.stdout.trim(), stderr: result.stderr }).toEqual({
          stdout: '["object","object","function"]',
          stderr: '',
        });
      });

      it('check validates the catalog', () => {
        const result = project.run('npx', ['--no-install', 'error-catalog', 'check']);
        expect({ status: result.status, stdout: result.stdout.trim(), stderr: result.stderr }).toEqual({
          status: 0,
          stdout: 'no problems: 8 errors (4 deprecated) in 1 domain',
          stderr: '',
        });
        const broken = project.run('npx', [
          '--no-install',
          'error-catalog',
          'check',
          '--config',
          'broken/error-catalog.config.json',
        ]);
        expect(broken.status).toBe(1);
        expect(broken.stdout + broken.stderr).not.toMatch(/internal error/i);
      });

      it('ids lists the catalog', () => {
        const result = project.run('npx', ['--no-install', 'error-catalog', 'ids', 'security.token']);
        expect(result.status).toBe(0);
        expect(result.stdout).toMatch(
          /^security\.token\.invalid +0x07010001 +UnauthorizedError +401 +Invalid authentication token\.$/m,
        );
      });

      it('docs writes the pages', () => {
        const result = project.run('npx', ['--no-install', 'error-catalog', 'docs', '--out', 'docs/errors']);
        expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
        expect(readFileSync(join(project.dir, 'docs', 'errors', 'security', 'index.md'), 'utf8')).toContain(
          'security.token.invalid',
        );
      });

      it('unused parses the JavaScript and TypeScript files with the package own parser', () => {
        const result = project.run('npx', ['--no-install', 'error-catalog', 'unused', 'src', '--format', 'json']);
        expect(result.stderr).toBe('');
        expect(result.status).toBe(0);
        const report = JSON.parse(result.stdout) as {
          files: number;
          parsed: number;
          used: string[];
          unresolved: Array<{ file: string; line: number; column: number }>;
        };
        expect(report.files).toBe(4);
        expect(report.parsed).toBe(4);
        expect([...report.used].sort()).toEqual([
          'security.role.cannot_delete',
          'security.role.not_found',
          'security.token.expired',
          'security.token.invalid',
        ]);
        expect(report.unresolved).toEqual([{ file: join(project.dir, 'src', 'auth.ts'), line: 13, column: 30 }]);
      });

      it('the ESLint rules report the expected findings on the JavaScript files', () => {
        const eslint = runEslint(project, ['src/roles.js', 'src/compiled.js', 'src/clean.mjs']);
        expect(eslint.stderr).toBe('');
        expect(eslint.findings).toEqual(expectedFor(/\.m?js$/));
      });

      if (row.oxlint) {
        it(`oxlint ${OXLINT_VERSION} reports the expected findings on the TypeScript files`, () => {
          const oxlint = runOxlint(project, ['-c', '.oxlintrc.json', 'src/auth.ts', 'broken/uses.ts']);
          expect(oxlint.stderr).toBe('');
          expect(oxlint.findings).toEqual(comparable(expectedFor(/\.ts$/)));
        });
      }
    },
  );
}
