import type * as TS from 'typescript';
import {
  checkReference,
  type Catalog,
  type ErrorIdReference,
  type Finding,
  type FindingKind,
  type IdFix,
  type IdPart,
  type Project,
  type Range,
} from '../catalog/index';
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
    for (const finding of checkCached(found.reference, catalog))
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

/**
 * Findings depend on a reference's values and layout, not on where it sits in the file; after an
 * edit most calls are unchanged but moved. So findings are computed once per catalog for a
 * reference shifted to offset 0 (did-you-mean searches are the costly part) and shifted back.
 */
const shapes = new WeakMap<Catalog, Map<string, readonly Finding[]>>();
const MAX_SHAPES = 10_000;

function checkCached(reference: ErrorIdReference, catalog: Catalog): readonly Finding[] {
  const origin = reference.range[0];
  const normalized = shiftReference(reference, -origin);
  const key = JSON.stringify(normalized);
  let byShape = shapes.get(catalog);
  if (!byShape) shapes.set(catalog, (byShape = new Map<string, readonly Finding[]>()));
  let findings = byShape.get(key);
  if (!findings) {
    if (byShape.size >= MAX_SHAPES) byShape.clear();
    findings = checkReference(normalized, catalog);
    byShape.set(key, findings);
  }
  return origin === 0 ? findings : findings.map((finding) => shiftFinding(finding, origin));
}

const shift = (range: Range, by: number): Range => [range[0] + by, range[1] + by];
const shiftPart = (part: IdPart, by: number): IdPart => {
  if (part.kind === 'missing') return part;
  if (part.kind !== 'choice') return { ...part, range: shift(part.range, by) };
  const options = part.options.map((option) => ({ ...option, range: shift(option.range, by) }));
  return { ...part, range: shift(part.range, by), options };
};

function shiftReference(reference: ErrorIdReference, by: number): ErrorIdReference {
  const range = shift(reference.range, by);
  switch (reference.form) {
    case 'dotted':
      return { ...reference, range, id: shiftPart(reference.id, by) };
    case 'scope':
      return {
        ...reference,
        range,
        domain: shiftPart(reference.domain, by),
        subdomain: shiftPart(reference.subdomain, by),
      };
    default:
      return {
        ...reference,
        range,
        domain: shiftPart(reference.domain, by),
        subdomain: shiftPart(reference.subdomain, by),
        name: shiftPart(reference.name, by),
      };
  }
}

function shiftFix(fix: IdFix, by: number): IdFix {
  return { ...fix, edits: fix.edits.map((edit) => ({ ...edit, range: shift(edit.range, by) })) };
}

function shiftFinding(finding: Finding, by: number): Finding {
  return {
    ...finding,
    range: shift(finding.range, by),
    fix: finding.fix && shiftFix(finding.fix, by),
    suggestions: finding.suggestions.map((fix) => shiftFix(fix, by)),
  };
}
