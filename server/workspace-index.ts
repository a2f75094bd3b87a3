import { findSourceFiles } from '../analysis/source-files';
import type { Catalog } from '../catalog/catalog';
import { getProject } from '../catalog/project';
import { UsageCollector } from '../catalog/usage';
import { analyseText, type FileAnalysis, type IndexedReference } from './code-analysis';
import { isCodeFile } from './paths';

/** What the index knows of one file. */
export interface IndexedFile {
  /** The config file of the file's project (undefined: none found); ids are only compared within one project. */
  readonly configFile: string | undefined;
  readonly references: readonly IndexedReference[];
}

export type Usage = 'used' | 'maybe' | 'unused';

export interface IndexProgress {
  report(percentage: number, message: string): void;
  done(): void;
}

/** How long the build runs before yielding to pending requests. */
const SLICE_MS = 15;

/**
 * Which ids each file of the workspace references. Built in the background at start (in slices
 * that let every request through first), then kept current per edit and per changed file.
 * Answers from what it has while building; `ready` settles when the first build is done.
 */
export class WorkspaceIndex {
  private readonly files = new Map<string, IndexedFile>();
  private generation = 0;
  private usageCache:
    { catalog: Catalog; configFile: string | undefined; generation: number; usage: Map<string, Usage> } | undefined;
  private counts: { generation: number; byConfig: Map<string | undefined, Map<string, number>> } | undefined;
  private building: Promise<void> = Promise.resolve();
  private builds = 0;
  private builtOnce = false;

  constructor(
    /** The current text of a file (open buffer or disk); throws when unreadable. */
    private readonly read: (file: string) => string,
    private readonly log: (message: string) => void,
  ) {}

  /** Settles when the last requested build is done. */
  get ready(): Promise<void> {
    return this.building;
  }

  /** (Re)builds the index of the given folders in the background. */
  build(folders: readonly string[], progress: IndexProgress | undefined): Promise<void> {
    const build = ++this.builds;
    this.building = this.run(build, folders, progress).catch((error: unknown) => {
      this.log(`workspace index failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    });
    return this.building;
  }

  private async run(build: number, folders: readonly string[], progress: IndexProgress | undefined): Promise<void> {
    const started = Date.now();
    const files: string[] = [];
    for (const folder of folders) {
      try {
        for (const file of findSourceFiles([folder])) files.push(file);
      } catch (error) {
        this.log(`cannot index ${folder}: ${(error as Error).message}`);
      }
    }
    const seen = new Set(files);
    for (const file of [...this.files.keys()]) if (!seen.has(file)) this.files.delete(file);
    let sliceStart = Date.now();
    for (let i = 0; i < files.length; i++) {
      if (build !== this.builds) return; // a newer build took over
      this.update(files[i]!);
      if (Date.now() - sliceStart >= SLICE_MS) {
        progress?.report(Math.floor((i / files.length) * 100), `${i}/${files.length} files`);
        await new Promise((resolve) => setImmediate(resolve));
        sliceStart = Date.now();
      }
    }
    progress?.done();
    this.builtOnce = true;
    this.log(`indexed ${files.length} files in ${Date.now() - started} ms`);
  }

  /** Re-reads and re-scans one file (or forgets it when it is gone or not a code file). */
  update(file: string, text?: string): void {
    if (!isCodeFile(file)) return;
    let content = text;
    if (content === undefined) {
      try {
        content = this.read(file);
      } catch {
        this.remove(file);
        return;
      }
    }
    const project = getProject({ file });
    this.record(file, project.config?.file, analyseText(content, file, project.matcher));
  }

  /** Records a file's analysis (the server analyses open documents itself). */
  record(file: string, configFile: string | undefined, analysis: FileAnalysis): void {
    // A file that does not parse keeps what it had: it is most likely being typed.
    if (!analysis.ok && this.files.has(file)) return;
    this.files.set(file, { configFile, references: analysis.ok ? analysis.references : [] });
    this.generation++;
  }

  remove(file: string): void {
    if (this.files.delete(file)) this.generation++;
  }

  /** The indexed files of one project. */
  *filesOf(configFile: string | undefined): IterableIterator<[string, IndexedFile]> {
    for (const entry of this.files) if (entry[1].configFile === configFile) yield entry;
  }

  /** True once a whole build finished: before that, "unused" and usage counts would be guesses. */
  get built(): boolean {
    return this.builtOnce;
  }

  get size(): number {
    return this.files.size;
  }

  /** How many calls of a project name `id` statically. */
  countOf(id: string, configFile: string | undefined): number {
    if (this.counts?.generation !== this.generation) this.counts = { generation: this.generation, byConfig: new Map() };
    let counts = this.counts.byConfig.get(configFile);
    if (!counts) {
      counts = new Map();
      for (const [, indexed] of this.filesOf(configFile))
        for (const { id: named } of indexed.references)
          if (named !== undefined) counts.set(named, (counts.get(named) ?? 0) + 1);
      this.counts.byConfig.set(configFile, counts);
    }
    return counts.get(id) ?? 0;
  }

  /** Used, maybe used (a dynamic reference may raise it) or unused: the `unused` command's rule, live. */
  usageOf(id: string, catalog: Catalog, configFile: string | undefined): Usage {
    const cached = this.usageCache;
    if (
      !cached ||
      cached.catalog !== catalog ||
      cached.configFile !== configFile ||
      cached.generation !== this.generation
    ) {
      const collector = new UsageCollector(catalog, true);
      for (const [file, indexed] of this.filesOf(configFile))
        for (const reference of indexed.references)
          for (const use of reference.uses) collector.add(use, { file, line: 1, column: 1 });
      const report = collector.report();
      const usage = new Map<string, Usage>();
      for (const used of report.used) usage.set(used, 'used');
      for (const { id: maybe } of report.maybeUsed) usage.set(maybe, 'maybe');
      this.usageCache = { catalog, configFile, generation: this.generation, usage };
    }
    return this.usageCache!.usage.get(id) ?? 'unused';
  }
}
