import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { describeErrno, isRegularFile, readTextFile } from '../catalog/read-file';

/** Extensions of the files scanned (declaration files are skipped: they hold no calls). */
export const SOURCE_EXTENSIONS: ReadonlySet<string> = new Set([
  '.js',
  '.jsx',
  '.mjs',
  '.cjs',
  '.ts',
  '.tsx',
  '.mts',
  '.cts',
]);
/** Never worth walking into, ignore files or not. */
export const SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set(['node_modules', '.git', 'dist']);

interface IgnoreLayer {
  readonly dir: string;
  readonly rules: Ignore;
}

export function isSourceFile(file: string): boolean {
  return SOURCE_EXTENSIONS.has(extname(file)) && !/\.d\.[cm]?ts$/.test(file);
}

/**
 * The JS/TS files under `paths` (files or directories), sorted, honouring `.gitignore` files:
 * those in the walked directories, and those of the parent directories up to the enclosing git
 * repository's root, each applying to its own directory as git does. A file or directory named
 * explicitly is always scanned.
 */
export function findSourceFiles(paths: readonly string[], warn: (message: string) => void = () => {}): string[] {
  const files = new Set<string>();
  const readIgnoreFile = (dir: string): IgnoreLayer | undefined => readIgnoreFileIn(dir, warn);
  for (const path of paths) {
    const absolute = resolve(path);
    const stat = statSync(absolute); // a missing path is a usage error: let the caller report it
    if (stat.isFile()) {
      files.add(absolute);
      continue;
    }
    // A directory named explicitly is scanned even when an enclosing .gitignore excludes it
    // (e.g. generated code under an ignored folder): then only its own ignore files apply.
    const ancestors = ancestorLayers(absolute, readIgnoreFile);
    walk(absolute, ignored(ancestors, absolute, true) ? [] : ancestors, files, readIgnoreFile);
  }
  return [...files].sort();
}

type IgnoreReader = (dir: string) => IgnoreLayer | undefined;

function walk(dir: string, layers: readonly IgnoreLayer[], files: Set<string>, readIgnoreFile: IgnoreReader): void {
  const own = readIgnoreFile(dir);
  const active = own ? [...layers, own] : layers;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return; // unreadable directory: nothing to scan there
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    // Symbolic links are not followed into directories (loops); linked files are scanned.
    const isDirectory = entry.isDirectory();
    const isFile = entry.isFile() || (entry.isSymbolicLink() && isRegularFile(path));
    if (isDirectory) {
      if (SKIPPED_DIRECTORIES.has(entry.name) || ignored(active, path, true)) continue;
      walk(path, active, files, readIgnoreFile);
    } else if (isFile && isSourceFile(entry.name) && !ignored(active, path, false)) {
      files.add(path);
    }
  }
}

function ignored(layers: readonly IgnoreLayer[], path: string, isDirectory: boolean): boolean {
  for (const layer of layers) {
    const rel = relative(layer.dir, path).split(sep).join('/');
    if (rel === '' || rel.startsWith('..')) continue;
    if (layer.rules.ignores(isDirectory ? `${rel}/` : rel)) return true;
  }
  return false;
}

/** `.gitignore` files of the directories above `dir`, up to the git root (none outside a repository). */
function ancestorLayers(dir: string, readIgnoreFile: IgnoreReader): IgnoreLayer[] {
  const chain: string[] = [];
  let current = dirname(dir);
  let root: string | undefined = existsSync(join(dir, '.git')) ? dir : undefined;
  while (root === undefined) {
    chain.push(current);
    if (existsSync(join(current, '.git'))) root = current;
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  if (root === undefined || root === dir) return [];
  return chain
    .reverse()
    .map(readIgnoreFile)
    .filter((layer): layer is IgnoreLayer => layer !== undefined);
}

/**
 * A directory's `.gitignore`, read like every file a repository names: regular files only, size
 * capped. One that cannot be read (a FIFO, a device, too large) is reported and ignored.
 */
function readIgnoreFileIn(dir: string, warn: (message: string) => void): IgnoreLayer | undefined {
  const file = join(dir, '.gitignore');
  let text: string;
  try {
    text = readTextFile(file);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') warn(`${file}:1:1  cannot read .gitignore: ${describeErrno(error)}`);
    return undefined;
  }
  return { dir, rules: ignore().add(text) };
}
