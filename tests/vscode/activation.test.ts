import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { activateWith } from '../../vscode/src/activation';
import { BUILT_IN_TYPESCRIPT, NATIVE_PREVIEW } from '../../vscode/src/code-documents';
import type {
  ClientOptionsLike,
  Dependencies,
  FolderLike,
  ServerModuleLike,
  VscodeApi,
} from '../../vscode/src/vscode-api';

/**
 * The extension's activation against a stub of the `vscode` API and of vscode-languageclient's
 * LanguageClient (a real VS Code cannot be downloaded here): which server is started for each
 * folder, with which options, and when clients are started, restarted and stopped.
 */

const STDIO = 0;
const EXTENSION = '/ext/error-catalog-vscode';
const SERVER = join('node_modules', 'error-catalog', 'dist', 'server', 'main.js');
const BUNDLED = join(EXTENSION, SERVER);

interface StartedClient {
  id: string;
  name: string;
  server: { run: ServerModuleLike; debug: ServerModuleLike };
  options: ClientOptionsLike;
  started: boolean;
  stopped: boolean;
}

type Listener<E> = (event: E) => unknown;

function folder(path: string, index = 0): FolderLike {
  return { uri: { fsPath: path }, name: path.split('/').pop()!, index };
}

/** A stub VS Code: folders, settings, enabled extensions, config files found, and a file system. */
function stubHost(setup: {
  folders: FolderLike[];
  settings?: Record<string, unknown>;
  extensions?: string[];
  configs?: string[];
  files?: Record<string, string>;
}) {
  const settings = new Map(Object.entries(setup.settings ?? {}));
  const extensions = new Set(setup.extensions ?? [BUILT_IN_TYPESCRIPT]);
  const files = new Map(Object.entries(setup.files ?? {}));
  const clients: StartedClient[] = [];
  const warnings: string[] = [];
  const listeners = {
    folders: [] as Array<Listener<{ added: readonly FolderLike[]; removed: readonly FolderLike[] }>>,
    configuration: [] as Array<Listener<{ affectsConfiguration(section: string): boolean }>>,
    extensions: [] as Array<Listener<void>>,
  };
  const disposable = (list: unknown[], item: unknown) => {
    list.push(item);
    return { dispose: () => list.splice(list.indexOf(item), 1) };
  };
  const vscode: VscodeApi = {
    workspace: {
      workspaceFolders: setup.folders,
      getConfiguration: (section) => ({
        get: <T>(key: string) => settings.get(`${section}.${key}`) as T | undefined,
      }),
      findFiles: (include, exclude) => {
        expect([include, exclude]).toEqual(['**/error-catalog.config.json', '**/node_modules/**']);
        const found = setup.configs ?? setup.folders.map((f) => `${f.uri.fsPath}/error-catalog.config.json`);
        return Promise.resolve(found.map((fsPath) => ({ fsPath })));
      },
      onDidChangeWorkspaceFolders: (listener) => disposable(listeners.folders, listener),
      onDidChangeConfiguration: (listener) => disposable(listeners.configuration, listener),
    },
    extensions: {
      getExtension: (id) => (extensions.has(id) ? { id } : undefined),
      onDidChange: (listener) => disposable(listeners.extensions, listener),
    },
    window: {
      showWarningMessage: (message) => warnings.push(message),
      createOutputChannel: () => ({ appendLine: () => undefined, dispose: () => undefined }),
    },
  };
  class LanguageClient {
    private readonly record: StartedClient;
    constructor(id: string, name: string, server: StartedClient['server'], options: ClientOptionsLike) {
      this.record = { id, name, server, options, started: false, stopped: false };
      clients.push(this.record);
    }
    start(): Promise<void> {
      this.record.started = true;
      return Promise.resolve();
    }
    stop(): Promise<void> {
      this.record.stopped = true;
      return Promise.resolve();
    }
  }
  const deps: Dependencies = {
    vscode,
    LanguageClient,
    stdioTransport: STDIO,
    extensionPath: EXTENSION,
    fileExists: (path) => files.has(path),
    readFile: (path) => files.get(path),
  };
  const fire = {
    folders: async (added: FolderLike[], removed: FolderLike[]) => {
      for (const listener of listeners.folders) await listener({ added, removed });
    },
    setting: async (key: string, value: unknown) => {
      settings.set(key, value);
      for (const listener of listeners.configuration)
        await listener({ affectsConfiguration: (section) => key === section || key.startsWith(`${section}.`) });
    },
    extension: async (id: string, enabled: boolean) => {
      if (enabled) extensions.add(id);
      else extensions.delete(id);
      for (const listener of listeners.extensions) await listener();
    },
  };
  return { deps, clients, warnings, listeners, fire, live: () => clients.filter((c) => c.started && !c.stopped) };
}

