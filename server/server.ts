import { basename } from 'node:path';
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  ErrorCodes,
  FileChangeType,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type CompletionItem,
  type CompletionList,
  type Connection,
  type Diagnostic,
  type Hover,
  type InitializeParams,
  type InitializeResult,
  type Location,
  type Range as LspRange,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ErrorIdReference } from '../catalog/callsite/reference';
import { getProject, markProjectsStale, type Project } from '../catalog/project';
import { CONFIG_FILE_NAME } from '../catalog/config';
import { CatalogDocuments } from './catalog-documents-host';
import { analyseText, browsingCatalog, type FileAnalysis } from './code-analysis';
import { codeActions } from './code-actions';
import {
  codeCompletion,
  codeDefinition,
  codeDiagnostics,
  codeHover,
  resolveCompletion,
  type CompletionData,
} from './code-features';
import { startupLoadDone } from './heap';
import { fileOf, isCodeFile, isJsonFile } from './paths';
import { keyReferences } from './references';
import { keyAtCursor, renameKey, toLspRange } from './rename';
import { DEFAULT_SETTINGS, readSettings, type Settings } from './settings';
import { TextSource } from './texts';
import { WorkspaceIndex } from './workspace-index';

/** What the client said it can do, read once at `initialize`. */
interface ClientSupport {
  readonly pullDiagnostics: boolean;
  readonly diagnosticRefresh: boolean;
  readonly configuration: boolean;
  readonly configurationChangeRegistration: boolean;
  readonly watchedFilesRegistration: boolean;
  readonly workDoneProgress: boolean;
  readonly workspaceFolders: boolean;
}

interface CodeDocument {
  readonly document: TextDocument;
  readonly file: string;
  readonly project: Project;
  readonly references: readonly ErrorIdReference[];
  /**
   * The text parsed as typed: `references` are all of them. Else it is being typed, and they are
   * those of the lines that do parse (or none).
   */
  readonly parsed: boolean;
}

/** Starts serving on a connection (stdio, IPC or socket: the caller's choice). */
export function startServer(connection: Connection): void {
  new ErrorCatalogServer(connection).listen();
}

class ErrorCatalogServer {
  private readonly documents = new TextDocuments(TextDocument);
  private readonly texts = new TextSource(this.documents);
  private readonly index = new WorkspaceIndex(
    (file) => this.texts.read(file),
    (message) => this.log(message),
  );
  private readonly catalogs = new CatalogDocuments(this.texts, this.index);
  private settings: Settings = DEFAULT_SETTINGS;
  private support: ClientSupport | undefined;
  private folders: string[] = [];
  private readonly analyses = new Map<string, { version: number; project: Project; analysis: FileAnalysis }>();
  private readonly pendingChecks = new Set<string>();

  constructor(private readonly connection: Connection) {}

