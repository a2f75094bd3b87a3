import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO = resolve(__dirname, '..', '..');
export const CLI = join(REPO, 'dist', 'cli', 'main.js');
export const FIXTURES = join(__dirname, 'fixtures');
export const SHIPPED = join(REPO, 'catalog', 'data');

export interface CliResult {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built CLI (`npm run build` first; `npm test` does). */
export function runCli(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): CliResult {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run 'npm run build' first`);
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** A throw-away copy of a fixture directory (for commands that write). */
export function copyFixture(name: string): { dir: string; dispose: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'error-catalog-cli-'));
  cpSync(join(FIXTURES, name), dir, { recursive: true });
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
