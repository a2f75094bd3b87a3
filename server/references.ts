import type { Location } from 'vscode-languageserver';
import type { ErrorIdReference, IdPart } from '../catalog/callsite/reference';
import { referenceNamesKey } from '../catalog/callsite/rename';
import type { Range } from '../catalog/callsite/site';
import type { Catalog } from '../catalog/catalog';
import type { CatalogKey } from '../catalog/edit/index';
import type { Project } from '../catalog/project';
import { catalogLocation } from './code-features';
import type { TextSource } from './texts';
import { analyseText } from './code-analysis';
import { mayNameKey, type WorkspaceIndex } from './workspace-index';

/**
 * Every call of the project that names a catalog key (an error, or anything under a domain or
 * subdomain), from the workspace index — as complete as the index is when asked — and the key
 * in the catalog when `includeDeclaration`.
 */
export function keyReferences(
  key: CatalogKey,
  project: Project,
  catalog: Catalog,
  index: WorkspaceIndex,
  texts: TextSource,
  includeDeclaration: boolean,
): Location[] {
  const locations: Location[] = [];
  if (includeDeclaration) {
    const entry =
      key.kind === 'domain'
        ? catalog.getDomain(key.domain)
        : key.kind === 'subdomain'
          ? catalog.getSubdomain(key.domain, key.subdomain)
          : catalog.findError(key.domain, key.subdomain, key.name);
    const location = entry && catalog.locationOf(entry);
    if (location) locations.push(catalogLocation(location));
  }
  for (const [file, indexed] of index.filesOf(project.config?.file)) {
    // The index narrows the files; the calls come from the file's current text (the index keeps no ranges).
    if (!mayNameKey(indexed, key)) continue;
    const document = texts.document(file);
    if (!document) continue;
    const analysis = analyseText(document.getText(), file, project.matcher);
    if (!analysis.ok) continue;
    const spans = new Map<string, Range>();
    for (const { reference } of analysis.references) {
      if (!referenceNamesKey(reference, key)) continue;
      const span = spanOf(reference, key);
      spans.set(`${span[0]}:${span[1]}`, span);
    }
    if (spans.size === 0) continue;
    const uri = texts.uriOf(file);
    for (const [start, end] of spans.values())
      locations.push({ uri, range: { start: document.positionAt(start), end: document.positionAt(end) } });
  }
  return locations;
}

/** What to highlight: the id literal, or the part of a split id that names the key. */
function spanOf(reference: ErrorIdReference, key: CatalogKey): Range {
  const level = key.kind === 'domain' ? 0 : key.kind === 'subdomain' ? 1 : 2;
  const parts: IdPart[] =
    reference.form === 'dotted'
      ? [reference.id, reference.id, reference.id]
      : reference.form === 'scope'
        ? [reference.domain, reference.subdomain]
        : [reference.domain, reference.subdomain, reference.name];
  const part = parts[level];
  return part && part.kind !== 'missing' ? part.range : reference.range;
}