  listen(): void {
    const { connection, documents } = this;
    connection.onInitialize((params) => this.initialize(params));
    connection.onInitialized(() => this.background('initialization', this.initialized()));
    connection.onDidChangeConfiguration((change) =>
      this.background('configuration', this.configurationChanged(change.settings)),
    );
    connection.onDidChangeWatchedFiles(({ changes }) => {
      let catalogChanged = false;
      let configChanged = false;
      for (const change of changes) {
        const file = fileOf(change.uri);
        if (file === undefined) continue;
        if (isJsonFile(file)) {
          markProjectsStale(file);
          catalogChanged = true;
          // A config decides which calls are references and which files belong together: index anew.
          if (basename(file) === CONFIG_FILE_NAME) configChanged = true;
        } else if (isCodeFile(file) && !this.texts.openDocument(file)) {
          if (change.type === FileChangeType.Deleted) this.index.remove(file);
          else this.index.update(file);
        }
      }
      if (catalogChanged) this.recheckAll();
      if (configChanged) this.background('index', this.buildIndex());
    });
    documents.onDidChangeContent(({ document }) => this.scheduleCheck(document.uri));
    documents.onDidClose(({ document }) => {
      this.analyses.delete(document.uri);
      if (!this.support?.pullDiagnostics)
        this.background('diagnostics', connection.sendDiagnostics({ uri: document.uri, diagnostics: [] }));
      const file = fileOf(document.uri);
      // Back to what is on disk.
      if (file !== undefined && isCodeFile(file)) this.index.update(file);
    });
    documents.onDidSave(({ document }) => {
      const file = fileOf(document.uri);
      // Clients without file watchers still tell of a saved catalog or config this way.
      if (file !== undefined && isJsonFile(file)) {
        markProjectsStale(file);
        this.recheckAll();
      }
    });

    connection.languages.diagnostics.on((params) =>
      this.guard('diagnostics', { kind: DocumentDiagnosticReportKind.Full, items: [] }, () => ({
        kind: DocumentDiagnosticReportKind.Full,
        items: this.diagnosticsOf(params.textDocument.uri),
      })),
    );
    connection.onCompletion((params) =>
      this.guard<CompletionList | CompletionItem[] | null>('completion', null, () => {
        const code = this.codeDocument(params.textDocument.uri);
        if (code)
          return codeCompletion(
            code.document,
            code.file,
            code.project,
            code.parsed ? code.references : undefined,
            code.document.offsetAt(params.position),
          );
        return this.catalogs.completion(params.textDocument.uri, params.position);
      }),
    );
    connection.onCompletionResolve((item) =>
      this.guard('completion resolve', item, () => {
        const data = item.data as Partial<CompletionData> | undefined;
        if (typeof data?.file !== 'string' || !Array.isArray(data.path)) return item;
        return resolveCompletion(item, browsingCatalog(getProject({ file: data.file })));
      }),
    );
    connection.onHover((params) =>
      this.guard<Hover | null>('hover', null, () => {
        const code = this.codeDocument(params.textDocument.uri);
        if (code)
          return codeHover(code.document, code.project, code.references, code.document.offsetAt(params.position));
        return this.catalogs.hover(params.textDocument.uri, params.position);
      }),
    );
    connection.onDefinition((params) =>
      this.guard<Location | null>('definition', null, () => {
        const code = this.codeDocument(params.textDocument.uri);
        return code ? codeDefinition(code.project, code.references, code.document.offsetAt(params.position)) : null;
      }),
    );
    connection.onReferences((params) =>
      this.guard<Location[] | null>('references', null, () => {
        const target = this.keyAt(params.textDocument.uri, params.position);
        if (!target) return null;
        const { key, project, catalog } = target;
        return keyReferences(key, project, catalog, this.index, this.texts, params.context.includeDeclaration);
      }),
    );
    connection.onPrepareRename((params) =>
      this.guard<{ range: LspRange; placeholder: string } | null>('prepare rename', null, () => {
        const target = this.keyAt(params.textDocument.uri, params.position);
        if (!target) return null;
        return { range: target.range, placeholder: target.name };
      }),
    );
    connection.onRenameRequest((params) =>
      this.guardAsync<WorkspaceEdit | null>('rename', null, async () => {
        const target = this.keyAt(params.textDocument.uri, params.position);
        if (!target) throw new ResponseError(ErrorCodes.InvalidRequest, 'Cannot rename: no catalog key here.');
        return renameKey(target.project, target.catalog, target.key, params.newName, this.index, this.texts);
      }),
    );
    connection.onCodeAction((params) =>
      this.guard<CodeAction[]>('code actions', [], () => {
        const code = this.codeDocument(params.textDocument.uri);
        if (!code) return [];
        return codeActions(code.document, code.file, code.project, code.references, params.range, this.texts);
      }),
    );
    connection.onShutdown(() => {
      this.pendingChecks.clear();
    });

    documents.listen(connection);
    connection.listen();
  }

