import { dirname } from 'node:path';
import type * as TS from 'typescript';
import {
  describeProblems,
  getProject,
  renderMessage,
  type Catalog,
  type CatalogProblem,
  type ConfigInput,
  type Project,
} from '../catalog/index';

export type Severity = 'error' | 'warning' | 'suggestion' | 'off';
export type SeverityKind = 'unknown' | 'deprecated' | 'placeholders';

/**
 * The plugin's entry in tsconfig `compilerOptions.plugins`: its name, optionally the project
 * config inline, and the editor-only `severity` of each kind of finding.
 */
export type PluginConfig = ConfigInput & {
  readonly name?: string;
  readonly configFile?: string;
  readonly severity?: Partial<Record<SeverityKind, Severity>>;
};

const DEFAULT_SEVERITY: Readonly<Record<SeverityKind, Severity>> = {
  unknown: 'error',
  deprecated: 'warning',
  placeholders: 'error',
};

export interface Logger {
  info(message: string): void;
}

/**
 * What every feature needs for one tsserver project: the project config and catalog for a file,
 * the current program, and a logger. One per `create` call.
 */
export class PluginContext {
  private config: PluginConfig;
  private lastLoggedProblems = '';

  constructor(
    readonly ts: typeof TS,
    readonly languageService: TS.LanguageService,
    readonly baseDir: string,
    config: PluginConfig | undefined,
    private readonly logger: Logger,
  ) {
    this.config = config ?? {};
  }

  setConfig(config: PluginConfig | undefined): void {
    this.config = config ?? {};
  }

  /** The error-catalog project of a source file: the inline tsconfig options, or the nearest config file. */
  projectFor(fileName: string): Project {
    // Only the project config goes to the shared loader; name and severity are the plugin's own.
    const { name: _name, severity: _severity, ...inline } = this.config;
    const hasInline = Object.keys(inline).length > 0;
    const project = getProject({
      file: fileName,
      ...(hasInline ? { inline, baseDir: this.baseDir, inlineLabel: 'tsconfig plugin options' } : {}),
    });
    this.logProblems(project);
    return project;
  }

  /** The diagnostic category of a kind of finding, from the `severity` option; undefined when it is off. */
  categoryOf(kind: SeverityKind): TS.DiagnosticCategory | undefined {
    const wanted = this.config.severity?.[kind];
    const severity =
      wanted === 'error' || wanted === 'warning' || wanted === 'suggestion' || wanted === 'off'
        ? wanted
        : DEFAULT_SEVERITY[kind];
    const categories = this.ts.DiagnosticCategory;
    return severity === 'off'
      ? undefined
      : severity === 'error'
        ? categories.Error
        : severity === 'warning'
          ? categories.Warning
          : categories.Suggestion;
  }

  /** The catalog to check against: never a broken one; the last good one while the current is broken. */
  checkingCatalog(project: Project): Catalog | undefined {
    return project.problems.length === 0 ? project.catalog : project.lastGoodCatalog;
  }

  /** The catalog to complete and describe from: a partial catalog is better than none there. */
  browsingCatalog(project: Project): Catalog | undefined {
    return project.problems.length === 0 ? project.catalog : (project.lastGoodCatalog ?? project.catalog);
  }

  /** The file's current SourceFile in the program (its text, and the object caches are keyed by), or undefined outside it. */
  sourceFileOf(fileName: string): TS.SourceFile | undefined {
    return this.languageService.getProgram()?.getSourceFile(fileName);
  }

  log(message: string): void {
    try {
      this.logger.info(`[error-catalog] ${message}`);
    } catch {
      // A logger that throws must not take the editor down with it.
    }
  }

  /** Runs a feature; on any failure logs it and returns the language service's own answer. */
  guard<T>(feature: string, original: () => T, run: () => T): T {
    try {
      return run();
    } catch (error) {
      this.log(`${feature} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return original();
    }
  }

  private logProblems(project: Project): void {
    const key = project.problems.length === 0 ? '' : project.fingerprint;
    if (key === this.lastLoggedProblems) return;
    this.lastLoggedProblems = key;
    if (key === '') this.log('catalog loaded without problems');
    else {
      const kept = project.lastGoodCatalog ? '; serving the last good catalog' : '';
      this.log(
        `catalog problems${kept}:\n${project.problems.map((p) => `  ${p.file}:${p.line}:${p.column}: ${p.message}`).join('\n')}`,
      );
    }
  }

  /** The one-line diagnostic text for a broken catalog or config. */
  problemMessage(problems: readonly CatalogProblem[]): string {
    return renderMessage('catalogProblem', describeProblems(problems));
  }
}

/** The directory inline config paths are relative to: the tsconfig's, else the project's. */
export function baseDirOf(project: TS.server.Project): string {
  const name = project.getProjectName();
  return /\.json$/i.test(name) ? dirname(name) : project.getCurrentDirectory();
}
