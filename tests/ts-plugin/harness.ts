import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { init } from '../../ts-plugin/plugin';

/**
 * An in-process language service over in-memory source files, with the plugin applied the way
 * tsserver applies it (`create(info)`); catalogs and configs are read from disk.
 */
export interface Harness {
  readonly service: ts.LanguageService;
  /** The undecorated language service (to make it fail on purpose). */
  readonly original: ts.LanguageService;
  readonly logs: string[];
  readonly plugin: ts.server.PluginModule;
  readonly project: ts.server.Project;
  set(fileName: string, text: string): void;
  path(fileName: string): string;
}

/** `compilerOptions` are merged over the defaults (the fuzz suite leaves the DOM lib out: its globals make every completion list ten times longer). */
export function createHarness(
  dir: string,
  config: Record<string, unknown> = {},
  files: Record<string, string> = {},
  serverHost?: unknown,
  compilerOptions: ts.CompilerOptions = {},
): Harness {
  const sources = new Map<string, { text: string; version: number }>();
  const path = (fileName: string): string => join(dir, fileName);
  for (const [name, text] of Object.entries(files)) sources.set(path(name), { text, version: 1 });
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    allowJs: true,
    checkJs: true,
    jsx: ts.JsxEmit.Preserve,
    strict: true,
    noEmit: true,
    types: [],
    ...compilerOptions,
  };
  const host: ts.LanguageServiceHost = {
    getScriptFileNames: () => [...sources.keys()],
    getScriptVersion: (fileName) => String(sources.get(fileName)?.version ?? 0),
    getScriptSnapshot: (fileName) => {
      const source = sources.get(fileName);
      if (source) return ts.ScriptSnapshot.fromString(source.text);
      return existsSync(fileName) ? ts.ScriptSnapshot.fromString(readFileSync(fileName, 'utf8')) : undefined;
    },
    getCurrentDirectory: () => dir,
    getCompilationSettings: () => options,
    getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
    fileExists: (fileName) => sources.has(fileName) || ts.sys.fileExists(fileName),
    readFile: (fileName) => sources.get(fileName)?.text ?? ts.sys.readFile(fileName),
    readDirectory: (...args) => ts.sys.readDirectory(...args),
    directoryExists: (path) => ts.sys.directoryExists(path),
    getDirectories: (path) => ts.sys.getDirectories(path),
  };
  const original = ts.createLanguageService(host, ts.createDocumentRegistry());
  const logs: string[] = [];
  const project = {
    projectService: { logger: { info: (message: string) => logs.push(message) } },
    getProjectName: () => join(dir, 'tsconfig.json'),
    getCurrentDirectory: () => dir,
    refreshDiagnostics: () => logs.push('refreshDiagnostics'),
  } as unknown as ts.server.Project;
  const plugin = init({ typescript: ts });
  const info = {
    languageService: original,
    languageServiceHost: host,
    project,
    config: { name: 'error-catalog/ts-plugin', ...config },
    serverHost,
  } as unknown as ts.server.PluginCreateInfo;
  const service = plugin.create(info);
  return {
    service,
    original,
    logs,
    plugin,
    project,
    path,
    set(fileName, text) {
      const key = path(fileName);
      sources.set(key, { text, version: (sources.get(key)?.version ?? 0) + 1 });
    },
  };
}

/** Splits `getError('sec|')` into the text without the marker and the marker's offset. */
export function marked(text: string): { text: string; at: number } {
  const at = text.indexOf('|');
  if (at < 0) throw new Error('no | marker');
  return { text: text.slice(0, at) + text.slice(at + 1), at };
}

/** The plugin's own diagnostics of a file. */
export function ownDiagnostics(service: ts.LanguageService, fileName: string): ts.Diagnostic[] {
  return service.getSemanticDiagnostics(fileName).filter((d) => d.source === 'error-catalog');
}

/** Applies text changes (from one file) to a text. */
export function applyChanges(text: string, changes: readonly ts.TextChange[]): string {
  return [...changes]
    .sort((a, b) => b.span.start - a.span.start)
    .reduce((out, c) => out.slice(0, c.span.start) + c.newText + out.slice(c.span.start + c.span.length), text);
}

export function flatten(parts: readonly ts.SymbolDisplayPart[] | undefined): string {
  return (parts ?? []).map((p) => p.text).join('');
}
