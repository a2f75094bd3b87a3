import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type * as TS from 'typescript';
import { markProjectsStale, onProjectStale, type Project } from '../catalog/index';
import type { PluginContext } from './context';

const POLLING_INTERVAL_MS = 500;

/**
 * Keeps the catalog live in a long-running tsserver: watches the config and catalog files a
 * project read, through the server host so tsserver's own watch settings apply; on a change the
 * cached project is marked stale and open files are re-checked.
 *
 * A catalog directory is watched as a directory, and the files in it are not watched one by one
 * (100,000 catalog files would be 100,000 watches). The freshness check in catalog/project.ts
 * stays the backstop for hosts whose directory watching misses edits (polling strategies).
 */
export class CatalogWatcher {
  /** A file in the tsserver project's directory, to find its error-catalog project before any request. */
  readonly probeFile: string;
  private readonly watchers = new Map<string, TS.FileWatcher | undefined>();
  /** The project seen last: requests come many per second and `update` must cost nothing then. */
  private lastSeen: Project | undefined;
  private readonly stopListening: () => void;

  constructor(
    private readonly context: PluginContext,
    private readonly project: TS.server.Project,
    private readonly host: TS.server.ServerHost | undefined,
  ) {
    this.probeFile = join(context.baseDir, '__error_catalog_probe__.ts');
    // A background freshness check found a change no watcher reported: re-check open files.
    this.stopListening = onProjectStale((stale) => {
      if (stale === this.lastSeen) this.refresh();
    });
  }

  /** Starts watching what `project` read and has not been watched yet (cheap when nothing is new). */
  update(project: Project): void {
    if (project === this.lastSeen) return;
    this.lastSeen = project;
    const paths = new Set(project.watchedPaths);
    // Only the config and the catalog paths it names are stat'ed: an entry of a catalog directory
    // (its parent was read too) is a file, watched through its directory.
    const directories = new Set<string>();
    for (const path of paths) if (!paths.has(dirname(path)) && isDirectory(path)) directories.add(path);
    const byDirectory = this.canWatchDirectories();
    const before = this.watchers.size;
    for (const path of paths) {
      if (this.watchers.has(path)) continue;
      const directory = directories.has(path);
      if (!directory && byDirectory && directories.has(dirname(path))) continue;
      this.watchers.set(path, this.watch(path, directory));
    }
    if (this.watchers.size !== before)
      this.context.log(`watching ${this.watchers.size} catalog path(s) for ${paths.size} file(s) and folder(s) read`);
  }

  /** How many paths are watched (one per directory and per file outside a watched directory). */
  get watchCount(): number {
    return this.watchers.size;
  }

  close(): void {
    this.stopListening();
    for (const watcher of this.watchers.values()) {
      try {
        watcher?.close();
      } catch {
        // already closed
      }
    }
    this.watchers.clear();
  }

  private canWatchDirectories(): boolean {
    return typeof this.host?.watchDirectory === 'function';
  }

  private watch(path: string, directory: boolean): TS.FileWatcher | undefined {
    const host = this.host;
    try {
      if (directory && typeof host?.watchDirectory === 'function')
        return host.watchDirectory(path, (changed) => this.changed(changed), false);
      // The interval is not optional in practice: for a path that does not exist (a catalog not
      // written yet, or just deleted) TypeScript's host falls back to fs.watchFile, which throws
      // without one. 500 ms is TypeScript's own "medium" polling interval.
      if (!directory && typeof host?.watchFile === 'function')
        return host.watchFile(path, () => this.changed(path), POLLING_INTERVAL_MS);
    } catch (error) {
      this.context.log(`cannot watch ${path}: ${String(error)}; edits are seen within a second instead`);
    }
    return undefined;
  }

  private changed(path: string): void {
    this.context.log(`catalog changed: ${path}`);
    markProjectsStale(path);
    this.refresh();
  }

  private refresh(): void {
    // refreshDiagnostics (TypeScript ≥ 4.9) tells the editor to ask again; markAsDirty is the older, internal way.
    const project = this.project as unknown as { refreshDiagnostics?: () => void; markAsDirty?: () => void };
    try {
      if (typeof project.refreshDiagnostics === 'function') project.refreshDiagnostics();
      else project.markAsDirty?.();
    } catch (error) {
      this.context.log(`cannot refresh diagnostics: ${String(error)}`);
    }
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
