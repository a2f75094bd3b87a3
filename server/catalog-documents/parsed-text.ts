import { parse, visit, type ParseError } from 'jsonc-parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { JsonPath } from '../../catalog/model';
import { catalogFileDomains } from '../../catalog/sources';

/** A domain as laid out in a catalog file's text. */
export interface DomainInText {
  readonly name: string;
  /** Path of the domain object in the file (`[]` for a domain file). */
  readonly path: JsonPath;
}

/**
 * A catalog document's text, parsed once per edit. No syntax tree: building one for a 12 MB
 * single-file catalog costs over a second, so positions come from jsonc-parser's scanner
 * (`getLocation`, `visit`) and values from the parsed JSON.
 */
export interface ParsedCatalogText {
  readonly file: string;
  readonly text: string;
  readonly document: TextDocument;
  /** The value of `JSON.parse(text)`, or undefined when the text is not valid JSON. */
  readonly json: unknown;
  /** The value as far as it parses (jsonc-parser's tolerant parse when the text is not valid JSON). */
  readonly value: unknown;
  readonly domains: readonly DomainInText[];
}

/**
 * The last few texts parsed. Every request on a document (hover, completion, diagnostics…) gets
 * the same text until the next edit, so they share one parse.
 */
const CACHE_SIZE = 8;
const cache = new Map<string, ParsedCatalogText>();

export function parseCatalogText(file: string, text: string): ParsedCatalogText {
  const cached = cache.get(file);
  if (cached && cached.text === text) return cached;
  let json: unknown;
  let value: unknown;
  try {
    json = JSON.parse(text);
    value = json;
  } catch {
    const errors: ParseError[] = [];
    value = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  }
  const domains = isRecord(value) ? catalogFileDomains(file, value).map(({ name, path }) => ({ name, path })) : [];
  const parsed = { file, text, document: TextDocument.create(file, 'json', 0, text), json, value, domains };
  cache.delete(file);
  cache.set(file, parsed);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return parsed;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The value at `path` in the parsed document (own properties only). */
export function valueAt(parsed: ParsedCatalogText, path: JsonPath): unknown {
  let value: unknown = parsed.value;
  for (const segment of path) {
    if (!isRecord(value) || typeof segment !== 'string' || !Object.hasOwn(value, segment)) return undefined;
    value = value[segment];
  }
  return value;
}

const SUBDOMAINS_KEYS: ReadonlySet<string | number> = new Set(['subDomains', 'subdomains']);

/** Where a JSON path points in a catalog: a domain, subdomain or error object, or a field of an error. */
export type CatalogPlace =
  | { readonly kind: 'domain'; readonly domain: string }
  | { readonly kind: 'subdomain'; readonly domain: string; readonly subdomain: string }
  | { readonly kind: 'error'; readonly domain: string; readonly subdomain: string; readonly name: string }
  | {
      readonly kind: 'error-field';
      readonly domain: string;
      readonly subdomain: string;
      readonly name: string;
      readonly field: string;
    };

/** What a path of the file's JSON names, for the file's domains. */
export function placeOf(parsed: ParsedCatalogText, path: JsonPath): CatalogPlace | undefined {
  for (const domain of parsed.domains) {
    if (path.length < domain.path.length || !domain.path.every((segment, i) => path[i] === segment)) continue;
    const rest = path.slice(domain.path.length);
    if (rest.length === 0) return domain.path.length > 0 ? { kind: 'domain', domain: domain.name } : undefined;
    if (!SUBDOMAINS_KEYS.has(rest[0]!) || typeof rest[1] !== 'string') return undefined;
    const subdomain = rest[1];
    if (rest.length === 2) return { kind: 'subdomain', domain: domain.name, subdomain };
    if (rest[2] !== 'errors' || typeof rest[3] !== 'string') return undefined;
    const name = rest[3];
    if (rest.length === 4) return { kind: 'error', domain: domain.name, subdomain, name };
    if (rest.length === 5 && typeof rest[4] === 'string')
      return { kind: 'error-field', domain: domain.name, subdomain, name, field: rest[4] };
    return undefined;
  }
  return undefined;
}

/** Every error key in the text: its id, and the offset and length of the key (quotes included). */
export function errorKeys(parsed: ParsedCatalogText): Array<{ id: string; offset: number; length: number }> {
  const keys: Array<{ id: string; offset: number; length: number }> = [];
  // The path of the object being read: the key that opened each enclosing object.
  const path: string[] = [];
  let lastKey = '';
  visit(
    parsed.text,
    {
      onObjectBegin: () => {
        path.push(lastKey);
      },
      onObjectEnd: () => {
        path.pop();
      },
      onArrayBegin: () => {
        path.push(lastKey);
        lastKey = '';
      },
      onArrayEnd: () => {
        path.pop();
      },
      onObjectProperty: (name, offset, length) => {
        lastKey = name;
        // path[0] is the root object's placeholder; an error key sits at [...domain, subDomains, sub, errors].
        if (path.length < 4 || path[path.length - 1] !== 'errors') return;
        const place = placeOf(parsed, [...path.slice(1), name]);
        if (place?.kind === 'error')
          keys.push({ id: `${place.domain}.${place.subdomain}.${place.name}`, offset, length });
      },
    },
    { allowTrailingComma: true, disallowComments: false },
  );
  return keys;
}
