import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { longId } from './hostile-names';

/**
 * Hostile repositories for the hostile-repos suites: what a clone or a pull request can carry
 * (FIFOs, devices, symlinks, huge and many files, long and deceptive names), built on disk, and
 * the means to run each surface on them under a hang guard — a guard, far above any slow
 * machine, that turns a hang into a failure; never a timing assertion.
 */

export const HANG_GUARD_MS = 120_000;

export const SECURITY = readFileSync(join(__dirname, '..', '..', 'catalog', 'data', '07-security.json'), 'utf8');

export interface RunResult {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `node <script> ...args` in `cwd`; a process still running after HANG_GUARD_MS is killed and fails the test. */
export function runNode(script: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): RunResult {
  const result = spawnSync(process.execPath, [script, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: HANG_GUARD_MS,
    killSignal: 'SIGKILL',
    maxBuffer: 512 * 1024 * 1024,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  if (result.error) throw new Error(`${script} ${args.join(' ')} in ${cwd}: ${result.error.message} (a hang?)`);
  if (result.signal) throw new Error(`${script} ${args.join(' ')} in ${cwd}: killed by ${result.signal} (a hang?)`);
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

export function mkfifo(path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  execFileSync('mkfifo', [path]);
}

export function link(target: string, path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  symlinkSync(target, path);
}

export function write(path: string, content: string): string {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  return path;
}

/**
 * Every entry under `dir` (links not followed) with its kind and content hash or link target:
 * two equal snapshots mean nothing there was written, created, deleted or re-pointed.
 */
export function snapshot(dir: string): Record<string, string> {
  const result: Record<string, string> = {};
  const visit = (path: string): void => {
    const stat = lstatSync(path);
    const key = relative(dir, path) || '.';
    if (stat.isSymbolicLink()) result[key] = `link:${readlinkSync(path)}`;
    else if (stat.isDirectory()) {
      result[key] = 'dir';
      for (const name of readdirSync(path)) visit(join(path, name));
    } else if (stat.isFile())
      result[key] = `file:${createHash('sha1').update(readFileSync(path)).digest('hex')}:${stat.mtimeMs}`;
    else result[key] = `special:${stat.mode}`;
  };
  visit(dir);
  return result;
}

/** A catalog of `count` errors in one domain `big` (subdomains of 50,000: error codes are 16-bit). */
export function bigCatalog(count: number): string {
  const subDomains: Record<string, unknown> = {};
  for (let s = 0; s * 50_000 < count; s++) {
    const errors: Record<string, unknown> = {};
    for (let e = 1; e <= Math.min(50_000, count - s * 50_000); e++)
      errors[`e${e}`] = { code: e, message: `M${e}`, description: `D${e}`, class: 'BadRequestError' };
    subDomains[`s${s}`] = { code: s + 1, errors };
  }
  return JSON.stringify({ code: 9, subDomains });
}

/** The shipped security domain with one error whose description is `size` characters. */
export function catalogWithHugeDescription(size: number): string {
  const catalog = JSON.parse(SECURITY) as {
    subDomains: { token: { errors: Record<string, { description: string }> } };
  };
  catalog.subDomains.token.errors['invalid']!.description = `Huge ${'d'.repeat(size)}`;
  return JSON.stringify(catalog);
}

/** A domain whose name is longer than a file name may be (255 bytes on every common file system). */
export function catalogWithLongDomain(): { text: string; domain: string } {
  const domain = `d${'o'.repeat(299)}`;
  const catalog = {
    [domain]: {
      code: 3,
      subDomains: {
        s: { code: 1, errors: { e: { code: 1, message: 'M', description: 'D', class: 'BadRequestError' } } },
      },
    },
  };
  return { text: JSON.stringify(catalog), domain };
}

/** Writes `count` catalog files into `dir`: the shipped security domain and `count - 1` files holding no domain. */
export function manyCatalogFiles(dir: string, count: number): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, '07-security.json'), SECURITY);
  for (let i = 1; i < count; i++) writeFileSync(join(dir, `empty-${i}.json`), '{}');
}

/** Source using a long id and deceptive ids, for the ESLint and tsserver runs. */
export const LONG_ID = longId(1_000_000);
