import { resolve } from 'node:path';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { classTable } from '../../catalog/classes';
import { findDuplicateKeys } from '../../catalog/duplicate-keys';
import type { CatalogProblem } from '../../catalog/model';
import type { Project } from '../../catalog/project';
import { readCatalogSources, readCatalogText, type DomainSource, type ReadResult } from '../../catalog/sources';
import { buildCatalog } from '../../catalog/validate';
import { parseCatalogText } from './parsed-text';
import { problemRange } from './ranges';

export const DIAGNOSTIC_SOURCE = 'error-catalog';

/**
 * The catalog as on disk, per project. A `Project` is replaced whenever a file of its catalog
 * changes on disk, so this is read once per disk version; each keystroke then only parses the
 * edited document and re-validates.
 */
const diskSources = new WeakMap<Project, ReadResult>();

/**
 * Every problem `error-catalog check` reports for one catalog file, computed from the document's
 * unsaved `text` (the other catalog files as on disk): JSON syntax, validation (names, codes,
 * classes, messages, deprecations, replacements across files) and duplicate keys. Empty for a
 * file that is not part of the project's catalog.
 */
export function catalogDocumentDiagnostics(text: string, file: string, project: Project): Diagnostic[] {
  const config = project.config;
  if (!config) return [];
  const target = resolve(file);
  let disk = diskSources.get(project);
  if (!disk) {
    disk = readCatalogSources(config.catalog);
    diskSources.set(project, disk);
  }
  const order = disk.watched.findIndex((w) => w.path === target);
  if (order < 0) return [];

  const own = readCatalogText(target, text);
  const domains = withDocument(disk, own.domains, target, order);
  const { problems: validation } = buildCatalog(domains, classTable(config.classes));
  const problems: CatalogProblem[] = [];
  for (const problem of [...own.problems, ...validation]) if (problem.file === target) problems.push(problem);
  for (const problem of findDuplicateKeys(target, text)) problems.push(problem);
  problems.sort((a, b) => a.line - b.line || a.column - b.column);

  const parsed = parseCatalogText(target, text);
  return problems.map((problem) => ({
    range: problemRange(parsed, problem.line, problem.column),
    severity: DiagnosticSeverity.Error,
    source: DIAGNOSTIC_SOURCE,
    message: problem.message,
  }));
}

/** The disk's domains with the document's in place of its disk version, in the loader's file order. */
function withDocument(disk: ReadResult, own: readonly DomainSource[], target: string, order: number): DomainSource[] {
  const position = new Map(disk.watched.map((w, index) => [w.path, index]));
  const domains: DomainSource[] = [];
  let inserted = false;
  for (const domain of disk.domains) {
    if (domain.file === target) continue;
    if (!inserted && (position.get(domain.file) ?? 0) > order) {
      for (const domain of own) domains.push(domain);
      inserted = true;
    }
    domains.push(domain);
  }
  if (!inserted) for (const domain of own) domains.push(domain);
  return domains;
}
