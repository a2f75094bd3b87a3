import { getLocation } from 'jsonc-parser';
import type { CatalogKey } from '../../catalog/edit/plan';
import { parseCatalogText, placeOf } from './parsed-text';

export type CatalogKeyAt = CatalogKey & {
  /** The name inside the key's quotes, as offsets [start, end): what a rename replaces. */
  readonly range: readonly [number, number];
};

/** The domain, subdomain or error whose key (property name) is at `offset` in a catalog file's text. */
export function catalogKeyAt(text: string, file: string, offset: number): CatalogKeyAt | undefined {
  const parsed = parseCatalogText(file, text);
  // On the opening quote, getLocation has not reached the key yet: look one character in.
  const location = getLocation(text, text[offset] === '"' ? offset + 1 : offset);
  const key = location.previousNode;
  if (!location.isAtPropertyKey || key?.type !== 'property' || typeof key.value !== 'string') return undefined;
  const place = placeOf(parsed, location.path);
  if (!place || place.kind === 'error-field') return undefined;
  return { ...place, range: [key.offset + 1, key.offset + key.length - 1] };
}
