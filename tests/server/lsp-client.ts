import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import type {
  ClientCapabilities,
  Diagnostic,
  InitializeResult,
  PublishDiagnosticsParams,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol';

/** Hang guard for one wait: far above any slow machine, never a latency bound. */
const WAIT_MS = 60_000;

export interface ClientOptions {
  /** Workspace folders (absolute directories). */
  readonly folders: readonly string[];
  /** Ask for pulled diagnostics (`textDocument/diagnostic`) instead of pushed ones. */
  readonly pull?: boolean;
  readonly initializationOptions?: unknown;
  /** What the client answers to `workspace/configuration` for `errorCatalog`. */
  readonly configuration?: unknown;
}

export const uri = (file: string): string => pathToFileURL(file).href;

/**
 * A real LSP client (vscode-languageserver-protocol over the child's stdio) driving the
 * installed `error-catalog-language-server` bin of a scratch project.
 */
export class LspClient {
  readonly connection: ProtocolConnection;
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  readonly progress: unknown[] = [];
  readonly registrations: unknown[] = [];
  readonly logs: string[] = [];
  readonly stderr: string[] = [];
  private readonly versions = new Map<string, number>();
  private readonly waiters: Array<() => void> = [];
  private refreshes = 0;
  readonly exited: Promise<number | null>;

  private constructor(
    readonly child: ChildProcess,
    private readonly options: ClientOptions,
  ) {
    this.connection = createProtocolConnection(
      new StreamMessageReader(child.stdout!),
      new StreamMessageWriter(child.stdin!),
    );
    child.stderr!.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString()));
    this.exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
    const c = this.connection;
    c.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.diagnostics.set(params.uri, params);
      this.notify();
    });
    c.onNotification('$/progress', (params: unknown) => {
      this.progress.push(params);
      this.notify();
    });
    c.onNotification('window/logMessage', (params: { message: string }) => {
      this.logs.push(params.message);
    });
    c.onRequest('window/workDoneProgress/create', () => null);
    c.onRequest('client/registerCapability', (params: unknown) => {
      this.registrations.push(params);
      return null;
    });
    c.onRequest('workspace/configuration', (params: { items: unknown[] }) =>
      params.items.map(() => this.options.configuration ?? null),
    );
    c.onRequest('workspace/diagnostic/refresh', () => {
      this.refreshes++;
      this.notify();
      return null;
    });
    c.listen();
  }

  /** Starts the server of `projectDir`'s installed package and initializes it. */
  static async start(
    projectDir: string,
    options: ClientOptions,
  ): Promise<{ client: LspClient; result: InitializeResult }> {
    const bin = join(projectDir, 'node_modules', 'error-catalog', 'dist', 'server', 'main.js');
    const child = spawn(process.execPath, [bin, '--stdio'], { cwd: projectDir, stdio: 'pipe' });
    const client = new LspClient(child, options);
    const capabilities: ClientCapabilities = {
      workspace: {
        configuration: true,
        workspaceFolders: true,
        didChangeWatchedFiles: { dynamicRegistration: true },
        didChangeConfiguration: { dynamicRegistration: true },
        diagnostics: options.pull ? { refreshSupport: true } : undefined,
      },
      window: { workDoneProgress: true },
      textDocument: {
        synchronization: { didSave: true },
        completion: { completionItem: { snippetSupport: false, tagSupport: { valueSet: [1] } } },
        hover: { contentFormat: ['markdown'] },
        rename: { prepareSupport: true },
        publishDiagnostics: { tagSupport: { valueSet: [1, 2] } },
        ...(options.pull ? { diagnostic: { dynamicRegistration: false } } : {}),
      },
    };
    const result = await client.request<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities,
      initializationOptions: options.initializationOptions,
      workspaceFolders: options.folders.map((folder) => ({ uri: uri(folder), name: folder })),
    });
    await client.connection.sendNotification('initialized', {});
    return { client, result };
  }

  request<T = unknown>(method: string, params: unknown): Promise<T> {
    const died = this.exited.then((code) => {
      throw new Error(`the server exited (${code}) during ${method}: ${this.stderr.join('')}`);
    });
    return guard(Promise.race([this.connection.sendRequest<T>(method, params), died]), `${method} got no answer`);
  }

  async open(file: string, text = readFileSync(file, 'utf8')): Promise<void> {
    this.versions.set(file, 1);
    const languageId = file.endsWith('.json') ? 'json' : /\.[cm]?tsx?$/.test(file) ? 'typescript' : 'javascript';
    await this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: uri(file), languageId, version: 1, text },
    });
  }

  /** Replaces the whole text of an open document. */
  async change(file: string, text: string): Promise<void> {
    const version = (this.versions.get(file) ?? 1) + 1;
    this.versions.set(file, version);
    await this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: uri(file), version },
      contentChanges: [{ text }],
    });
  }

  async close(file: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri(file) } });
  }

  async filesChanged(changes: ReadonlyArray<{ file: string; type: 1 | 2 | 3 }>): Promise<void> {
    await this.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: changes.map((change) => ({ uri: uri(change.file), type: change.type })),
    });
  }

  /** Waits for pushed diagnostics of `file` that satisfy `accept`. */
  async pushed(file: string, accept: (diagnostics: Diagnostic[]) => boolean): Promise<Diagnostic[]> {
    const key = uri(file);
    await this.until(
      () => {
        const got = this.diagnostics.get(key);
        return got !== undefined && accept(got.diagnostics);
      },
      `no accepted diagnostics for ${file}: ${JSON.stringify(this.diagnostics.get(key)?.diagnostics)}`,
    );
    return this.diagnostics.get(key)!.diagnostics;
  }

  async pulled(file: string): Promise<Diagnostic[]> {
    const report = await this.request<{ kind: string; items: Diagnostic[] }>('textDocument/diagnostic', {
      textDocument: { uri: uri(file) },
    });
    return report.items;
  }

  /** Waits until the server asked for a diagnostics refresh more times than `count`. */
  async refreshedAfter(count: number): Promise<void> {
    await this.until(() => this.refreshes > count, 'no workspace/diagnostic/refresh');
  }

  get refreshCount(): number {
    return this.refreshes;
  }

  /** Waits for the end of the initial workspace index (its workDoneProgress `end`). */
  async indexed(): Promise<void> {
    await this.until(
      () => this.progress.some((p) => (p as { value?: { kind?: string } }).value?.kind === 'end'),
      'the workspace index never ended',
    );
  }

  async shutdown(): Promise<number | null> {
    await this.request('shutdown', null);
    await this.connection.sendNotification('exit');
    const code = await guard(this.exited, 'the server did not exit');
    this.connection.dispose();
    return code;
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill();
    this.connection.dispose();
  }

  private notify(): void {
    for (const waiter of this.waiters.splice(0)) waiter();
  }

  private async until(test: () => boolean, failure: string): Promise<void> {
    const deadline = Date.now() + WAIT_MS;
    while (!test()) {
      if (Date.now() > deadline)
        throw new Error(`${failure}\nserver stderr: ${this.stderr.join('')}\nlog: ${this.logs.join('\n')}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  }
}

function guard<T>(promise: Promise<T>, failure: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(failure)), WAIT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Applies the edits of one document of a WorkspaceEdit to its text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const offset = (p: { line: number; character: number }): number => (lineStarts[p.line] ?? text.length) + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const edit of sorted)
    out = out.slice(0, offset(edit.range.start)) + edit.newText + out.slice(offset(edit.range.end));
  return out;
}

/** The files a WorkspaceEdit changes and their edits. */
export function editsByFile(edit: WorkspaceEdit): Map<string, TextEdit[]> {
  const map = new Map<string, TextEdit[]>();
  for (const [key, edits] of Object.entries(edit.changes ?? {})) map.set(new URL(key).pathname, edits);
  return map;
}