const APP = '/work/app';
const installed = (dir: string): Record<string, string> => ({ [join(dir, SERVER)]: '' });
const typescriptAt = (dir: string, version: string): Record<string, string> => ({
  [join(dir, 'node_modules', 'typescript', 'package.json')]: JSON.stringify({ name: 'typescript', version }),
});

describe('which server is started', () => {
  it("starts the workspace's installed error-catalog server over stdio, leaving code documents to the tsserver plugin", async () => {
    const host = stubHost({ folders: [folder(APP)], files: { ...installed(APP), ...installed(EXTENSION) } });
    await activateWith(host.deps);
    expect(host.clients).toHaveLength(1);
    const [client] = host.clients;
    expect(client).toMatchObject({ id: 'errorCatalog', name: 'Error Catalog (app)', started: true });
    const module = { module: join(APP, SERVER), transport: STDIO };
    expect(client!.server).toEqual({ run: module, debug: module });
    expect(client!.options).toMatchObject({
      documentSelector: [{ scheme: 'file', language: 'json', pattern: `${APP}/**/*.json` }],
      workspaceFolder: host.deps.vscode.workspace.workspaceFolders![0],
      initializationOptions: { codeDocuments: false },
    });
  });

  it('finds error-catalog installed in a parent directory (a package of a monorepo)', async () => {
    const host = stubHost({ folders: [folder('/work/mono/packages/api')], files: installed('/work/mono') });
    await activateWith(host.deps);
    expect(host.clients[0]!.server.run.module).toBe(join('/work/mono', SERVER));
  });

  it('uses the bundled copy when the workspace has no error-catalog installed', async () => {
    const host = stubHost({ folders: [folder(APP)], files: installed(EXTENSION) });
    await activateWith(host.deps);
    expect(host.clients.map((c) => c.server.run.module)).toEqual([BUNDLED]);
  });

  it('warns and starts nothing when no server can be found at all', async () => {
    const host = stubHost({ folders: [folder(APP)] });
    await activateWith(host.deps);
    expect(host.clients).toEqual([]);
    expect(host.warnings).toEqual([
      'Error Catalog: no language server found for app (install error-catalog in the project).',
    ]);
  });

  it('starts one client per folder with a config in a multi-root workspace, each with its own server', async () => {
    const host = stubHost({
      folders: [folder('/work/a', 0), folder('/work/b', 1), folder('/work/docs', 2)],
      configs: ['/work/a/error-catalog.config.json', '/work/b/sub/error-catalog.config.json'],
      files: { ...installed('/work/a'), ...installed(EXTENSION) },
    });
    await activateWith(host.deps);
    expect(host.clients.map((c) => [c.name, c.server.run.module])).toEqual([
      ['Error Catalog (a)', join('/work/a', SERVER)],
      ['Error Catalog (b)', BUNDLED],
    ]);
  });
});

