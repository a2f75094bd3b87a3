/**
 * The part of the `vscode` API and of `vscode-languageclient` that the extension uses, as
 * interfaces: extension.ts passes the real modules (the compiler checks they fit), the tests a
 * stub — VS Code itself cannot run in CI.
 */

export interface Disposable {
  dispose(): unknown;
}

export interface UriLike {
  readonly fsPath: string;
}

export interface FolderLike {
  readonly uri: UriLike;
  readonly name: string;
  readonly index: number;
}

export interface ConfigurationLike {
  get<T>(section: string): T | undefined;
}

export interface VscodeApi {
  readonly workspace: {
    readonly workspaceFolders: readonly FolderLike[] | undefined;
    getConfiguration(section?: string, scope?: unknown): ConfigurationLike;
    findFiles(include: string, exclude?: string, maxResults?: number): PromiseLike<readonly UriLike[]>;
    onDidChangeWorkspaceFolders(
      listener: (event: { readonly added: readonly FolderLike[]; readonly removed: readonly FolderLike[] }) => unknown,
    ): Disposable;
    onDidChangeConfiguration(
      listener: (event: { affectsConfiguration(section: string): boolean }) => unknown,
    ): Disposable;
  };
  readonly extensions: {
    getExtension(id: string): unknown;
    readonly onDidChange: (listener: () => unknown) => Disposable;
  };
  readonly window: {
    showWarningMessage(message: string): unknown;
    createOutputChannel(name: string): Disposable & { appendLine(value: string): void };
  };
}

/** How the server process is started (vscode-languageclient's NodeModule). */
export interface ServerModuleLike {
  readonly module: string;
  readonly transport: number;
}

export interface DocumentFilterLike {
  readonly scheme: string;
  readonly language: string;
  readonly pattern: string;
}

export interface ClientOptionsLike {
  readonly documentSelector: DocumentFilterLike[];
  readonly workspaceFolder: FolderLike;
  readonly initializationOptions: { readonly codeDocuments: boolean };
  readonly outputChannel: unknown;
}

export interface LanguageClientLike {
  start(): PromiseLike<void>;
  stop(): PromiseLike<void>;
}

export type LanguageClientConstructor = new (
  id: string,
  name: string,
  serverOptions: { readonly run: ServerModuleLike; readonly debug: ServerModuleLike },
  clientOptions: ClientOptionsLike,
) => LanguageClientLike;

/** What the activation needs from its host: the APIs, the stdio transport's value, the file system. */
export interface Dependencies {
  readonly vscode: VscodeApi;
  readonly LanguageClient: LanguageClientConstructor;
  /** `TransportKind.stdio` of vscode-languageclient/node. */
  readonly stdioTransport: number;
  /** The extension's install directory (its node_modules holds the bundled error-catalog). */
  readonly extensionPath: string;
  readonly fileExists: (path: string) => boolean;
  readonly readFile: (path: string) => string | undefined;
}
