import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';

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
export function findSourceFiles(paths: readonly string[]): string[] {
  const files = new Set<string>();
  for (const path of paths) {
    const absolute = resolve(path);
    const stat = statSync(absolute); // a missing path is a usage error: let the caller report it
    if (stat.isFile()) {
      files.add(absolute);
      continue;
    }
    // A directory named explicitly is scanned even when an enclosing .gitignore excludes it
    // (e.g. generated code under an ignored folder): then only its own ignore files apply.
    const ancestors = ancestorLayers(absolute);
    walk(absolute, ignored(ancestors, absolute, true) ? [] : ancestors, files);
  }
  return [...files].sort();
}

function walk(dir: string, layers: readonly IgnoreLayer[], files: Set<string>): void {
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
      walk(path, active, files);
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
function ancestorLayers(dir: string): IgnoreLayer[] {
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

function readIgnoreFile(dir: string): IgnoreLayer | undefined {
  let text: string;
  try {
    text = readFileSync(join(dir, '.gitignore'), 'utf8');
  } catch {
    return undefined;
  }
  return { dir, rules: ignore().add(text) };
}

function isRegularFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
