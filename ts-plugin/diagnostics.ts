import type * as TS from 'typescript';
import { type Catalog, type Finding, type FindingKind, type Project } from '../catalog/index';
import { checkReferenceCached } from '../catalog/callsite/cached-check';
import type { PluginContext } from './context';
import { callSitesOf, type FoundCall } from './call-sites';

export const SOURCE = 'error-catalog';

/** One diagnostic code per finding kind, in a range TypeScript does not use, so quick fixes can be registered for them. */
export const CODES = {
  unknown: 93001,
  deprecated: 93002,
  placeholders: 93003,
  catalogProblem: 93004,
} as const;
export const FIXABLE_CODES: readonly number[] = [CODES.unknown, CODES.deprecated];

/** A finding with the reference it was found on, for diagnostics and quick fixes alike. */
export interface LocatedFinding {
  readonly finding: Finding;
  readonly found: FoundCall;
}

/** Per SourceFile object and catalog: an unchanged file is not walked again after another file's edit. */
const cache = new WeakMap<TS.SourceFile, { catalog: Catalog; findings: readonly LocatedFinding[] }>();

export function findingsOf(
  context: PluginContext,
  sourceFile: TS.SourceFile,
  project: Project,
  catalog: Catalog,
): readonly LocatedFinding[] {
  const cached = cache.get(sourceFile);
  if (cached && cached.catalog === catalog) return cached.findings;
  const findings: LocatedFinding[] = [];
  for (const found of callSitesOf(context.ts, sourceFile, project.matcher)) {
    // Dynamic ids are the linter's opt-in report; the editor stays quiet about them.
    for (const finding of checkReferenceCached(found.reference, catalog))
      if (finding.kind !== 'dynamic') findings.push({ finding, found });
  }
  cache.set(sourceFile, { catalog, findings });
  return findings;
}

/** The plugin's diagnostics for a file, to append to its semantic diagnostics. */
export function pluginDiagnostics(context: PluginContext, fileName: string): TS.Diagnostic[] {
  const sourceFile = context.sourceFileOf(fileName);
  if (!sourceFile) return [];
  const project = context.projectFor(fileName);
  const diagnostics: TS.Diagnostic[] = [];
  if (project.problems.length > 0) {
    const references = callSitesOf(context.ts, sourceFile, project.matcher);
    // Without any config, only files that raise errors hear about it; a broken catalog is told to every file.
    if (project.config !== undefined || references.length > 0) {
      const at = references[0]?.site.range ?? [0, 0];
      diagnostics.push(
        diagnostic(
          sourceFile,
          at,
          context.problemMessage(project.problems),
          CODES.catalogProblem,
          context.ts.DiagnosticCategory.Warning,
        ),
      );
    }
  }
  const catalog = context.checkingCatalog(project);
  if (!catalog) return diagnostics;
  for (const { finding } of findingsOf(context, sourceFile, project, catalog)) {
    if (finding.kind === 'dynamic') continue;
    const category = context.categoryOf(finding.kind);
    if (category === undefined) continue;
    const item = diagnostic(sourceFile, finding.range, finding.message, codeOf(finding.kind), category);
    // Lets editors strike the deprecated id through, as they do for @deprecated APIs.
    if (finding.kind === 'deprecated') item.reportsDeprecated = {};
    diagnostics.push(item);
  }
  return diagnostics;
}

export function codeOf(kind: FindingKind): number {
  return kind === 'deprecated' ? CODES.deprecated : kind === 'placeholders' ? CODES.placeholders : CODES.unknown;
}

function diagnostic(
  file: TS.SourceFile,
  range: readonly [number, number],
  messageText: string,
  code: number,
  category: TS.DiagnosticCategory,
): TS.Diagnostic {
  return { file, start: range[0], length: range[1] - range[0], messageText, category, code, source: SOURCE };
}
