import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';

/**
 * Scratch projects where the packed package is installed exactly as users install it
 * (`npm install error-catalog-<version>.tgz`), for the eslint CLI and tsserver tests.
 *
 * Layout under tests/.scratch (per clone):
 * - `runs/<run id>/pack/`  the tarball of one `vitest run` (packed by the global setup, removed at teardown);
 * - `runs/<run id>/projects/<name>-XXXX/`  one directory per createScratchProject call: the test's own files,
 *   and a `node_modules` whose entries are symlinks into a shared install;
 * - `installs/<key>/`  one `npm install` per (tarball content, dependencies, files under node_modules), shared
 *   by every test, worker and run that asks for the same key, whatever the project's name. It is installed into a temporary directory and renamed into
 *   place (atomic), under a lock file so parallel workers wait for one install instead of racing.
 */
export const REPO_ROOT = resolve(__dirname, '..', '..');
const SCRATCH_ROOT = join(REPO_ROOT, 'tests', '.scratch');
const INSTALLS = join(SCRATCH_ROOT, 'installs');
const RUNS = join(SCRATCH_ROOT, 'runs');

/** An install (or a crashed run's directory) unused for this long is removed by the next run's setup. */
const STALE_MS = 86_400_000; // a day
/** A lock whose holder is gone, or held this long, is broken: it detects a crashed installer, not a slow one. */
const LOCK_BREAK_MS = 1_200_000; // 20 minutes

/** Creates this run's directory (`runs/<unique id>`), removing what crashed runs and old installs left behind. */
export function createRunDir(): string {
  pruneStale(RUNS);
  pruneStale(INSTALLS);
  mkdirSync(RUNS, { recursive: true });
  return mkdtempSync(join(RUNS, `${new Date().toISOString().slice(0, 10)}-${process.pid}-`));
}

function pruneStale(root: string): void {
  if (!existsSync(root)) return;
  for (const entry of readdirSync(root)) {
    const path = join(root, entry);
    try {
      if (statSync(path).mtimeMs + STALE_MS < Date.now()) rmSync(path, { recursive: true, force: true });
    } catch {
      // removed by a parallel run meanwhile
    }
  }
}

