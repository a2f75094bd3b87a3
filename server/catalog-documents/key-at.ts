import { findNodeAtOffset, getNodePath, type Node } from 'jsonc-parser';
import type { CatalogKey } from '../../catalog/edit/plan';
import { parseCatalogText, placeOf, type ParsedCatalogText } from './parsed-text';

export type CatalogKeyAt = CatalogKey & {
  /** The name inside the key's quotes, as offsets [start, end): what a rename replaces. */
  readonly range: readonly [number, number];
};

/** The domain, subdomain or error whose key (property name) is at `offset` in a catalog file's text. */
export function catalogKeyAt(text: string, file: string, offset: number): CatalogKeyAt | undefined {
  const parsed = parseCatalogText(file, text);
  const key = keyNodeAt(parsed, offset);
  if (!key?.parent?.parent) return undefined;
  const place = placeOf(parsed, [...getNodePath(key.parent.parent), key.value as string]);
  if (!place || place.kind === 'error-field') return undefined;
  return { ...place, range: [key.offset + 1, key.offset + key.length - 1] };
}

/** The property-name string node at `offset` (its quotes included), if any. */
export function keyNodeAt(parsed: ParsedCatalogText, offset: number): Node | undefined {
  if (!parsed.root) return undefined;
  const node = findNodeAtOffset(parsed.root, offset, true);
  if (node?.type !== 'string' || node.parent?.type !== 'property' || node.parent.children?.[0] !== node)
    return undefined;
  return node;
}
