/**
 * The plugin factory (see index.ts). A thin layer: which calls are error-id references is found
 * by the shared analysis (analysis/, through call-sites.ts) and what is wrong with them is
 * decided in catalog/ — both shared with the ESLint rules; this layer turns findings into
 * diagnostics, completions, hovers, fixes, definitions and references.
 */
import type * as TS from 'typescript';
import { catalogFileReader, pluginCodeFixes, registerFixableCodes } from './code-fixes';
import { pluginCompletionDetails, pluginCompletions } from './completions';
import { baseDirOf, PluginContext, type PluginConfig } from './context';
import { pluginDefinition } from './definition';
import { pluginFindReferences } from './find-references';
import { FIXABLE_CODES, pluginDiagnostics } from './diagnostics';
import { pluginQuickInfo } from './quick-info';
import { CatalogWatcher } from './watch';

type PluginModule = TS.server.PluginModule;

export function init(modules: { typescript: typeof TS }): PluginModule {
  const ts = modules.typescript;
  // No getExternalFiles: tsserver would load every catalog JSON into the project (measured:
  // +210 MiB for a 50,000-error catalog); the catalog is watched through the server host instead.
  const instances = new Set<{
    readonly project: TS.server.Project;
    readonly context: PluginContext;
    readonly watcher: CatalogWatcher;
  }>();
  // tsserver does not tell plugins when a project closes: drop closed ones (and their file watchers) as new ones come.
  const prune = (): void => {
    for (const instance of instances) {
      if (typeof instance.project.isClosed === 'function' && instance.project.isClosed()) {
        instance.watcher.close();
        instances.delete(instance);
      }
    }
  };

  return {
    create(info: TS.server.PluginCreateInfo): TS.LanguageService {
      prune();
      const logger = info.project.projectService.logger;
      const context = new PluginContext(
        ts,
        info.languageService,
        baseDirOf(info.project),
        info.config as PluginConfig | undefined,
        logger,
      );
      registerFixableCodes(ts, (message) => context.log(message));
      const watcher = new CatalogWatcher(context, info.project, info.serverHost);
      instances.add({ project: info.project, context, watcher });
      context.guard(
        'loading the catalog',
        () => undefined,
        () => watcher.update(context.projectFor(watcher.probeFile)),
      );
      context.log(`plugin created for ${info.project.getProjectName()} (TypeScript ${ts.version})`);
      const readCatalogText = catalogFileReader(ts, info.project.projectService);
      return decorate(info.languageService, context, watcher, readCatalogText);
    },
    onConfigurationChanged(config: unknown): void {
      prune();
      for (const { context } of instances) context.setConfig(config as PluginConfig);
    },
  };
}