/** Runs `npm pack` into `runDir/pack` (the build must be current: `npm test` builds first) and returns the tarball's path. */
export function packTarball(runDir: string): string {
  const packDir = join(runDir, 'pack');
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

function runDir(): string {
  const dir = process.env['ERROR_CATALOG_RUN_DIR'];
  if (!dir || !existsSync(dir)) throw new Error('no run directory: run the tests through vitest (see its globalSetup)');
  return dir;
}

/** A fresh, empty directory `runs/<run>/projects/<name>-XXXX` of this run (removed with the run). */
export function scratchDir(name: string): string {
  const projects = join(runDir(), 'projects');
  mkdirSync(projects, { recursive: true });
  return mkdtempSync(join(projects, `${name}-`));
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
 * A fresh directory `runs/<run>/projects/<name>-XXXX` with the packed package and `dependencies`
 * (e.g. `{ eslint: '^9.39.0' }`) available in its node_modules, then `files` written. The install
 * is shared (see above); the directory and the files are this call's own, except `files` under
 * `node_modules/`: those are part of the shared install (and of its key), since tools that resolve
 * from their own real path (tsserver before 5.x loads plugins next to itself) must find them there.
 */
export function createScratchProject(
  name: string,
  dependencies: Record<string, string>,
  files: Record<string, string> = {},
): ScratchProject {
  const installFiles = Object.entries(files).filter(([path]) => isInNodeModules(path));
  const install = sharedInstall(dependencies, installFiles);
  const dir = scratchDir(name);
  linkNodeModules(join(install, 'node_modules'), join(dir, 'node_modules'));
  writeFileSync(join(dir, 'package.json'), readFileSync(join(install, 'package.json')));
  const realDir = realpathSync(dir);
  const project: ScratchProject = {
    dir,
    write(path, content) {
      const target = join(dir, path);
      mkdirSync(dirname(target), { recursive: true });
      // node_modules/<package> is a symlink into the shared install: writing through it would leak to other tests.
      const parent = realpathSync(dirname(target));
      if (parent !== realDir && !parent.startsWith(realDir + sep))
        throw new Error(`scratch project '${name}': ${path} is inside the shared install; write a new package instead`);
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
  for (const [path, content] of Object.entries(files)) if (!isInNodeModules(path)) project.write(path, content);
  return project;
}

/**
 * A real node_modules directory whose entries are symlinks to the shared install's: a test may add
 * a package of its own (`node_modules/legacy-name/…`) without touching the install. Node resolves
 * symlinks to real paths, so every package is loaded once, from the install.
 */
function linkNodeModules(shared: string, own: string): void {
  mkdirSync(own);
  for (const entry of readdirSync(shared)) {
    if (entry === '.package-lock.json') continue;
    symlinkSync(join(shared, entry), join(own, entry), 'junction');
  }
}

function isInNodeModules(path: string): boolean {
  return path.replace(/\\/g, '/').startsWith('node_modules/');
}

type Files = ReadonlyArray<readonly [path: string, content: string]>;

/** The install of (tarball content, dependencies, files in node_modules): installed once, then reused. */
function sharedInstall(dependencies: Record<string, string>, files: Files): string {
  const tarball = packOnce();
  const key = createHash('sha256')
    .update(readFileSync(tarball))
    .update(JSON.stringify(Object.entries(dependencies).sort(([a], [b]) => (a < b ? -1 : 1))))
    .update(JSON.stringify([...files].sort(([a], [b]) => (a < b ? -1 : 1))))
    .digest('hex')
    .slice(0, 16);
  const target = join(INSTALLS, key);
  mkdirSync(INSTALLS, { recursive: true });
  if (!isComplete(target)) withLock(`${target}.lock`, () => isComplete(target) || install(target, dependencies, files));
  const now = new Date();
  utimesSync(target, now, now); // marks it used, so pruneStale keeps it
  return target;
}

/** Written last, before the rename: a directory without it is an interrupted install. */
const COMPLETE_MARKER = '.installed';

function isComplete(dir: string): boolean {
  return existsSync(join(dir, COMPLETE_MARKER));
}

function install(target: string, dependencies: Record<string, string>, files: Files): true {
  const temp = `${target}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  mkdirSync(temp, { recursive: true });
  try {
    const pkg = {
      name: 'scratch-install',
      private: true,
      version: '0.0.0',
      dependencies: { ...dependencies, 'error-catalog': `file:${packOnce()}` },
    };
    writeFileSync(join(temp, 'package.json'), JSON.stringify(pkg, null, 2));
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], {
      cwd: temp,
      stdio: 'pipe',
    });
    for (const [path, content] of files) {
      mkdirSync(dirname(join(temp, path)), { recursive: true });
      writeFileSync(join(temp, path), content);
    }
    writeFileSync(join(temp, COMPLETE_MARKER), '');
    rmSync(target, { recursive: true, force: true }); // an incomplete leftover, never a complete install
    renameSync(temp, target);
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
  return true;
}

/** Runs `action` holding `lockFile` (created exclusively); waits while another process holds it. */
function withLock(lockFile: string, action: () => unknown): void {
  for (;;) {
    try {
      const fd = openSync(lockFile, 'wx');
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (lockIsAbandoned(lockFile)) rmSync(lockFile, { force: true });
      else sleep(500);
    }
  }
  try {
    action();
  } finally {
    rmSync(lockFile, { force: true });
  }
}

function lockIsAbandoned(lockFile: string): boolean {
  try {
    const pid = Number(readFileSync(lockFile, 'utf8'));
    if (statSync(lockFile).mtimeMs + LOCK_BREAK_MS < Date.now()) return true;
    if (!Number.isInteger(pid) || pid <= 0) return false; // being written right now
    process.kill(pid, 0);
    return false;
  } catch (error) {
    // ESRCH: the holder died; ENOENT: released meanwhile (retry at once).
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
