import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
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
import { readCatalogSources, signatureOf, signatureOfStats, type WatchedPath } from './sources';
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
  /** Watched path → its signature, to judge a watcher's report without a scan. */
  watchedSet: ReadonlyMap<string, string>;
  checkedAt: number;
  /** A file of the project is known to have changed: the next request reloads it. */
  changed: boolean;
  /** A background freshness check is running (at most one per project). */
  checking: boolean;
}

let freshnessMs = Number(process.env['ERROR_CATALOG_FRESHNESS_MS'] ?? 500);
const projects = new Map<string, Entry>();
const discovered = new Map<string, { file: string | undefined; checkedAt: number }>();

const staleListeners = new Set<(project: Project) => void>();
/** Paths stat'ed per turn of the event loop by a background check (keeps a host responsive meanwhile). */
const CHECK_BATCH = 256;

/**
 * How long a loaded catalog is trusted before its files are stat'ed again. The check runs in
 * the background (never on a request: 100,000 catalog files take longer to stat than the
 * interval), and a change it finds is loaded by the next request. 0 means "check on every
 * request, synchronously" (tests, and hosts that want an edit seen at once).
 */
export function setFreshnessInterval(ms: number): void {
  freshnessMs = ms;
}

/**
 * Calls `listener` when a background check finds that a project's files changed (so a host can
 * ask its editor to re-check open files). Returns a function that removes the listener.
 */
export function onProjectStale(listener: (project: Project) => void): () => void {
  staleListeners.add(listener);
  return () => staleListeners.delete(listener);
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
    if (target === undefined || changedAt(entry, target)) entry.changed = true;
  }
  if (target === undefined) discovered.clear();
}

export function getProject(request: ProjectRequest): Project {
  const now = Date.now();
  const { key, load } = locateConfig(request, now);
  const entry = projects.get(key);
  if (entry) {
    if (!entry.changed) {
      if (now - entry.checkedAt < freshnessMs) return entry.project;
      entry.checkedAt = now;
      // Due: look at the files in the background; this request is served from the cache.
      if (freshnessMs > 0) {
        checkInBackground(entry);
        return entry.project;
      }
      if (entry.watched.every((w) => signatureOf(w.path) === w.signature)) return entry.project;
    }
  }
  const fresh = loadProject(load(), entry?.project.lastGoodCatalog, now);
  projects.set(key, fresh);
  return fresh.project;
}

/**
 * Whether a path a watcher reported changes the project: the path itself when the project read
 * it, else the nearest directory the project read above it (an added or removed entry changes
 * the directory). One or two stats, whatever the size of the catalog.
 */
function changedAt(entry: Entry, target: string): boolean {
  for (let path = target; ;) {
    const signature = entry.watchedSet.get(path);
    if (signature !== undefined)
      return signatureOf(path) !== signature || (path !== target && isNewEntry(entry, target));
    const parent = dirname(path);
    if (parent === path) return false;
    path = parent;
  }
}

/** A path in a watched directory that the project did not read: an added catalog file (or an editor's temp file). */
function isNewEntry(entry: Entry, target: string): boolean {
  return !entry.watchedSet.has(target) && target.endsWith('.json') && signatureOf(target).startsWith('f:');
}

/** Stats the project's files off the request path, a batch per turn; a difference marks it stale. */
function checkInBackground(entry: Entry): void {
  if (entry.checking) return;
  entry.checking = true;
  void (async () => {
    let changed = false;
    try {
      for (let start = 0; start < entry.watched.length && !changed; start += CHECK_BATCH) {
        const batch = entry.watched.slice(start, start + CHECK_BATCH);
        const signatures = await Promise.all(
          batch.map((w) => stat(w.path).then(signatureOfStats, (error: unknown) => signatureOf(w.path, error))),
        );
        changed = signatures.some((signature, index) => signature !== batch[index]!.signature);
      }
    } finally {
      entry.checking = false;
    }
    if (!changed || !isCached(entry)) return;
    entry.changed = true;
    for (const listener of staleListeners) listener(entry.project);
  })();
}

/** False once the entry was replaced by a reload or dropped by clearProjectCache. */
function isCached(entry: Entry): boolean {
  for (const value of projects.values()) if (value === entry) return true;
  return false;
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
  const configFile: unknown = inline?.configFile;
  if (configFile !== undefined && (typeof configFile !== 'string' || configFile === '')) {
    const label = request.inlineLabel ?? 'inline error-catalog config';
    const problem = { file: label, line: 1, column: 1, message: "'configFile' must be a path to a config file" };
    return { key: `bad-config-file:${label}`, load: () => ({ result: { config: undefined, problems: [problem] } }) };
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
    return entryOf(makeProject(undefined, configProblems, undefined, previousGood, matcher, watched), watched, now);
  }
  const read = readCatalogSources(config.catalog);
  for (const path of read.watched) watched.push(path);
  const { catalog, problems } = buildCatalog(read.domains, classTable(config.classes));
  const allProblems = read.problems.concat(problems);
  const lastGood = allProblems.length === 0 ? catalog : previousGood;
  return entryOf(makeProject(config, allProblems, catalog, lastGood, matcher, watched), watched, now);
}

function entryOf(project: Project, watched: WatchedPath[], now: number): Entry {
  const watchedSet = new Map(watched.map((w) => [w.path, w.signature]));
  return { project, watched, watchedSet, checkedAt: now, changed: false, checking: false };
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
