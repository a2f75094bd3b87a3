import { createHash } from 'node:crypto';
import { dirname, resolve, sep } from 'node:path';
import type { Catalog } from './catalog';
import { CallMatcher } from './callsite/match';
import { resolveCalls } from './calls';
import { classTable } from './classes';
import {
  findConfigFile,
  normalizeConfig,
  readConfigFile,
  CONFIG_FILE_NAME,
  type ConfigInput,
  type ConfigResult,
  type ProjectConfig,
} from './config';
import type { CatalogProblem } from './model';
import { readCatalogSources, signatureOf, type WatchedPath } from './sources';
import { buildCatalog } from './validate';

/** Everything a tool needs to check one file: the config, the catalog, and the compiled `calls`. */
export interface Project {
  readonly config: ProjectConfig | undefined;
  /** Problems with the config or the catalog. When there are any, `catalog` must not be trusted for "unknown id" findings. */
  readonly problems: readonly CatalogProblem[];
  /** The catalog as loaded now (partial when there are problems; undefined without a usable config). */
  readonly catalog: Catalog | undefined;
  /** The newest catalog of this project that loaded without problems, for hosts that keep serving (tsserver). */
  readonly lastGoodCatalog: Catalog | undefined;
  readonly matcher: CallMatcher;
  /** Changes whenever the config or a catalog file changes (for ESLint's cache key). */
  readonly fingerprint: string;
  /** Config and catalog files and directories read, for hosts that watch them. */
  readonly watchedPaths: readonly string[];
}

/** Which config applies to a file: an explicit or inline config, or else the nearest config file. */
export interface ProjectRequest {
  /** The source file (or directory) being checked. */
  readonly file: string;
  /** An inline config (ESLint settings, tsconfig plugin options); `catalog` paths relative to `baseDir`. */
  readonly inline?: ConfigInput & { readonly configFile?: string };
  /** Base directory of the inline config (ESLint's cwd, the tsconfig's directory). */
  readonly baseDir?: string;
  /** Where the inline config comes from, for messages. */
  readonly inlineLabel?: string;
}

interface Entry {
  project: Project;
  watched: WatchedPath[];
  checkedAt: number;
}

let freshnessMs = Number(process.env['ERROR_CATALOG_FRESHNESS_MS'] ?? 500);
const projects = new Map<string, Entry>();
const discovered = new Map<string, { file: string | undefined; checkedAt: number }>();

/**
 * How long a loaded catalog is trusted before its files are stat'ed again. Long-running hosts
 * see an edit on the first request after this; a CLI run never pays more than a few stats.
 */
export function setFreshnessInterval(ms: number): void {
  freshnessMs = ms;
}

/** Forgets every loaded project (tests, or a host that wants a clean slate). */
export function clearProjectCache(): void {
  projects.clear();
  discovered.clear();
}

/**
 * Makes the next `getProject` re-check the files of every project that read `path` (or of every
 * project), without waiting for the freshness interval: for hosts told by a file watcher.
 */
export function markProjectsStale(path?: string): void {
  const target = path === undefined ? undefined : resolve(path);
  for (const entry of projects.values()) {
    if (target === undefined || entry.watched.some((w) => w.path === target || target.startsWith(`${w.path}${sep}`)))
      entry.checkedAt = Number.NEGATIVE_INFINITY;
  }
  if (target === undefined) discovered.clear();
}

export function getProject(request: ProjectRequest): Project {
  const now = Date.now();
  const { key, load } = locateConfig(request, now);
  const entry = projects.get(key);
  if (entry) {
    if (now - entry.checkedAt < freshnessMs) return entry.project;
    entry.checkedAt = now;
    if (entry.watched.every((w) => signatureOf(w.path) === w.signature)) return entry.project;
  }
  const fresh = loadProject(load(), entry?.project.lastGoodCatalog, now);
  projects.set(key, fresh);
  return fresh.project;
}

function locateConfig(
  request: ProjectRequest,
  now: number,
): { key: string; load: () => { result: ConfigResult; configFile?: string } } {
  const inline = request.inline;
  if (inline && inline.configFile === undefined && inline.catalog !== undefined) {
    const baseDir = resolve(request.baseDir ?? process.cwd());
    const key = `inline:${baseDir}:${JSON.stringify(inline)}`;
    const label = request.inlineLabel ?? 'inline error-catalog config';
    return { key, load: () => ({ result: normalizeConfig(inline, baseDir, undefined, undefined, label) }) };
  }
  const file =
    inline?.configFile !== undefined
      ? resolve(request.baseDir ?? process.cwd(), inline.configFile)
      : discover(dirname(resolve(request.file)), now);
  if (file === undefined) {
    const dir = dirname(resolve(request.file));
    const problem = {
      file: dir,
      line: 1,
      column: 1,
      message: `no ${CONFIG_FILE_NAME} found in ${dir} or its parents (or give the config inline)`,
    };
    return { key: `none:${dir}`, load: () => ({ result: { config: undefined, problems: [problem] } }) };
  }
  return { key: `file:${file}`, load: () => ({ result: readConfigFile(file), configFile: file }) };
}

function discover(dir: string, now: number): string | undefined {
  const cached = discovered.get(dir);
  if (cached && now - cached.checkedAt < freshnessMs) return cached.file;
  const file = findConfigFile(dir);
  discovered.set(dir, { file, checkedAt: now });
  return file;
}

function loadProject(
  loaded: { result: ConfigResult; configFile?: string },
  previousGood: Catalog | undefined,
  now: number,
): Entry {
  const { config, problems: configProblems } = loaded.result;
  const watched: WatchedPath[] = [];
  if (loaded.configFile) watched.push({ path: loaded.configFile, signature: signatureOf(loaded.configFile) });
  const matcher = new CallMatcher(config?.calls ?? resolveCalls(undefined));
  if (!config) {
    return {
      project: makeProject(undefined, configProblems, undefined, previousGood, matcher, watched),
      watched,
      checkedAt: now,
    };
  }
  const read = readCatalogSources(config.catalog);
  for (const path of read.watched) watched.push(path);
  const { catalog, problems } = buildCatalog(read.domains, classTable(config.classes));
  const allProblems = [...read.problems, ...problems];
  const lastGood = allProblems.length === 0 ? catalog : previousGood;
  return { project: makeProject(config, allProblems, catalog, lastGood, matcher, watched), watched, checkedAt: now };
}

function makeProject(
  config: ProjectConfig | undefined,
  problems: CatalogProblem[],
  catalog: Catalog | undefined,
  lastGoodCatalog: Catalog | undefined,
  matcher: CallMatcher,
  watched: readonly WatchedPath[],
): Project {
  const hash = createHash('sha1');
  for (const w of watched) hash.update(`${w.path}\0${w.signature}\0`);
  return {
    config,
    problems,
    catalog,
    lastGoodCatalog,
    matcher,
    fingerprint: hash.digest('hex').slice(0, 16),
    watchedPaths: watched.map((w) => w.path),
  };
}
