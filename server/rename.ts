import { ResponseError, ErrorCodes, type Range as LspRange, type WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { resolvePartAt } from '../catalog/callsite/complete';
import type { ErrorIdReference } from '../catalog/callsite/reference';
import { renameAtSite } from '../catalog/callsite/rename';
import type { Range } from '../catalog/callsite/site';
import type { Catalog } from '../catalog/catalog';
import { planCatalogRename, type CatalogKey } from '../catalog/edit/index';
import type { Project } from '../catalog/project';
import { analyseText } from './code-analysis';
import type { TextSource } from './texts';
import { mayNameKey, type WorkspaceIndex } from './workspace-index';
import { WorkspaceEditBuilder } from './workspace-edit';

/** The catalog key under the cursor in code, and the span of the name being renamed. */
export interface KeyAtCursor {
  readonly key: CatalogKey;
  /** What the user edits: the segment of a dotted id, or the whole split part. */
  readonly range: Range;
  readonly name: string;
}

/**
 * The key a part of an id literal names: in a dotted id the segment under the cursor decides
 * (domain, subdomain or error name), in a split id the part. Only keys in the catalog.
 */
export function keyAtCursor(
  references: readonly ErrorIdReference[],
  catalog: Catalog,
  offset: number,
): KeyAtCursor | undefined {
  for (const reference of references) {
    if (offset < reference.range[0] || offset > reference.range[1]) continue;
    const resolved = resolvePartAt(reference, catalog, offset);
    if (!resolved) continue;
    const part = resolved.part;
    if (resolved.role === 'id') return resolved.error ? dottedKeyAt(part, offset) : undefined;
    const entry = resolved.entry;
    if (!entry) return undefined;
    const inner: Range = [part.range[0] + 1, part.range[1] - 1];
    if ('fullCode' in entry)
      return {
        key: { kind: 'error', domain: entry.subdomain.domain.name, subdomain: entry.subdomain.name, name: entry.name },
        range: inner,
        name: entry.name,
      };
    if ('subdomains' in entry) return { key: { kind: 'domain', domain: entry.name }, range: inner, name: entry.name };
    return {
      key: { kind: 'subdomain', domain: entry.domain.name, subdomain: entry.name },
      range: inner,
      name: entry.name,
    };
  }
  return undefined;
}

/** The key named by the segment of a dotted id literal under the cursor. */
function dottedKeyAt(part: { readonly value: string; readonly range: Range }, offset: number): KeyAtCursor | undefined {
  const segments = part.value.split('.') as [string, string, string];
  // Offsets map onto segments only when the literal's text is its value (no escapes).
  if (segments.length !== 3 || part.range[1] - part.range[0] !== part.value.length + 2) return undefined;
  const [domain, subdomain, name] = segments;
  const keys: CatalogKey[] = [
    { kind: 'domain', domain },
    { kind: 'subdomain', domain, subdomain },
    { kind: 'error', domain, subdomain, name },
  ];
  let start = part.range[0] + 1;
  for (let level = 0; level < 3; level++) {
    const end = start + segments[level]!.length;
    if ((offset >= start && offset <= end) || level === 2)
      return { key: keys[level]!, range: [start, end], name: segments[level]! };
    start = end + 1;
  }
  return undefined;
}

/**
 * Renames a key across the catalog (catalog/edit) and every static use in the project's files
 * (catalog/callsite/rename), from the current text of each file. Waits for the workspace index:
 * a rename must see every use. Refused, naming file:line:column, when a use cannot be rewritten.
 */
export async function renameKey(
  project: Project,
  catalog: Catalog,
  key: CatalogKey,
  newName: string,
  index: WorkspaceIndex,
  texts: TextSource,
): Promise<WorkspaceEdit> {
  await index.ready;
  const plan = planCatalogRename(catalog, key, newName, (file) => texts.read(file));
  if (!plan.ok) throw new ResponseError(ErrorCodes.InvalidRequest, `Cannot rename: ${plan.reason}`);
  const edit = new WorkspaceEditBuilder(texts);
  edit.addPlan(plan.changes);
  const configFile = project.config?.file;
  for (const [file, indexed] of [...index.filesOf(configFile)]) {
    // The index narrows the files; the edits come from the file's current text.
    // A call that may have to change names the key, or has a part that is not a literal (checked on the current text).
    if (!indexed.indirect && !mayNameKey(indexed, key)) continue;
    let text: string;
    try {
      text = texts.read(file);
    } catch {
      continue;
    }
    const analysis = analyseText(text, file, project.matcher);
    const unparsed = (error: { message: string; offset: number }) =>
      refusal(file, text, [error.offset, error.offset], `the file does not parse (${error.message})`);
    if (!analysis.ok) throw unparsed(analysis);
    // A repaired text lacks the uses of its blanked lines: no rename can be complete there.
    if (analysis.syntaxError) throw unparsed(analysis.syntaxError);
    const edits = [];
    for (const { reference } of analysis.references) {
      const site = renameAtSite(reference, key, newName, text);
      if (!site.ok) throw refusal(file, text, site.range, site.reason);
      edits.push(...site.edits);
    }
    edit.add(file, edits);
  }
  return edit.build();
}

function refusal(file: string, text: string, range: Range, reason: string): ResponseError<void> {
  const before = text.slice(0, range[0]);
  const line = before.split('\n').length;
  const column = range[0] - before.lastIndexOf('\n');
  return new ResponseError(ErrorCodes.InvalidRequest, `Cannot rename: ${file}:${line}:${column}: ${reason}`);
}

export function toLspRange(document: TextDocument, range: Range): LspRange {
  return { start: document.positionAt(range[0]), end: document.positionAt(range[1]) };
}
