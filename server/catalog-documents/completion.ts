import { findNodeAtOffset, getNodePath, type Node } from 'jsonc-parser';
import { CompletionItemKind, type CompletionItem, type Range } from 'vscode-languageserver';
import type { Catalog } from '../../catalog/catalog';
import { classTable } from '../../catalog/classes';
import type { Project } from '../../catalog/project';
import { parseCatalogText, placeOf, type ParsedCatalogText } from './parsed-text';

/** Up to this many errors, `replacedBy` offers whole ids; above, one segment at a time (as in code). */
export const WHOLE_ID_LIMIT = 2000;
const TRIGGER_SUGGEST = { title: 'Next segment', command: 'editor.action.triggerSuggest' };

/** Where the cursor is: in (or right after the colon of) the value of an error's `class` or `replacedBy`. */
interface ValueSlot {
  readonly field: 'class' | 'replacedBy';
  readonly id: string;
  /** The range the chosen text replaces (inside the quotes), or where a quoted value is inserted. */
  readonly range: Range;
  /** True when there is no string yet: the completion brings its quotes. */
  readonly quote: boolean;
  /** What is written between the opening quote and the cursor. */
  readonly typed: string;
}

/**
 * Completion in a catalog document: the `class` of an error (the standard and the configured
 * classes, with their HTTP status) and its `replacedBy` (ids of errors that are not deprecated,
 * the error itself left out).
 */
export function catalogDocumentCompletion(
  text: string,
  file: string,
  offset: number,
  project: Project,
): CompletionItem[] {
  const parsed = parseCatalogText(file, text);
  const slot = valueSlotAt(parsed, offset);
  if (!slot) return [];
  const wrap = (value: string): string => (slot.quote ? JSON.stringify(value) : value);
  if (slot.field === 'class') {
    return [...classTable(project.config?.classes)].map(([name, status], index) => ({
      label: name,
      kind: CompletionItemKind.EnumMember,
      detail: `HTTP ${status}`,
      sortText: String(index).padStart(4, '0'),
      textEdit: { range: slot.range, newText: wrap(name) },
    }));
  }
  const catalog = project.catalog ?? project.lastGoodCatalog;
  if (!catalog) return [];
  return replacementItems(catalog, slot).map((item) => ({
    ...item,
    filterText: wrap(item.newText),
    textEdit: { range: slot.range, newText: wrap(item.newText) },
    ...(item.partial && !slot.quote ? { command: TRIGGER_SUGGEST } : {}),
  }));
}

interface Replacement {
  readonly label: string;
  readonly newText: string;
  readonly kind: CompletionItemKind;
  readonly detail?: string;
  /** A domain or subdomain prefix: choosing it asks for the next segment. */
  readonly partial: boolean;
}

function replacementItems(catalog: Catalog, slot: ValueSlot): Replacement[] {
  const items: Replacement[] = [];
  const offerError = (id: string, label: string): void => {
    const error = catalog.getError(id);
    if (!error || id === slot.id || catalog.isDeprecated(error)) return;
    items.push({
      label,
      newText: id,
      kind: CompletionItemKind.Value,
      detail: `${catalog.hexCode(error)} ${error.class}`,
      partial: false,
    });
  };
  if (catalog.size <= WHOLE_ID_LIMIT) {
    for (const error of catalog.errors()) offerError(error.id, error.id);
    return items;
  }
  const segments = slot.typed.split('.');
  if (segments.length === 1) {
    for (const domain of catalog.domains.values()) {
      if (domain.deprecated === undefined)
        items.push({ label: domain.name, newText: `${domain.name}.`, kind: CompletionItemKind.Module, partial: true });
    }
  } else if (segments.length === 2) {
    for (const subdomain of catalog.getDomain(segments[0]!)?.subdomains.values() ?? []) {
      if (subdomain.deprecated !== undefined) continue;
      const newText = `${segments[0]}.${subdomain.name}.`;
      items.push({ label: subdomain.name, newText, kind: CompletionItemKind.Module, partial: true });
    }
  } else {
    for (const error of catalog.getSubdomain(segments[0]!, segments[1]!)?.errors.values() ?? [])
      offerError(error.id, error.name);
  }
  return items;
}

function valueSlotAt(parsed: ParsedCatalogText, offset: number): ValueSlot | undefined {
  if (!parsed.root) return undefined;
  const node = findNodeAtOffset(parsed.root, offset, true);
  if (!node) return undefined;
  const { document, text } = parsed;
  if (node.type === 'string' && node.parent?.type === 'property' && node.parent.children?.[1] === node) {
    const start = node.offset + 1;
    const closed = node.length >= 2 && text[node.offset + node.length - 1] === '"';
    const end = node.offset + node.length - (closed ? 1 : 0);
    if (offset < start || offset > end) return undefined;
    const slot = fieldOf(parsed, node.parent);
    if (!slot) return undefined;
    const range = { start: document.positionAt(start), end: document.positionAt(end) };
    return { ...slot, range, quote: false, typed: text.slice(start, offset) };
  }
  if (node.type === 'property' && node.children?.length === 1 && node.colonOffset !== undefined) {
    if (offset <= node.colonOffset) return undefined;
    const slot = fieldOf(parsed, node);
    if (!slot) return undefined;
    const at = document.positionAt(offset);
    return { ...slot, range: { start: at, end: at }, quote: true, typed: '' };
  }
  return undefined;
}

/** The error field a property is, when it is the `class` or `replacedBy` of an error. */
function fieldOf(parsed: ParsedCatalogText, property: Node): Pick<ValueSlot, 'field' | 'id'> | undefined {
  const key: unknown = property.children?.[0]?.value;
  if ((key !== 'class' && key !== 'replacedBy') || !property.parent) return undefined;
  const place = placeOf(parsed, [...getNodePath(property.parent), key]);
  if (place?.kind !== 'error-field') return undefined;
  return { field: key, id: `${place.domain}.${place.subdomain}.${place.name}` };
}
