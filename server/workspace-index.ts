import { findSourceFiles } from '../analysis/source-files';
import type { Catalog } from '../catalog/catalog';
import { getProject } from '../catalog/project';
import type { ErrorIdReference, IdPart } from '../catalog/callsite/reference';
import type { CatalogKey } from '../catalog/edit/index';
import { UsageCollector, type IdUse } from '../catalog/usage';
import { analyseText, type FileAnalysis } from './code-analysis';
import { isCodeFile } from './paths';

/**
 * What the index knows of one file: what usage counts and "unused" need, and enough to tell
 * which files a find-references or a rename must read again — not the references themselves
 * (the index of a large workspace is most of the server's live heap, and V8 lets the heap grow
 * in proportion to what is live).
 */
export interface IndexedFile {
  /** The config file of the file's project (undefined: none found); ids are only compared within one project. */
  readonly configFile: string | undefined;
  /** The id of each call that names one statically, for usage counts. */
  readonly ids: readonly string[];
  /** The whole ids its calls may raise (the `unused` command's exact uses), as plain strings. */
  readonly usedIds: readonly string[];
  /** Its other uses: split ids with unknown parts, `wrap()` scopes, known prefixes of dotted ids. */
  readonly otherUses: readonly IdUse[];
  /** A call has a part that is not a literal (a variable, a constant): a rename must read the file. */
  readonly indirect: boolean;
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
    // A file that does not parse keeps what it had: it is most likely being typed (and its
    // repaired analysis lacks the ids of the lines being typed).
    if ((!analysis.ok || analysis.syntaxError) && this.files.has(file)) return;
    this.files.set(file, analysis.ok ? compact(configFile, analysis) : { ...NOTHING, configFile });
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
        for (const named of indexed.ids) counts.set(named, (counts.get(named) ?? 0) + 1);
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
      for (const [file, indexed] of this.filesOf(configFile)) {
        const at = { file, line: 1, column: 1 };
        for (const id of indexed.usedIds) collector.add({ kind: 'exact', id }, at);
        for (const use of indexed.otherUses) collector.add(use, at);
      }
      const report = collector.report();
      const usage = new Map<string, Usage>();
      for (const used of report.used) usage.set(used, 'used');
      for (const { id: maybe } of report.maybeUsed) usage.set(maybe, 'maybe');
      this.usageCache = { catalog, configFile, generation: this.generation, usage };
    }
    return this.usageCache!.usage.get(id) ?? 'unused';
  }
}

const NOTHING = { ids: [], usedIds: [], otherUses: [], indirect: false } as const;

/** What the index keeps of a file's analysis. */
function compact(configFile: string | undefined, analysis: FileAnalysis & { ok: true }): IndexedFile {
  const ids: string[] = [];
  const usedIds: string[] = [];
  const otherUses: IdUse[] = [];
  let indirect = false;
  for (const { reference, id, uses } of analysis.references) {
    if (id !== undefined) ids.push(id);
    for (const use of uses) {
      if (use.kind === 'exact') usedIds.push(use.id);
      else otherUses.push(use);
    }
    indirect ||= partsOf(reference).some(
      (part) => part.kind === 'dynamic' || (part.kind === 'static' && !part.literal),
    );
  }
  return { configFile, ids, usedIds, otherUses, indirect };
}

/**
 * Whether a file may have a call naming `key` (or anything under it): one of its uses starts
 * with the key's segments. Never false for a file that has one; the caller reads the file to know.
 */
export function mayNameKey(indexed: IndexedFile, key: CatalogKey): boolean {
  const wanted =
    key.kind === 'domain'
      ? [key.domain]
      : key.kind === 'subdomain'
        ? [key.domain, key.subdomain]
        : [key.domain, key.subdomain, key.name];
  const startsWith = (parts: readonly (string | undefined)[]): boolean =>
    wanted.every((value, i) => parts[i] === value);
  return (
    indexed.usedIds.some((id) => startsWith(id.split('.'))) ||
    indexed.otherUses.some((use) => use.kind === 'pattern' && startsWith(use.parts))
  );
}

function partsOf(reference: ErrorIdReference): readonly IdPart[] {
  if (reference.form === 'dotted') return [reference.id];
  if (reference.form === 'scope') return [reference.domain, reference.subdomain];
  return [reference.domain, reference.subdomain, reference.name];
}