/** The language service with the plugin's answers added; every method falls back to the original on failure. */
function decorate(
  ls: TS.LanguageService,
  context: PluginContext,
  watcher: CatalogWatcher,
  readCatalogText: (file: string) => string,
): TS.LanguageService {
  const proxy: TS.LanguageService = Object.create(null) as TS.LanguageService;
  for (const [key, original] of Object.entries(ls) as Array<[keyof TS.LanguageService, unknown]>) {
    if (typeof original === 'function')
      (proxy as unknown as Record<string, unknown>)[key] = (...args: unknown[]) =>
        (original as (...a: unknown[]) => unknown).apply(ls, args);
  }
  const track = (fileName: string): void => watcher.update(context.projectFor(fileName));

  proxy.getSemanticDiagnostics = (fileName) => {
    const original = ls.getSemanticDiagnostics(fileName);
    return context.guard(
      'diagnostics',
      () => original,
      () => {
        track(fileName);
        const ours = pluginDiagnostics(context, fileName);
        return ours.length === 0 ? original : [...original, ...ours];
      },
    );
  };

  proxy.getCompletionsAtPosition = (fileName, position, options, formatting) => {
    const original = (): TS.WithMetadata<TS.CompletionInfo> | undefined =>
      ls.getCompletionsAtPosition(fileName, position, options, formatting);
    return context.guard('completions', original, () => {
      const ours = pluginCompletions(context, fileName, position);
      if (!ours) return original();
      // The plugin adds, never removes: TypeScript's own entries in the literal stay (an id
      // parameter typed as a union of known ids has string-literal completions of its own).
      const theirs = original();
      return theirs ? mergeCompletions(ours, theirs) : ours;
    });
  };

  proxy.getCompletionEntryDetails = (fileName, position, entryName, formatOptions, source, preferences, data) =>
    context.guard(
      'completion details',
      () => ls.getCompletionEntryDetails(fileName, position, entryName, formatOptions, source, preferences, data),
      () =>
        (source === undefined ? pluginCompletionDetails(context, fileName, position, entryName) : undefined) ??
        ls.getCompletionEntryDetails(fileName, position, entryName, formatOptions, source, preferences, data),
    );

  proxy.getQuickInfoAtPosition = (fileName, position, ...rest: unknown[]) => {
    const original = (): TS.QuickInfo | undefined =>
      (ls.getQuickInfoAtPosition as (...a: unknown[]) => TS.QuickInfo | undefined)(fileName, position, ...rest);
    return context.guard('quick info', original, () => pluginQuickInfo(context, fileName, position) ?? original());
  };

  proxy.getCodeFixesAtPosition = (fileName, start, end, errorCodes, formatOptions, preferences) => {
    const original = ls.getCodeFixesAtPosition(fileName, start, end, errorCodes, formatOptions, preferences);
    return context.guard(
      'quick fixes',
      () => original,
      () => {
        const ours = pluginCodeFixes(context, fileName, start, end, errorCodes, readCatalogText);
        return ours.length === 0 ? original : [...original, ...ours];
      },
    );
  };

  // Treated as optional (as before); read as a function-typed property, then called on `ls`.
  const supported = (ls as { getSupportedCodeFixes?: (fileName?: string) => readonly string[] }).getSupportedCodeFixes;
  if (typeof supported === 'function') {
    proxy.getSupportedCodeFixes = (fileName?: string) => {
      const original = supported.call(ls, fileName);
      const ours = FIXABLE_CODES.map(String).filter((code) => !original.includes(code));
      return ours.length === 0 ? original : [...original, ...ours];
    };
  }

  // Definitions add to TypeScript's too: the catalog entry first, then whatever TypeScript finds.
  proxy.getDefinitionAndBoundSpan = (fileName, position) => {
    const original = (): TS.DefinitionInfoAndBoundSpan | undefined => ls.getDefinitionAndBoundSpan(fileName, position);
    return context.guard('definition', original, () => {
      const ours = pluginDefinition(context, fileName, position);
      if (!ours) return original();
      const theirs = original()?.definitions ?? [];
      return theirs.length === 0 ? ours : { ...ours, definitions: [...(ours.definitions ?? []), ...theirs] };
    });
  };

  proxy.getDefinitionAtPosition = (fileName, position, ...rest: unknown[]) => {
    const original = (): readonly TS.DefinitionInfo[] | undefined =>
      (ls.getDefinitionAtPosition as (...a: unknown[]) => readonly TS.DefinitionInfo[] | undefined)(
        fileName,
        position,
        ...rest,
      );
    return context.guard('definition', original, () => {
      const ours = pluginDefinition(context, fileName, position)?.definitions;
      return ours ? [...ours, ...(original() ?? [])] : original();
    });
  };

  // Like completions, references add to TypeScript's: a literal of a string-literal type has references of its own.
  proxy.findReferences = (fileName, position) => {
    const original = (): TS.ReferencedSymbol[] | undefined => ls.findReferences(fileName, position);
    return context.guard('find references', original, () => {
      const ours = pluginFindReferences(context, fileName, position);
      return ours ? mergeReferencedSymbols(ours, original()) : original();
    });
  };

  proxy.getReferencesAtPosition = (fileName, position) => {
    const original = (): TS.ReferenceEntry[] | undefined => ls.getReferencesAtPosition(fileName, position);
    return context.guard('references', original, () => {
      const ours = pluginFindReferences(context, fileName, position)?.[0]?.references;
      return ours ? [...ours, ...uncovered(ours, original() ?? [])] : original();
    });
  };

  return proxy;
}

/** Our completion info with TypeScript's entries of other names after ours (ours describe an id better). */
function mergeCompletions(
  ours: TS.CompletionInfo,
  theirs: TS.WithMetadata<TS.CompletionInfo>,
): TS.WithMetadata<TS.CompletionInfo> {
  const names = new Set(ours.entries.map((entry) => entry.name));
  const extra = theirs.entries.filter((entry) => !names.has(entry.name));
  return extra.length === 0 ? ours : { ...ours, entries: [...ours.entries, ...extra] };
}

/**
 * Our referenced symbols, then TypeScript's with the references ours already cover dropped:
 * TypeScript marks a string literal's text, we mark the literal with its quotes — one place.
 */
function mergeReferencedSymbols(
  ours: TS.ReferencedSymbol[],
  theirs: readonly TS.ReferencedSymbol[] | undefined,
): TS.ReferencedSymbol[] {
  const covering = ours.flatMap((symbol) => symbol.references);
  const extra = (theirs ?? [])
    .map((symbol) => ({ ...symbol, references: uncovered(covering, symbol.references) }))
    .filter((symbol) => symbol.references.length > 0);
  return extra.length === 0 ? ours : [...ours, ...extra];
}

/** The references of `theirs` whose span no reference of `ours` in the same file contains. */
function uncovered<T extends TS.DocumentSpan>(ours: readonly TS.DocumentSpan[], theirs: readonly T[]): T[] {
  const contains = (outer: TS.DocumentSpan, inner: TS.DocumentSpan): boolean =>
    outer.fileName === inner.fileName &&
    outer.textSpan.start <= inner.textSpan.start &&
    inner.textSpan.start + inner.textSpan.length <= outer.textSpan.start + outer.textSpan.length;
  return theirs.filter((entry) => !ours.some((own) => contains(own, entry)));
}
