import { statSync } from 'node:fs';
import { join } from 'node:path';
import type * as TS from 'typescript';
import { markProjectsStale, type Project } from '../catalog/index';
import type { PluginContext } from './context';

const POLLING_INTERVAL_MS = 500;

/**
 * Keeps the catalog live in a long-running tsserver: watches every config and catalog file (and
 * catalog directory) a project read, through the server host so tsserver's own watch settings
 * apply; on a change the cached project is marked stale and open files are re-checked.
 */
export class CatalogWatcher {
  /** A file in the tsserver project's directory, to find its error-catalog project before any request. */
  readonly probeFile: string;
  private readonly watchers = new Map<string, TS.FileWatcher | undefined>();

  constructor(
    private readonly context: PluginContext,
    private readonly project: TS.server.Project,
    private readonly host: TS.server.ServerHost | undefined,
  ) {
    this.probeFile = join(context.baseDir, '__error_catalog_probe__.ts');
  }

  /** Starts watching what `project` read and has not been watched yet (cheap when nothing is new). */
  update(project: Project): void {
    for (const path of project.watchedPaths) {
      if (this.watchers.has(path)) continue;
      this.watchers.set(path, this.watch(path, isDirectory(path)));
    }
  }

  close(): void {
    for (const watcher of this.watchers.values()) {
      try {
        watcher?.close();
      } catch {
        // already closed
      }
    }
    this.watchers.clear();
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