describe('code documents: the server or the tsserver plugin, never both', () => {
  const codeSelector = (pattern: string) =>
    ['javascript', 'javascriptreact', 'typescript', 'typescriptreact'].map((language) => ({
      scheme: 'file',
      language,
      pattern,
    }));

  it('lets the server serve JS/TS when the workspace TypeScript selected for VS Code is 7', async () => {
    const host = stubHost({
      folders: [folder(APP)],
      settings: { 'typescript.tsdk': 'node_modules/typescript/lib' },
      files: { ...installed(APP), ...typescriptAt(APP, '7.0.2') },
    });
    await activateWith(host.deps);
    expect(host.clients[0]!.options.initializationOptions).toEqual({ codeDocuments: true });
    expect(host.clients[0]!.options.documentSelector).toEqual([
      { scheme: 'file', language: 'json', pattern: `${APP}/**/*.json` },
      ...codeSelector(`${APP}/**/*`),
    ]);
  });

  it('keeps code documents with the plugin when TypeScript 7 is installed but VS Code runs its own', async () => {
    const host = stubHost({ folders: [folder(APP)], files: { ...installed(APP), ...typescriptAt(APP, '7.0.2') } });
    await activateWith(host.deps);
    expect(host.clients[0]!.options.initializationOptions).toEqual({ codeDocuments: false });
    const six = stubHost({
      folders: [folder(APP)],
      settings: { 'typescript.tsdk': 'node_modules/typescript/lib' },
      files: { ...installed(APP), ...typescriptAt(APP, '6.0.3') },
    });
    await activateWith(six.deps);
    expect(six.clients[0]!.options.initializationOptions).toEqual({ codeDocuments: false });
  });

  it('lets the server serve JS/TS under the TypeScript Native Preview (setting and extension)', async () => {
    const settings = { 'typescript.experimental.useTsgo': true };
    const native = stubHost({
      folders: [folder(APP)],
      settings,
      extensions: [BUILT_IN_TYPESCRIPT, NATIVE_PREVIEW],
      files: installed(APP),
    });
    await activateWith(native.deps);
    expect(native.clients[0]!.options.initializationOptions).toEqual({ codeDocuments: true });
    // The setting alone does not switch VS Code's TypeScript off (VS Code checks both too).
    const settingOnly = stubHost({ folders: [folder(APP)], settings, files: installed(APP) });
    await activateWith(settingOnly.deps);
    expect(settingOnly.clients[0]!.options.initializationOptions).toEqual({ codeDocuments: false });
  });

  it("lets the server serve JS/TS when VS Code's TypeScript extension is disabled", async () => {
    const host = stubHost({ folders: [folder(APP)], extensions: [], files: installed(APP) });
    await activateWith(host.deps);
    expect(host.clients[0]!.options.initializationOptions).toEqual({ codeDocuments: true });
  });

  it('restarts the client with the new decision when the setting or the extensions change', async () => {
    const host = stubHost({
      folders: [folder(APP)],
      extensions: [BUILT_IN_TYPESCRIPT, NATIVE_PREVIEW],
      files: installed(APP),
    });
    await activateWith(host.deps);
    await host.fire.setting('typescript.experimental.useTsgo', true);
    expect(host.clients.map((c) => [c.options.initializationOptions.codeDocuments, c.stopped])).toEqual([
      [false, true],
      [true, false],
    ]);
    await host.fire.setting('editor.fontSize', 14);
    expect(host.clients).toHaveLength(2);
    await host.fire.extension(NATIVE_PREVIEW, false);
    expect(host.live().map((c) => c.options.initializationOptions.codeDocuments)).toEqual([false]);
    expect(host.clients).toHaveLength(3);
  });
});

describe('lifecycle', () => {
  it('starts and stops clients as folders are added and removed, and stops all on dispose', async () => {
    const host = stubHost({
      folders: [folder('/work/a')],
      configs: ['/work/a/error-catalog.config.json', '/work/b/error-catalog.config.json'],
      files: installed(EXTENSION),
    });
    const extension = await activateWith(host.deps);
    await host.fire.folders([folder('/work/b', 1)], []);
    expect(host.live().map((c) => c.name)).toEqual(['Error Catalog (a)', 'Error Catalog (b)']);
    await host.fire.folders([], [folder('/work/a')]);
    expect(host.live().map((c) => c.name)).toEqual(['Error Catalog (b)']);
    await extension.dispose();
    expect(host.live()).toEqual([]);
    expect(host.listeners.folders).toEqual([]);
  });

  it('starts nothing in a folder without an error-catalog config', async () => {
    const host = stubHost({ folders: [folder(APP)], configs: [], files: installed(APP) });
    await activateWith(host.deps);
    expect(host.clients).toEqual([]);
  });
});

describe('the extension package', () => {
  const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'vscode', 'package.json'), 'utf8')) as {
    contributes: { typescriptServerPlugins: Array<{ name: string; enableForWorkspaceTypeScriptVersions: boolean }> };
    activationEvents: string[];
    main: string;
  };

  it('contributes the tsserver plugin under the name a tsconfig entry uses (tsserver loads it once)', () => {
    expect(manifest.contributes.typescriptServerPlugins).toEqual([
      { name: 'error-catalog/ts-plugin', enableForWorkspaceTypeScriptVersions: true },
    ]);
    expect(manifest.activationEvents).toEqual(['workspaceContains:**/error-catalog.config.json']);
    expect(manifest.main).toBe('./dist/extension.js');
  });

  it('is not part of the npm package', () => {
    const root = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { files: string[] };
    expect(root.files.filter((entry) => entry.startsWith('vscode'))).toEqual([]);
  });
});
