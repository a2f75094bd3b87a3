import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * Scratch projects where the packed package is installed exactly as users install it
 * (`npm install error-catalog-<version>.tgz`), for the eslint CLI and tsserver tests.
 */
export const REPO_ROOT = resolve(__dirname, '..', '..');
const SCRATCH_ROOT = join(REPO_ROOT, 'tests', '.scratch');

/** Runs `npm pack` (the build must be current: `npm test` builds first) and returns the tarball's path. */
export function packTarball(): string {
  const packDir = join(SCRATCH_ROOT, 'pack');
  rmSync(packDir, { recursive: true, force: true });
  mkdirSync(packDir, { recursive: true });
  execFileSync('npm', ['pack', '--pack-destination', packDir, '--ignore-scripts'], { cwd: REPO_ROOT, stdio: 'pipe' });
  const file = readdirSync(packDir).find((name) => name.endsWith('.tgz'));
  if (!file) throw new Error('npm pack produced no tarball');
  return join(packDir, file);
}

/** The tarball packed by the global setup (tests/support/global-setup.ts) for this test run. */
export function packOnce(): string {
  const tarball = process.env['ERROR_CATALOG_TARBALL'];
  if (!tarball || !existsSync(tarball))
    throw new Error('no packed tarball: run the tests through vitest (its globalSetup packs the package)');
  return tarball;
}

export interface ScratchProject {
  readonly dir: string;
  write(path: string, content: string): void;
  run(
    command: string,
    args: readonly string[],
    options?: { env?: NodeJS.ProcessEnv },
  ): { status: number; stdout: string; stderr: string };
}

/**
 * Creates `tests/.scratch/<name>` with the packed package and `dependencies` installed
 * (e.g. `{ eslint: '^9.39.0' }`), then writes `files`.
 */
export function createScratchProject(
  name: string,
  dependencies: Record<string, string>,
  files: Record<string, string> = {},
): ScratchProject {
  const dir = join(SCRATCH_ROOT, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const pkg = {
    name: `scratch-${name}`,
    private: true,
    version: '0.0.0',
    dependencies: { ...dependencies, 'error-catalog': `file:${packOnce()}` },
  };
  writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg, null, 2));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], {
    cwd: dir,
    stdio: 'pipe',
  });
  const project: ScratchProject = {
    dir,
    write(path, content) {
      const target = join(dir, path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, content);
    },
    run(command, args, options) {
      try {
        const stdout = execFileSync(command, args, {
          cwd: dir,
          encoding: 'utf8',
          stdio: 'pipe',
          env: { ...process.env, ...options?.env },
        });
        return { status: 0, stdout, stderr: '' };
      } catch (error) {
        const failure = error as { status?: number; stdout?: string; stderr?: string };
        return { status: failure.status ?? 1, stdout: failure.stdout ?? '', stderr: failure.stderr ?? '' };
      }
    },
  };
  for (const [path, content] of Object.entries(files)) project.write(path, content);
  return project;
}