  private initialize(params: InitializeParams): InitializeResult {
    const capabilities = params.capabilities;
    this.settings = readSettings(params.initializationOptions);
    this.support = {
      pullDiagnostics: capabilities.textDocument?.diagnostic !== undefined,
      diagnosticRefresh: capabilities.workspace?.diagnostics?.refreshSupport === true,
      configuration: capabilities.workspace?.configuration === true,
      configurationChangeRegistration: capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true,
      watchedFilesRegistration: capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
      workDoneProgress: capabilities.window?.workDoneProgress === true,
      workspaceFolders: capabilities.workspace?.workspaceFolders === true,
    };
    const folders = params.workspaceFolders?.map((folder) => fileOf(folder.uri)) ?? [
      params.rootUri ? fileOf(params.rootUri) : (params.rootPath ?? undefined),
    ];
    this.folders = folders.filter((folder): folder is string => folder !== undefined);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        completionProvider: { triggerCharacters: ["'", '"', '`', '.'], resolveProvider: true },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        diagnosticProvider: { interFileDependencies: true, workspaceDiagnostics: false },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'error-catalog-language-server' },
    };
  }

  private async initialized(): Promise<void> {
    const support = this.support!;
    // Each step on its own: a client that rejects one registration still gets the rest.
    if (support.configurationChangeRegistration)
      this.background(
        'configuration registration',
        this.connection.client.register(DidChangeConfigurationNotification.type, { section: 'errorCatalog' }),
      );
    if (support.watchedFilesRegistration)
      this.background(
        'file watcher registration',
        this.connection.client.register(DidChangeWatchedFilesNotification.type, {
          watchers: [
            { globPattern: `**/${CONFIG_FILE_NAME}` },
            { globPattern: '**/*.json' },
            { globPattern: '**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}' },
          ],
        }),
      );
    if (support.workspaceFolders)
      this.connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((f) => fileOf(f.uri)));
        this.folders = [
          ...this.folders.filter((f) => !removed.has(f)),
          ...event.added.map((f) => fileOf(f.uri)).filter((f): f is string => f !== undefined),
        ];
        this.background('index', this.buildIndex());
      });
    try {
      if (support.configuration) await this.configurationChanged(undefined).catch(() => undefined);
      await this.buildIndex();
    } finally {
      startupLoadDone();
    }
  }

  private async buildIndex(): Promise<void> {
    const reporter = this.support?.workDoneProgress ? await this.connection.window.createWorkDoneProgress() : undefined;
    reporter?.begin('error-catalog: indexing', 0, `${this.folders.length} folder(s)`, false);
    await this.index.build(
      this.folders,
      reporter && {
        report: (percentage, message) => reporter.report(percentage, message),
        done: () => reporter.done(),
      },
    );
    // Usage counts and unused hints of catalog documents need the whole index.
    this.recheckAll();
  }

  private async configurationChanged(pushed: unknown): Promise<void> {
    let value = pushed;
    if (this.support?.configuration) {
      try {
        value = await this.connection.workspace.getConfiguration('errorCatalog');
      } catch {
        // A client that fails the request keeps the settings it gave at start.
      }
    }
    const next = readSettings(value, this.settings);
    if (JSON.stringify(next) === JSON.stringify(this.settings)) return;
    this.settings = next;
    this.recheckAll();
  }

  /** Re-checks every open document: after a catalog or config change, or a settings change. */
  private recheckAll(): void {
    this.analyses.clear();
    if (this.support?.pullDiagnostics) {
      if (this.support.diagnosticRefresh)
        this.background('diagnostics refresh', this.connection.languages.diagnostics.refresh());
      return;
    }
    for (const document of this.documents.all()) this.scheduleCheck(document.uri);
  }

  /** Checks a changed document on the next turn: several changes in a row are checked once. */
  private scheduleCheck(uri: string): void {
    if (this.pendingChecks.has(uri)) return;
    this.pendingChecks.add(uri);
    setImmediate(() => {
      if (!this.pendingChecks.delete(uri)) return;
      this.guard('check', undefined, () => {
        const file = fileOf(uri);
        // The index follows unsaved edits whether diagnostics are pushed or pulled.
        if (file !== undefined && isCodeFile(file)) this.codeDocument(uri, true);
        if (!this.support?.pullDiagnostics)
          this.background(
            'diagnostics',
            this.connection.sendDiagnostics({ uri, diagnostics: this.diagnosticsOf(uri) }),
          );
      });
    });
  }

  private diagnosticsOf(uri: string): Diagnostic[] {
    const code = this.codeDocument(uri);
    if (code) return codeDiagnostics(code.document, code.project, code.references, this.settings.severity);
    return this.catalogs.diagnostics(uri);
  }

  /** An open JS/TS document with its project and references (analysed once per version). */
  private codeDocument(uri: string, always = false): CodeDocument | undefined {
    if (!this.settings.codeDocuments && !always) return undefined;
    const document = this.documents.get(uri);
    const file = fileOf(uri);
    if (!document || file === undefined || !isCodeFile(file)) return undefined;
    const project = getProject({ file });
    let cached = this.analyses.get(uri);
    if (!cached || cached.version !== document.version || cached.project !== project) {
      const analysis = analyseText(document.getText(), file, project.matcher);
      cached = { version: document.version, project, analysis };
      this.analyses.set(uri, cached);
      this.index.record(file, project.config?.file, analysis);
    }
    if (!this.settings.codeDocuments) return undefined;
    const references = cached.analysis.ok ? cached.analysis.references.map((r) => r.reference) : [];
    return {
      document,
      file,
      project,
      references,
      parsed: cached.analysis.ok && cached.analysis.syntaxError === undefined,
    };
  }

  /** The catalog key under the cursor, in code or in a catalog document (references, rename). */
  private keyAt(uri: string, position: { line: number; character: number }) {
    const code = this.codeDocument(uri);
    if (code) {
      const catalog = code.project.problems.length === 0 ? code.project.catalog : undefined;
      const at = catalog && keyAtCursor(code.references, catalog, code.document.offsetAt(position));
      if (!at || !catalog) return undefined;
      return { ...at, range: toLspRange(code.document, at.range), project: code.project, catalog };
    }
    return this.catalogs.keyAt(uri, position);
  }

  /** Work not tied to a request: a failure (a client that rejects a registration, a closed pipe) is logged, never unhandled. */
  private background(what: string, work: Promise<unknown>): void {
    work.catch((error: unknown) =>
      this.log(`${what} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
    );
  }

  private log(message: string): void {
    this.connection.console.log(`[error-catalog] ${message}`);
  }

  /** Runs a request; a failure is logged and answered with `fallback`, never a crash. */
  private guard<T>(feature: string, fallback: T, run: () => T): T {
    try {
      return run();
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      this.log(`${feature} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return fallback;
    }
  }

  private async guardAsync<T>(feature: string, fallback: T, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      this.log(`${feature} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return fallback;
    }
  }
}
