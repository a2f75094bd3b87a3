import { sep } from 'node:path';
import { decideCodeDocuments } from './code-documents';
import { locateServer } from './server-location';
import type {
  ClientOptionsLike,
  Dependencies,
  Disposable,
  DocumentFilterLike,
  FolderLike,
  LanguageClientLike,
  UriLike,
} from './vscode-api';

export const CLIENT_ID = 'errorCatalog';
export const CONFIG_FILE = 'error-catalog.config.json';
const MAX_CONFIGS = 10_000;
const CODE_LANGUAGES = ['javascript', 'javascriptreact', 'typescript', 'typescriptreact'] as const;
/** Settings whose change can move code documents between the plugin and the server. */
const WATCHED_SETTINGS = ['typescript.tsdk', 'typescript.experimental.useTsgo'] as const;

/** What one folder's client is started with: enough to tell when it must be restarted. */
export interface FolderPlan {
  readonly serverModule: string;
  readonly source: 'workspace' | 'bundled';
  readonly codeDocuments: boolean;
  readonly reason: string;
}

interface Running {
  readonly folder: FolderLike;
  readonly plan: FolderPlan;
  readonly client: LanguageClientLike;
}

/**
 * One language client per workspace folder that has an error-catalog config (multi-root
 * workspaces: each folder may install its own error-catalog), started from that folder's
 * installed package or the bundled copy, with `codeDocuments` decided per folder.
 */
export class ErrorCatalogExtension implements Disposable {
  private readonly running = new Map<string, Running>();
  private readonly subscriptions: Disposable[] = [];
  private readonly output: Disposable & { appendLine(value: string): void };
  /** The config files of the workspace, found once (a folder added later searches again). */
  private configs: PromiseLike<readonly UriLike[]> | undefined;

  constructor(private readonly deps: Dependencies) {
    const { vscode } = deps;
    this.output = vscode.window.createOutputChannel('Error Catalog');
    this.subscriptions.push(
      this.output,
      vscode.workspace.onDidChangeWorkspaceFolders(({ added, removed }) => this.foldersChanged(added, removed)),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (WATCHED_SETTINGS.some((setting) => event.affectsConfiguration(setting))) return this.refresh();
        return undefined;
      }),
      vscode.extensions.onDidChange(() => this.refresh()),
    );
  }

  /** Starts a client for every folder with a config. */
  async start(): Promise<void> {
    for (const folder of this.deps.vscode.workspace.workspaceFolders ?? []) await this.startFolder(folder);
  }

  /** The plan of each running folder, by folder path (for tests and the output channel). */
  plans(): ReadonlyMap<string, FolderPlan> {
    return new Map([...this.running].map(([key, running]) => [key, running.plan]));
  }

  planFor(folder: FolderLike): FolderPlan | undefined {
    const server = locateServer(folder.uri.fsPath, this.deps);
    if (!server) return undefined;
    const { codeDocuments, reason } = decideCodeDocuments(folder, this.deps);
    return { serverModule: server.module, source: server.source, codeDocuments, reason };
  }

  async startFolder(folder: FolderLike): Promise<void> {
    const key = folder.uri.fsPath;
    if (this.running.has(key) || !(await this.hasConfig(folder))) return;
    const plan = this.planFor(folder);
    if (!plan) {
      this.deps.vscode.window.showWarningMessage(
        `Error Catalog: no language server found for ${folder.name} (install error-catalog in the project).`,
      );
      return;
    }
    const client = new this.deps.LanguageClient(
      CLIENT_ID,
      `Error Catalog (${folder.name})`,
      { run: this.serverModule(plan), debug: this.serverModule(plan) },
      this.clientOptions(folder, plan),
    );
    this.running.set(key, { folder, plan, client });
    this.output.appendLine(
      `${folder.name}: ${plan.source} server ${plan.serverModule}; code documents ${plan.codeDocuments ? 'served' : 'left to the tsserver plugin'} (${plan.reason})`,
    );
    await client.start();
  }

  async stopFolder(folder: FolderLike): Promise<void> {
    const key = folder.uri.fsPath;
    const running = this.running.get(key);
    if (!running) return;
    this.running.delete(key);
    await running.client.stop();
  }

  /** Restarts the clients whose server or code-document decision changed (a setting, an extension enabled). */
  async refresh(): Promise<void> {
    for (const running of [...this.running.values()]) {
      const plan = this.planFor(running.folder);
      if (plan && plan.serverModule === running.plan.serverModule && plan.codeDocuments === running.plan.codeDocuments)
        continue;
      await this.stopFolder(running.folder);
      await this.startFolder(running.folder);
    }
  }

  async dispose(): Promise<void> {
    for (const subscription of this.subscriptions.splice(0)) subscription.dispose();
    for (const running of [...this.running.values()]) await this.stopFolder(running.folder);
  }

  private async foldersChanged(added: readonly FolderLike[], removed: readonly FolderLike[]): Promise<void> {
    this.configs = undefined;
    for (const folder of removed) await this.stopFolder(folder);
    for (const folder of added) await this.startFolder(folder);
  }

  /** Whether the folder holds an error-catalog config (searched once for all folders, then per folder). */
  private async hasConfig(folder: FolderLike): Promise<boolean> {
    this.configs ??= this.deps.vscode.workspace.findFiles(`**/${CONFIG_FILE}`, '**/node_modules/**', MAX_CONFIGS);
    const base = folder.uri.fsPath.endsWith(sep) ? folder.uri.fsPath : folder.uri.fsPath + sep;
    return (await this.configs).some((uri) => uri.fsPath.startsWith(base));
  }

  private serverModule(plan: FolderPlan): { module: string; transport: number } {
    return { module: plan.serverModule, transport: this.deps.stdioTransport };
  }

  private clientOptions(folder: FolderLike, plan: FolderPlan): ClientOptionsLike {
    const base = folder.uri.fsPath.replace(/\\/g, '/');
    // Every JSON file of the folder: the server tells which ones are catalog documents.
    const documentSelector: DocumentFilterLike[] = [{ scheme: 'file', language: 'json', pattern: `${base}/**/*.json` }];
    if (plan.codeDocuments)
      for (const language of CODE_LANGUAGES)
        documentSelector.push({ scheme: 'file', language, pattern: `${base}/**/*` });
    return {
      documentSelector,
      workspaceFolder: folder,
      initializationOptions: { codeDocuments: plan.codeDocuments },
      outputChannel: this.output,
    };
  }
}

/** Creates and starts the extension (extension.ts passes the real dependencies, tests a stub). */
export async function activateWith(deps: Dependencies): Promise<ErrorCatalogExtension> {
  const extension = new ErrorCatalogExtension(deps);
  await extension.start();
  return extension;
}
