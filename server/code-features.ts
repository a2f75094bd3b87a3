import {
  CompletionItemKind,
  CompletionItemTag,
  DiagnosticSeverity,
  DiagnosticTag,
  MarkupKind,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type Hover,
  type Location,
  type Range as LspRange,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { completeAt, resolvePartAt, type CompletionCandidate } from '../catalog/callsite/complete';
import { describeEntry } from '../catalog/callsite/describe';
import type { Finding } from '../catalog/callsite/findings';
import { renderMessage } from '../catalog/callsite/messages';
import { describeProblems } from '../catalog/callsite/problems';
import type { ErrorIdReference } from '../catalog/callsite/reference';
import type { Range } from '../catalog/callsite/site';
import type { Catalog } from '../catalog/catalog';
import { formatHexCode } from '../catalog/ids';
import type { CatalogDomain, CatalogError, CatalogLocation, CatalogSubdomain } from '../catalog/model';
import type { Project } from '../catalog/project';
import { browsingCatalog, checkingCatalog, findingsOf, referencesWhileTyping } from './code-analysis';
import { uriOf } from './paths';
import type { Settings, Severity } from './settings';

export const SOURCE = 'error-catalog';

const LSP_SEVERITY: Readonly<Record<Exclude<Severity, 'off'>, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function lspRange(document: TextDocument, range: Range): LspRange {
  return { start: document.positionAt(range[0]), end: document.positionAt(range[1]) };
}

/** The diagnostics of a code document: the ESLint rules' findings and words, and one for a broken catalog. */
export function codeDiagnostics(
  document: TextDocument,
  project: Project,
  references: readonly ErrorIdReference[],
  severity: Settings['severity'],
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  if (project.problems.length > 0 && (project.config !== undefined || references.length > 0)) {
    // Without any config only files that raise errors hear about it; a broken catalog is told to every file.
    const at = references[0]?.range ?? [0, 0];
    diagnostics.push({
      range: lspRange(document, at),
      severity: DiagnosticSeverity.Warning,
      source: SOURCE,
      code: 'catalogProblem',
      message: renderMessage('catalogProblem', describeProblems(project.problems)),
    });
  }
  const catalog = checkingCatalog(project);
  if (!catalog) return diagnostics;
  for (const finding of findingsOf(references, catalog)) {
    // Dynamic findings never reach here (findingsOf leaves them to the linter).
    const wanted = finding.kind === 'dynamic' ? 'off' : severity[finding.kind];
    if (wanted !== 'off') diagnostics.push(findingDiagnostic(document, finding, LSP_SEVERITY[wanted]));
  }
  return diagnostics;
}

function findingDiagnostic(document: TextDocument, finding: Finding, severity: DiagnosticSeverity): Diagnostic {
  const diagnostic: Diagnostic = {
    range: lspRange(document, finding.range),
    severity,
    source: SOURCE,
    code: finding.messageId,
    message: finding.message,
  };
  // Lets editors strike the deprecated id through, as they do for deprecated APIs.
  if (finding.kind === 'deprecated') diagnostic.tags = [DiagnosticTag.Deprecated];
  return diagnostic;
}

/** What a completion item carries to `completionItem/resolve`: enough to find its entry again. */
export interface CompletionData {
  readonly file: string;
  readonly path: readonly string[];
}

/** Completion inside the id literal of a recognised call, segment by segment; null elsewhere. */
export function codeCompletion(
  document: TextDocument,
  file: string,
  project: Project,
  /** The document's references when it parses (cached per version); undefined while it does not. */
  parsed: readonly ErrorIdReference[] | undefined,
  offset: number,
): CompletionList | null {
  const catalog = browsingCatalog(project);
  if (!catalog) return null;
  const references = parsed ?? referencesWhileTyping(document.getText(), file, project.matcher, offset);
  for (const reference of references) {
    const result = completeAt(reference, catalog, offset);
    if (!result) continue;
    const range = lspRange(document, result.replace);
    const items = result.candidates.map((candidate, index): CompletionItem => {
      const item: CompletionItem = {
        label: candidate.text,
        kind: candidate.group ? CompletionItemKind.Module : CompletionItemKind.Constant,
        // Our order (catalog order, deprecated last) survives clients that sort by sortText.
        sortText: `${candidate.deprecated ? 1 : 0}${String(index).padStart(6, '0')}`,
        filterText: candidate.text,
        textEdit: { range, newText: candidate.text },
        labelDetails: { description: summary(candidate) },
        data: { file, path: pathOf(candidate.entry) } satisfies CompletionData,
      };
      if (candidate.deprecated) item.tags = [CompletionItemTag.Deprecated];
      return item;
    });
    return { isIncomplete: result.incomplete, items };
  }
  return null;
}

/** Adds the entry's documentation to a completion item. */
export function resolveCompletion(item: CompletionItem, catalog: Catalog | undefined): CompletionItem {
  const data = item.data as Partial<CompletionData> | undefined;
  const path = Array.isArray(data?.path) ? (data.path as unknown[]) : [];
  if (!catalog || !path.every((segment) => typeof segment === 'string')) return item;
  const entry = entryAt(catalog, path);
  if (!entry) return item;
  const described = describeEntry(catalog, entry);
  return { ...item, detail: described.title, documentation: { kind: MarkupKind.Markdown, value: described.markdown } };
}

/** Hover on an id literal, or on any part of a split id. */
export function codeHover(
  document: TextDocument,
  project: Project,
  references: readonly ErrorIdReference[],
  offset: number,
): Hover | null {
  const catalog = browsingCatalog(project);
  const at = catalog ? resolveAt(references, catalog, offset) : undefined;
  if (!catalog || !at) return null;
  // Any part of a split id describes the whole error when there is one, else what the part names.
  const entry = at.error ?? at.entry;
  if (!entry) return null;
  const described = describeEntry(catalog, entry);
  return {
    contents: { kind: MarkupKind.Markdown, value: `\`\`\`text\n${described.title}\n\`\`\`\n\n${described.markdown}` },
    range: lspRange(document, at.part.range),
  };
}

/** Go to definition: the key of the entry in the catalog JSON (a domain or subdomain part goes to that entry). */
export function codeDefinition(
  project: Project,
  references: readonly ErrorIdReference[],
  offset: number,
): Location | null {
  const catalog = browsingCatalog(project);
  const at = catalog ? resolveAt(references, catalog, offset) : undefined;
  const entry = at?.entry ?? at?.error;
  const location = entry && catalog?.locationOf(entry);
  return location ? catalogLocation(location) : null;
}

export function catalogLocation(location: CatalogLocation): Location {
  // Keys sit on one line: the end is the start moved by the key's length.
  const start = { line: location.line - 1, character: location.column - 1 };
  return {
    uri: uriOf(location.file),
    range: { start, end: { line: start.line, character: start.character + location.length } },
  };
}

export function resolveAt(references: readonly ErrorIdReference[], catalog: Catalog, offset: number) {
  for (const reference of references) {
    if (offset < reference.range[0] || offset > reference.range[1]) continue;
    const resolved = resolvePartAt(reference, catalog, offset);
    if (resolved) return { ...resolved, reference };
  }
  return undefined;
}

function pathOf(entry: CatalogDomain | CatalogSubdomain | CatalogError): string[] {
  if ('fullCode' in entry) return [entry.subdomain.domain.name, entry.subdomain.name, entry.name];
  if ('subdomains' in entry) return [entry.name];
  return [entry.domain.name, entry.name];
}

function entryAt(
  catalog: Catalog,
  path: readonly string[],
): CatalogDomain | CatalogSubdomain | CatalogError | undefined {
  const [domain, subdomain, name] = path;
  if (domain === undefined) return undefined;
  if (subdomain === undefined) return catalog.getDomain(domain);
  if (name === undefined) return catalog.getSubdomain(domain, subdomain);
  return catalog.findError(domain, subdomain, name);
}

/** The short text beside an entry: hex code and message for an error, the code for a group. */
function summary(candidate: CompletionCandidate): string {
  const entry = candidate.entry;
  if ('fullCode' in entry) return `${formatHexCode(entry.fullCode)} ${truncate(entry.message, 80)}`;
  if ('subdomains' in entry) {
    let count = 0;
    for (const subdomain of entry.subdomains.values()) count += subdomain.errors.size;
    return `domain ${entry.code} · ${count} errors`;
  }
  return `subdomain ${entry.code} · ${entry.errors.size} errors`;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
